"""Catalogue section A: the constitution itself, its name and area, approval and structure."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, NHS_ACT_2006, sch1b, secondary

ICB = "icb-constitution"


@rule(
    code="ICB001",
    slug="constitution-exists",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("1")],
)
def constitution_exists(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """An ICB constitution must have content.

    Requirement: Every integrated care board must have a constitution. A file that declares
    itself an ICB constitution but says nothing about the ICB, its board or its arrangements
    is not one.
    Why: The constitution is the instrument that sets up how the board is made up and how it
    works; without it nothing else can be checked.
    Fix: Fill in the document, or start a new draft with
    `icslint init --kind icb-constitution`.
    Source: Schedule 1B paragraph 1 read in the revised text on legislation.gov.uk (catalogue
    source S01, [V]).
    """
    content = doc.model_dump(exclude={"kind", "schema_version", "meta"}, exclude_defaults=True)
    if not content:
        yield Finding(
            (),
            "The file declares an ICB constitution but contains none of its content: no "
            "icb, board or other sections. Every ICB must have a constitution; fill in the "
            "document or start from `icslint init --kind icb-constitution`.",
        )


@rule(
    code="ICB002",
    slug="icb-name",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("2(a)")],
)
def icb_name(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must state the ICB's name.

    Requirement: The constitution must give the name of the integrated care board.
    Why: The name is how the establishment order, NHS England and the public identify the
    board; it is mandatory content of every constitution.
    Fix: Add `icb.name`, for example `name: NHS Wessex Integrated Care Board`.
    Source: Schedule 1B paragraph 2(a) read in the revised text on legislation.gov.uk (S01, [V]).
    """
    if doc.icb is None or not doc.icb.name:
        yield Finding(
            ("icb", "name"),
            "The constitution does not state the ICB's name. Add icb.name, for example "
            '"NHS Wessex Integrated Care Board".',
        )


