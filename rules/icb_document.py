"""The constitution itself: its content, name and area, approval, structure and versions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Missing,
    NotApplicable,
    Severity,
    Unknown,
)
from icslint.models.icb import IcbConstitution, IcbMeta, VersionEntry
from icslint.models.values import PartialDate
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, NHS_ACT_2006, listed, sch1b, secondary

ICB = "icb-constitution"


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


@rule(
    code="ICB001",
    slug="constitution-exists",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("1")],
    requires="content",
)
def constitution_exists(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """An ICB constitution must have content.

    Requirement: Every integrated care board must have a constitution. A file that declares
    itself an ICB constitution but says nothing about the ICB, its board or its arrangements
    is not one.
    Provision: Schedule 1B paragraph 1: "An integrated care board must have a constitution."
    A file offered as the constitution must therefore hold one, so a file with none of its
    content is in breach.
    Why: The constitution is the instrument that sets up how the board is made up and how it
    works; without it nothing else can be checked.
    Fix: Fill in the document, or start a new draft with
    `icslint init --kind icb-constitution`.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 1).
    """
    content = doc.model_dump(exclude={"kind", "schema_version", "meta"}, exclude_defaults=True)
    if not content:
        yield Missing(
            (),
            "The file declares an ICB constitution but contains none of its content: no "
            "icb, board or other sections. Every ICB must have a constitution (Schedule 1B "
            "paragraph 1); fill in the document or start from "
            "`icslint init --kind icb-constitution`.",
        )


@rule(
    code="ICB002",
    slug="icb-name",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("2(a)")],
    requires="content",
)
def icb_name(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must state the ICB's name.

    Requirement: The constitution must give the name of the integrated care board.
    Provision: Schedule 1B paragraph 2: "The constitution must specify- (a) the name of the
    integrated care board". The constitution itself must say this, so a constitution that is
    silent on it is in breach.
    Why: The name is how the establishment order, NHS England and the public identify the
    board; it is mandatory content of every constitution.
    Fix: Add `icb.name`, for example `name: NHS Wessex Integrated Care Board`.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 2(a)).
    """
    if doc.icb is None or not doc.icb.name:
        yield Missing(
            ("icb", "name"),
            "The constitution must specify the ICB's name (Schedule 1B paragraph 2(a)); it "
            'does not. Add icb.name, for example "NHS Wessex Integrated Care Board".',
        )


