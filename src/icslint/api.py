"""icslint's public rule API: everything a rule, built-in or in a rule pack, may use.

A rule pack imports from here (or from the modules these names are defined in, which are public
for these names only), and from the helper modules in `HELPERS`. Anything else in icslint is
internal and may change in any release. icslint's own rules use nothing beyond this API
(tests/test_packs.py checks it).

`API_VERSION` numbers this API. It goes up by one when a release adds to the API (a name here
or in `HELPERS`, a field of a document model, a keyword of `rule`, a kind of finding or of
document): a pack that uses the addition declares the new number (`ICSLINT_API = 2` in its
package), and an older icslint refuses it with a message instead of failing in the middle of a
check. A release that removes or changes something in the API raises `OLDEST_API_VERSION` too,
so that packs written for the old API are refused by name rather than misbehaving.

Version 1: `rule` and `NoOptions`; the findings `Contradiction`, `Missing` and `Unknown` (with
`Finding` and `Loc`), `NotApplicable` and `PassedWithNote`; `Citation`, `Level`, `Severity`,
`Requires`; the document models `IcbConstitution` and `IcpTermsOfReference` with their parts,
`Count` and `PartialDate`; rules for the document kinds "icb-constitution" and
"icp-terms-of-reference", and whole-system rules (`applies_to=SYSTEM`, "system") that read every
document of a run as a `System` of `Constitution`s and `Partnership`s (with `same_icb` to compare
ICBs' names); and the helpers in
`HELPERS`.
"""

from __future__ import annotations

from icslint import law, vocabulary
from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Loc,
    Missing,
    NotApplicable,
    PassedWithNote,
    Requires,
    Severity,
    Unknown,
)
from icslint.law import register
from icslint.models.base import LocalAuthority, Quorum, QuorumRequirement
from icslint.models.icb import (
    AnnualReport,
    Area,
    AreaExclusion,
    Board,
    BoardMeetings,
    Cluster,
    Committee,
    CommitteeMember,
    ConflictsOfInterest,
    ConvictionTerms,
    Criteria,
    DecisionMaking,
    Delegation,
    Disqualification,
    Employees,
    FinancialInstructions,
    Icb,
    IcbConstitution,
    IcbMeta,
    JointCommittee,
    JointForwardPlan,
    NhseAgreement,
    Participant,
    Plans,
    PostHolder,
    PublicInvolvement,
    PublishedItem,
    RelatedDocuments,
    Seat,
    Section,
    StandingOrders,
    StandingOrderTopic,
    Transparency,
    Variation,
    VersionEntry,
)
from icslint.models.icp import (
    Attendee,
    EngagementMechanism,
    Icp,
    IcpArea,
    IcpChair,
    IcpMeta,
    IcpTermsOfReference,
    Meetings,
    Member,
    MembershipPolicy,
    MembershipReview,
    Procedure,
    Relationships,
    Secretariat,
    Strategy,
    TorAmendment,
)
from icslint.models.values import Count, PartialDate
from icslint.registry import SYSTEM, NoOptions, rule
from icslint.system import Constitution, Partnership, System, same_icb

API_VERSION = 1
"""The newest version of the rule API this icslint provides."""
OLDEST_API_VERSION = 1
"""The oldest version still provided: a pack that declares an older one is refused."""

HELPERS: dict[str, tuple[str, ...]] = {
    "icslint.law": ("Event", "effective_date", "events"),
    "icslint.law.register": ("Icb", "icbs", "icbs_on"),
    "icslint.vocabulary": (
        "HEALTHWATCH",
        "Listing",
        "Party",
        "acting_part",
        "approval_named",
        "healthwatch_field",
        "icb_key",
        "icp_appointer",
        "listing",
        "names_body",
        "normalise",
        "partnership_icb",
        "resolve",
    ),
}
"""Helper modules (reachable here as `law`, `register` and `vocabulary`) and the names in them
that are public: reading a document's dates and the law's events, the register of ICBs, and
recognising the bodies and roles a document names."""

__all__ = [
    "API_VERSION",
    "HELPERS",
    "OLDEST_API_VERSION",
    "SYSTEM",
    "AnnualReport",
    "Area",
    "AreaExclusion",
    "Attendee",
    "Board",
    "BoardMeetings",
    "Citation",
    "Cluster",
    "Committee",
    "CommitteeMember",
    "ConflictsOfInterest",
    "Constitution",
    "Contradiction",
    "ConvictionTerms",
    "Count",
    "Criteria",
    "DecisionMaking",
    "Delegation",
    "Disqualification",
    "Employees",
    "EngagementMechanism",
    "FinancialInstructions",
    "Finding",
    "Icb",
    "IcbConstitution",
    "IcbMeta",
    "Icp",
    "IcpArea",
    "IcpChair",
    "IcpMeta",
    "IcpTermsOfReference",
    "JointCommittee",
    "JointForwardPlan",
    "Level",
    "Loc",
    "LocalAuthority",
    "Meetings",
    "Member",
    "MembershipPolicy",
    "MembershipReview",
    "Missing",
    "NhseAgreement",
    "NoOptions",
    "NotApplicable",
    "PartialDate",
    "Participant",
    "Partnership",
    "PassedWithNote",
    "Plans",
    "PostHolder",
    "Procedure",
    "PublicInvolvement",
    "PublishedItem",
    "Quorum",
    "QuorumRequirement",
    "RelatedDocuments",
    "Relationships",
    "Requires",
    "Seat",
    "Secretariat",
    "Section",
    "Severity",
    "StandingOrderTopic",
    "StandingOrders",
    "Strategy",
    "System",
    "TorAmendment",
    "Transparency",
    "Unknown",
    "Variation",
    "VersionEntry",
    "law",
    "register",
    "rule",
    "same_icb",
    "vocabulary",
]
