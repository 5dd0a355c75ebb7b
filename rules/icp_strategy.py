"""Catalogue section Q: the integrated care strategy (LGPIHA 2007 s116ZB)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule

from ._support import s116zb, unless_true

ICP = "icp-terms-of-reference"


@rule(
    code="ICP010",
    slug="prepares-integrated-care-strategy",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(1)")],
)
def prepares_integrated_care_strategy(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP must prepare an integrated care strategy.

    Requirement: The partnership must prepare an integrated care strategy setting out how
    the assessed needs of its area are to be met by the ICB, NHS England and the responsible
    local authorities. The terms of reference should name this as its core function.
    Why: The strategy is the partnership's one statutory task; the ICB and the councils must
    have regard to it.
    Fix: Set `strategy.prepares_integrated_care_strategy: true` and describe the function.
    Source: LGPIHA 2007 section 116ZB(1) read on legislation.gov.uk (S05, [V]).
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.prepares_integrated_care_strategy if strategy else None,
        ("strategy", "prepares_integrated_care_strategy"),
        "The terms of reference do not give the partnership its statutory duty to prepare an "
        "integrated care strategy for the area. Add it to the partnership's functions "
        "(strategy.prepares_integrated_care_strategy: true).",
    )


@rule(
    code="ICP014",
    slug="involves-local-healthwatch",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(4)(a)")],
)
def involves_local_healthwatch(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP must involve Local Healthwatch in preparing the strategy.

    Requirement: In preparing the strategy the partnership must involve each Local
    Healthwatch organisation whose area coincides with, or falls wholly or partly within,
    the partnership's area.
    Why: Healthwatch brings the experience of people who use services into the strategy.
    Fix: Set `strategy.involves_local_healthwatch: true` and name the organisations under
    `strategy.local_healthwatch`.
    Source: LGPIHA 2007 section 116ZB(4)(a) read on legislation.gov.uk (S05, [V]).
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.involves_local_healthwatch if strategy else None,
        ("strategy", "involves_local_healthwatch"),
        "The terms of reference do not commit the partnership to involve each Local "
        "Healthwatch for its area in preparing the strategy. Add the commitment "
        "(strategy.involves_local_healthwatch: true).",
    )


@rule(
    code="ICP015",
    slug="involves-people-living-working",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(4)(b)")],
)
def involves_people_living_working(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP must involve the people who live and work in its area.

    Requirement: In preparing the strategy the partnership must involve the people who live
    or work in its area.
    Why: The strategy is for the area's population; the Act makes their involvement a duty,
    not an option.
    Fix: Set `strategy.involves_people_living_working: true` and list the ways people are
    involved under `engagement_mechanisms`.
    Source: LGPIHA 2007 section 116ZB(4)(b) read on legislation.gov.uk (S05, [V]).
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.involves_people_living_working if strategy else None,
        ("strategy", "involves_people_living_working"),
        "The terms of reference do not commit the partnership to involve the people who live "
        "or work in its area in preparing the strategy. Add the commitment "
        "(strategy.involves_people_living_working: true).",
    )
