"""Catalogue section C: independence, eligibility and disqualification of board members."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import sch1b

ICB = "icb-constitution"


@rule(
    code="ICB030",
    slug="independence-bar",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("4")],
)
def independence_bar(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """No one may be appointed whose appointment could undermine the NHS's independence.

    Requirement: The constitution must prohibit anyone from appointing a board member if
    they consider that the appointment could reasonably be regarded as undermining the
    independence of the health service, because of the candidate's involvement with the
    private healthcare sector or otherwise.
    Why: The bar protects commissioning decisions from private-sector influence, and covers
    every appointer and every seat.
    Fix: Add `independence_private_sector` to `disqualification.criteria` (the clause that
    bars such appointments).
    Source: Schedule 1B paragraph 4 read in the revised text on legislation.gov.uk (S01, [V]).
    """
    criteria = doc.disqualification.criteria if doc.disqualification else ()
    if "independence_private_sector" not in criteria:
        yield Finding(
            ("disqualification", "criteria"),
            "The constitution does not bar appointments that could reasonably be regarded as "
            "undermining the independence of the health service (for example through the "
            "candidate's involvement with private healthcare). Add independence_private_sector "
            "to disqualification.criteria.",
        )
