"""The Wessex policy's expectations of an ICB constitution."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.api import (
    Contradiction,
    IcbConstitution,
    Level,
    Missing,
    NoOptions,
    NotApplicable,
    Severity,
    Unknown,
    rule,
)

from ._policy import policy

Check = Iterator[Contradiction | Missing | Unknown | NotApplicable]


@rule(
    code="WSX001",
    slug="wessex-audit-committee-quarterly",
    applies_to="icb-constitution",
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="content",
    citations=[policy("4.2")],
)
def audit_committee_quarterly(doc: IcbConstitution, options: NoOptions) -> Check:
    """The audit committee meets at least four times a year.

    Requirement: The terms of reference of an ICB's audit committee in Wessex provide for it to
    meet at least four times a year.
    Provision: Wessex Regional Governance Policy 2025, paragraph 4.2: "The audit committee's
    terms of reference shall provide for no fewer than four meetings in each year." The
    policy asks the terms of reference themselves to say it, so silence is a breach.
    Why: Quarterly meetings let the committee review each quarter's accounts and risks
    before the board relies on them.
    Fix: Set `meetings_per_year` on the audit committee to 4 or more (or "at least 4"), as its
    terms of reference say; if they provide for fewer, change them.
    Source: The Wessex policy is fictional: this rule is a sample for pack authors.
    """
    audits = [(i, c) for i, c in enumerate(doc.committees) if c.kind == "audit"]
    if not audits:
        yield NotApplicable("The constitution names no audit committee.")
        return
    for index, committee in audits:
        loc = ("committees", index, "meetings_per_year")
        count = committee.meetings_per_year
        if count is None:
            yield Missing(
                ("committees", index),
                f"The {committee.name} does not say how often it meets. The Wessex policy "
                "asks for at least four meetings a year: set meetings_per_year.",
            )
        elif count.least is None:
            yield Unknown(
                loc, f"How often the {committee.name} meets is not known: state the number."
            )
        elif count.least < 4:
            yield Contradiction(
                loc,
                f"The {committee.name} meets {count} times a year; the Wessex policy asks for "
                "at least four. Provide for quarterly meetings and set meetings_per_year: 4.",
            )
