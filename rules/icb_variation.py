"""Catalogue section N: varying the constitution, the updated model, and related documents.

ICB161 to ICB163 are "diff mode" checks in the catalogue: they compare a proposed version with
the one before. icslint checks one document at a time, so these rules are single-document
approximations; each docstring says what it looks at instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, NHS_ACT_2006, SCH_1B, is_body, seats, secondary

ICB = "icb-constitution"

S14Z25 = (
    "https://legislation.gov.uk/ukpga/2006/41/part/2/chapter/A3/crossheading/"
    "establishment-of-integrated-care-boards-including-by-repurposing-clinical-commissioning-groups"
)
HL_BILL_71 = secondary(
    "Health and Care Bill (HL Bill 71), page 10",
    "clause 14Z28(4) (variation by order under 14Z25 or under the constitution; Bill numbering)",
    "https://publications.parliament.uk/pa/bills/lbill/58-02/071/5802071_en_3.html",
)
NHSE_IN_YOUR_AREA = secondary(
    "NHS England, Integrated care in your area",
    "constitutions can only be amended with the approval of NHS England",
    "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/",
)
MODEL_STATUS = secondary(
    "NHS England model ICB constitution, as reproduced by NHS Staffordshire and Stoke-on-Trent ICB",
    "section 1.5 (Status of this constitution)",
    "https://staffsstoke.icb.nhs.uk/your-nhs-integrated-care-board/governance/"
    "the-icb-constitution/?format=rss",
)

NHSE_GOVERNANCE = (
    "NHS England, Guidance on integrated care board constitutions and governance (July 2024)"
)
NHSE_GOVERNANCE_URL = "https://england.nhs.uk/long-read/guidance-on-integrated-care-board-constitutions-and-governance"
UIN_45636 = secondary(
    "Written answer UIN 45636 (DHSC), Integrated Care Boards: Leadership",
    "answer: the ICB governance guidance was updated in July 2024",
    "https://parallelparliament.co.uk/question/45636/integrated-care-boards-leadership",
)
BOUNDARY_PROCEDURE = Citation(
    "NHS England, Integrated care system boundary changes and mergers procedure",
    "paragraphs 1.1 to 1.3",
    "https://www.england.nhs.uk/long-read/integrated-care-system-boundary-changes-and-mergers-procedure/",
)
HWE_SECTION_7 = "https://hertsandwestessex.icb.nhs.uk/us/constitution/7"
NOTTS_INFORMATION = secondary(
    "NHS Nottingham and Nottinghamshire ICB, Organisational information",
    "the constitution and the governance handbook that supports it",
    "https://notts.icb.nhs.uk/organisational-information",
)

# NHS England's updated guidance is dated only "July 2024" in the sources read, so a version
# counts as made after it only if it took effect after that month.
_GUIDANCE_MONTH_END = dt.date(2024, 7, 31)


def _effective(doc: IcbConstitution) -> dt.date | None:
    return doc.meta.effective_from if doc.meta is not None else None


def _model_basis(doc: IcbConstitution) -> str | None:
    return doc.meta.model_basis if doc.meta is not None else None


def _after_july_2024(doc: IcbConstitution) -> bool:
    """A version in force after July 2024, or an undated draft (which NHS England would judge
    now, against the updated model)."""
    effective = _effective(doc)
    return effective is None or effective > _GUIDANCE_MONTH_END


@rule(
    code="ICB160",
    slug="variation-procedure",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, paragraph on variation of the constitution (number not verified: "
            "14 in HL Bill 71, possibly 15 in the Act)",
            SCH_1B,
        ),
        Citation(NHS_ACT_2006, "section 14Z25(5)", S14Z25),
        HL_BILL_71,
        NHSE_IN_YOUR_AREA,
        MODEL_STATUS,
    ],
)
def variation_procedure(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must say how it is varied: on the ICB's application, by NHS England.

    Requirement: An ICB's constitution can be varied only by NHS England, either by an order
    under section 14Z25 or under the variation provision in the constitution itself. The
    constitution should state that procedure: the ICB applies, NHS England approves (and
    NHS England may also vary it on its own initiative). It must not let the board amend the
    constitution by its own resolution.
    Why: A change the board makes for itself has no effect: the constitution takes effect
    through NHS England's order, and a change takes effect only from NHS England's approval.
    Decisions taken under an unapproved text can be challenged.
    Fix: Add the variation clause and record it under `variation`: `procedure_section` (the
    clause number), `applicant` (the ICB), `approver: NHS England`, and
    `board_may_amend: false`. Changes to documents outside the constitution (committee terms
    of reference, the scheme of reservation and delegation) stay with the board.
    Source: Secondary for the variation paragraph of Schedule 1B, which is not verified: its
    text was not in any stored copy of the Act (the legislation.gov.uk copy of Part 1 stops
    inside paragraph 8), and searches for it again this session (per-paragraph wording,
    "paragraph 14/15 of Schedule 1B") found nothing; it is paragraph 14 in the Lords Bill
    and possibly 15 in the Act, so no number appears in messages. Read for the catalogue:
    HL Bill 71 clause 14Z28(4) (S07), which refers to variation "by order under section
    14Z25 or under provision included in its constitution"; NHS England's "Integrated care
    in your area" (N16: the constitution can only be amended with NHS England's approval);
    the model's "Status of this constitution" clause via Staffordshire and Stoke-on-Trent
    ICB (N06: changes take effect only from NHS England's approval). Re-read this session:
    section 14Z25(5) of the 2006 Act on legislation.gov.uk (S03, [V]: the order provides
    for the constitution, setting it out or by reference to a published document).
    Catalogue tag statute [S] (paragraph number [U]), so an error citing the secondary
    sources. The rule checks the recorded facts, not the clause's wording.
    """
    variation = doc.variation
    if variation is None:
        yield Finding(
            ("variation",),
            "The constitution has no procedure for varying it. Only NHS England can vary an "
            "ICB's constitution, on the ICB's application or by order; add the variation "
            "clause and record it under variation (procedure_section, applicant, "
            "approver: NHS England, board_may_amend: false).",
        )
        return
    if not variation.procedure_section:
        yield Finding(
            ("variation", "procedure_section"),
            "The constitution does not say which clause sets out how it is varied. Add the "
            "clause (the ICB applies to NHS England, which approves the change) and give its "
            "number in variation.procedure_section.",
        )
    if not is_body(variation.approver, "NHS England"):
        yield Finding(
            ("variation", "approver"),
            f"The constitution says changes to it are approved by "
            f"{variation.approver or 'no one stated'}. Only NHS England can vary an ICB's "
            "constitution, and a change takes effect only from NHS England's approval; set "
            "approver: NHS England.",
        )
    if variation.board_may_amend is True:
        yield Finding(
            ("variation", "board_may_amend"),
            "The constitution lets the board amend it by its own resolution. The board cannot "
            "vary its constitution: the ICB applies to NHS England, which approves the change "
            "(or varies it by order). Remove the power and set board_may_amend: false; the "
            "board keeps its power to change documents outside the constitution.",
        )


