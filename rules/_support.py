"""Helpers the rule modules share: citations, seat look-ups, name matching and presence checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from icslint import law
from icslint.diagnostics import Citation, Contradiction, Finding, Loc, Missing
from icslint.models.base import LocalAuthority
from icslint.models.icb import IcbConstitution, Seat
from icslint.models.values import Count
from icslint.vocabulary import names_body, normalise

__all__ = ["normalise"]

NHS_ACT_2006 = "National Health Service Act 2006"
LGPIHA_2007 = "Local Government and Public Involvement in Health Act 2007"
SCH_1B = "https://www.legislation.gov.uk/ukpga/2006/41/schedule/1B"
S116ZA = "https://www.legislation.gov.uk/ukpga/2007/28/section/116ZA"
S116ZB = "https://www.legislation.gov.uk/ukpga/2007/28/section/116ZB"


def sch1b(paragraph: str) -> Citation:
    """A citation of a paragraph of Schedule 1B to the 2006 Act, e.g. sch1b("3(1)")."""
    number = paragraph.split("(")[0]
    return Citation(
        NHS_ACT_2006, f"Schedule 1B, paragraph {paragraph}", f"{SCH_1B}/paragraph/{number}"
    )


def secondary(source: str, provision: str, url: str) -> Citation:
    """A secondary source quoted beside a statutory citation whose wording was not read."""
    return Citation(source, provision, url)


HWE_MODEL = "NHS Herts and West Essex ICB constitution (follows the NHS England model)"
HWE_CONSTITUTION = "https://hertsandwestessex.icb.nhs.uk/us/constitution"
HWE_SECTION_2 = f"{HWE_CONSTITUTION}/2"


def model_clause(clause: str) -> Citation:
    """A clause of the NHS England model constitution, as read in Herts and West Essex ICB's
    published constitution (one web page per section): model_clause("8.1.3")."""
    section = clause.split(".")[0]
    return secondary(HWE_MODEL, f"clause {clause}", f"{HWE_CONSTITUTION}/{section}")


def s116za(subsection: str) -> Citation:
    return Citation(LGPIHA_2007, f"section 116ZA{subsection}", S116ZA)


def s116zb(subsection: str) -> Citation:
    return Citation(LGPIHA_2007, f"section 116ZB{subsection}", S116ZB)


# --- seats ----------------------------------------------------------------------------------


def seats(doc: IcbConstitution) -> Iterator[tuple[int, Seat]]:
    """Each board seat with its index in board.seats."""
    if doc.board is not None:
        yield from enumerate(doc.board.seats)


def seat_loc(index: int, *field: str) -> Loc:
    return ("board", "seats", index, *field)


def seats_with_role(doc: IcbConstitution, role: str) -> list[tuple[int, Seat]]:
    return [(i, s) for i, s in seats(doc) if s.role == role]


SEATS: Loc = ("board", "seats")


@dataclass(frozen=True)
class Headcount:
    """How many members some seats hold, as far as the document says.

    A seat without a `count` is at least one member; the exact number is then unknown, and a
    rule that needs it must say so rather than print a number the document did not give.
    """

    least: int
    """The members the document guarantees: each seat's count, or one where none is given."""
    uncounted: tuple[int, ...]
    """Indices (in board.seats) of the seats that give no count."""

    @property
    def exact(self) -> bool:
        return not self.uncounted


def headcount(items: Iterable[tuple[int, Seat]]) -> Headcount:
    """The headcount of these (index, seat) pairs."""
    least = 0
    uncounted: list[int] = []
    for index, seat in items:
        count = stated_count(seat)
        least += count.least if count is not None and count.least is not None else 1
        if count is None or not count.exact:
            uncounted.append(index)
    return Headcount(least, tuple(uncounted))


def stated_count(seat: Seat) -> Count | None:
    """The seat's count where the document gives one (exact or "at least"), else None."""
    return seat.count if seat.count is not None and seat.count.least is not None else None


def least_of(seat: Seat) -> int:
    """The members the seat is certain to hold: its count, its least count, or one."""
    count = stated_count(seat)
    return count.least if count is not None and count.least is not None else 1


def seat_ref(text: str) -> str:
    """A seat reference or name reduced for comparison: "chief_executive" -> "chief executive"."""
    return normalise(text.replace("_", " "))


def has_heading(doc: IcbConstitution, *alternatives: tuple[str, ...]) -> bool:
    """Whether a section heading contains, case-insensitively, every word of one alternative."""
    for section in doc.sections:
        heading = section.heading.casefold().replace("\u2019", "'")
        if any(all(word in heading for word in words) for words in alternatives):
            return True
    return False


