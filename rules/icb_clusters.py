"""ICBs in a cluster: shared posts, boards meeting together and committees in common.

From 2025 most ICBs work in clusters: two or more ICBs share a chair, a chief executive or
executives, and their boards and committees may meet together. The sources agree that each
ICB in a cluster remains a separate legal body with its own allocation, duties, constitution
and appointments. Nothing read requires the constitution to say so, so every rule here is
`conduct`: silence is "not stated"; a document that says one ICB's board or committee decides
for another is in breach.
"""

from __future__ import annotations

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
from icslint.models.icb import Committee, IcbConstitution
from icslint.registry import NoOptions, rule
from icslint.vocabulary import icb_key

from ._support import (
    NHS_ACT_2006,
    listed,
    quoted,
    sch1b,
    seat_loc,
    seat_name,
    seats,
    secondary,
)

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

NHSE_CLUSTERS = secondary(
    "NHS England, Integrated care in your area (web page, 2025)",
    "paragraph 3: clustering ICBs remain separate legal entities with unchanged boundaries, "
    "separate financial allocations and legal duties",
    "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/",
)
HCWS915 = secondary(
    "Written statement HCWS915 (Minister of State for Health, 9 September 2025), Integrated "
    "care boards: running costs and boundary alignment with strategic authorities",
    "paragraph 4: clustering ICBs remain legally separate organisations with their own "
    "financial allocations",
    "https://parallelparliament.co.uk/debate/2025-09-09/commons/written-statements/"
    "integrated-care-boards-running-costs-and-boundary-alignment-with-strategic-authorities/"
    "ministerial-extracts",
)
NHS_CONFED_CLUSTERS = secondary(
    "NHS Confederation, ICB clusters and mergers: what you need to know (28 August 2025, "
    "updated 6 October 2025)",
    "Key points, bullet 1: ICBs in a cluster work together but remain separate organisations "
    "legally",
    "https://www.nhsconfed.org/publications/icb-clusters-and-mergers",
)
CONNECTED_TOGETHER = secondary(
    "Connected Together, Clustering of Northamptonshire ICB and LLR ICB (3 September 2025)",
    "paragraph 2: both ICBs continue to exist as separate statutory bodies",
    "https://www.connectedtogether.co.uk/?p=1891",
)
S65Z5 = Citation(
    NHS_ACT_2006,
    "section 65Z5 (joint working and delegation arrangements; text not read)",
    "https://www.legislation.gov.uk/ukpga/2006/41/section/65Z5",
)
BLAKE_MORGAN = secondary(
    "Blake Morgan, Realising the potential of NHS provider joint committees (12 February 2024)",
    "paragraph 1: section 65Z5 lets NHS bodies form joint committees that take joint decisions",
    "https://www.blakemorgan.co.uk/realising-the-potential-of-nhs-provider-joint-committees/",
)
NHS_PROVIDERS_CIC = secondary(
    "NHS Providers, Provider collaboration: a practical guide to lawful, well-governed "
    "collaboratives",
    "What are the options, Committees, bullet 3: committees in common hold delegated powers "
    "in respect of the parent organisation only",
    "https://nhsproviders.org/provider-collaboration-a-practical-guide-to-lawful-well-governed-"
    "collaboratives/what-are-the-options-for-collaborative-arrangements/committees",
)
MILLS_REEVE_CIC = secondary(
    "Mills & Reeve, Operating Effective Committees in Common",
    'section "The committee in common is a confusing and surreal concept", paragraph 1: '
    "each organisation remains distinct and, if the committee is decision-making, takes its "
    "own decisions",
    "https://www.mills-reeve.com/insights/publications/operating-effective-committees-in-common",
)

# --- helpers ------------------------------------------------------------------------------------


def _cluster_name(doc: IcbConstitution) -> str:
    cluster = doc.cluster
    return f" ({quoted(cluster.name)})" if cluster is not None and cluster.name else ""


def _label(committee: Committee) -> str:
    return f'The committee "{committee.name}"'


# --- ICB027-ICB029 ------------------------------------------------------------------------------