@rule(
    code="ICB003",
    slug="icb-area",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("2(b)")],
    requires="content",
)
def icb_area(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must state the area the ICB is established for.

    Requirement: The constitution must state the area for which the ICB is established, by
    the local authority areas it covers or by a description; any part of a council's area
    that is left out must be identified or described.
    Provision: Schedule 1B paragraph 2: "The constitution must specify- ... (b) the area for
    which it is established." The constitution itself must say this, so a constitution that
    is silent on it, or leaves out part of a council's area without saying which part, is
    in breach.
    Why: The area fixes whose health needs the ICB must meet and which councils, trusts and
    practices take part in nominating partner members.
    Fix: List the councils under `icb.area.local_authorities`, or describe the area under
    `icb.area.description`; give each exclusion an `identifier` (for example an LSOA code)
    or a `description`.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 2(b)).
    """
    area = doc.icb.area if doc.icb else None
    if area is None or (not area.local_authorities and not area.description):
        yield Missing(
            ("icb", "area"),
            "The constitution must specify the area for which the ICB is established "
            "(Schedule 1B paragraph 2(b)); it does not. List the local authorities whose areas "
            "make it up under icb.area.local_authorities, or describe it under "
            "icb.area.description.",
        )
        return
    for index, exclusion in enumerate(area.exclusions):
        # A description in words specifies the part left out as well as a code does.
        if not exclusion.identifier and not exclusion.description:
            yield Missing(
                ("icb", "area", "exclusions", index),
                "The constitution leaves a part of a council's area out of the ICB's area "
                "without saying which part, so it does not specify the area (Schedule 1B "
                "paragraph 2(b)). Add an identifier such as the LSOA code, or a description.",
            )


# --- ICB005-ICB009: the constitution as an instrument -------------------------------------------

S14Z25 = (
    "https://legislation.gov.uk/ukpga/2006/41/part/2/chapter/A3/crossheading/"
    "establishment-of-integrated-care-boards-including-by-repurposing-clinical-commissioning-groups"
)
NHSE_GUIDANCE = (
    "NHS England, Guidance on integrated care board constitutions and governance (July 2024)"
)
NHSE_GUIDANCE_URL = "https://england.nhs.uk/long-read/guidance-on-integrated-care-board-constitutions-and-governance"
HWE_CONTENTS = "https://hertsandwestessex.ics.nhs.uk/about/icb/our-constitution/constitution"
DESIGN_FRAMEWORK = (
    "NHS England and NHS Improvement, ICS design framework (June 2021), as summarised in the "
    "NHS Confederation briefing of 16 June 2021"
)
DESIGN_FRAMEWORK_URL = "https://www.nhsconfed.org/publications/ics-design-framework"


@rule(
    code="ICB005",
    slug="constitution-order-and-publication",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[
        Citation(NHS_ACT_2006, "section 14Z25(5)", S14Z25),
        secondary(
            "Capsticks, What does the Health and Care Bill mean for the establishment and "
            "governance of integrated care systems? (2021)",
            "Constitution of ICBs",
            "https://www.capsticks.com/insights/what-does-the-health-and-care-bill-mean-for-the-"
            "establishment-and-governance-of-integrated-care-systems",
        ),
        secondary(
            HWE_MODEL, "clause 7.3.7", "https://hertsandwestessex.icb.nhs.uk/us/constitution/7"
        ),
        secondary(
            "NHS Humber and North Yorkshire ICB, Governance information",
            "publication duty, attributed by the ICB to section 14Z29 of the Act",
            "https://humberandnorthyorkshire.icb.nhs.uk/governance",
        ),
    ],
    requires="conduct",
)
def constitution_order_and_publication(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The constitution should name the order that gives it effect and where it is published.

    Requirement: NHS England's order establishing the ICB must provide for its constitution,
    either by setting it out or by referring to a published document; and the model text
    commits the ICB to publish its constitution.
    Provision: Section 14Z25(5): "An order establishing an integrated care board must provide
    for the constitution of the board, either by setting out the constitution or by making
    provision by reference to a published document." The duty falls on NHS England's order,
    and publication on the ICB; nothing requires the constitution to name the order or its
    own address, so a constitution that is silent on them is "not stated", not in breach.
    Why: Readers, NHS England and the courts need to know which instrument gives this text legal
    effect and where the authoritative published copy is.
    Fix: Set `meta.published_url` to the address of the published constitution, and
    `icb.establishment_order_ref` to the order that gives it effect (for example "The Integrated
    Care Boards (Establishment) Order 2022, as varied in 2023").
    Source: Read in the text of the Act on legislation.gov.uk (section 14Z25(5)). The
    commitment to publish is from the constitution of NHS Hertfordshire and West Essex ICB,
    which follows NHS England's model (clause 7.3.7), and from Capsticks' briefing on the Bill
    ("Each ICB must publish its constitution"); NHS England's own model text was not
    available. NHS Humber and North Yorkshire ICB attributes a duty to publish to section
    14Z29 of the Act, which could not be confirmed in the text of the Act available. The rule
    can only check that the two references are recorded, not that the order or the
    publication exists, so it warns.
    """
    meta = doc.meta
    if meta is None or not meta.published_url:
        yield Missing(
            ("meta", "published_url"),
            "The constitution does not say where it is published. NHS England's establishment "
            "order gives a constitution effect by setting it out or by reference to a published "
            "document, and NHS England's model commits the ICB to publish it; if it is "
            "published, add meta.published_url with the address of the published copy.",
        )
    if doc.icb is None or not doc.icb.establishment_order_ref:
        yield Missing(
            ("icb", "establishment_order_ref"),
            "The constitution does not name the NHS England establishment order that gives it "
            "effect. If it does, add icb.establishment_order_ref with the order's title and "
            "year, as the constitution cites it.",
        )


