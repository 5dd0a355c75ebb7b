"""The policy the rules cite."""

from icslint.api import Citation

POLICY = "Wessex Regional Governance Policy 2025 (fictional)"
URL = "https://example.org/wessex/governance-policy-2025"


def policy(paragraph: str) -> Citation:
    """A paragraph of the policy, as a citation."""
    return Citation(POLICY, f"paragraph {paragraph}", f"{URL}#para-{paragraph}")
