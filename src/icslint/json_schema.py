"""`icslint schema`: JSON Schema (draft 2020-12) of the YAML, generated from the models.

Editors with a YAML language server use it to complete keys, show each field's description
and flag misspelt keys as you type; the models stay the single source of truth.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from icslint import PROJECT_URL
from icslint.models import MODELS, IcbConstitution, IcpTermsOfReference

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Where the published schemas live: the `schemas/` folder of the icslint repository, kept in
# step with the models by a test. `icslint init --schema` points a draft elsewhere.
SCHEMA_BASE_URL = f"{PROJECT_URL.replace('github.com', 'raw.githubusercontent.com')}/main/schemas/"


def schema_url(kind: str) -> str:
    return f"{SCHEMA_BASE_URL}{kind}.schema.json"


def schema_for(kind: str | None = None) -> dict[str, Any]:
    """The schema of one kind of document, or of either kind (chosen by `kind`)."""
    if kind is not None:
        schema = MODELS[kind].model_json_schema()
        schema["title"] = _TITLES[kind]
    else:
        either = TypeAdapter(
            Annotated[IcbConstitution | IcpTermsOfReference, Field(discriminator="kind")]
        )
        schema = either.json_schema()
        schema["title"] = "icslint document"
        schema["description"] = (
            "An ICB constitution (kind: icb-constitution) or ICP terms of reference "
            "(kind: icp-terms-of-reference), as checked by icslint."
        )
    return {"$schema": DRAFT, **schema}


_TITLES = {
    "icb-constitution": "ICB constitution (icslint)",
    "icp-terms-of-reference": "ICP terms of reference (icslint)",
}
