"""The ICB a document is for exists on the document's effective date (the ICB register)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from icslint import law
from icslint.diagnostics import Citation, Contradiction, Finding, Level, NotApplicable, Severity
from icslint.law import register
from icslint.models.icb import IcbConstitution
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule
from icslint.vocabulary import icb_key

from ._support import NHS_ACT_2006, listed, s116za

S14Z25 = Citation(
    NHS_ACT_2006, "section 14Z25", "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z25"
)
REGISTER = Citation(
    "NHS England, Integrated care boards in England",
    "the Integrated Care Boards (Establishment) Order 2022 and later orders",
    "https://www.england.nhs.uk/publication/integrated-care-boards-in-england/",
)


def _on(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _not_on_register(
    name: str | None, document: object, what: str
) -> Iterator[NotApplicable | tuple[register.Icb, str, dt.date]]:
    """NotApplicable if the document gives no ICB name or no date; else the register's entry
    for an ICB that does not exist on the document's effective date, what to say of it, and
    the date; nothing if it exists (or is not on the register)."""
    day = law.effective_date(document)
    if not name or day is None:
        yield NotApplicable(f"The {what} does not give both the ICB's name and a date.")
        return
    found = _mismatch(name, day)
    if found is not None:
        yield (*found, day)


def _mismatch(name: str, day: dt.date) -> tuple[register.Icb, str] | None:
    """The register's entry for an ICB that does not exist on `day`, and what to say of it."""
    wanted = icb_key(name)
    entry = next((i for i in register.icbs() if icb_key(i.name) == wanted), None)
    if entry is None or entry.exists_on(day):
        return None
    if day < entry.established:
        return entry, f"was established only on {_on(entry.established)}"
    assert entry.abolished is not None
    after = (
        f"; from then its area is covered by {listed(list(entry.successors))}"
        if entry.successors
        else ""
    )
    return entry, f"was abolished on {_on(entry.abolished)}{after}"


@rule(
    code="ICB043",
    slug="icb-exists-on-effective-date",
    applies_to="icb-constitution",
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[S14Z25, REGISTER],
    requires="conduct",
)
def icb_exists_on_effective_date(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The ICB the constitution is for exists on the date the constitution takes effect.

    Requirement: A constitution is the constitution of an ICB that NHS England has established
    and not abolished. Twelve ICBs were abolished and six established on 1 April 2026; a
    constitution that takes effect on or after the day its ICB was abolished, or before it was
    established, cannot have effect.
    Provision: Section 14Z25 of the 2006 Act: NHS England establishes ICBs by order and may
    vary or abolish them; the order gives the constitution effect. This checks the document's
    ICB against icslint's register of ICBs (`icslint icbs`) on the document's effective date
    (`meta.effective_from`, or its approval date; the first day of a date known only in part).
    Why: A constitution for an ICB that no longer exists governs nothing; the successor ICB
    needs a constitution of its own.
    Fix: If this is the successor ICB's constitution, give the successor's name in `icb.name`;
    if the date is wrong, correct `meta.effective_from`.
    Source: The register was built from NHS England's page Integrated care boards in England
    and its page on integrated care in your area, the written statement HCWS915 of 9 September
    2025 and local NHS and council publications on the April 2026 changes; the establishment
    orders themselves were not available, so names and areas the register marks as inferred
    may differ from the orders. Shipped as a warning for that reason.
    """
    name = doc.icb.name if doc.icb is not None else None
    for found in _not_on_register(name, doc, "constitution"):
        if isinstance(found, NotApplicable):
            yield found
            continue
        entry, said, day = found
        yield Contradiction(
            ("icb", "name"),
            f"{entry.name} {said}, and this version of its constitution takes effect on "
            f"{_on(day)}. Give the name of the ICB the constitution is for, or correct the "
            "effective date.",
        )


@rule(
    code="ICP054",
    slug="partnership-icb-exists-on-effective-date",
    applies_to="icp-terms-of-reference",
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[s116za("(1)"), S14Z25, REGISTER],
    requires="conduct",
)
def partnership_icb_exists_on_effective_date(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The ICB that set up the partnership exists on the date the terms of reference take effect.

    Requirement: An integrated care partnership is set up by an ICB and the responsible local
    authorities in its area. When the ICB is abolished, the partnership's terms of reference
    name a body that no longer exists; section 116ZA then asks the successor ICB and each
    responsible council whose area falls within or partly within the successor's area to set
    up a partnership for that area.
    Provision: Section 116ZA(1) of the 2007 Act (each ICB and its responsible local authorities
    must establish a partnership) and section 14Z25 of the 2006 Act (NHS England establishes
    and abolishes ICBs by order). This checks `icp.icb_name` against icslint's register of ICBs
    (`icslint icbs`) on the terms of reference's effective date (`meta.effective_from`, or
    their approval date; the first day of a date known only in part).
    Why: Terms of reference for a partnership whose ICB has been abolished need to be remade
    with the successor ICB and its councils.
    Fix: Remake the terms of reference with the successor ICB and the responsible councils of
    its area, or correct `meta.effective_from`.
    Source: Section 116ZA was read on legislation.gov.uk. The register was built as for ICB043
    and is shipped as a warning for the same reason.
    """
    name = doc.icp.icb_name if doc.icp is not None else None
    for found in _not_on_register(name, doc, "terms of reference"):
        if isinstance(found, NotApplicable):
            yield found
            continue
        entry, said, day = found
        successors = listed(list(entry.successors)) if entry.successors else "the successor ICB"
        yield Contradiction(
            ("icp", "icb_name"),
            f"{entry.name} {said}, and these terms of reference take effect on {_on(day)}. "
            f"Section 116ZA asks {successors} and each responsible local authority whose area "
            "falls wholly or partly within its area to establish a partnership; remake the "
            "terms of reference with them, or correct the effective date.",
        )
