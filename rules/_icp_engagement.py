"""Citations of the ICP engagement document (DHSC, NHS England and LGA, September 2021).

The document has no numbered paragraphs. Provisions are named by the section heading as the
document prints it, then the paragraph, list bullet or principle counted in the order the
document gives them on its gov.uk page.

It is guidance: it says what DHSC, NHS England and the LGA "expect" of partnerships and
"invite" them to consider, and prescribes nothing that terms of reference must contain, so
every rule that rests on it is `requires="conduct"`.
"""

from __future__ import annotations

from icslint.diagnostics import Citation

ICP_ED = (
    "DHSC, NHS England and LGA, Integrated care partnership (ICP) engagement document "
    "(September 2021)"
)
ICP_ED_URL = (
    "https://www.gov.uk/government/publications/integrated-care-partnership-icp-engagement-"
    "document/integrated-care-partnership-icp-engagement-document-integrated-care-system-ics-"
    "implementation"
)

# Section headings, as printed in the document.
CORE_PART = "'ICPs are a core part of ICSs, driving their direction and priorities'"
ROOTED = "'ICPs will be rooted in the needs of people, communities and places'"
SPACE = (
    "'ICPs create a space to develop and oversee strategies to improve health and care outcomes'"
)
OPEN = "'ICPs should take an open and inclusive approach'"
TIMINGS = "'Timings and establishment of ICPs'"
MANDATORY = "'Mandatory requirements for ICPs'"
PRINCIPLES_OF_ICPS = "'Principles of ICPs'"
PRACTICAL_STEPS = "'Practical steps for implementation'"
ANNEX_A_MEMBERSHIP = "Annex A (design framework extract), 'Establishment and membership'"
ANNEX_A_LEADERSHIP = "Annex A (design framework extract), 'Leadership and accountability'"


def icp_ed(provision: str) -> Citation:
    """A citation of the engagement document, e.g. icp_ed(f"{ROOTED} section, paragraph 3")."""
    return Citation(ICP_ED, provision, ICP_ED_URL)


def minimum_list(bullets: str) -> Citation:
    """The "as a minimum" list of expected input, e.g. minimum_list("bullet 2")."""
    return icp_ed(f"{ROOTED} section, paragraph 4 (the 'as a minimum' list), {bullets}")


def principle(number: int) -> Citation:
    """One of the ten partnership principles in Annex A (the design framework extract)."""
    return icp_ed(f"Annex A (design framework extract), partnership principle {number}")
