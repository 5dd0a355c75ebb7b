"""What the Health Bill will change in a partnership's terms of reference (ICP060, ICP061).

In force only from the commencement of the Bill's measures, which is not known: until then
`icslint check --pending` reports what they find as pending, never a breach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icslint.diagnostics import Contradiction, Finding, Level, Loc, NotApplicable, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule
from icslint.vocabulary import healthwatch_field

from ._health_bill import (
    HEALTHWATCH,
    HEALTHWATCH_SURREY,
    ICP_DUTY,
    ICP_IMPACT,
    NUFFIELD,
)
from ._support import quoted

ICP = "icp-terms-of-reference"


def _healthwatch_places(doc: IcpTermsOfReference) -> Iterator[tuple[Loc, str, str]]:
    """Each member or attendee from Healthwatch: where, the name as written, and what the entry
    is. An entry counts if its organisation or title names Healthwatch, or it is tagged
    `healthwatch`."""
    entries = [
        ("members", index, "seat_title", member.seat_title, member.organisation, member.role_tags)
        for index, member in enumerate(doc.members)
    ] + [
        ("attendees", index, "title", person.title, person.organisation, person.role_tags)
        for index, person in enumerate(doc.attendees)
    ]
    for group, index, title_field, title, organisation, tags in entries:
        what = "a member" if group == "members" else "an attendee"
        field = healthwatch_field(organisation, title)
        if field == "organisation" and organisation:
            yield (group, index, "organisation"), organisation, what
        elif field == "title":
            yield (group, index, title_field), title, what
        elif "healthwatch" in tags:
            yield (group, index, "role_tags"), title, what


@rule(
    code="ICP060",
    slug="healthwatch-abolished-partnership",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[HEALTHWATCH, NUFFIELD],
    requires="conduct",
    in_force="health-bill-2026-healthwatch",
)
def healthwatch_abolished_partnership(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The terms of reference have no place for Healthwatch once it is abolished.

    Requirement: When the Health Bill's abolition of Healthwatch commences, a Healthwatch
    member or attendee of the partnership is a place for a body that no longer exists.
    Provision: Health Bill as introduced: the abolition of Healthwatch (the clause number was
    not read). Entries tagged `healthwatch`, or whose organisation or title names Healthwatch,
    are read.
    Why: The partnership's membership should say who brings the views of people who use
    services once Healthwatch has gone.
    Fix: When the measure commences, remove the entry or replace it with whoever the
    partnership then invites to bring patients' and the public's views. Until then `icslint
    check --pending` lists the entries.
    Source: Read in the Nuffield Trust's briefing on the Bill (18 May 2026) and Healthwatch
    Surrey's written evidence (24 June 2026); the Bill's text and its commencement date were
    not available.
    """
    for loc, name, what in _healthwatch_places(doc):
        yield Contradiction(
            loc,
            f"The terms of reference name {quoted(name)} as {what} of the partnership from "
            "Healthwatch. The Health Bill, as introduced, abolishes Healthwatch; from the day "
            "that takes effect, this entry names a body that no longer exists: remove it or name "
            "who takes its place.",
        )


_S116ZA = re.compile(r"116\s*ZA", re.I)


@rule(
    code="ICP061",
    slug="partnership-duty-repealed",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[ICP_DUTY, ICP_IMPACT, HEALTHWATCH_SURREY],
    requires="conduct",
    in_force="health-bill-2026-icp-duty",
)
def partnership_duty_repealed(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The terms of reference state the partnership's basis once the duty to set it up ends.

    Requirement: When the Health Bill's removal of the requirement to set up integrated care
    partnerships commences, terms of reference that rest on section 116ZA of the 2007 Act rest
    on a duty that no longer exists. The ICB and the councils then decide whether to keep the
    partnership, and on what basis.
    Provision: Health Bill as introduced: the removal of the requirement to set up integrated
    care partnerships (the clause number was not read). The rule reads `icp.statutory_basis`:
    terms of reference that cite section 116ZA, or cite no basis (every partnership today is
    set up under section 116ZA), are reported; those citing another basis are not.
    Why: A partnership whose stated basis has been repealed has no clear standing; its members
    need to agree whether it continues and under what power.
    Fix: When the measure commences, the ICB and the councils decide whether to keep the
    partnership. If they do, state the basis it then rests on in `icp.statutory_basis` (for
    example, a joint committee of the ICB and the councils) and review the terms of reference;
    if not, wind it up. What happens to the integrated care strategy was not found. Until then
    `icslint check --pending` reports this.
    Source: Read in the title of DHSC's impact assessment published with the Bill (14 May 2026)
    and in Healthwatch Surrey's written evidence (24 June 2026); the Bill's text and its
    commencement date were not available.
    """
    basis = doc.icp.statutory_basis if doc.icp is not None else None
    if basis is not None and not _S116ZA.search(basis):
        yield NotApplicable(
            f"The terms of reference give another basis for the partnership: {quoted(basis)}."
        )
        return
    said = (
        f"cite {quoted(basis)} as the partnership's basis"
        if basis is not None
        else "are for a partnership set up under section 116ZA of the 2007 Act (they cite no "
        "other basis)"
    )
    yield Contradiction(
        ("icp", "statutory_basis") if basis is not None else ("icp",),
        f"The terms of reference {said}. The Health Bill, as introduced, removes the "
        "requirement to set up integrated care partnerships; from the day that takes effect, "
        "the ICB and the councils decide whether to keep the partnership, and if they do, the "
        "terms of reference must state the basis it then rests on.",
    )
