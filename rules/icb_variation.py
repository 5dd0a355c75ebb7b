"""Varying the constitution, the updated model, and related documents (ICB160 to ICB164).

Every rule here is `conduct`. The variation paragraph of Schedule 1B could not be read, and
NHS England's July 2024 guidance is about how it decides applications and what ICBs should do
at their next amendment. A constitution that is silent is "not stated"; one that lets the board
amend it, or names another approver, is in breach.

ICB161 to ICB163 compare, in NHS England's terms, a proposed version with the one before.
icslint checks one document at a time, so these rules are single-document approximations;
each docstring says what it looks at instead. ICB161 and ICB162 depend on the date the version
took effect: a version with no date is reported as not stated, never taken to be current.
"""

from __future__ import annotations

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
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import (
    GUIDANCE_IN_FORCE,
    HWE_MODEL,
    NHS_ACT_2006,
    SCH_1B,
    after_july_2024_guidance,
    approved_after_guidance,
    drafting_status,
    is_body,
    model_clause,
    seats,
    secondary,
    undated,
)

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


def _taking_effect(doc: IcbConstitution) -> str:
    """Why this version comes after July 2024, ending so that "after ..." can follow."""
    meta = doc.meta
    drafting = drafting_status(doc)
    if drafting:
        said = "is a draft" if drafting == "draft" else "has been submitted to NHS England"
        return f"This version {said}, so it will take effect"
    effective = meta.effective_from if meta is not None else None
    if effective is not None and effective.on_or_after(GUIDANCE_IN_FORCE) is not None:
        return f"This version took effect {effective.when()},"
    return f"{approved_after_guidance(doc) or 'This version is dated'}, so it took effect"


def _model_basis(doc: IcbConstitution) -> str | None:
    return doc.meta.model_basis if doc.meta is not None else None


def _follows(doc: IcbConstitution) -> str:
    """What the document says about its model, in words that claim no more than it says."""
    if _model_basis(doc) == "2022-05":
        return "follows the May 2022 model"
    return "does not say which model it follows"


