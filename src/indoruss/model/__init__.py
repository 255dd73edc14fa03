"""The fact base as immutable values, and the pure questions asked of it. No I/O."""
