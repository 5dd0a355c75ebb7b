"""The JSON Schemas of the YAML (`icslint schema` writes them), installed as the package
`icslint.schemas`: `icslint init` copies one beside each new draft for editors."""
