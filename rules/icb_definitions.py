"""Catalogue section O: the definitions appendix and the consistent use of defined terms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
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
    citations=[APPENDIX_1],
)
def definitions_appendix(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must have an appendix defining the terms it uses.

    Requirement: The constitution has an appendix that defines the terms it uses (in the
    model, Appendix 1 "Definitions of terms used in this Constitution"). This rule checks
    that `definitions` is not empty. Whether the appendix heading is listed under `sections`
    is checked by ICB007 (model structure), so it is not reported twice.
    Why: Terms such as "Ordinary Member", "Partner Member" and "the 2006 Act" carry the
    statutory meaning the constitution relies on; without definitions the clauses that use
    them can be read more than one way.
    Fix: Add the definitions appendix and record its terms under `definitions` (term:
    definition), for example `Ordinary Member: A member of the Board other than the Chair
    and the Chief Executive.`
    Source: Secondary ([S]). The contents page of Herts and West Essex ICB's constitution,
    which follows the NHS England model, was read (re-read this session): it lists
    "Appendix 1: Definitions of terms used in this Constitution". The model annex itself was
    not read. nhse-policy [S], so an error. The rule can only check that definitions are
    present, not that they are right (ICB011 checks the definition of "Ordinary Member").
    """
    if not doc.definitions:
        yield Finding(
            ("definitions",),
            "The constitution defines no terms. The model constitution has an appendix "
            "defining the terms it uses (Ordinary Member, Partner Member, the 2006 Act and "
            "others); add it and record the terms under definitions.",
        )


@rule(
    code="ICB171",
    slug="defined-terms-consistent",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[APPENDIX_1],
)
def defined_terms_consistent(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every defined term used should be defined, and every definition should be used.

    Requirement: Each capitalised defined term the text uses ("Partner Member", "the 2006
    Act") is in the definitions, and each definition is used somewhere. The rule compares
    `defined_terms_used` (the terms extracted from the text) with the keys of `definitions`,
    ignoring case, spacing, a leading "the" and a plural "s". When `defined_terms_used` is
    empty it cannot tell which definitions are used, so it reports nothing.
    Why: A term used but not defined has no fixed meaning; a definition nothing uses is
    usually left over from an earlier version or from the model, and may mislead.
    Fix: Add a definition for each term reported as undefined, and delete (or start using)
    each definition reported as unused.
    Source: Drafting practice, not an external requirement (catalogue ICB171, guidance,
    no source tag). It is anchored to the model's definitions appendix, Appendix 1 of Herts
    and West Essex ICB's constitution (contents page read, [S]). Guidance, so a warning.
    """
    if not doc.defined_terms_used:
        return
    defined = {_term_key(term) for term in doc.definitions}
    used = {_term_key(term) for term in doc.defined_terms_used}
    for index, term in enumerate(doc.defined_terms_used):
        if _term_key(term) not in defined:
            yield Finding(
                ("defined_terms_used", index),
                f'The constitution uses the defined term "{term}" but does not define it. Add '
                "it to the definitions appendix (definitions), or use a term that is defined.",
            )
    for term in doc.definitions:
        if _term_key(term) not in used:
            yield Finding(
                ("definitions", term),
                f'"{term}" is defined but the constitution does not use it. Remove the '
                "definition, or check whether the text should use the term.",
            )
