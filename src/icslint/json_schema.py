"""`icslint schema`: JSON Schema (draft 2020-12) of the YAML, generated from the models.

Editors with a YAML language server use it to complete keys, show each field's description
and flag misspelt keys as you type; the models stay the single source of truth.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from icslint.models import MODELS, IcbConstitution, IcpTermsOfReference
from icslint.packaged import schema_file

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def file_name(kind: str) -> str:
    """The name of a kind's schema file: in `schemas/`, and beside a draft from `icslint init`."""
    return f"{kind}.schema.json"


def packaged_schema(kind: str) -> bytes:
    """The schema of one kind as shipped in the package: the bytes of `schemas/<kind>.schema.json`,
    which a test keeps equal to `icslint schema --kind <kind>`."""
    return schema_file(file_name(kind))


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