@rule(
    code="ICB003",
    slug="icb-area",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("2(b)")],
)
def icb_area(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must state the area the ICB is established for.

    Requirement: The constitution must state the area for which the ICB is established, by
    the local authority areas it covers or by a description; any part of a council's area
    that is left out must be identified.
    Why: The area fixes whose health needs the ICB must meet and which councils, trusts and
    practices take part in nominating partner members.
    Fix: List the councils under `icb.area.local_authorities`, or describe the area under
    `icb.area.description`; give each exclusion an `identifier` (for example an LSOA code).
    Source: Schedule 1B paragraph 2(b) read in the revised text on legislation.gov.uk (S01, [V]).
    """
    area = doc.icb.area if doc.icb else None
    if area is None or (not area.local_authorities and not area.description):
        yield Finding(
            ("icb", "area"),
            "The constitution does not state the ICB's area. List the local authorities whose "
            "areas make it up under icb.area.local_authorities, or describe it under "
            "icb.area.description.",
        )
        return
    for index, exclusion in enumerate(area.exclusions):
        if not exclusion.identifier:
            yield Finding(
                ("icb", "area", "exclusions", index),
                "This part of the area that the ICB does not cover has no identifier, so the "
                "area's boundary cannot be drawn. Add an identifier such as the LSOA code.",
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
            "publication duty, cited by the ICB as section 14Z29 (not read in the Act)",
            "https://humberandnorthyorkshire.icb.nhs.uk/governance",
        ),
    ],
)
def constitution_order_and_publication(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The constitution should name the order that gives it effect and where it is published.

    Requirement: NHS England's order establishing the ICB must provide for its constitution,
    either by setting it out or by referring to a published document; so the constitution in
    force is a published document, and the model text commits the ICB to publish it.
    Why: Readers, NHS England and the courts need to know which instrument gives this text legal
    effect and where the authoritative published copy is.
    Fix: Set `meta.published_url` to the address of the published constitution, and
    `icb.establishment_order_ref` to the order that gives it effect (for example "The Integrated
    Care Boards (Establishment) Order 2022, as varied in 2023").
    Source: Section 14Z25(5) of the 2006 Act read in the revised text on legislation.gov.uk
    (catalogue S03, [V]): the order sets out the constitution or refers to a published document.
    The duty to publish is [S]: Capsticks' summary of the Bill ("Each ICB must publish its
    constitution") and the model text at Herts and West Essex clause 7.3.7, both read; Humber
    and North Yorkshire ICB attributes the duty to section 14Z29, but that section was not found
    in any stored copy of the Act (searched again for this rule). The rule can only check that
    the two references are recorded, not that the order or the publication exists, so it
    warns rather than errs; the order reference, which the catalogue suggests at info, shares
    the rule's single severity.
    """
    meta = doc.meta
    if meta is None or not meta.published_url:
        yield Finding(
            ("meta", "published_url"),
            "The constitution does not say where it is published. The establishment order gives "
            "effect to the constitution by reference to a published document, and the ICB "
            "commits to publish it; add meta.published_url with the address of the published "
            "copy.",
        )
    if doc.icb is None or not doc.icb.establishment_order_ref:
        yield Finding(
            ("icb", "establishment_order_ref"),
            "The constitution does not name the NHS England establishment order that gives it "
            'effect. Add icb.establishment_order_ref, for example "The Integrated Care Boards '
            '(Establishment) Order 2022".',
        )


@rule(
    code="ICB006",
    slug="nhse-approval",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(
            "NHS England model ICB constitution, as reproduced by NHS Staffordshire and "
            "Stoke-on-Trent ICB",
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
)
def nhse_approval(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The version in force, and every version before it, must be approved by NHS England.

    Requirement: NHS England approves the constitution and every change to it; a change is not
    implemented until, and takes effect only from, the date NHS England approves it.
    Why: A version that NHS England has not approved (or made by order) is a proposal, not the
    ICB's constitution, and decisions taken under it may be open to challenge.
    Fix: Record the approval date in `meta.nhse_approved_on`; mark each entry of
    `meta.version_history` with `nhse_approved: true` once approved; and make
    `meta.effective_from` no earlier than the approval date. A draft awaiting approval will
    fail this rule until it is approved, which is the point.
    Source: Secondary ([S]). The model's "Status of this constitution" clause, as reproduced by
    Staffordshire and Stoke-on-Trent ICB, was read (changes take effect only from NHS England's
    approval); the design framework's "subject to NHSE approval" was read in the NHS
    Confederation briefing (seed 004); section 14Z25(5) of the 2006 Act (NHS England's order
    gives the constitution effect) was read on legislation.gov.uk. The NHS England guidance on
    applying to amend a constitution was not found.
    """
    meta = doc.meta
    if meta is None or meta.nhse_approved_on is None:
        yield Finding(
            ("meta", "nhse_approved_on"),
            "The constitution does not record when NHS England approved it. A constitution, "
            "and every change to it, takes effect only once NHS England approves it; add "
            "meta.nhse_approved_on with the approval date (or the date of the varying order).",
        )
    elif meta.effective_from is not None and meta.effective_from < meta.nhse_approved_on:
        yield Finding(
            ("meta", "effective_from"),
            f"This version is said to take effect on {meta.effective_from}, before NHS England "
            f"approved it on {meta.nhse_approved_on}. A change takes effect only from the date "
            "of NHS England's approval; move effective_from to that date or later.",
        )
    for index, entry in enumerate(meta.version_history if meta else ()):
        if entry.nhse_approved is not True:
            name = f"Version {entry.version}" if entry.version else "This version"
            yield Finding(
                ("meta", "version_history", index, "nhse_approved"),
                f"{name} in the version history is not marked as approved by NHS England. "
                "A version NHS England has not approved never had effect; set "
                "nhse_approved: true once it is approved, or remove the draft from the history.",
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
)
def model_structure(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should keep the model's nine sections and two appendices, in order.

    Requirement: NHS England judges constitutions and amendments against its model
    constitution; in practice ICBs keep its nine numbered sections (introduction; composition of
    the board; appointments; exercise of functions; decision-making; conflicts of interest;
    accountability and transparency; employees' terms and conditions; public involvement) and
    its appendices on definitions and standing orders, in that order.
    Why: A constitution laid out like the model is quicker for NHS England to approve and for
    readers to compare with other ICBs'; a missing section usually means missing content.
    Fix: List the document's headings under `sections` ({number, heading}) and add any missing
    model section or appendix, in the model's order. Headings may be reworded ("our functions"
    or "the ICB's functions"); extra local sections and appendices are fine.
    Source: NHS England's long-read (July 2024 [S]), "About this guidance", read: NHS England
    refers to the updated model when deciding whether to approve amendments. The section and
    appendix titles are those of Herts and West Essex ICB's constitution, which follows the
    model (contents page read; catalogue section 4, [V] for the titles). The model annex itself
    was not read, so this is nhse-policy [S]. Headings are compared after lower-casing and
    dropping "our", "the ICB's" and "the", by a similarity ratio of 0.8 (difflib) or by one
    heading containing the other; the check is a heuristic and only warns.
    """
    if not doc.sections:
        yield Finding(
            ("sections",),
            "The constitution lists no section headings, so its structure cannot be compared "
            "with NHS England's model (nine sections and appendices on definitions and standing "
            "orders). Add sections: with the number and heading of each section and appendix.",
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
            yield Finding(
                ("sections",),
                f"The constitution has no heading matching the model's {_label(number)}, "
                f'"{title}". NHS England judges constitutions against its model; add the '
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
            yield Finding(
                ("sections", index),
                f'"{section.heading}" is the model\'s {_label(number)} ("{title}") but is '
                "out of the model's order. Move it so that the sections follow the model: "
                "introduction, "
                "board, appointments, functions, decisions, conflicts of interest, "
                "accountability, employees, public involvement, then the definitions and "
                "standing orders appendices.",
            )


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
)
def version_control(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should keep a version history that ends with the current version.

    Requirement: Keep a version history, oldest first, so readers can see which text NHS England
    approved and when; its last entry is the version in hand.
    Why: Constitutions change by NHS England approval, one version at a time; without a history
    no one can tell which text was in force when a decision was taken.
    Fix: Add `meta.version_history` entries ({version, date, summary, nhse_approved}) in date
    order, ending with an entry whose `version` equals `meta.version`.
    Source: Herts and West Essex ICB's constitution, which follows the NHS England model, ends
    with a "Version control" section (contents page read; catalogue ICB009, guidance [S]). It is
    local practice rather than a requirement of the Act or of NHS England, so the rule warns.
    """
    meta = doc.meta
    history = meta.version_history if meta else ()
    if not history:
        yield Finding(
            ("meta", "version_history"),
            "The constitution has no version history. Add meta.version_history with an entry "
            "(version, date, summary, nhse_approved) for each version, so readers can see "
            "which text NHS England approved and when.",
        )
        return
    latest: dt.date | None = None
    for index, entry in enumerate(history):
        if entry.date is None:
            yield Finding(
                ("meta", "version_history", index, "date"),
                f"Version {entry.version or index + 1} in the version history has no date. Add "
                "the date the version was approved or took effect.",
            )
            continue
        if latest is not None and entry.date < latest:
            yield Finding(
                ("meta", "version_history", index, "date"),
                f"Version {entry.version or index + 1} is dated {entry.date}, earlier than the "
                f"entry before it ({latest}). List the versions oldest first.",
            )
        latest = max(latest, entry.date) if latest else entry.date
    last = history[-1]
    current = meta.version if meta else None
    if current is None:
        yield Finding(
            ("meta", "version"),
            "The constitution does not state its own version number. Add meta.version, equal "
            "to the version of the last entry in the version history.",
        )
    elif last.version != current:
        yield Finding(
            ("meta", "version_history", len(history) - 1, "version"),
            f"The last entry in the version history is version {last.version or '(none)'}, but "
            f"this document is version {current}. Add an entry for version {current}, or "
            "correct meta.version.",
        )