@rule(
    code="ICB161",
    slug="updated-model-basis",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[
        Citation(NHSE_GOVERNANCE, "About this guidance, paragraph 2", NHSE_GOVERNANCE_URL),
        UIN_45636,
    ],
)
def updated_model_basis(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A version made after July 2024 should follow NHS England's updated model constitution.

    Requirement: NHS England judges applications to amend a constitution against its updated
    model constitution (July 2024), so a version that took effect after July 2024, or a
    draft with no `meta.effective_from`, should follow the updated model. The catalogue's
    check compares a proposed version with the last one clause by clause ("diff mode");
    this rule is a single-document approximation: it looks only at `meta.model_basis`.
    Why: A new version still built on the May 2022 model will be measured against text it
    does not contain (the deputy chair and the senior non-executive member among it), which
    delays approval.
    Fix: Rebase the text on the updated model and set `meta.model_basis: updated`, or, if
    the version did take effect before August 2024, correct `meta.effective_from`.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance", "About this guidance", read as guidance text (catalogue S14, [V]; its
    opening was re-read this session): NHS England will refer to the updated model when
    deciding whether to approve amendments. The long-read's date, July 2024, comes from
    DHSC's written answer UIN 45636 ([S]). Level nhse-policy; shipped as a warning, not an
    error, because this approximation cannot see which clauses actually changed.
    """
    if not _after_july_2024(doc) or _model_basis(doc) == "updated":
        return
    effective = _effective(doc)
    when = f"took effect on {effective}" if effective else "is an undated draft"
    follows = (
        "follows the May 2022 model" if _model_basis(doc) else "does not say which model it follows"
    )
    yield Finding(
        ("meta", "model_basis"),
        f"This version {when}, after NHS England updated its model constitution in July 2024, "
        f"but it {follows}. "
        "NHS England judges amendments against the updated model; base the text on it and set "
        "meta.model_basis: updated.",
    )


@rule(
    code="ICB162",
    slug="add-deputy-chair-and-senior-non-executive",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    citations=[
        Citation(
            NHSE_GOVERNANCE,
            "Action required, opening sentence and bullets 1 and 2",
            NHSE_GOVERNANCE_URL,
        ),
        UIN_45636,
    ],
)
def add_deputy_chair_and_senior_non_executive(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """An older version on the May 2022 model should add the two July 2024 designations next.

    Requirement: ICBs that have not yet designated a deputy chair and a senior non-executive
    member should do so at their next amendment. The catalogue checks this in "diff mode"
    (a proposed version that still lacks them); this rule is a single-document
    approximation. It looks at versions that took effect on or before 31 July 2024 and are on
    the May 2022 model (`meta.model_basis: 2022-05`, or not stated), and reports when no seat
    is designated deputy chair or senior non-executive member. Later versions and undated
    drafts are checked, as requirements, by ICB052 and ICB055.
    Why: NHS England asked every ICB to make the change "at their next opportunity"; putting
    it into the next application saves a second one.
    Fix: In the next version, set `is_deputy_chair: true` on one non-executive seat (not the
    audit committee chair) and `is_senior_non_executive: true` on one non-executive seat,
    and set `meta.model_basis: updated`.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance", "Action required", opening sentence and bullets 1 and 2, read as guidance
    text (catalogue S14, [V]; re-read this session): ICBs are asked to amend at their next
    opportunity, with a transition for non-executive roles approved by NHS England. July
    2024 as its date is [S] (written answer UIN 45636). Shipped as info: the request is for
    the next amendment, and a version made before the guidance did not breach it.
    """
    effective = _effective(doc)
    if effective is None or effective > _GUIDANCE_MONTH_END or _model_basis(doc) == "updated":
        return
    missing = [
        label
        for flag, label in (
            ("is_deputy_chair", "a deputy chair"),
            ("is_senior_non_executive", "a senior non-executive member"),
        )
        if not any(getattr(seat, flag) for _, seat in seats(doc))
    ]
    if missing:
        yield Finding(
            ("meta", "model_basis"),
            f"This version took effect on {effective} and follows the May 2022 model; it "
            f"designates no {' and no '.join(m.removeprefix('a ') for m in missing)}. NHS "
            "England asked ICBs in July 2024 to designate, from the non-executive members, "
            f"{' and '.join(missing)} at their next amendment. Include them in the next "
            "application (is_deputy_chair / is_senior_non_executive on non-executive seats, "
            "and meta.model_basis: updated).",
        )


_BOUNDARY_WORDS = re.compile(r"\b(boundar(y|ies)|merg(e|ed|er|ers|ing))\b", re.IGNORECASE)


@rule(
    code="ICB163",
    slug="boundary-change-engagement",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    citations=[BOUNDARY_PROCEDURE, NHSE_IN_YOUR_AREA],
)
def boundary_change_engagement(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A boundary change or merger needs evidence that councils and the ICP were engaged.

    Requirement: A change to an ICB's area, or a merger, goes through NHS England's
    boundary-change and merger procedure. Only the ICB may apply, and it must first engage
    its local authority partners and others in the integrated care partnership, because the
    ICS boundary changes too. The catalogue checks this in "diff mode" (a change to
    `icb.area` or `icb.name`); this rule is a single-document approximation. It treats the
    constitution as touching its boundary when `icb.area.exclusions` lists parts of a
    council's area left out, or when a `meta.version_history` summary mentions a boundary or
    a merger, and then asks for `meta.engagement_evidence`.
    Why: NHS England will not consider a boundary or merger application without the
    councils' and the partnership's involvement, and the establishment order has to be varied
    with it.
    Fix: Record where the engagement is evidenced in `meta.engagement_evidence` (for example
    "Letters of support from the councils and ICP minutes of 12 March 2025").
    Source: NHS England, "Integrated care system boundary changes and mergers procedure",
    paragraphs 1.1 to 1.3, read as guidance text (catalogue S34, [V]; re-read this session);
    NHS England's "Integrated care in your area" (N16, [S], read for the catalogue) on the
    establishment order that fixes each ICB's name and area. Shipped as info: the trigger is
    a heuristic (words in the version history, or exclusions that may date from
    establishment).
    """
    reasons: list[str] = []
    area = doc.icb.area if doc.icb else None
    if area is not None and area.exclusions:
        reasons.append("its area leaves out parts of council areas")
    history = doc.meta.version_history if doc.meta else ()
    for entry in history:
        if entry.summary and _BOUNDARY_WORDS.search(entry.summary):
            name = f"version {entry.version}" if entry.version else "a version"
            reasons.append(f"the history of {name} mentions a boundary change or merger")
            break
    if reasons and not (doc.meta and doc.meta.engagement_evidence):
        yield Finding(
            ("meta", "engagement_evidence"),
            f"The constitution touches the ICB's boundary ({'; '.join(reasons)}) but records no "
            "evidence of engagement. NHS England's boundary-change and merger procedure "
            "requires the ICB to engage its local authority partners and the integrated care "
            "partnership before applying; record where that is evidenced in "
            "meta.engagement_evidence.",
        )


