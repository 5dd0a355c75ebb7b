"""Catalogue section D: the chair (and, later, the deputy chair and senior non-executive member)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import is_body, sch1b, seat_loc, seats_with_role

ICB = "icb-constitution"


@rule(
    code="ICB050",
    slug="chair-appointment",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("5")],
)
def chair_appointment(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """NHS England appoints the chair, with the Secretary of State's approval.

    Requirement: The constitution must provide for the chair to be appointed by NHS England
    with the approval of the Secretary of State.
    Why: The chair's independence from local organisations rests on a national appointment;
    no local body may appoint the chair.
    Fix: On the chair's seat set `appointed_by: NHS England` and
    `appointment_approved_by: Secretary of State`.
    Source: Schedule 1B paragraph 5 read in the revised text on legislation.gov.uk (S01, [V]).
    """
    for index, seat in seats_with_role(doc, "chair"):
        if not is_body(seat.appointed_by, "NHS England"):
            yield Finding(
                seat_loc(index, "appointed_by"),
                f"The chair is appointed by {seat.appointed_by or 'no one stated'}; it must be "
                "NHS England. Set appointed_by: NHS England.",
            )
        if not is_body(seat.appointment_approved_by, "Secretary of State"):
            yield Finding(
                seat_loc(index, "appointment_approved_by"),
                "The chair's appointment must be approved by the Secretary of State; the "
                f"constitution says {seat.appointment_approved_by or 'nothing'}. Set "
                "appointment_approved_by: Secretary of State.",
            )


@rule(
    code="ICB051",
    slug="chair-removal",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("6")],
)
def chair_removal(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Only NHS England may remove the chair, and only with the Secretary of State's approval.

    Requirement: The constitution may not give anyone other than NHS England power to remove
    the chair, and any such power must be subject to the Secretary of State's approval. It
    need not provide a power of removal at all.
    Why: If the board or a partner could remove the chair, the chair's independence and the
    national appointment would mean nothing.
    Fix: On the chair's seat, either leave `removal_by` out, or set `removal_by: NHS England`
    and `removal_approved_by: Secretary of State`.
    Source: Schedule 1B paragraph 6 read in the revised text on legislation.gov.uk (S01, [V]);
    the paragraph limits who may hold the power and does not require one.
    """
    for index, seat in seats_with_role(doc, "chair"):
        if seat.removal_by is None:
            if seat.removal_approved_by is not None:
                yield Finding(
                    seat_loc(index, "removal_by"),
                    "The chair's seat names who approves a removal but not who removes. Only "
                    "NHS England may remove the chair: set removal_by: NHS England.",
                )
            continue
        if not is_body(seat.removal_by, "NHS England"):
            yield Finding(
                seat_loc(index, "removal_by"),
                f"The constitution lets {seat.removal_by} remove the chair. Only NHS England may "
                "be given that power. Set removal_by: NHS England, or remove the clause.",
            )
        if not is_body(seat.removal_approved_by, "Secretary of State"):
            yield Finding(
                seat_loc(index, "removal_approved_by"),
                "Removing the chair must be subject to the Secretary of State's approval. Set "
                "removal_approved_by: Secretary of State.",
            )
