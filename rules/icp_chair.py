"""The partnership's chair (ICP engagement document, September 2021).

The engagement document is guidance: it says what DHSC, NHS England and the LGA expect of the
ICB and the councils in choosing a chair, and prescribes nothing that terms of reference must
contain. So every rule here is `requires="conduct"`: silence is "not stated", and only terms of
reference that say something the guidance does not expect (a chair chosen without one of the
establishing parties) are in breach.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from icslint.diagnostics import Contradiction, Finding, Level, Loc, Missing, Severity
from icslint.models.icp import IcpChair, IcpTermsOfReference
from icslint.registry import NoOptions, rule
from icslint.vocabulary import acting_part, names_body

from ._icp import listed, parties_missing_from
from ._icp_engagement import ANNEX_A_LEADERSHIP, CORE_PART, PRACTICAL_STEPS, TIMINGS, icp_ed
from ._support import normalise

ICP = "icp-terms-of-reference"
Check = Iterator[Finding]

# The chair bullets of the "Timings and establishment of ICPs" section, in the document's order.
CHAIR_ATTRIBUTES = {
    "system_relationships": "the ability to build and foster strong relationships in the system",
    "collaborative_leadership": "a collaborative leadership style",
    "innovation_and_transformation": "commitment to innovation and transformation",
    "health_and_care_outcomes": "expertise in delivering health and care outcomes",
    "influence_and_drive_change": "the ability to influence and drive delivery and change",
}


_ORDINALS = ("first", "second", "third", "fourth")


@dataclass(frozen=True)
class Chair:
    """The chair, or one of the co-chairs, with where it is and how messages name it."""

    loc: Loc
    post: IcpChair
    name: str
    """"the chair", "the co-chair who is the Chair of the ICB", "the second co-chair"."""

    def field(self, key: str) -> str:
        """Where the user writes `key` for this chair, for messages."""
        return f"chair.{key}" if self.loc == ("chair",) else f"{key} for that co-chair"


def chairs(doc: IcpTermsOfReference) -> list[Chair]:
    """The partnership's chair and each of its co-chairs (or joint chairs), in the document's
    order. Terms of reference with co-chairs and no single chair have a chair all the same."""
    found = [Chair(("chair",), doc.chair, "the chair")] if doc.chair is not None else []
    for index, post in enumerate(doc.co_chairs):
        if post.held_by:
            held = " ".join(post.held_by.split())
            if held[:4].casefold() == "the ":
                name = f"the co-chair who is the {held[4:]}"
            else:
                name = f'the co-chair "{held}"'
        elif index < len(_ORDINALS):
            name = f"the {_ORDINALS[index]} co-chair"
        else:
            name = f"co-chair {index + 1}"
        found.append(Chair(("co_chairs", index), post, name))
    return found


def is_icb_chair(held_by: str | None) -> bool:
    """Whether a post is held by the ICB's chair, however written: "the Chair of the ICB",
    "ICB Chair", "Chairman of NHS Severnmoor Integrated Care Board", "the ICB Chair, after
    consulting the partners" (not a deputy or vice chair, and not a chair with no ICB named,
    which in terms of reference may be the partnership's own)."""
    text = normalise(acting_part(held_by or "")).replace("integrated care board", "icb")
    return names_body(held_by, "Chair") and "icb" in text.split()