@rule(
    code="ICB027",
    slug="cluster-boards-decide-separately",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[
        NHSE_CLUSTERS,
        HCWS915,
        NHS_CONFED_CLUSTERS,
        CONNECTED_TOGETHER,
        sch1b("17(1)"),
        S65Z5,
        BLAKE_MORGAN,
    ],
    requires="conduct",
)
def cluster_boards_decide_separately(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Boards of a cluster that meet together must each take their own decisions.

    Requirement: Where the ICB belongs to a cluster whose boards meet together (meetings in
    common), each board takes its own decisions for its own ICB: it cannot decide for
    another ICB of the cluster. Decisions taken jointly with another ICB need a joint
    committee set up under section 65Z5 of the 2006 Act.
    Provision: NHS England: "clustering ICBs remain separate legal entities with unchanged
    boundaries, separate financial allocations and legal duties"; the Minister's written
    statement HCWS915: "clustering ICBs remain legally separate organisations with their own
    financial allocations"; Schedule 1B paragraph 17(1): "An integrated care board is a body
    corporate." None of these says what the constitution must contain, so a cluster whose
    boards meet together without the document saying that each board decides for itself is
    "not stated"; a document that says the boards do not take separate decisions
    (`separate_decisions: false`) contradicts the ICBs' separate legal status and is in
    breach.
    Why: A decision of the boards together, taken as one, binds no ICB lawfully, and leaves
    unclear which ICB is accountable for it; each ICB answers for its own allocation and
    duties.
    Fix: Under `cluster`, set `boards_meet_together: true` and, where the constitution or the
    cluster's arrangements say each board takes its own decisions, `separate_decisions:
    true`. For decisions the ICBs must take jointly, set up a joint committee and list it
    under `joint_committees`.
    Source: Secondary. Read in NHS England's page Integrated care in your area (2025, in an
    archived copy), the Minister's written statement HCWS915 of 9 September 2025, the NHS
    Confederation's briefing ICB clusters and mergers (28 August 2025, updated 6 October 2025)
    and Connected Together's note of 3 September 2025: each says that clustered ICBs remain
    separate legal bodies. Schedule 1B paragraph 17(1) (an ICB is a body corporate) was read
    in the text of the Act. That one ICB's board or committee cannot decide for another, and
    that decisions taken jointly need a joint committee, is drawn from those sources and from
    the practice of committees in common described by NHS Providers and Mills & Reeve.
    Section 65Z5 of the 2006 Act was not read; Blake Morgan's note of 12 February 2024
    describes it as the power for NHS bodies to form joint committees. Guidance and NHS
    England policy, so it warns.
    """
    cluster = doc.cluster
    if cluster is None:
        yield NotApplicable("The constitution records no cluster.")
        return
    meets = cluster.boards_meet_together is True
    if cluster.separate_decisions is False:
        together = "meet together and " if meets else ""
        yield Contradiction(
            ("cluster", "separate_decisions"),
            f"The constitution says the boards of the cluster{_cluster_name(doc)} {together}"
            "do not each take their own decisions (separate_decisions: false). Each ICB in a "
            "cluster remains a separate legal body: its board decides only for its own ICB "
            "and cannot decide for another. Decisions taken jointly need a joint committee "
            "set up under section 65Z5 of the 2006 Act. Provide that each board takes its own "
            "decisions and set separate_decisions: true.",
        )
    elif meets and cluster.separate_decisions is None:
        yield Missing(
            ("cluster", "separate_decisions"),
            f"The boards of the cluster{_cluster_name(doc)} meet together, and the "
            "constitution does not say that each board takes its own decisions for its own "
            "ICB. Each ICB in a cluster remains a separate legal body, so at a meeting in "
            "common each board decides only for its own ICB. If the constitution says so, "
            "set cluster.separate_decisions: true.",
        )
    elif not meets and cluster.separate_decisions is None:
        yield NotApplicable("The boards of the cluster are not recorded as meeting together.")


@rule(
    code="ICB028",
    slug="committee-in-common-decides-for-own-icb",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[
        NHSE_CLUSTERS,
        NHS_PROVIDERS_CIC,
        MILLS_REEVE_CIC,
        HCWS915,
        sch1b("17(1)"),
        S65Z5,
        BLAKE_MORGAN,
    ],
    requires="conduct",
)
def committee_in_common_decides_for_own_icb(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """A decision-making committee in common decides only for its own ICB.

    Requirement: A committee of this ICB that meets in common with committees of other ICBs
    (`in_common_with`) and takes decisions under delegated powers decides only for this
    ICB; the other ICBs' committees decide for theirs. Decisions taken jointly need a joint
    committee set up under section 65Z5 of the 2006 Act, listed under `joint_committees`.
    How the check works: the committee's own `separate_decisions` is read, or, where it is
    left out, the cluster's (`cluster.separate_decisions`). A committee that only advises
    (`decision_making: false`), or whose powers are not stated, is not checked.
    Provision: NHS Providers' guide: in committees in common each organisation sets up "a
    statutory committee which has delegated functions or decision-making powers in respect
    of the parent organisation only"; NHS England: clustering ICBs "remain separate legal
    entities". Nothing read requires the constitution to say so, so a decision-making
    committee in common that the document does not say decides only for this ICB is "not
    stated"; one whose ICBs are recorded as not taking their own decisions is in breach.
    Why: Committees in common look like one committee but are several; if one ICB's
    committee decided for another, the decision would bind neither lawfully.
    Fix: Where the committee's terms of reference say it decides only for this ICB, set its
    `separate_decisions: true` (or `cluster.separate_decisions: true` for every committee),
    and list the other ICBs under `cluster.icbs`. For
    decisions taken jointly, set up a joint committee instead.
    Source: As for ICB027: NHS England, the Minister's written statement HCWS915, the NHS
    Confederation and Connected Together on clustered ICBs remaining separate legal bodies;
    Schedule 1B paragraph 17(1) read in the text of the Act; NHS Providers and Mills & Reeve on
    committees in common. Section 65Z5 was not read. Guidance and NHS England policy, so it
    warns.
    """
    in_common = [
        (index, committee)
        for index, committee in enumerate(doc.committees)
        if committee.in_common_with and committee.decision_making is True
    ]
    if not in_common:
        yield NotApplicable("No committee that takes decisions is recorded as meeting in common.")
        return
    cluster_says = doc.cluster.separate_decisions if doc.cluster is not None else None
    for index, committee in in_common:
        separate = (
            committee.separate_decisions
            if committee.separate_decisions is not None
            else cluster_says
        )
        others = listed([quoted(name) for name in committee.in_common_with])
        loc = ("committees", index, "in_common_with")
        if separate is False:
            said = (
                "the constitution says it does not decide only for this ICB "
                "(separate_decisions: false)"
                if committee.separate_decisions is False
                else "the constitution says the ICBs of the cluster do not each take their own "
                "decisions (cluster.separate_decisions: false)"
            )
            yield Contradiction(
                (*loc[:2], "separate_decisions") if committee.separate_decisions is False else loc,
                f"{_label(committee)} meets in common with the committees of {others} and takes "
                f"decisions, and {said}. A committee in common decides only for its own ICB; "
                "decisions taken jointly with another ICB need a joint committee set up under "
                "section 65Z5 of the 2006 Act. Provide that the committee decides only for this "
                "ICB and set its separate_decisions: true.",
            )
        elif separate is None:
            yield Missing(
                loc,
                f"{_label(committee)} meets in common with the committees of {others} and takes "
                "decisions, and the constitution does not say that it decides only for this "
                "ICB. Each ICB remains a separate legal body, so a committee in common decides "
                "for its own ICB alone. If its terms of reference say so, set the committee's "
                "separate_decisions: true.",
            )


@rule(
    code="ICB029",
    slug="shared-post-within-cluster",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[NHSE_CLUSTERS, HCWS915, NHS_CONFED_CLUSTERS, CONNECTED_TOGETHER],
    requires="conduct",
)
def shared_post_within_cluster(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """A post shared with another ICB is shared within the cluster the constitution records.

    Requirement: Where the document records a cluster, a seat shared with other ICBs
    (`shared_with`) is shared with ICBs of that cluster; a seat shared with an ICB the
    cluster does not list is a question to check. Sharing a post changes nothing in how it
    is filled: each ICB appoints to its own board under its own constitution (a shared chair
    is still appointed by NHS England for this ICB, as ICB050 checks).
    Provision: NHS England: "Clusters are arrangements that allow ICBs to work together
    through shared leadership and combined teams"; "clustering ICBs remain separate legal
    entities". Nothing read requires the constitution to list the cluster, so a seat shared
    with an ICB the document does not place in its cluster is "not stated".
    Why: The cluster is the arrangement NHS England and ministers agreed; a post shared
    outside it may be a slip in the document, or an arrangement nobody has agreed.
    Fix: If the other ICB is part of the cluster, add it to `cluster.icbs`, spelt as in
    `shared_with` ("NHS Severnmoor ICB" and "NHS Severnmoor Integrated Care Board" are taken as
    the same). If it is not, check the arrangement; once checked, suppress the question
    with a comment giving the reason.
    Source: Read in NHS England's page Integrated care in your area (2025, in an archived
    copy), the Minister's written statement HCWS915 of 9 September 2025, the NHS
    Confederation's briefing ICB clusters and mergers (28 August 2025, updated 6 October 2025)
    and Connected Together's note of 3 September 2025: each says that clustered ICBs remain
    separate legal bodies. Guidance and NHS England policy, so it warns.
    """
    cluster = doc.cluster
    shared = [(index, seat) for index, seat in seats(doc) if seat.shared_with]
    if cluster is None or not shared:
        yield NotApplicable(
            "The constitution records no cluster."
            if cluster is None
            else "No board seat is recorded as shared with another ICB."
        )
        return
    members = {icb_key(name) for name in cluster.icbs}
    if doc.icb is not None and doc.icb.name:
        members.add(icb_key(doc.icb.name))
    in_cluster = listed([quoted(name) for name in cluster.icbs]) if cluster.icbs else ""
    for index, seat in shared:
        for number, other in enumerate(seat.shared_with):
            if icb_key(other) in members:
                continue
            among = (
                f"which is not among the ICBs the constitution lists in the cluster ({in_cluster})"
                if in_cluster
                else "and the constitution lists no ICBs in the cluster (cluster.icbs)"
            )
            yield Unknown(
                seat_loc(index, "shared_with", number),
                f"Seat {seat_name(seat)} is shared with {quoted(other)}, {among}. Is "
                f"{quoted(other)} part of the cluster{_cluster_name(doc)}? If it is, add it to "
                "cluster.icbs; if not, check the arrangement. Either way each ICB appoints to "
                "its own board under its own constitution.",
            )