@rule(
    code="ICB160",
    slug="variation-procedure",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-nhse-abolition",
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
    """Only NHS England can vary the constitution, on the ICB's application or by order.

    Requirement: An ICB's constitution can be varied only by NHS England, either by an order
    under section 14Z25 or under the variation provision in the constitution itself: the ICB
    applies, NHS England approves (and NHS England may also vary it on its own initiative).
    The board cannot amend the constitution by its own resolution. The rule reads
    `variation`: where the procedure is set out, who approves a change, and whether the
    board may amend the text itself.
    Provision: The variation paragraph of Schedule 1B (paragraph 14 in the Lords Bill; its
    number in the Act is not verified) was not available. What could be read: clause
    14Z28(4) of the Lords Bill refers to variation "by order under section 14Z25 or under
    provision included in its constitution by virtue of paragraph 14 of Schedule 1B", which
    shows that a constitution may contain variation provision but not, in words that could be
    read, that it must; NHS England says a constitution "can only be amended with the
    approval of NHS England". So this is a conduct rule: a constitution with no variation
    clause is "not stated"; one that names an approver other than NHS England, or lets the
    board amend it by its own resolution, is in breach.
    Why: A change the board makes for itself has no effect: the constitution takes effect
    through NHS England's order, and a change takes effect only from NHS England's approval.
    Decisions taken under an unapproved text can be challenged.
    Fix: Record the variation clause under `variation`: `procedure_section` (the clause
    number), `applicant` (the ICB), `approver: NHS England`, and `board_may_amend: false`. If
    the text lets the board amend the constitution, or names another approver, change it.
    Changes to documents outside the constitution (committee terms of reference, the scheme
    of reservation and delegation) stay with the board.
    Source: Secondary; the variation paragraph of Schedule 1B is not verified (paragraph 14
    in the Lords Bill, possibly 15 in the Act), so no number appears in messages. From clause
    14Z28(4) of the Health and Care Bill as printed for the Lords (HL Bill 71); NHS England's
    page "Integrated care in your area" (a constitution can only be amended with NHS
    England's approval); and the model's "Status of this constitution" clause as published
    by Staffordshire and Stoke-on-Trent ICB (changes take effect only from NHS England's
    approval), NHS England's own model text not being available. Section 14Z25(5) of the
    2006 Act, read in the text on legislation.gov.uk: the establishment order provides for
    the constitution, setting it out or referring to a published document. The rule checks
    the recorded facts, not the clause's wording.
    """
    variation = doc.variation
    if variation is None:
        yield Missing(
            ("variation",),
            "The constitution does not say how it is varied. Only NHS England can vary an "
            "ICB's constitution, on the ICB's application or by order, and a change takes "
            "effect only from NHS England's approval. If the constitution has a variation "
            "clause, record it under variation (procedure_section, applicant, approver).",
        )
        return
    if not variation.procedure_section:
        yield Missing(
            ("variation", "procedure_section"),
            "The constitution does not say which clause sets out how it is varied (in NHS "
            "England's model, the ICB applies to NHS England, which approves the change). If "
            "it has the clause, give its number in variation.procedure_section.",
        )
    if variation.approver is None:
        yield Missing(
            ("variation", "approver"),
            "The constitution does not say who approves a change to it. Only NHS England can "
            "vary an ICB's constitution; if the constitution says so, set "
            "variation.approver: NHS England.",
        )
    elif not is_body(variation.approver, "NHS England"):
        yield Contradiction(
            ("variation", "approver"),
            f'The constitution says changes to it are approved by "{variation.approver}". '
            "Only NHS England can vary an ICB's constitution, and a change takes effect only "
            "from NHS England's approval; change the clause and set approver: NHS England.",
        )
    if variation.board_may_amend is True:
        yield Contradiction(
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
    requires="conduct",
    in_force="nhse-icb-guidance-2024-07",
    citations=[
        Citation(NHSE_GOVERNANCE, "About this guidance, paragraph 2", NHSE_GOVERNANCE_URL),
        UIN_45636,
    ],
)
def updated_model_basis(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A version made after July 2024 should follow NHS England's updated model constitution.

    Requirement: NHS England judges applications to amend a constitution against its updated
    model constitution (July 2024), so a version that took effect after July 2024 should
    follow the updated model. NHS England's test compares a proposed version with the
    updated model clause by clause; this rule is a single-document approximation that looks
    only at `meta.model_basis` and `meta.effective_from`.
    Provision: NHS England's guidance of July 2024: "NHS England will refer to the updated
    model constitution when considering whether to approve amendments to ICB constitutions".
    That is how NHS England decides applications, not something a constitution must state,
    so a conduct rule: a later version that does not say which model it follows is "not
    stated"; a later version that says it follows the May 2022 model is reported at warning
    level. The rule applies only to versions that took effect after July 2024, or will: a
    draft or a version submitted to NHS England (`meta.status`), and a version NHS England
    approved after July 2024, count as later versions. A date known only in part counts
    where the part given settles it (2024-08 or "August 2024" is after July 2024); a version
    with no date, or one known only by a year that straddles July 2024 (2024), is reported as
    not stated, never taken to be current.
    Why: A new version still built on the May 2022 model will be measured against text it
    does not contain (the deputy chair and the senior non-executive member among it), which
    delays approval.
    Fix: Give the date the version took effect in `meta.effective_from`. If it took effect
    after July 2024, or is a draft to be put to NHS England, base the text on the updated
    model and set `meta.model_basis: updated`.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "About this guidance"). The guidance's month, July 2024,
    is from DHSC's written answer UIN 45636. Shipped as a warning, not an error, because
    this approximation cannot see which clauses actually changed.
    """
    if _model_basis(doc) == "updated":
        return  # passes whatever the date
    after = after_july_2024_guidance(doc)
    if after is None:
        yield Unknown(
            ("meta", "effective_from"),
            f"{undated(doc)}, so it cannot be "
            "told whether NHS England's updated model constitution applies to it (NHS England "
            "judges amendments made since the update against it); the text "
            f"{_follows(doc)}. "
            "If the version has taken effect, give the date in meta.effective_from; if it is a "
            "draft for NHS England, base it on the updated model and set meta.model_basis: "
            "updated.",
        )
    elif not after:
        yield NotApplicable(
            "This version took effect no later than July 2024, when NHS England updated its "
            "model constitution."
        )
    elif _model_basis(doc) == "2022-05":
        yield Contradiction(
            ("meta", "model_basis"),
            f"{_taking_effect(doc)} after NHS England updated its model "
            "constitution in July 2024, but it follows the May 2022 model. NHS England judges "
            "amendments against the updated model; base the text on it and set "
            "meta.model_basis: updated.",
        )
    else:
        yield Missing(
            ("meta", "model_basis"),
            f"{_taking_effect(doc)} after NHS England updated its model "
            "constitution in July 2024, but it does not say which model it follows. NHS "
            "England judges amendments against the updated model; if the text follows it, set "
            "meta.model_basis: updated.",
        )


@rule(
    code="ICB162",
    slug="add-deputy-chair-and-senior-non-executive",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    requires="conduct",
    in_force="nhse-icb-guidance-2024-07",
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
    member should do so at their next amendment. NHS England's request is about the next
    application; this rule is a single-document approximation. It looks at versions that
    took effect by the end of July 2024 and do not follow the updated model, and reports
    when no seat is designated deputy chair or senior non-executive member. Later versions
    are checked by ICB052 and ICB055.
    Provision: NHS England's guidance of July 2024, "Action required of integrated care
    boards": where an ICB has not already made the amendments, it is "asked to do so at
    their next opportunity". That is a request for the ICB's next application, not a
    requirement that an earlier version could breach, so a conduct rule: an older version
    without the designations is "not stated", a to-do for the next amendment. A version
    with no date, or known only by a year that straddles July 2024, is reported as not
    stated too, never taken to be current or old; a draft, a version submitted to NHS
    England, and a version NHS England approved after July 2024 are later versions.
    Why: NHS England asked every ICB to make the change "at their next opportunity"; putting
    it into the next application saves a second one.
    Fix: Give the date the version took effect in `meta.effective_from`. In the next
    version, set `is_deputy_chair: true` on one non-executive seat (not the audit committee
    chair) and `is_senior_non_executive: true` on one non-executive seat, and set
    `meta.model_basis: updated`.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required of integrated care boards", opening
    sentence and bullets 1 and 2: ICBs are asked to amend at their next opportunity, with a
    transition for non-executive roles approved by NHS England). The guidance's month, July
    2024, is from DHSC's written answer UIN 45636. Shipped as info: the request is for the
    next amendment.
    """
    if _model_basis(doc) == "updated":
        return
    missing = [
        label
        for flag, label in (
            ("is_deputy_chair", "a deputy chair"),
            ("is_senior_non_executive", "a senior non-executive member"),
        )
        if not any(getattr(seat, flag) for _, seat in seats(doc))
    ]
    if not missing:
        return  # both designated: nothing to add, whatever the date
    wanted = " and ".join(missing)
    after = after_july_2024_guidance(doc)
    effective = doc.meta.effective_from if doc.meta is not None else None
    if after is None:
        yield Unknown(
            ("meta", "effective_from"),
            f"{undated(doc)}, so it cannot be "
            f"told whether it is an older version, which NHS England asked to designate "
            f"{wanted} at its next amendment, or a later one, which must already designate "
            f"{'them' if len(missing) > 1 else 'it'}. Give the date in meta.effective_from.",
        )
    elif after:
        yield NotApplicable(
            f"{_taking_effect(doc)} after July 2024; ICB052 and ICB055 check its deputy "
            "chair and senior non-executive member."
        )
    else:
        yield Missing(
            ("meta", "model_basis"),
            f"This version took effect {effective.when() if effective else 'before August 2024'}"
            f" and {_follows(doc)}; it designates no "
            f"{' and no '.join(m.removeprefix('a ') for m in missing)}. NHS England asked ICBs "
            f"in July 2024 to designate, from the non-executive members, {wanted} at their "
            f"next amendment. Include {'them' if len(missing) > 1 else 'it'} in the next "
            "application (is_deputy_chair / is_senior_non_executive on non-executive seats, and "
            "meta.model_basis: updated).",
        )


_BOUNDARY_WORDS = re.compile(r"\b(boundar(y|ies)|merg(e|ed|er|ers|ing))\b", re.IGNORECASE)


@rule(
    code="ICB163",
    slug="boundary-change-engagement",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    requires="conduct",
    citations=[BOUNDARY_PROCEDURE, NHSE_IN_YOUR_AREA],
)
def boundary_change_engagement(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A boundary change or merger needs evidence that councils and the ICP were engaged.

    Requirement: A change to an ICB's area, or a merger, goes through NHS England's
    boundary-change and merger procedure. Only the ICB may apply, and it must first engage
    its local authority partners and others in the integrated care partnership, because the
    ICS boundary changes too. NHS England's procedure looks at the change itself; this rule
    is a single-document approximation. It treats the constitution as possibly touching its
    boundary when `icb.area.exclusions` lists parts of a council's area left out, or when a
    `meta.version_history` summary mentions a boundary or a merger, and then looks for
    `meta.engagement_evidence`.
    Provision: NHS England's procedure, paragraph 1.3: an application for a boundary change
    or merger "requires engagement with local authority partners and others within the
    ICPs". That is a step the ICB takes before applying; nothing requires the constitution to
    record it, so a conduct rule: a constitution that records no evidence is "not stated",
    never in breach.
    Why: NHS England will not consider a boundary or merger application without the
    councils' and the partnership's involvement, and the establishment order has to be varied
    with it.
    Fix: If the version changes the ICB's area or follows a merger, record where the
    engagement is evidenced in `meta.engagement_evidence` (for example "Letters of support
    from the councils and ICP minutes of 12 March 2025").
    Source: Read in NHS England's "Integrated care system boundary changes and mergers
    procedure" (paragraphs 1.1 to 1.3), and NHS England's page "Integrated care in your area"
    on the establishment order that fixes each ICB's name and area. Shipped as info: the
    trigger is a heuristic (words in the version history, or exclusions that may date from
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
    if not reasons:
        yield NotApplicable("Nothing in the constitution points to a boundary change or merger.")
        return
    if not (doc.meta and doc.meta.engagement_evidence):
        yield Missing(
            ("meta", "engagement_evidence"),
            f"The constitution may involve a change to the ICB's area ({'; '.join(reasons)}), "
            "but it records no evidence that the councils and the integrated care partnership "
            "were engaged. NHS England's boundary-change and merger procedure requires that "
            "engagement before the ICB applies; if the version changed the area, record where "
            "the engagement is evidenced in meta.engagement_evidence.",
        )


@rule(
    code="ICB164",
    slug="related-documents",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        secondary(HWE_MODEL, "clause 7.3.7 (referring to paragraph 1.7.3(d))", HWE_SECTION_7),
        model_clause("5.2.1 to 5.2.2"),
        NOTTS_INFORMATION,
    ],
)
def related_documents(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should name the governance handbook and standing financial instructions.

    Requirement: The constitution names the documents that support it but sit outside it:
    the governance handbook, the scheme of reservation and delegation, the standing
    financial instructions, the functions and decision map, committee terms of reference,
    key policies and the list of eligible nominators. This rule checks the governance
    handbook and the standing financial instructions; the scheme of reservation and
    delegation, the functions and decision map and the list of eligible nominators are
    checked by ICB100, ICB099 and ICB068, so they are not reported twice.
    Provision: NHS England's model, as used by Hertfordshire and West Essex ICB, says the ICB
    "has agreed a set of Standing Financial Instructions" published in the governance
    handbook (clause 5.2) and that the constitution and governance handbook "will be
    published" (clause 7.3.7). These describe documents the ICB keeps; the model's own list
    of related documents, and whether NHS England requires it to stay in every constitution,
    could not be read. So this is a conduct rule: a constitution that does not name them is
    "not stated", not in breach.
    Why: These documents change without varying the constitution, so the constitution has
    to say where they are; a reader cannot otherwise find the rules that govern delegated
    decisions and spending.
    Fix: If the constitution names them, set `related_documents.governance_handbook` and
    `related_documents.sfi` to the documents' titles or addresses.
    Source: Secondary. From the constitution of NHS Hertfordshire and West Essex ICB, which
    follows NHS England's model (clauses 5.2.1 and 5.2.2: standing financial instructions,
    published in the governance handbook; clause 7.3.7: the constitution and governance
    handbook are published, with key policies listed in paragraph 1.7.3(d)); NHS England's
    own model text was not available. Also Nottingham and Nottinghamshire ICB's
    organisational information page (the governance handbook, standing financial
    instructions and scheme of reservation and delegation support the constitution and sit
    outside it). The rule only checks that each reference is given.
    """
    related = doc.related_documents
    fields = (
        ("governance_handbook", "governance handbook"),
        ("sfi", "standing financial instructions"),
    )
    if related is None:
        yield Missing(
            ("related_documents",),
            "The constitution does not name its governance handbook or its standing financial "
            "instructions, the documents that support it but sit outside it in NHS England's "
            "model. If it names them, give their titles or addresses under related_documents "
            "(governance_handbook, sfi).",
        )
        return
    for field, label in fields:
        if not getattr(related, field):
            yield Missing(
                ("related_documents", field),
                f"The constitution does not name its {label}, one of the documents that "
                "support it but sit outside it in NHS England's model. If it names it, give "
                f"the title or address in related_documents.{field}.",
            )