@rule(
    code="ICP025",
    slug="icp-chair-selected-jointly",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 1"),
        icp_ed(f"{PRACTICAL_STEPS}, step 4"),
    ],
)
def icp_chair_selected_jointly(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICB and the councils choose the chair together and define the role and its term.

    Requirement: The ICB and the local authorities jointly select the partnership's chair and
    define the chair's role, term of office and accountabilities.
    Provision: ICS design framework, "Leadership and accountability": "The ICS NHS body and
    local authorities will need to jointly select a partnership chair and define their role,
    term of office and accountabilities." Guidance on what the partners do, not on what terms
    of reference contain, so terms of reference that do not say who chooses the chair, or
    give no term or role, are "not stated"; terms of reference that name who chooses the
    chair and leave out the ICB or a council depart from joint selection and are in breach.
    Why: The partnership is a joint committee of equal partners; a chair chosen by one side
    alone, or with no defined role or term, weakens the other partners' ownership of it.
    Fix: List every establishing party under `chair.selected_by`, and state
    `chair.term_years` and `chair.role_description` (including to whom the chair is
    accountable). Where the partnership has co-chairs or joint chairs, record each under
    `co_chairs` (with `held_by`, for example the Chair of the ICB or a council leader) and
    give each its own `selected_by`, `term_years` and `role_description`: each co-chair is
    read as a chair.
    Source: Read in the ICS design framework (June 2021) as extracted in Annex A ("Leadership
    and accountability", paragraph 1) of the ICP engagement document (DHSC, NHS England and
    NHS Improvement and the LGA, September 2021), and that document's practical step 4, on
    gov.uk. Guidance, so a warning. The rule checks who selects and that a role and term are
    stated; it cannot judge the wording of the role.
    """
    posts = chairs(doc)
    if not posts:
        yield Missing(
            ("chair",),
            "The terms of reference say nothing about the partnership's chair. The ICB and the "
            "local authorities are expected to choose the chair together and define the "
            "chair's role, term of office and accountabilities; if the terms of reference do, "
            "add a chair section (or co_chairs, for co-chairs or joint chairs).",
        )
        return
    for chair in posts:
        post = chair.post
        if not post.selected_by:
            yield Missing(
                (*chair.loc, "selected_by"),
                f"The terms of reference do not say who chooses {chair.name}. The ICB and the "
                "local authorities are expected to choose the chair jointly; if the terms of "
                f"reference say who does, list them under {chair.field('selected_by')}.",
            )
        else:
            left_out = parties_missing_from(doc, post.selected_by)
            if left_out:
                yield Contradiction(
                    (*chair.loc, "selected_by"),
                    f"The terms of reference say who chooses {chair.name} but leave out "
                    f"{listed(left_out)}, "
                    + ("establishing parties" if len(left_out) > 1 else "an establishing party")
                    + ". The ICB and the local "
                    "authorities are expected to choose the chair jointly; add every "
                    f"establishing party to {chair.field('selected_by')}.",
                )
        if post.term_years is None:
            yield Missing(
                (*chair.loc, "term_years"),
                f"The terms of reference do not state the term of office of {chair.name}. The "
                "ICB and the local authorities are expected to define it; if the terms of "
                f"reference do, set {chair.field('term_years')}.",
            )
        if not post.role_description:
            yield Missing(
                (*chair.loc, "role_description"),
                f"The terms of reference do not describe the role of {chair.name}. The ICB and "
                "the local authorities are expected to define the chair's role and "
                "accountabilities; if the terms of reference do, add "
                f"{chair.field('role_description')}.",
            )


@rule(
    code="ICP026",
    slug="icp-chair-appointment-process",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        icp_ed(f"{TIMINGS} section, paragraph 8"),
        icp_ed(f"{PRACTICAL_STEPS}, step 4"),
    ],
)
def icp_chair_appointment_process(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The chair is appointed by a fair, transparent process the ICB and councils agree.

    Requirement: The chair should be appointed through a fair and transparent process that
    meets the normal expectations for appointments to public positions and is agreed by the
    ICB and the local authorities. There is no national expectation on how the chair is paid.
    Provision: ICP engagement document, "Timings and establishment of ICPs": the appointment
    "should be a fair and transparent process adhering to the normal expectations of
    appointing public positions and agreed by the ICB and local authorities". Guidance on
    how the chair is appointed, not on what terms of reference contain, so terms of reference
    that do not describe the process are "not stated", never in breach.
    Why: A transparent, jointly agreed appointment gives the chair the confidence of every
    partner and of the public.
    Fix: Describe the process under `chair.appointment_process`, saying that the ICB and the
    councils agreed it and how it meets public-appointment norms (open, on merit). For
    co-chairs, describe how each is chosen under its `appointment_process` in `co_chairs`
    (for a post held by office, how the office-holder comes to hold it).
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "Timings and establishment of ICPs", paragraph 8, and
    practical step 4. Guidance, so a warning. The rule can only check that the process is
    described, not that it is fair.
    """
    posts = chairs(doc) or [Chair(("chair",), IcpChair(), "the chair")]
    for chair in posts:
        if not chair.post.appointment_process:
            yield Missing(
                (*chair.loc, "appointment_process"),
                f"The terms of reference do not say how {chair.name} is appointed. The "
                "appointment is expected to follow a fair and transparent process, meeting the "
                "usual standards for public appointments and agreed by the ICB and the local "
                "authorities; if the terms of reference describe it, add it under "
                f"{chair.field('appointment_process')}.",
            )


@rule(
    code="ICP027",
    slug="icp-chair-shared-or-separate",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[
        icp_ed(f"{CORE_PART} section, list of expectations, bullet 6"),
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 1"),
    ],
)
def icp_chair_shared_or_separate(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference say whether the ICP chair is also the ICB chair.

    Requirement: Whether the partnership shares its chair with the ICB or has its own is a
    local choice; a separate chair may give more room for democratic representation, a
    shared one may help co-ordination. The terms of reference should say which model applies.
    Provision: ICS design framework, "Leadership and accountability": "Some systems will
    prefer the partnership and ICS NHS body to have separate chairs ... This will be a
    matter for local determination." Either model is lawful and nothing requires terms of
    reference to say which applies, so silence is "not stated" at info. Who holds the post
    (`held_by`) answers the question; terms of reference that say both that the post is held
    by the ICB's chair and that it is not contradict themselves, which is reported at info.
    Why: Partners and the public need to know who leads the partnership and how that post
    relates to the ICB chair, whom NHS England appoints.
    Fix: Set `chair.also_icb_chair` to true (the ICB chair chairs, or co-chairs, the
    partnership) or false (the partnership has its own chair), or say who holds the post
    under `held_by` ("the Chair of the ICB", "the Leader of Wessex County Council"); for
    co-chairs, give each its `held_by` in `co_chairs`. A post held by the ICB's chair and
    marked `also_icb_chair: false` contradicts itself and is reported.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs are a core part of ICSs", sixth expectation
    bullet, and Annex A "Leadership and accountability", paragraph 1. Both models are
    acceptable, so a missing statement is only info.
    """
    posts = chairs(doc)
    for chair in posts:
        if chair.post.also_icb_chair is False and is_icb_chair(chair.post.held_by):
            post = "the chair" if chair.loc == ("chair",) else "a co-chair"
            yield Contradiction(
                (*chair.loc, "also_icb_chair"),
                f'The terms of reference say {post} is "{chair.post.held_by}" and also that '
                f"the {post.split()[-1]} is not the chair of the ICB (also_icb_chair: false). "
                "Say which applies: set also_icb_chair to true, or correct held_by.",
            )
    # Who holds the post answers the question: "the Chair of the ICB" says yes, a council
    # leader says no.
    shared = any(c.post.also_icb_chair is True or is_icb_chair(c.post.held_by) for c in posts)
    answered = shared or (
        bool(posts) and all(c.post.also_icb_chair is not None or c.post.held_by for c in posts)
    )
    if answered:
        return
    if doc.co_chairs:
        yield Missing(
            ("co_chairs",),
            "The terms of reference do not say whether one of the co-chairs is the chair of "
            "the ICB. Either model is a local choice; if the terms of reference say, give each "
            "co-chair held_by (for example the Chair of the ICB, or a council leader) or "
            "also_icb_chair: true or false.",
        )
    else:
        yield Missing(
            ("chair", "also_icb_chair"),
            "The terms of reference do not say whether the partnership's chair is also the "
            "chair of the ICB. Either model is a local choice; if the terms of reference say "
            "which applies, set chair.also_icb_chair to true or false (or say who holds the "
            "chair under chair.held_by).",
        )


@rule(
    code="ICP028",
    slug="icp-chair-person-specification",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[icp_ed(f"{TIMINGS} section, paragraph 8, chair bullets 1 to 5")],
)
def icp_chair_person_specification(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The chair's person specification covers the five minimum attributes.

    Requirement: As a minimum the chair should be able to build strong relationships across
    the system, have a collaborative leadership style, be committed to innovation and
    transformation, have expertise in delivering health and care outcomes, and be able to
    influence and drive delivery and change.
    Provision: ICP engagement document, "Timings and establishment of ICPs": "We also do not
    intend to prescribe a person specification for the role of ICP chair, although as a
    minimum, we would expect the person appointed to" have five attributes. An expectation
    of the person appointed, not of the terms of reference, so an attribute they do not list
    is "not stated" at info, never a breach.
    Why: These are the attributes DHSC, NHS England and the LGA expect of anyone appointed;
    a person specification that omits one may lead to an appointment without it.
    Fix: List the attributes under `chair.person_spec` (for co-chairs, under each one's
    `person_spec` in `co_chairs`): system_relationships, collaborative_leadership,
    innovation_and_transformation, health_and_care_outcomes, influence_and_drive_change.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "Timings and establishment of ICPs", the five bullets
    after paragraph 8. The document declines to prescribe a full person specification, so
    this is info. The rule can only check that each attribute is listed.
    """
    posts = chairs(doc) or [Chair(("chair",), IcpChair(), "the chair")]
    for chair in posts:
        yield from _person_spec(chair)


def _person_spec(chair: Chair) -> Iterator[Finding]:
    listed_attributes = set(chair.post.person_spec)
    field = chair.field("person_spec")
    if not listed_attributes:
        yield Missing(
            (*chair.loc, "person_spec"),
            f"The terms of reference give no person specification for {chair.name}. As a "
            "minimum the chair is expected to be able to build strong relationships in the "
            "system, to lead collaboratively, to be committed to innovation and "
            "transformation, to have expertise in delivering health and care outcomes, and to "
            "be able to influence and drive change; if the terms of reference list these, add "
            f"them to {field}.",
        )
        return
    for code, attribute in CHAIR_ATTRIBUTES.items():
        if code not in listed_attributes:
            whose = (
                "The chair's person specification"
                if chair.loc == ("chair",)
                else f"The person specification for {chair.name}"
            )
            yield Missing(
                (*chair.loc, "person_spec"),
                f"{whose} does not include {attribute}, one of the "
                "five minimum attributes expected of an ICP chair. If it does, add "
                f"{code} to {field}.",
            )
