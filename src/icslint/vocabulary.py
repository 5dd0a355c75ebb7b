"""Who acts in a document: the bodies, roles and organisations that a name may stand for.

Constitutions name the same body in many ways ("NHS England (NHSE)", "the Chair of the ICB",
"Chief Executive Officer", "NHS England, with the approval of the Secretary of State"). Every
field that says who nominates, appoints, approves, removes, chairs or varies is read here, once,
into a `Party`: a known national or local body, a role or seat of the document, a committee it
sets up, or an organisation it lists. A name that is none of these is a file problem (ICL002,
with "did you mean"), never silently compared as free text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from icslint.placeholders import PLACEHOLDER

if TYPE_CHECKING:
    from icslint.diagnostics import Loc
    from icslint.models import Document
    from icslint.models.icp import IcpTermsOfReference

PartyKind = Literal["body", "role", "seat", "committee", "organisation", "class"]


HEALTHWATCH = re.compile(r"\bhealth\s*watch\b", re.I)
"""Healthwatch however spelt: "Healthwatch Wessex", "HealthWatch", "Local Health Watch"."""


def healthwatch_field(
    organisation: str | None, title: str | None
) -> Literal["organisation", "title"] | None:
    """Which of a person's fields places them in Healthwatch: their organisation, or, where the
    document gives none, their title ("Chief Executive, Healthwatch Wessex"). A title that
    mentions Healthwatch does not count when the organisation is another body (a council's
    "Healthwatch liaison officer")."""
    if organisation:
        return "organisation" if HEALTHWATCH.search(organisation) else None
    return "title" if title and HEALTHWATCH.search(title) else None


@dataclass(frozen=True)
class Party:
    """What a name in the document stands for."""

    kind: PartyKind
    key: str
    """One spelling for the party: "nhs_england", "chair", a seat id, or a name reduced by
    `normalise`."""
    name: str
    """How icslint writes the party in messages."""


@dataclass(frozen=True)
class _Known:
    key: str
    name: str
    kind: PartyKind
    pattern: re.Pattern[str]
    documents: tuple[str, ...]
    """The kinds of document in which the name means this party."""


_BOTH = ("icb-constitution", "icp-terms-of-reference")


def _known(
    key: str, name: str, kind: PartyKind, pattern: str, documents: tuple[str, ...] = _BOTH
) -> _Known:
    return _Known(key, name, kind, re.compile(pattern), documents)


# An ICB named in full: "NHS Severnmoor Integrated Care Board", "NHS Severnmoor ICB".
_AN_ICB = r"nhs [\w ]+ (icb|integrated care board)"


# Patterns match a name after `normalise` (lower case, punctuation and "the" dropped).
KNOWN: tuple[_Known, ...] = (
    _known(
        "nhs_england",
        "NHS England",
        "body",
        r"nhs england( and)?( nhs)?( improvement)?( regional (team|office|director))?"
        r"|nhse|nhsei|nhse i|nhs e|nhs commissioning board",
    ),
    _known(
        "secretary_of_state",
        "Secretary of State",
        "body",
        r"(secretary of state|sos)( for health( and social care)?)?|secretary of state dhsc"
        r"|health secretary",
    ),
    _known(
        "icb",
        "the ICB",
        "body",
        r"icb|integrated care board|nhs [\w ]+ (icb|integrated care board)",
    ),
    _known(
        "board",
        "the Board",
        "body",
        r"((nhs [\w ]+ )?(icb|integrated care board) )?board( of( [\w ]+)? (icb|integrated care"
        r" board))?",
    ),
    _known("icp", "the ICP", "body", r"icp|integrated care partnership|partnership"),
    _known(
        "local_authorities",
        "the local authorities",
        "class",
        r"(each |all )?(partner |responsible |constituent |establishing )?(local authorities"
        r"|councils)( jointly)?",
    ),
    _known(
        "chair",
        "Chair",
        "role",
        # The ICB's chair, or the board's: not the chair of another body ("Chair of the Trust
        # Board", "Chair of Kingsbridge Council"), and not the partnership's.
        rf"(({_AN_ICB}|icb|integrated care board|board|icb board) )?chair(man|person|woman)?"
        rf"( of (board|icb|integrated care board|icb board|board of icb|{_AN_ICB}))?",
    ),
    _known(
        "chair",
        "Chair",
        "role",
        # In terms of reference, the partnership's chair.
        r"((icp|integrated care partnership|partnership) )?chair(man|person|woman)?"
        r"( of (icp|partnership|integrated care partnership|[\w ]+ (integrated care|health and"
        r" care|health and wellbeing|care) partnership))?",
        ("icp-terms-of-reference",),
    ),
    _known(
        "chief_executive",
        "Chief Executive",
        "role",
        rf"(({_AN_ICB}|icb|integrated care board) )?chief executive( officer)?"
        rf"( of (icb|integrated care board|{_AN_ICB}))?|(icb )?ceo",
    ),
    _known(
        "deputy_chair",
        "Deputy Chair",
        "role",
        rf"(icb |board |icp |partnership )?(deputy|vice) chair(man|person|woman)?"
        rf"( of (icb|board|integrated care board|{_AN_ICB}|icp|partnership))?",
    ),
)
KNOWN_NAMES = tuple(dict.fromkeys(known.name.removeprefix("the ") for known in KNOWN))
"""The names offered for completion in the JSON Schema."""
_BY_KEY = {known.key: known for known in KNOWN}

_BRACKETS = re.compile(r"\s*\([^)]*\)")
# Where the acting body's name ends: "NHS England, with the approval of ...".
_QUALIFIER = re.compile(
    r"\s*(?:[,;:]|\bwith\b|\bsubject to\b|\bfollowing\b|\bon (?:the|behalf)\b|\bafter\b"
    r"|\bby (?:a|an|simple|resolution)\b|\bacting\b|\bin consultation\b).*$",
    re.IGNORECASE | re.DOTALL,
)
_APPROVAL = re.compile(
    r"\b(?:with|subject to)\s+(?:the\s+)?(?:prior\s+)?(?:approval|agreement|consent)\s+of\s+"
    r"(?P<by>[^,;()]+)"
    r"|\bwith\s+(?:the\s+)?(?P<whose>[\w ]+?)['\u2019]s?\s+(?:prior\s+)?(?:approval|agreement"
    r"|consent)",
    re.IGNORECASE,
)


def normalise(name: str | None) -> str:
    """A name reduced for comparison: "The Secretary of State" -> "secretary of state"."""
    if not name:
        return ""
    text = name.casefold().replace("\u2019", "'").replace("'s ", " ")
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(word for word in text.split() if word != "the")


def acting_part(text: str) -> str:
    """The name of the one who acts, without a bracketed abbreviation or a qualifying clause:
    "NHS England (NHSE), with the approval of the Secretary of State" -> "NHS England"."""
    text = text.strip()
    if text.casefold().startswith("la:"):
        text = text[3:]
    return _QUALIFIER.sub("", _BRACKETS.sub("", text)).strip()


def known_party(text: str | None, document: str | None = None) -> Party | None:
    """The known body or role a name stands for, in either kind of document or in `document`
    (a kind) only."""
    if not text:
        return None
    for candidate in dict.fromkeys((normalise(text), normalise(acting_part(text)))):
        for known in KNOWN:
            if document is not None and document not in known.documents:
                continue
            if candidate and known.pattern.fullmatch(candidate):
                return Party(known.kind, known.key, known.name)
    return None


def names_body(text: str | None, body: str) -> bool:
    """Whether `text` names `body` (a known body or role, however spelt: "NHS England",
    "chair") as the one who acts, in any of its usual spellings."""
    party, wanted = known_party(text), known_party(body)
    if party is None or wanted is None:
        return bool(text) and normalise(acting_part(text or "")) == normalise(body)
    return party.key == wanted.key


def approval_named(text: str | None, body: str) -> bool:
    """Whether `text` itself makes the act subject to the approval of `body` ("NHS England, with
    the approval of the Secretary of State"; "Chief Executive, with the Chair's approval")."""
    for match in _APPROVAL.finditer(text or ""):
        if names_body(match["by"] or match["whose"], body):
            return True
    return False


def display(key: str) -> str:
    """How messages write a known body or role."""
    return _BY_KEY[key].name


# --- what a document lists ----------------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    """The seats, committees and organisations a document names, each under one spelling."""

    seats: dict[str, str]
    """Seat ids and titles (normalised) -> seat id."""
    committees: dict[str, str]
    """Committee names (normalised) -> the name as written."""
    organisations: dict[str, str]
    """Organisation names (normalised) -> the name as written."""
    own_names: dict[str, str]
    """The document's own body (the ICB, or the ICP and its ICB) -> known key."""
    kind: str


def listing(document: Document) -> Listing:
    """What a document lists, for reading the names in it."""
    from icslint.models.icb import IcbConstitution

    seats: dict[str, str] = {}
    committees: dict[str, str] = {}
    organisations: dict[str, str] = {}
    own: dict[str, str] = {}
    for council in document.local_authorities:
        organisations[normalise(council.name)] = council.name
    if isinstance(document, IcbConstitution):
        for seat in document.board.seats if document.board else ():
            seats[normalise(seat.id)] = seat.id
            if seat.title:
                seats.setdefault(normalise(seat.title), seat.id)
        for committee in document.committees:
            committees[normalise(committee.name)] = committee.name
        for area_council in (
            document.icb.area.local_authorities if document.icb and document.icb.area else ()
        ):
            organisations.setdefault(normalise(area_council), area_council)
        for name in (
            *document.partner_trusts,
            *document.primary_care_providers,
            *document.mayoral_strategic_authorities,
            *(document.cluster.icbs if document.cluster else ()),
        ):
            organisations.setdefault(normalise(name), name)
        if document.icb and document.icb.name:
            own[normalise(document.icb.name)] = "icb"
    else:
        if document.icp is not None:
            if document.icp.name:
                own[normalise(document.icp.name)] = "icp"
            if document.icp.icb_name:
                own[normalise(document.icp.icb_name)] = "icb"
            for area_council in document.icp.area.local_authorities if document.icp.area else ():
                organisations.setdefault(normalise(area_council), area_council)
        # The terms of reference's own list of the bodies that set the partnership up names
        # its councils, whether or not it lists them again under local_authorities.
        for name in (*document.establishing_parties, *document.mayoral_strategic_authorities):
            organisations.setdefault(normalise(acting_part(name)), acting_part(name))
    return Listing(seats, committees, organisations, own, document.kind)


def icb_key(name: str) -> str:
    """An ICB's name reduced for comparison: "NHS Severnmoor Integrated Care Board" and "NHS
    Severnmoor ICB" both give "severnmoor icb"."""
    named = normalise(name.replace("&", " and "))
    return named.replace("integrated care board", "icb").removeprefix("nhs ").strip()


_ICB_NAMED = re.compile(r"nhs [\w ]+? (icb|integrated care board)")
_ICB_SHAPED = re.compile(r"nhs [\w ]+ (icb|integrated care board)")
# A committee the document names without listing it ("the Remuneration Committee"); a name
# that starts with an office ("Chair of the Audit Committee") is that office, not a committee.
_COMMITTEE_SHAPED = re.compile(r"(?!(chair|vice|deputy|member|members|secretary)\b)[\w ]*committee")


def resolve(text: str | None, listed: Listing) -> Party | None:
    """What `text` stands for in a document, or None if it is none of the parties icslint
    knows or the document lists."""
    if not text:
        return None
    if text.startswith("la:") and acting_part(text):
        # Written as a local authority in so many words: the rules judge whether it is one of
        # the area's councils.
        return Party("organisation", normalise(acting_part(text)), acting_part(text))
    for candidate in dict.fromkeys((normalise(text), normalise(acting_part(text)))):
        if not candidate:
            continue
        if candidate in listed.own_names:
            key = listed.own_names[candidate]
            return Party("body", key, display(key))
        if candidate in listed.seats:
            seat = listed.seats[candidate]
            known = known_party(seat)
            return known if known and known.kind == "role" else Party("seat", seat, seat)
        if candidate in listed.committees:
            return Party("committee", candidate, listed.committees[candidate])
        with_committee = f"{candidate} committee"
        if with_committee in listed.committees:
            return Party("committee", with_committee, listed.committees[with_committee])
        if candidate in listed.organisations:
            return Party("organisation", candidate, listed.organisations[candidate])
        if _COMMITTEE_SHAPED.fullmatch(candidate):
            return Party("committee", candidate, acting_part(text))
        party = known_party(candidate, listed.kind)
        if party is not None:
            own = {icb_key(name) for name, key in listed.own_names.items() if key == "icb"}
            named = _ICB_NAMED.search(candidate)
            other = bool(own) and named is not None and icb_key(named.group()) not in own
            # An ICB named in full is this document's ICB, however it is abbreviated, or
            # another one (a cluster partner, a joint committee's member).
            if party.key == "icb" and _ICB_SHAPED.fullmatch(candidate):
                return Party("organisation", candidate, acting_part(text)) if other else party
            # "Chair of NHS Wealdmoor ICB" in Severnmoor's constitution is not its chair.
            if party.kind == "role" and other:
                return None
            return party
    return None


def suggestion(text: str, listed: Listing) -> str | None:
    """The closest name icslint would understand, for "did you mean"."""
    spelled: dict[str, str] = {}
    for known in KNOWN:
        spelled[normalise(known.name)] = known.name.removeprefix("the ")
    spelled.update({normalise(k): v for k, v in listed.committees.items()})
    spelled.update({k: v for k, v in listed.organisations.items()})
    spelled.update({k: v for k, v in listed.seats.items()})
    for own, key in listed.own_names.items():
        spelled[own] = display(key).removeprefix("the ")
    close = difflib.get_close_matches(normalise(acting_part(text)), list(spelled), n=1, cutoff=0.6)
    return spelled[close[0]] if close else None


# --- who appointed a partnership member ---------------------------------------------------------


def partnership_icb(document: IcpTermsOfReference, name: str) -> bool:
    """Whether a name in terms of reference is the partnership's ICB: "ICB", the name in
    icp.icb_name with or without "Integrated Care Board", or, where the document does not name
    its ICB, any name of the form "... Integrated Care Board" or "NHS ..." (the ICB is the only
    NHS body among the parties)."""
    key = icb_key(name)
    if key == "icb":
        return True
    own = document.icp.icb_name if document.icp else None
    if own:
        return icb_key(own) in (key, f"{key} icb")
    return key.endswith(" icb") or (
        normalise(name).startswith("nhs ") and normalise(name) != "nhs england"
    )


def icp_appointer(document: IcpTermsOfReference, value: str | None) -> str | None:
    """Who appointed a member of the partnership: "icb", "icp", "la:<council>", or None where
    the document does not say or names no appointer section 116ZA(2) knows.

    `appointed_by` may be written icb / icp / la:<council> or as a name, read against the
    document's own names first: "Severnmoor and Kingsbridge Health and Care Partnership" is the
    partnership, not a council, when icp.name says so.
    """
    from icslint.models.icp import appointer_key

    if not value:
        return None
    party = (
        None if value.strip().casefold().startswith("la:") else resolve(value, listing(document))
    )
    if party is None:
        return appointer_key(value)
    if party.kind == "body" and party.key in ("icb", "board"):
        return "icb"
    if party.kind == "body" and party.key == "icp":
        return "icp"
    if party.kind == "organisation":
        return "icb" if partnership_icb(document, party.name) else f"la:{party.name}"
    # A role, seat, committee or "the local authorities": none of the three kinds of
    # appointer section 116ZA(2) knows, and no one council.
    return None


# --- the fields that name parties ----------------------------------------------------------------

# Paths (with "*" for any list index) to the fields that name who acts.
_ICB_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("board", "seats", "*", "appointed_by"),
    ("board", "seats", "*", "appointment_approved_by"),
    ("board", "seats", "*", "removal_by"),
    ("board", "seats", "*", "removal_approved_by"),
    ("board", "seats", "*", "nominating_bodies", "*"),
    ("board", "seats", "*", "holder", "employed_by"),
    ("committees", "*", "reports_to"),
    ("committees", "*", "tor_change_approver"),
    ("joint_committees", "*", "partners", "*"),
    ("variation", "applicant"),
    ("variation", "approver"),
    ("employees", "determined_by"),
)
_ICP_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("members", "*", "appointed_by"),
    ("chair", "selected_by", "*"),
    ("vice_chair", "selected_by", "*"),
    ("co_chairs", "*", "selected_by", "*"),
    ("meta", "approved_by", "*"),
    ("establishing_parties", "*"),
    ("tor_amendment", "requires_approval_of", "*"),
    ("secretariat", "provided_by"),
    ("strategy", "copies_to", "*"),
)


