"""icslint: lint NHS ICB constitutions and ICP terms of reference written as YAML."""

__version__ = "0.1.0"

# The project's home: the source of `schemas/` for editors and the tool's address in SARIF.
PROJECT_URL = "https://github.com/icslint/icslint"
