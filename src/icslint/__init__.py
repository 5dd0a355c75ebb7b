"""icslint: lint NHS ICB constitutions and ICP terms of reference written as YAML."""

__version__ = "0.1.0"