_EMPLOYERS = ("body", "organisation")

# Fields that name a seat of the board (by id or title): who chairs a committee, who sits on it.
_SEAT_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("committees", "*", "chair_seat"),
    ("committees", "*", "member_seats", "*"),
)

# Fields that name another ICB: the other members of a cluster.
_OTHER_ICB_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("board", "seats", "*", "shared_with", "*"),
    ("committees", "*", "in_common_with", "*"),
)


def _values(data: object, paths: tuple[tuple[str | int, ...], ...]) -> Iterator[tuple[Loc, str]]:
    """Every text value at these paths, with where it is; a placeholder from `icslint init`
    is left out (it is reported as one, ICL004, not as a name)."""
    for path in paths:
        for loc, text in _walk(data, path, ()):
            if not PLACEHOLDER.search(text):
                yield loc, text


def _repeated_seat_ids(document: Document) -> Iterator[tuple[Loc, str]]:
    """A seat id used by a second seat: committees, quorums and designations name seats by id,
    so the second seat cannot be told apart from the first."""
    from icslint.models.icb import IcbConstitution

    if not isinstance(document, IcbConstitution) or document.board is None:
        return
    first: dict[str, int] = {}
    for index, seat in enumerate(document.board.seats):
        if seat.id in first:
            yield (
                ("board", "seats", index, "id"),
                f'The seat id "{seat.id}" is already used by board.seats[{first[seat.id]}]. '
                "Give each seat its own id: committees, quorums and designations name seats by "
                "id.",
            )
        else:
            first[seat.id] = index


