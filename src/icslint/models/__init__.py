"""Document models, one per `kind`."""

from __future__ import annotations

from icslint.models.icb import IcbConstitution
from icslint.models.icp import IcpTermsOfReference

Document = IcbConstitution | IcpTermsOfReference

# The loader picks the model from `kind` explicitly, so that pydantic's error locations are the
# document's own paths (a discriminated union would prefix them with the tag).
MODELS: dict[str, type[IcbConstitution] | type[IcpTermsOfReference]] = {
    "icb-constitution": IcbConstitution,
    "icp-terms-of-reference": IcpTermsOfReference,
}

__all__ = ["MODELS", "Document", "IcbConstitution", "IcpTermsOfReference"]