def listed(names: list[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def quoted(text: str) -> str:
    """Text as a message quotes it, on one line: '"The Board"'."""
    return f'"{" ".join(text.split())}"'


def seat_name(seat: Seat) -> str:
    return f'"{seat.title}" ({seat.id})' if seat.title else f'"{seat.id}"'


# --- names of bodies ------------------------------------------------------------------------


def is_body(name: str | None, body: str) -> bool:
    """Whether `name` names `body`, in any of the usual spellings (icslint.vocabulary)."""
    return names_body(name, body)


# --- NHS England's July 2024 guidance --------------------------------------------------------


def _after(event_id: str) -> dt.date:
    """The first day after an event, as the event table dates it: for an event known only to
    its month, the first day of the next month."""
    when = law.events()[event_id].in_force
    assert when is not None, f"{event_id} has no date"
    return when.latest + dt.timedelta(days=1)


# NHS England's updated guidance is dated only "July 2024" in the sources read, so a version
# counts as made after it only if it took effect after that month.
GUIDANCE_IN_FORCE = _after("nhse-icb-guidance-2024-07")


def approved_after_guidance(doc: IcbConstitution) -> str | None:
    """What places this version after July 2024 when it gives no effective date: NHS England's
    approval, or its own entry in the version history, dated after July 2024 (a version takes
    effect no earlier than its approval). In words, for a message; None if nothing does."""
    meta = doc.meta
    if meta is None:
        return None
    approved = meta.nhse_approved_on
    if approved is not None and approved.on_or_after(GUIDANCE_IN_FORCE) is True:
        return f"NHS England approved this version {approved.when()}"
    for entry in meta.version_history:
        date = entry.date
        if (
            meta.version
            and entry.version == meta.version
            and date is not None
            and date.on_or_after(GUIDANCE_IN_FORCE) is True
        ):
            return f"This version's entry in the version history is dated {date.in_words()}"
    return None


def drafting_status(doc: IcbConstitution) -> str | None:
    """Whether this version is a draft or submitted to NHS England: "draft", "submitted" or
    None, from meta.status, else from its own entry in the version history."""
    meta = doc.meta
    if meta is None:
        return None
    status = meta.status
    if status is None and meta.version:
        status = next(
            (e.status for e in reversed(meta.version_history) if e.version == meta.version), None
        )
    return status if status in ("draft", "submitted") else None


def after_july_2024_guidance(doc: IcbConstitution) -> bool | None:
    """Whether this version took effect after July 2024: None where the document does not say,
    or gives only a year that straddles it. A draft or a version submitted to NHS England will
    take effect after it; so did a version approved after it."""
    meta = doc.meta
    if drafting_status(doc):
        return True
    if meta is None:
        return None
    if meta.effective_from is not None:
        after = meta.effective_from.on_or_after(GUIDANCE_IN_FORCE)
        if after is not None:
            return after
    return True if approved_after_guidance(doc) is not None else None


def undated(doc: IcbConstitution) -> str:
    effective = doc.meta.effective_from if doc.meta is not None else None
    if effective is None:
        return "The constitution does not say when this version took effect"
    return f"The constitution says only that this version took effect {effective.when()}"


# --- presence -------------------------------------------------------------------------------
# A finding's location may name a key the document does not have: the engine reports it at the
# nearest mapping that is there, which is where the user has to add it.


def unless_true(
    value: bool | None, loc: Loc, message: str, contradicted: str | None = None
) -> Iterator[Finding]:
    """A presence-of-clause check on a flag.

    Left out (None), the document is silent: `message` as Missing, which the engine reports as
    a breach or as not stated according to the rule's `requires`. Set to false, the document
    says the opposite: `contradicted` (or `message`) as a Contradiction, always a breach.
    """
    if value is None:
        yield Missing(loc, message)
    elif value is False:
        yield Contradiction(loc, contradicted or message)


# --- councils -------------------------------------------------------------------------------

# Councils responsible for social care, the "responsible local authorities" of the Local
# Government and Public Involvement in Health Act 2007 s103: county councils, district councils
# with no county council above them (unitary and metropolitan districts), London boroughs, the
# Isles of Scilly and the City of London; every type but a shire district in a two-tier area.
RESPONSIBLE_TYPES = frozenset(
    {
        "county",
        "unitary",
        "metropolitan_district",
        "london_borough",
        "city_of_london",
        "isles_of_scilly",
    }
)


def council_in_class(council: LocalAuthority) -> bool | None:
    """Whether a council is one of those that nominate the local authority partner member:
    as the document says (social_care_responsible), else by its type; None if neither says."""
    if council.social_care_responsible is not None:
        return council.social_care_responsible
    if council.type is None:
        return None
    return council.type in RESPONSIBLE_TYPES
