"""YAML files to a validated fact base: where the files are, a safe parse, the checks."""