def _meta_version(doc: IcbConstitution) -> str | None:
    return doc.meta.version if doc.meta else None


def _version_label(entry: VersionEntry) -> str | None:
    return f'"{entry.version}"' if entry.version else None


# Where a version stands (meta.status, and status on version history entries).
_NOT_YET = ("draft", "submitted")
"""A version NHS England has not yet approved, and is not expected to have."""
_APPROVED = ("approved", "in_force", "superseded")
"""A version that has been through NHS England's approval: approved, in force or replaced."""


def _not_yet(status: str | None) -> str:
    """A draft or submitted version in words: "a draft", "submitted to NHS England"."""
    return "a draft" if status == "draft" else "submitted to NHS England"


def _entry_approved(entry: VersionEntry) -> bool | None:
    """Whether a version history entry records NHS England's approval: its nhse_approved,
    else its status (approved, in force or superseded count as approved); None if neither."""
    if entry.nhse_approved is not None:
        return entry.nhse_approved
    if entry.status in _APPROVED:
        return True
    return None


def _approval_recorded(meta: IcbMeta, entry: VersionEntry | None) -> str | None:
    """What records NHS England's approval of this version, in words, if anything does."""
    if meta.nhse_approved_on is not None:
        return f"meta.nhse_approved_on gives NHS England's approval {meta.nhse_approved_on.when()}"
    if entry is not None and entry.nhse_approved is True:
        return "its entry in the version history is marked nhse_approved: true"
    if entry is not None and entry.status in _APPROVED:
        return f"its entry in the version history has status: {entry.status}"
    return None


