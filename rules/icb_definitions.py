"""The definitions appendix and the consistent use of defined terms: ICB170 and ICB171.

Both are `conduct`: the model's contents list a definitions appendix, but nothing available
says that NHS England requires it, so a constitution without definitions is "not stated".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Missing, NotApplicable, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, secondary

ICB = "icb-constitution"

HWE_CONTENTS = "https://hertsandwestessex.ics.nhs.uk/about/icb/our-constitution/constitution"
APPENDIX_1 = secondary(
    HWE_MODEL, "Appendix 1 (Definitions of terms used in this Constitution)", HWE_CONTENTS
)


def _term_key(term: str) -> str:
    """A defined term reduced for comparison: case, spacing, a leading "the" and a plural "s"
    do not matter ("Partner Members" matches "Partner Member")."""
    text = " ".join(term.lower().split())
    text = text.removeprefix("the ")
    return re.sub(r"s$", "", text)


@rule(
    code="ICB170",
    slug="definitions-appendix",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[APPENDIX_1],
)
def definitions_appendix(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should have an appendix defining the terms it uses.

    Requirement: The constitution has an appendix that defines the terms it uses (in the
    model, Appendix 1 "Definitions of terms used in this Constitution"). This rule checks
    that `definitions` is not empty. Whether the appendix heading is listed under `sections`
    is checked by ICB007 (model structure), so it is not reported twice.
    Provision: The model constitution's contents list "Appendix 1: Definitions of terms used
    in this Constitution". That is the model's structure, not words requiring the constitution
    to contain the appendix, and nothing available says that NHS England requires it; so a
    constitution that records no definitions is "not stated", not in breach.
    Why: Terms such as "Ordinary Member", "Partner Member" and "the 2006 Act" carry the
    statutory meaning the constitution relies on; without definitions the clauses that use
    them can be read more than one way.
    Fix: If the constitution has a definitions appendix, record its terms under `definitions`
    (term: definition), for example `Ordinary Member: A member of the Board other than the
    Chair and the Chief Executive.`; otherwise add one.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (contents page: "Appendix 1: Definitions of terms used in this
    Constitution"); NHS England's own model text was not available. The rule can only check
    that definitions are present, not that they are right (ICB011 checks the definition of
    "Ordinary Member").
    """
    if not doc.definitions:
        yield Missing(
            ("definitions",),
            "The constitution, as recorded, defines no terms. NHS England's model has an "
            "appendix defining the terms it uses (Ordinary Member, Partner Member, the 2006 Act "
            "and others); if the constitution has one, record its terms under definitions.",
        )


@rule(
    code="ICB171",
    slug="defined-terms-consistent",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[APPENDIX_1],
)
def defined_terms_consistent(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Every defined term used should be defined, and every definition should be used.

    Requirement: Each capitalised defined term the text uses ("Partner Member", "the 2006
    Act") is in the definitions, and each definition is used somewhere. The rule compares
    `defined_terms_used` (the terms extracted from the text) with the keys of `definitions`,
    ignoring case, spacing, a leading "the" and a plural "s". It does not apply when either
    list is empty: without `defined_terms_used` it cannot tell which definitions are used,
    and a constitution with no definitions at all is ICB170's concern.
    Provision: Drafting practice, not a provision of any source: nothing requires a
    constitution to define every term it uses or to use every term it defines, so a term used
    but not defined, or defined but not used, is "not stated", not a breach.
    Why: A term used but not defined has no fixed meaning; a definition nothing uses is
    usually left over from an earlier version or from the model, and may mislead.
    Fix: Add a definition for each term reported as undefined, and delete (or start using)
    each definition reported as unused.
    Source: Drafting practice, not an external requirement. It is anchored to the model's
    definitions appendix, Appendix 1 of the constitution of NHS Hertfordshire and West Essex
    ICB, which follows NHS England's model; NHS England's own model text was not available.
    Guidance, so a warning.
    """
    if not doc.defined_terms_used:
        yield NotApplicable("The file does not record which defined terms the text uses.")
        return
    if not doc.definitions:
        yield NotApplicable("The constitution records no definitions (see ICB170).")
        return
    defined = {_term_key(term) for term in doc.definitions}
    used = {_term_key(term) for term in doc.defined_terms_used}
    for index, term in enumerate(doc.defined_terms_used):
        if _term_key(term) not in defined:
            yield Missing(
                ("defined_terms_used", index),
                f'The constitution uses the defined term "{term}" but its definitions do not '
                "include it. Add it to the definitions appendix (definitions), or use a term "
                "that is defined.",
            )
    for term in doc.definitions:
        if _term_key(term) not in used:
            yield Missing(
                ("definitions", term),
                f'"{term}" is defined, but it is not among the terms recorded as used in the '
                "text (defined_terms_used). Remove the definition if the constitution does not "
                "use it, or add the term to defined_terms_used.",
            )
