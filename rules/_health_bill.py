"""Citations of the Health Bill introduced on 14 May 2026, shared by the rules for its measures.

The Bill's text was not available; each citation names the clause as introduced and the
briefing or evidence it was read in. Its measures have no commencement date, so the rules that
cite them report "pending", never a breach, until a user sets a date in configuration.
"""

from __future__ import annotations

from icslint.diagnostics import Citation

from ._support import secondary

BILL = "Health Bill (introduced in the House of Commons on 14 May 2026)"
BILL_URL = "https://bills.parliament.uk/bills/4124"

NHSE_ABOLITION = Citation(BILL, "clause 1 and Schedule 11 (as introduced)", BILL_URL)
BROWNE_JACOBSON = secondary(
    "Browne Jacobson, Briefing note: Key changes introduced by the Health Bill to the NHS Act "
    "2006 (18 May 2026)",
    "section 1: NHS England is abolished and all its functions pass to the Secretary of State",
    "https://www.brownejacobson.com/insights/briefing-note-key-changes-introduced-by-the-health-"
    "bill-to-the-national-health-service-act-2006",
)
MAYORAL_MEMBER = Citation(BILL, "clause 21 (as introduced)", BILL_URL)
CCN_EVIDENCE = secondary(
    "County Councils Network, Public Bill Committee: Health Bill, CCN submission (June 2026)",
    "clause 21 replaces the local authority member of the ICB with a member nominated by the "
    "mayor of each mayoral strategic authority",
    "https://www.countycouncilsnetwork.org.uk/publications/public-bill-committee-health-bill---"
    "ccn-submission",
)
HEALTHWATCH = Citation(BILL, "the abolition of Healthwatch (clause not read)", BILL_URL)
NUFFIELD = secondary(
    "Nuffield Trust, What's in the new Health Bill? (18 May 2026)",
    "the Bill abolishes Healthwatch",
    "https://www.nuffieldtrust.org.uk/resource/whats-in-the-new-health-bill",
)
ICP_DUTY = Citation(
    BILL, "the removal of the requirement to set up partnerships (clause not read)", BILL_URL
)
ICP_IMPACT = secondary(
    "DHSC, Health Bill: structural measures to ICBs and foundation trusts, impact assessments "
    "(14 May 2026)",
    "Removing the requirement to set up integrated care partnerships",
    "https://www.gov.uk/government/publications/health-bill-structural-measures-to-icbs-and-"
    "foundation-trusts-impact-assessments",
)
HEALTHWATCH_SURREY = secondary(
    "Healthwatch Surrey, Written evidence submissions (24 June 2026)",
    "the Bill would remove the requirement for integrated care partnerships and abolish "
    "Healthwatch",
    "https://www.healthwatchsurrey.co.uk/news/2026-06-24/written-evidence-submissions",
)