@rule(
    code="ICB006",
    slug="nhse-approval",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(
            "NHS Staffordshire and Stoke-on-Trent ICB constitution (follows the NHS England model)",
            "section 1.5 (Status of this constitution)",
            "https://staffsstoke.icb.nhs.uk/your-nhs-integrated-care-board/governance/"
            "the-icb-constitution/?format=rss",
        ),
        Citation(NHS_ACT_2006, "section 14Z25(5)", S14Z25),
        secondary(
            DESIGN_FRAMEWORK,
            "pages 19-22 (board constitution subject to approval)",
            DESIGN_FRAMEWORK_URL,
        ),
    ],
    requires="conduct",
)
def nhse_approval(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding | NotApplicable]:
    """The version in force, and every version before it, must be approved by NHS England.

    Requirement: NHS England approves the constitution and every change to it; a change is not
    implemented until, and takes effect only from, the date NHS England approves it.
    Provision: The model's "Status of this constitution" clause, as published by NHS
    Staffordshire and Stoke-on-Trent ICB: "Changes to this Constitution will not be
    implemented until, and are only effective from, the date of approval by NHS England."
    Approval is an act of NHS England, not words the constitution must contain, so a
    constitution that does not record its approval is "not stated"; one that takes effect
    before its approval, or records a version as not approved, contradicts it. A draft, or a
    version submitted to NHS England, is not yet approved and is not expected to be: the rule
    does not apply to it, though the versions before it in the history are still checked.
    Why: A version that NHS England has not approved (or made by order) is a proposal, not the
    ICB's constitution, and decisions taken under it may be open to challenge.
    Fix: Record the approval date in `meta.nhse_approved_on`; mark each entry of
    `meta.version_history` with `nhse_approved: true` (or a `status` of approved, in_force or
    superseded) once approved; and make `meta.effective_from` no earlier than the approval
    date. Mark a version still being drafted with `meta.status: draft` (or `submitted` once
    it is with NHS England), and its history entry likewise.
    Source: From the constitution of NHS Staffordshire and Stoke-on-Trent ICB, which follows
    NHS England's model ("Status of our Constitution"); NHS England's own model text was not
    available. Section 14Z25(5) of the Act (NHS England's order gives the constitution
    effect) was read on legislation.gov.uk, and the design framework's "subject to NHSE
    approval" in the NHS Confederation's briefing of 16 June 2021. NHS England's guidance on
    applying to amend a constitution was not available. A history entry whose status is
    approved, in_force or superseded is taken as approved unless it says nhse_approved: false;
    this version's status is read from meta.status, else from its own history entry.
    """
    meta = doc.meta
    history = meta.version_history if meta else ()
    approved_on = meta.nhse_approved_on if meta else None
    current = meta.version if meta else None
    # This version's own entry in the history, if the history has one.
    at = next((i for i in reversed(range(len(history))) if current == history[i].version), None)
    entry = history[at] if current and at is not None else None
    status = (meta.status if meta else None) or (entry.status if entry else None)
    if meta is not None and status in _NOT_YET:
        recorded = _approval_recorded(meta, entry)
        if recorded:
            yield Unknown(
                ("meta", "status") if meta.status else ("meta", "version_history", at, "status"),
                f"This version is marked as {_not_yet(status)}, but {recorded}. If NHS "
                "England has approved it, set its status to approved (or in_force once it "
                "takes effect); if it is not yet approved, remove the record of approval.",
            )
        else:
            yield NotApplicable(
                "This version is a draft; NHS England approves a constitution before it takes "
                "effect."
                if status == "draft"
                else "This version has been submitted to NHS England and is not yet approved; "
                "NHS England approves a constitution before it takes effect."
            )
    elif approved_on is None:
        if entry is None or _entry_approved(entry) is None:
            if status in ("approved", "in_force"):
                said = "in force" if status == "in_force" else "approved"
                message = (
                    f"This version is marked as {said} (status: {status}), but the constitution "
                    "does not say when NHS England approved it. A constitution, and every "
                    "change to it, takes effect only once NHS England approves it; add "
                    "meta.nhse_approved_on with the approval date (or the date of the varying "
                    "order)."
                )
            else:
                message = (
                    "The constitution does not say that NHS England has approved this version. "
                    "A constitution, and every change to it, takes effect only once NHS England "
                    "approves it; if it has, add meta.nhse_approved_on with the approval date "
                    "(or the date of the varying order)."
                )
            yield Missing(("meta", "nhse_approved_on"), message)
    elif (
        meta is not None
        and meta.effective_from is not None
        and meta.effective_from.before(approved_on) is True
    ):
        yield Contradiction(
            ("meta", "effective_from"),
            f"This version is said to take effect {meta.effective_from.when()}, before NHS "
            f"England approved it {approved_on.when()}. A change takes effect only from the "
            "date of NHS England's approval; move effective_from to that date or later.",
        )
    silent: list[int] = []
    for index, version in enumerate(history):
        if version.status in _NOT_YET or (version is entry and status in _NOT_YET):
            # A draft or submitted version is not approved yet; this version's own entry is
            # dealt with above.
            if version is not entry and version.nhse_approved is True:
                label = _version_label(version)
                name = f"Version {label}" if label else "An entry in the version history"
                yield Unknown(
                    ("meta", "version_history", index, "status"),
                    f"{name} is marked as {_not_yet(version.status)} (status: "
                    f"{version.status}) and also as approved by NHS England (nhse_approved: "
                    "true). If NHS England approved it, set its status to superseded (or "
                    "in_force); if not, set nhse_approved: false.",
                )
            continue
        approved = _entry_approved(version)
        if approved is False:
            label = _version_label(version)
            if version is entry:
                said = "This version is marked in the version history as"
            else:
                said = f"Version {label} is" if label else "An entry in the version history is"
                said += " marked as"
            if version.status in _APPROVED:
                said += f" {version.status.replace('_', ' ')} but"
            yield Contradiction(
                ("meta", "version_history", index, "nhse_approved"),
                f"{said} not approved by NHS England. A version NHS England has not approved "
                "has no effect; set nhse_approved: true once it is approved, or mark a version "
                "still being drafted with status: draft.",
            )
        elif approved is None and version is not entry:
            # This version's own approval is reported above, from meta.nhse_approved_on.
            silent.append(index)
    if silent:
        labels = [label for i in silent if (label := _version_label(history[i]))]
        parts = []
        if labels:
            parts.append(("version " if len(labels) == 1 else "versions ") + listed(labels))
        if len(labels) < len(silent):
            parts.append("the entries that give no version number")
        yield Missing(
            ("meta", "version_history", silent[0], "nhse_approved"),
            f"The version history does not say whether NHS England approved {' or '.join(parts)}. "
            "A version takes effect only once NHS England approves it; if it did, set "
            "nhse_approved: true (or its status) on each entry.",
        )


