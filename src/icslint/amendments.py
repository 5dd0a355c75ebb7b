"""Classing the changes between two versions of a document, for an application to amend.

Each change is `approval` (the constitution can be varied only with NHS England's approval),
`local` (the ICB, its board or the partnership's members decide it) or `editorial` (nothing
the document provides for changes). What is classed where, and why, is read from NHS
England's pages and the model constitution as ICBs publish it; each class carries its reason
and sources. NHS England's guidance on applying to amend a constitution (12 July 2022) could
not be read, so no change is classed as minor on its authority: a change to the wording of
the constitution is classed `approval` unless only its spacing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from icslint.diagnostics import Citation, Loc
from icslint.diffing import ABSENT, Change, changes
from icslint.versions import Version, VersionError

Class = Literal["approval", "local", "editorial"]
CLASSES: tuple[Class, ...] = ("approval", "local", "editorial")


@dataclass(frozen=True)
class Basis:
    """Why a part of a document is classed as it is."""

    cls: Class
    reason: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Amendment:
    """A change with its class, reason and sources."""

    change: Change
    basis: Basis

    @property
    def loc(self) -> Loc:
        return self.change.loc


# --- sources ------------------------------------------------------------------------------------

NHSE_IN_YOUR_AREA = Citation(
    "NHS England, Integrated care in your area",
    "the ICB constitution can only be amended with the approval of NHS England; the "
    "establishment order specifies each ICB's name and area",
    "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/",
)
NHSE_GUIDANCE_2024 = Citation(
    "NHS England, Guidance on integrated care board constitutions and governance (July 2024)",
    "NHS England refers to the updated model constitution when deciding whether to approve "
    "amendments",
    "https://england.nhs.uk/long-read/guidance-on-integrated-care-board-constitutions-and-governance",
)
ICBS_IN_ENGLAND = Citation(
    "NHS England, Integrated care boards in England",
    "the Integrated Care Boards (Establishment) (Variation) Order 2023 changed areas and their "
    "descriptions by order",
    "https://www.england.nhs.uk/publication/integrated-care-boards-in-england/",
)
BOUNDARY_PROCEDURE = Citation(
    "NHS England, Integrated care system boundary changes and mergers procedure",
    "paragraph 1.3: only ICBs can apply to NHS England for a boundary change",
    "https://www.england.nhs.uk/long-read/integrated-care-system-boundary-changes-and-mergers-procedure/",
)
MODEL_RELATED_DOCUMENTS = Citation(
    "NHS England model ICB constitution, as published by NHS Lincolnshire ICB",
    "clause 1.7: standing orders are appended to and form part of the constitution; the scheme "
    "of reservation and delegation, functions and decisions map and standing financial "
    "instructions do not",
    "https://lincolnshire.icb.nhs.uk/about-us/governance/",
)
MODEL_STATUS = Citation(
    "NHS England model ICB constitution, as published by NHS Staffordshire and Stoke-on-Trent ICB",
    "status of the constitution: changes take effect only from NHS England's approval",
    "https://staffsstoke.icb.nhs.uk/your-nhs-integrated-care-board/governance/"
    "the-icb-constitution/?format=rss",
)
COMMITTEE_TOR = Citation(
    "NHS Lancashire and South Cumbria ICB, committee terms of reference",
    "terms of reference may only be changed with the approval of the board",
    "https://www.lancashireandsouthcumbria.icb.nhs.uk/about-us/sub-committees/"
    "public-involvement-and-engagement-advisory-committee/terms-reference",
)
HANDBOOK = Citation(
    "NHS Nottingham and Nottinghamshire ICB, organisational information",
    "committee terms of reference and the list of eligible nominating providers are kept in "
    "the governance handbook, outside the constitution",
    "https://notts.icb.nhs.uk/organisational-information",
)
MODEL_COMMITTEES = Citation(
    "NHS England model ICB constitution, as published by NHS Herts and West Essex ICB",
    "section 4: the board's committees, including the audit and remuneration committees",
    "https://hertsandwestessex.icb.nhs.uk/us/constitution/4",
)
SCH_1B_APPOINTMENTS = Citation(
    "National Health Service Act 2006",
    "Schedule 1B, paragraphs 5 and 7: appointments are made under the constitution",
    "https://www.legislation.gov.uk/ukpga/2006/41/schedule/1B",
)
S116ZA = Citation(
    "Local Government and Public Involvement in Health Act 2007",
    "section 116ZA: the ICB and the responsible local authorities establish the partnership",
    "https://www.legislation.gov.uk/ukpga/2007/28/section/116ZA",
)

# --- the classes --------------------------------------------------------------------------------

CONSTITUTION = Basis(
    "approval",
    "This is part of the constitution, which can be amended only with NHS England's approval; "
    "a change takes effect only from the date NHS England approves it.",
    (NHSE_IN_YOUR_AREA, MODEL_STATUS),
)
NAME_AND_AREA = Basis(
    "approval",
    "The ICB's name and area are set by NHS England's establishment order and stated in the "
    "constitution; only the ICB can apply to change them, and NHS England changes them by order.",
    (NHSE_IN_YOUR_AREA, ICBS_IN_ENGLAND, BOUNDARY_PROCEDURE),
)
BOARD = Basis(
    "approval",
    "The board's membership, and how members are appointed and removed, are set by the "
    "constitution, which can be amended only with NHS England's approval; NHS England judges "
    "amendments against its updated model constitution.",
    (NHSE_IN_YOUR_AREA, NHSE_GUIDANCE_2024),
)
STANDING_ORDERS = Basis(
    "approval",
    "The standing orders are appended to the constitution and form part of it, so changing "
    "them needs NHS England's approval like any other amendment.",
    (MODEL_RELATED_DOCUMENTS, NHSE_IN_YOUR_AREA),
)
STATUTORY_COMMITTEE = Basis(
    "approval",
    "The constitution itself provides for the audit and remuneration committees, so setting one "
    "up, removing it or changing its kind amends the constitution.",
    (MODEL_COMMITTEES, NHSE_IN_YOUR_AREA),
)
COMMITTEE_TERMS = Basis(
    "local",
    "A committee's terms of reference (its members, quorum and how often it meets) are kept in "
    "the governance handbook, outside the constitution, and are changed with the board's "
    "approval.",
    (COMMITTEE_TOR, HANDBOOK),
)
OUTSIDE_CONSTITUTION = Basis(
    "local",
    "The scheme of reservation and delegation, the functions and decisions map, the standing "
    "financial instructions and the governance handbook do not form part of the constitution; "
    "the ICB changes them itself, keeping them consistent with the constitution.",
    (MODEL_RELATED_DOCUMENTS,),
)
NOMINATORS = Basis(
    "local",
    "The list of bodies eligible to nominate partner members is kept in the governance "
    "handbook, outside the constitution, and is updated by the ICB.",
    (HANDBOOK,),
)
APPOINTMENT = Basis(
    "local",
    "Who holds a post, and whether the post is shared with other ICBs, follows from appointments "
    "made under the constitution; it does not change the constitution.",
    (SCH_1B_APPOINTMENTS,),
)
AREA_FACTS = Basis(
    "local",
    "The mayoral strategic authorities and the cluster are facts about the ICB's area and "
    "arrangements that the document records; the constitution does not provide for them.",
    (NHSE_IN_YOUR_AREA,),
)
RECORD = Basis(
    "editorial",
    "This records the version (its number, status, dates, approval and history), not what the "
    "constitution provides.",
)
NOTES = Basis("editorial", "Notes for readers are not part of what the document provides.")
SPACING = Basis("editorial", "Only the spacing or line breaks of the text change.")
FORMAT = Basis("editorial", "This is the version of the icslint file format, not of the document.")
PARTNERSHIP = Basis(
    "local",
    "A partnership's terms of reference are agreed by the ICB and the local authorities that "
    "set it up; NHS England does not approve them.",
    (S116ZA,),
)

# (path, basis): a change is classed by the longest path that it lies within; "*" is any list
# item. Parts of a constitution not listed are part of the constitution (CONSTITUTION).
_ICB_PARTS: tuple[tuple[tuple[str, ...], Basis], ...] = (
    (("schema_version",), FORMAT),
    (("meta",), RECORD),
    (("icb", "name"), NAME_AND_AREA),
    (("icb", "area"), NAME_AND_AREA),
    (("local_authorities",), NAME_AND_AREA),
    # What kind of council it is describes the council, not the area.
    (("local_authorities", "*", "type"), CONSTITUTION),
    (("local_authorities", "*", "social_care_responsible"), CONSTITUTION),
    (("partner_trusts",), NOMINATORS),
    (("primary_care_providers",), NOMINATORS),
    (("mayoral_strategic_authorities",), AREA_FACTS),
    (("cluster",), AREA_FACTS),
    (("board",), BOARD),
    (("board", "seats", "*", "holder"), APPOINTMENT),
    (("board", "seats", "*", "shared_with"), APPOINTMENT),
    (("eligibility",), BOARD),
    (("disqualification",), BOARD),
    (("committees", "*"), COMMITTEE_TERMS),
    (("committees", "*", "kind"), STATUTORY_COMMITTEE),
    (("joint_committees",), COMMITTEE_TERMS),
    (("delegations",), OUTSIDE_CONSTITUTION),
    (("sfi",), OUTSIDE_CONSTITUTION),
    (("related_documents",), OUTSIDE_CONSTITUTION),
    (("standing_orders",), STANDING_ORDERS),
)
_ICP_PARTS: tuple[tuple[tuple[str, ...], Basis], ...] = (
    (("schema_version",), FORMAT),
    (("meta",), RECORD),
)


def classify(change: Change, kind: str) -> Basis:
    """The class of one change to a document of this kind, with its reason and sources."""
    loc = change.loc
    if any(isinstance(part, str) and (part == "notes" or part.startswith("x-")) for part in loc):
        return NOTES
    if change.spacing_only:
        return SPACING
    constitution = kind == "icb-constitution"
    best: tuple[int, Basis] | None = None
    for path, basis in _ICB_PARTS if constitution else _ICP_PARTS:
        if _within(loc, path) and (best is None or len(path) > best[0]):
            best = (len(path), basis)
    if best is None:
        return CONSTITUTION if constitution else PARTNERSHIP
    if best[1] is COMMITTEE_TERMS and _statutory_committee_added_or_removed(change):
        return STATUTORY_COMMITTEE
    return best[1]


def _within(loc: Loc, path: tuple[str, ...]) -> bool:
    return len(loc) >= len(path) and all(
        (want == "*" and isinstance(have, int)) or want == have
        for want, have in zip(path, loc, strict=False)
    )


def _statutory_committee_added_or_removed(change: Change) -> bool:
    """A whole audit or remuneration committee set up or removed."""
    if len(change.loc) != 2:
        return False
    item = change.new if change.old is ABSENT else change.old
    return isinstance(item, dict) and item.get("kind") in ("audit", "remuneration")


def amendments(changes: Sequence[Change], kind: str) -> list[Amendment]:
    """Every change with its class, in the order of the document."""
    return [Amendment(change, classify(change, kind)) for change in changes]


@dataclass(frozen=True)
class Comparison:
    """What changed from one version to the next, each change classed."""

    old: Version
    new: Version
    found: tuple[Amendment, ...]

    @property
    def needs_approval(self) -> bool:
        return any(a.basis.cls == "approval" for a in self.found)

    def where(self, amendment: Amendment) -> tuple[str, int, int]:
        """The file, line and column of the change: in the new version, or in the old one for
        a removal."""
        change = amendment.change
        if change.new_loc is not None:
            return (self.new.shown, *self.new.position(change.new_loc))
        return (self.old.shown, *self.old.position(change.old_loc or ()))


def compare(old: Version, new: Version) -> Comparison:
    """Compare two versions of the same kind of document. Raises VersionError."""
    if old.kind != new.kind:
        raise VersionError(
            f"{new.shown}:1:1: is {new.kind} but {old.shown} is {old.kind}; compare two "
            "versions of the same document"
        )
    return Comparison(old, new, tuple(amendments(changes(old.data, new.data), new.kind)))
