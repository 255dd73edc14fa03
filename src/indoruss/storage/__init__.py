"""The load cache and the store that loads a fact base and its index once per run."""
