"""Catalogue section F: appointing and removing ordinary members."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import sch1b, seat_loc, seat_name, seats_with_role

ICB = "icb-constitution"


@rule(
    code="ICB065",
    slug="ordinary-member-appointer",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("8(1)(a)")],
)
def ordinary_member_appointer(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must say who appoints each ordinary member.

    Requirement: For every ordinary member the constitution must specify who appoints them.
    Why: Without a named appointer there is no lawful route to fill the seat. (Under the
    model constitution the chief executive appoints most ordinary members, subject to the
    chair's approval.)
    Fix: Set `appointed_by` on every seat with `role: ordinary`, for example
    `appointed_by: Chief Executive`.
    Source: Schedule 1B paragraph 8(1)(a), read in the revised text on legislation.gov.uk up
    to its opening words only ("specify who is to appoi..."), which carry this requirement
    (S01, [V] for the opening words); the rest of paragraph 8 was not available.
    """
    for index, seat in seats_with_role(doc, "ordinary"):
        if not seat.appointed_by:
            yield Finding(
                seat_loc(index, "appointed_by"),
                f"Seat {seat_name(seat)} is an ordinary member but the constitution does not say "
                "who appoints it. Add appointed_by (under the model, usually the Chief "
                "Executive with the Chair's approval).",
            )
