"""The Wessex policy's expectations of an ICP's terms of reference."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from icslint.api import (
    Contradiction,
    IcpTermsOfReference,
    Level,
    Missing,
    NoOptions,
    Severity,
    rule,
)

from ._policy import policy

ICP = "icp-terms-of-reference"
Check = Iterator[Contradiction | Missing]


@rule(
    code="WSX002",
    slug="wessex-partnership-meets-six-times",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[policy("6.1")],
)
def partnership_meets_six_times(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The partnership meets at least six times a year.

    Requirement: A Wessex integrated care partnership meets at least six times a year.
    Provision: Wessex Regional Governance Policy 2025, paragraph 6.1: "Each partnership shall
    meet not less than six times in each year." A duty on the partnership, which its terms of
    reference need not repeat: silence is "not stated", and fewer meetings a breach.
    Why: The partnership prepares and reviews the integrated care strategy; meeting every
    two months keeps its partners engaged between strategy cycles.
    Fix: Set `meetings.min_per_year` to 6 or more, as the terms of reference say; if they
    provide for fewer meetings, change them.
    Source: The Wessex policy is fictional: this rule is a sample for pack authors.
    """
    meetings = doc.meetings
    least = meetings.min_per_year if meetings is not None else None
    if least is None:
        yield Missing(
            ("meetings",) if meetings is None else ("meetings", "min_per_year"),
            "The terms of reference do not say how many times a year the partnership meets. "
            "The Wessex policy asks for at least six: if they say so, set "
            "meetings.min_per_year.",
        )
    elif least < 6:
        yield Contradiction(
            ("meetings", "min_per_year"),
            f"The partnership commits to {least} meetings a year; the Wessex policy asks for "
            "at least six. Provide for more meetings and set meetings.min_per_year: 6.",
        )


class ReviewOptions(BaseModel):
    """Options of WSX003."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    max_months: int = 12
    """The longest interval, in months, between reviews of the membership."""


@rule(
    code="WSX003",
    slug="wessex-membership-review",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[policy("6.4")],
    options=ReviewOptions,
)
def membership_review(doc: IcpTermsOfReference, options: ReviewOptions) -> Check:
    """The partnership reviews its membership at least once a year.

    Requirement: A Wessex partnership reviews its membership at least every twelve months (a
    region may set another interval with the option `max_months`).
    Provision: Wessex Regional Governance Policy 2025, paragraph 6.4: "Each partnership shall
    review its membership at intervals of not more than twelve months." A duty on the
    partnership: silence is "not stated".
    Why: Membership that is reviewed keeps pace with changes in the area's providers and
    voluntary sector.
    Fix: Set `membership_review.frequency_months` to 12 or less, as the terms of reference say.
    Source: The Wessex policy is fictional: this rule is a sample for pack authors.
    """
    review = doc.membership_review
    months = review.frequency_months if review is not None else None
    if months is None:
        yield Missing(
            ("membership_review",) if review is None else ("membership_review", "frequency_months"),
            "The terms of reference do not say how often the partnership's membership is "
            f"reviewed. The Wessex policy asks for a review at least every {options.max_months} "
            "months: if they say so, set membership_review.frequency_months.",
        )
    elif months > options.max_months:
        yield Contradiction(
            ("membership_review", "frequency_months"),
            f"The membership is reviewed every {months} months; the Wessex policy asks for a "
            f"review at least every {options.max_months} months.",
        )