# The model's nine sections and two standard appendices, as numbered in the model constitution.
MODEL_SECTIONS = (
    ("1", "Introduction"),
    ("2", "Composition of the Board of the ICB"),
    ("3", "Appointments process for the board"),
    ("4", "Arrangements for the exercise of our functions"),
    ("5", "Procedures for making decisions"),
    ("6", "Arrangements for conflict of interest management and standards of business conduct"),
    ("7", "Arrangements for ensuring accountability and transparency"),
    ("8", "Arrangements for determining the terms and conditions of employees"),
    ("9", "Arrangements for public involvement"),
    ("Appendix 1", "Definitions of terms used in this Constitution"),
    ("Appendix 2", "Standing Orders"),
)
# Words ICBs vary without changing the heading: "our functions" / "the ICB's functions".
_VARIABLE_WORDS = re.compile(r"\b(the icb's|the icbs|our|the|this)\b")
_MATCH_RATIO = 0.8
_MIN_CONTAINED = 10  # characters a shortened heading needs to count as the model's heading


def _heading_key(heading: str) -> str:
    text = heading.lower().replace("\u2019", "'")
    text = _VARIABLE_WORDS.sub(" ", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _same_heading(heading: str, model: str) -> bool:
    a, b = _heading_key(heading), _heading_key(model)
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= _MIN_CONTAINED and shorter in longer:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= _MATCH_RATIO


def _label(number: str) -> str:
    return number if number.startswith("Appendix") else f"section {number}"


def _in_order(positions: list[int]) -> set[int]:
    """Indexes of the longest run of `positions` (not necessarily adjacent) that rises."""
    best: list[list[int]] = []
    for i, value in enumerate(positions):
        runs = [best[j] for j in range(i) if positions[j] < value]
        best.append([*(max(runs, key=len) if runs else []), i])
    longest: list[int] = max(best, key=len) if best else []
    return set(longest)


@rule(
    code="ICB007",
    slug="model-structure",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[
        Citation(NHSE_GUIDANCE, "About this guidance, paragraph 2", NHSE_GUIDANCE_URL),
        secondary(HWE_MODEL, "contents (sections 1 to 9, appendices 1 and 2)", HWE_CONTENTS),
    ],
    requires="conduct",
)
def model_structure(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should keep the model's nine sections and two appendices, in order.

    Requirement: NHS England judges constitutions and amendments against its model
    constitution; in practice ICBs keep its nine numbered sections (introduction; composition of
    the board; appointments; exercise of functions; decision-making; conflicts of interest;
    accountability and transparency; employees' terms and conditions; public involvement) and
    its appendices on definitions and standing orders, in that order.
    Provision: NHS England's guidance of July 2024, "About this guidance": "NHS England will
    refer to the updated model constitution when considering whether to approve amendments to
    ICB constitutions". That is how NHS England decides on approval, not words requiring the
    constitution to keep the model's headings, so a heading missing from the list given is
    "not stated"; sections listed out of the model's order depart from it and are reported at
    the rule's severity (a warning).
    Why: A constitution laid out like the model is quicker for NHS England to approve and for
    readers to compare with other ICBs'; a missing section usually means missing content.
    Fix: List the document's headings under `sections` ({number, heading}) and add any missing
    model section or appendix, in the model's order. Headings may be reworded ("our functions"
    or "the ICB's functions"); extra local sections and appendices are fine.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "About this guidance"). The section and appendix titles are
    from the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (contents page); NHS England's own model text was not available. Headings
    are compared after lower-casing and dropping "our", "the ICB's" and "the", by a
    similarity ratio of 0.8 (difflib) or by one heading containing the other; the check is a
    heuristic and only warns.
    """
    if not doc.sections:
        yield Missing(
            ("sections",),
            "The constitution's section headings are not given, so its structure cannot be "
            "compared with NHS England's model (nine sections and appendices on definitions "
            "and standing orders). Add sections: with the number and heading of each section "
            "and appendix.",
        )
        return
    matched: list[tuple[int, int]] = []  # (position in document, model index)
    for model_index, (number, title) in enumerate(MODEL_SECTIONS):
        used = {i for i, _ in matched}
        found = next(
            (
                i
                for i, s in enumerate(doc.sections)
                if i not in used and _same_heading(s.heading, title)
            ),
            None,
        )
        if found is None:
            yield Missing(
                ("sections",),
                f"None of the section headings given matches the model's {_label(number)}, "
                f'"{title}". NHS England judges constitutions against its model: if the '
                "constitution has the section, add its heading to sections; if not, add the "
                "section (the heading may be reworded) or explain the departure when applying "
                "for approval.",
            )
        else:
            matched.append((found, model_index))
    matched.sort()
    keep = _in_order([model_index for _, model_index in matched])
    for position, (index, model_index) in enumerate(matched):
        if position not in keep:
            section = doc.sections[index]
            number, title = MODEL_SECTIONS[model_index]
            yield Contradiction(
                ("sections", index),
                f'"{section.heading}" is the model\'s {_label(number)} ("{title}") but is '
                "out of the model's order. Move it so that the sections follow the model: "
                "introduction, "
                "board, appointments, functions, decisions, conflicts of interest, "
                "accountability, employees, public involvement, then the definitions and "
                "standing orders appendices.",
            )


BLMK_NOTE = secondary(
    "NHS Bedfordshire, Luton and Milton Keynes CCG, ICB Constitution (draft built from the "
    "NHSEI model)",
    "note on the draft's colours, paragraph 3 (black text kept unless agreed with NHS England; "
    "green text optional)",
    "https://www.blmkccg.nhs.uk/get-involved/consultation-and-engagement/icb_constitution/",
)


@rule(
    code="ICB008",
    slug="model-required-text",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[
        Citation(NHSE_GUIDANCE, "About this guidance, paragraph 2", NHSE_GUIDANCE_URL),
        BLMK_NOTE,
    ],
    requires="conduct",
)
def model_required_text(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Optional model clauses are settled before approval; departures NHS England agreed are dated.

    Requirement: NHS England's model constitution marks the text that reflects a legal or
    policy requirement, which the ICB keeps unless NHS England agrees otherwise, and the
    clauses that are optional. An optional clause is for the ICB to keep or leave out while
    it drafts; the text NHS England approves has settled it. A departure from the required
    text needs NHS England's agreement, which the document should record with its date and
    reference.
    Provision: The note to Bedfordshire, Luton and Milton Keynes' draft built from the model:
    "Text in black indicates a legal or policy requirement and will be retained unless agreed
    otherwise with NHS England. Text in green indicates a clause which is optional." And NHS
    England's guidance of July 2024: NHS England "will refer to the updated model
    constitution when considering whether to approve amendments". These describe how the ICB
    drafts and how NHS England approves, not words the constitution must contain, so a
    conduct rule. A version marked approved, in force or superseded that still marks a
    section optional contradicts its status and is reported at warning level; a version
    submitted to NHS England with a section still marked optional, a section marked optional
    in a version that does not give its status, or a departure recorded without its date or
    NHS England's reference, is "not stated". In a draft an optional marking is expected.
    The version's status is read from `meta.status`, else from its own version history
    entry.
    Why: A clause left marked optional in an approved text leaves readers unsure whether it
    binds the ICB; an agreement no one can date or trace cannot be checked when the
    constitution is next reviewed.
    Fix: Before submitting, decide each clause marked `optional: true` under `sections`: keep
    it (and remove `optional`) or take it out. Record each departure NHS England agreed in
    `meta.nhse_agreements` with its `description`, `agreed_on` and `reference` (NHS England's
    letter or decision).
    Source: Read in the note to the draft constitution of NHS Bedfordshire, Luton and Milton
    Keynes CCG (the colours of the NHSEI model text) and in NHS England's guidance of July
    2024 ("About this guidance"). That an optional clause is settled before the text is
    submitted is a reading of the note, not NHS England's words, so the rule warns. The
    check the catalogue describes, comparing each required clause of the model with the
    document, needs the model's text, which was not available: icslint cannot see whether the
    required text was kept, only what the document records about optional clauses and agreed
    departures. Departures that leave the medical director or director of nursing off the
    board are read by ICB012.
    """
    meta = doc.meta
    status = meta.status if meta else None
    if status is None and meta is not None and meta.version:
        status = next(
            (e.status for e in reversed(meta.version_history) if e.version == meta.version),
            None,
        )
    optional = [(i, s) for i, s in enumerate(doc.sections) if s.optional]
    if optional and status in ("approved", "in_force", "superseded"):
        said = {"approved": "approved", "in_force": "in force", "superseded": "superseded"}
        for index, section in optional:
            yield Contradiction(
                ("sections", index, "optional"),
                f'Section {section.number} ("{section.heading}") is still marked optional, but '
                f"this version is marked as {said[status]}. An optional clause of NHS "
                "England's model is kept or left out while the constitution is drafted, "
                "before NHS England approves it; if the section is part of the approved text, "
                "remove optional: true, and if it was left out, remove it from sections.",
            )
    elif optional and status is None:
        for index, section in optional:
            yield Unknown(
                ("sections", index, "optional"),
                f'Section {section.number} ("{section.heading}") is marked optional, but the '
                "constitution does not say whether this version is a draft. An optional clause "
                "of NHS England's model is kept or left out before the constitution goes to "
                "NHS England; set meta.status (draft, submitted, approved, in_force or "
                "superseded).",
            )
    elif optional and status == "submitted":
        for index, section in optional:
            yield Missing(
                ("sections", index, "optional"),
                f'Section {section.number} ("{section.heading}") is still marked optional in a '
                "version submitted to NHS England. If the ICB has decided to keep it, remove "
                "optional: true; if it has decided to leave it out, say so to NHS England and "
                "remove it from sections.",
            )
    agreements = meta.nhse_agreements if meta else ()
    for index, agreement in enumerate(agreements):
        other = agreement.departure == "other"
        wanted = [
            words
            for value, words in (
                (agreement.description if other else True, "what the departure is (description)"),
                (agreement.agreed_on, "when NHS England agreed it (agreed_on)"),
                (
                    agreement.reference,
                    "which of NHS England's letters or decisions records it (reference)",
                ),
            )
            if not value
        ]
        # A departure of a named kind says what it is; it needs at least a date or a reference
        # (ICB012 notes which of the two it has).
        if not wanted or (not other and len(wanted) < 2):
            continue
        if agreement.description:
            what = f' ("{agreement.description}")'
        else:
            what = _DEPARTURE_WORDS.get(agreement.departure, "")
        field = "agreed_on" if agreement.agreed_on is None else "reference"
        if other and agreement.description is None:
            field = "description"
        yield Missing(
            ("meta", "nhse_agreements", index, field),
            f"The constitution records that NHS England agreed a departure from its model"
            f"{what}, but does not say {_or(wanted)}. Text the model requires is kept unless NHS "
            "England agrees otherwise; record the agreement in full so that it can be "
            "checked.",
        )


# The departures of a named kind in meta.nhse_agreements, in words.
_DEPARTURE_WORDS = {
    "medical_director_not_on_board": " (the medical director is not a member of the board)",
    "director_of_nursing_not_on_board": (" (the director of nursing is not a member of the board)"),
}


@rule(
    code="ICB009",
    slug="version-control",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        secondary(
            HWE_MODEL,
            "contents (sections 1 to 9, appendices 1 to 3, Version control)",
            HWE_CONTENTS,
        ),
    ],
    requires="conduct",
)
def version_control(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should keep a version history that ends with the current version.

    Requirement: Keep a version history, oldest first, so readers can see which text NHS England
    approved and when; its last entry is the version in hand.
    Provision: No provision requires it. The constitution of NHS Hertfordshire and West Essex
    ICB, which follows NHS England's model, ends with a "Version control" section: this is
    good practice, not words the constitution must contain, so a constitution without a
    history is "not stated"; a history out of date order, or one that ends with another
    version than the document's own, contradicts itself and is reported at the rule's
    severity (a warning).
    Why: Constitutions change by NHS England approval, one version at a time; without a history
    no one can tell which text was in force when a decision was taken.
    Fix: Add `meta.version_history` entries ({version, date, summary, nhse_approved}) in date
    order, ending with an entry whose `version` equals `meta.version`. A version still being
    drafted (`status: draft` or `submitted` on its entry, or this version when `meta.status`
    says so) has not taken effect, so its entry need not give a date.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (contents page, "Version control"); NHS England's own model text was not
    available. It is local practice rather than a requirement of the Act or of NHS England,
    so the rule warns.
    """
    meta = doc.meta
    history = meta.version_history if meta else ()
    if not history:
        yield Missing(
            ("meta", "version_history"),
            "The constitution's version history is not given. Keeping one lets readers see "
            "which text NHS England approved and when; if the constitution has one, add "
            "meta.version_history with an entry (version, date, summary, nhse_approved) for "
            "each version.",
        )
        return
    latest: PartialDate | None = None
    drafting = meta.status in _NOT_YET if meta else False
    for index, entry in enumerate(history):
        name = f'Version "{entry.version}"' if entry.version else "An entry"
        if entry.date is None:
            # A draft has not been approved and has not taken effect: it has no date to give.
            if entry.status in _NOT_YET or (drafting and entry.version == _meta_version(doc)):
                continue
            yield Missing(
                ("meta", "version_history", index, "date"),
                f"{name} in the version history gives no date. Add the date the version was "
                "approved or took effect.",
            )
            continue
        if latest is not None and entry.date.before(latest) is True:
            yield Contradiction(
                ("meta", "version_history", index, "date"),
                f"{name} in the version history is dated {entry.date.in_words()}, earlier than "
                f"the entry before it ({latest.in_words()}). List the versions oldest first.",
            )
        if latest is None or entry.date.earliest > latest.earliest:
            latest = entry.date
    last = history[-1]
    current = meta.version if meta else None
    if current is None:
        yield Missing(
            ("meta", "version"),
            "The constitution does not state its own version number. Add meta.version, equal "
            "to the version of the last entry in the version history.",
        )
    elif last.version is None:
        yield Missing(
            ("meta", "version_history", len(history) - 1),
            f"The last entry in the version history gives no version number; this document is "
            f'version "{current}". Set its version, or add an entry for version "{current}".',
        )
    elif last.version != current:
        yield Contradiction(
            ("meta", "version_history", len(history) - 1, "version"),
            f'The last entry in the version history is version "{last.version}", but this '
            f'document is version "{current}". Add an entry for version "{current}", or correct '
            "meta.version.",
        )