@rule(
    code="ICB164",
    slug="related-documents",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clause 7.3.7 (referring to paragraph 1.7.3(d))", HWE_SECTION_7),
        NOTTS_INFORMATION,
    ],
)
def related_documents(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must name the governance handbook and standing financial instructions.

    Requirement: The constitution names the documents that support it but sit outside it:
    the governance handbook, the scheme of reservation and delegation, the standing
    financial instructions, the functions and decision map, committee terms of reference,
    key policies and the list of eligible nominators. This rule checks the governance
    handbook and the standing financial instructions; the scheme of reservation and
    delegation, the functions and decision map and the list of eligible nominators are
    checked by ICB100, ICB099 and ICB068, so they are not reported twice.
    Why: These documents change without varying the constitution, so the constitution has
    to say where they are; a reader cannot otherwise find the rules that govern delegated
    decisions and spending.
    Fix: Set `related_documents.governance_handbook` and `related_documents.sfi` to the
    documents' titles or addresses.
    Source: Secondary ([S]). The model text as used by Herts and West Essex ICB (clause
    7.3.7, read for the catalogue, which refers to the key policies of paragraph 1.7.3(d))
    and Nottingham and Nottinghamshire ICB's organisational information page (re-read this
    session: the governance handbook, standing financial instructions and scheme of
    reservation and delegation sit outside the constitution and support it). The NHS
    England model annex itself was not read. nhse-policy [S], so an error. The rule only
    checks that each reference is given.
    """
    related = doc.related_documents
    for field, label in (
        ("governance_handbook", "governance handbook"),
        ("sfi", "standing financial instructions"),
    ):
        if related is None or not getattr(related, field):
            yield Finding(
                ("related_documents", field),
                f"The constitution does not name its {label}. The documents that support the "
                "constitution but sit outside it must be identified so readers can find them; "
                f"give the title or address in related_documents.{field}.",
            )