def _walk(data: object, path: tuple[str | int, ...], at: Loc) -> Iterator[tuple[Loc, str]]:
    if not path:
        if isinstance(data, str):
            yield at, data
        return
    step, rest = path[0], path[1:]
    if step == "*":
        if isinstance(data, list | tuple):
            for index, item in enumerate(data):
                yield from _walk(item, rest, (*at, index))
    elif isinstance(data, dict) and step in data:
        yield from _walk(data[step], rest, (*at, step))


def unknown_parties(document: Document) -> list[tuple[Loc, str]]:
    """Each name that is not a party icslint knows or the document lists, or not the kind of
    party its field takes: its location, and what to tell the user."""
    listed = listing(document)
    data: dict[str, object] = document.model_dump(mode="python", exclude_none=True)
    constitution = document.kind == "icb-constitution"
    found = list(_acting_parties(data, listed, constitution))
    if constitution:
        found.extend(_repeated_seat_ids(document))
        if data.get("board") is not None:
            # A constitution recorded without its board names seats no one can check.
            found.extend(_seats_named(data, listed))
        found.extend(_other_icbs_named(data, listed, document))
    return found


def _acting_parties(data: object, listed: Listing, constitution: bool) -> Iterator[tuple[Loc, str]]:
    """Names of who acts that icslint cannot place (or, for an employer, a role)."""
    lists = (
        "local_authorities, partner_trusts, primary_care_providers or mayoral_strategic_authorities"
        if constitution
        else "local_authorities or mayoral_strategic_authorities"
    )
    for loc, text in _values(data, _ICB_FIELDS if constitution else _ICP_FIELDS):
        said = " ".join(text.split())
        if said.casefold() in ("none", "no one", "nobody"):
            continue
        party = resolve(text, listed)
        if party is not None and loc[-1] == "employed_by" and party.kind not in _EMPLOYERS:
            yield (
                loc,
                f'"{said}" is a role or committee, not an employer. Name the body that employs '
                "the post-holder: the ICB, or an organisation.",
            )
        elif party is None:
            hint = suggestion(text, listed)
            advice = f' Did you mean "{hint}"?' if hint else ""
            yield (
                loc,
                f'"{said}" is not a body, role or organisation icslint can place.{advice} Name '
                "NHS England, the Secretary of State, the ICB, the Board, the Chair, the Chief "
                "Executive, a seat or committee of this document, or an organisation it lists "
                f"under {lists}.",
            )


def _seats_named(data: object, listed: Listing) -> Iterator[tuple[Loc, str]]:
    """Seats a committee names that the board does not have."""
    for loc, text in _values(data, _SEAT_FIELDS):
        if normalise(text) in listed.seats:
            continue
        close = difflib.get_close_matches(normalise(text), list(listed.seats), n=1, cutoff=0.6)
        advice = f' Did you mean "{listed.seats[close[0]]}"?' if close else ""
        yield (
            loc,
            f'"{" ".join(text.split())}" is not a seat of the board.{advice} Name a seat by '
            "its id or title, as listed under board.seats.",
        )


def _other_icbs_named(
    data: object, listed: Listing, document: Document
) -> Iterator[tuple[Loc, str]]:
    """Names in fields for another ICB (a shared post, a committee in common) that are not."""
    for loc, text in _values(data, _OTHER_ICB_FIELDS):
        party = resolve(text, listed)
        if party is not None and party.kind == "organisation" and _names_an_icb(party, document):
            continue
        what = (
            "this ICB itself"
            if party is not None and party.key == "icb"
            else "not another integrated care board"
        )
        yield (
            loc,
            f'"{" ".join(text.split())}" is {what}. Name another ICB in full, for example "NHS '
            'Wealdmoor Integrated Care Board", as listed under cluster.icbs.',
        )


def _names_an_icb(party: Party, document: Document) -> bool:
    """Whether an organisation is an ICB: named as one, or listed in the cluster."""
    from icslint.models.icb import IcbConstitution

    if _ICB_SHAPED.fullmatch(party.key):
        return True
    cluster = document.cluster if isinstance(document, IcbConstitution) else None
    return cluster is not None and party.key in {normalise(name) for name in cluster.icbs}
