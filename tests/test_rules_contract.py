"""Every rule carries its documentation, its authority and its fixtures (design habits 2, 3, 11)."""

from __future__ import annotations

import re

import pytest

from conftest import RULE_EXAMPLES, check_json
from icslint import law
from icslint.diagnostics import Level, Severity
from icslint.registry import DOC_SECTIONS, SYSTEM, RuleSpec, discover

RULES = discover()


def ids(spec: RuleSpec) -> str:
    return spec.code


def contract_problems(spec: RuleSpec) -> list[str]:
    """What is wrong with a rule's declaration; empty when it keeps the contract."""
    problems = []
    summary = spec.doc.strip().splitlines()[0] if spec.doc.strip() else ""
    if not summary.endswith(".") or len(summary) > 100:
        problems.append("docstring must open with a one-line summary ending in a full stop")
    missing = [name for name in DOC_SECTIONS if not spec.sections.get(name)]
    if missing:
        problems.append(f"docstring lacks sections: {', '.join(missing)}")
    if not spec.citations:
        problems.append("no citation")
    # The first citation is the provision enforced; later ones may be secondary sources. A
    # measure of a bill not yet in force may have no clause number that could be read, and
    # then its citation must say so.
    unread_clause = law.events()[spec.in_force].in_force is None and (
        "clause not read" in (spec.citations[0].provision if spec.citations else "")
    )
    if spec.citations and not re.search(r"\d", spec.citations[0].provision) and not unread_clause:
        problems.append(f"citation {spec.citations[0]} does not name a provision")
    for citation in spec.citations:
        if not citation.instrument or not citation.provision:
            problems.append(f"citation {citation} lacks an instrument or provision")
        if not citation.url.startswith("https://"):
            problems.append(f"citation {citation} has no https URL")
    for name in ("good", "bad"):
        # A whole-system rule's fixture is a folder of documents checked together.
        folder = RULE_EXAMPLES / spec.code / name
        fixture = any(folder.glob("*.yaml")) if spec.applies_to == SYSTEM else False
        if not fixture and not (RULE_EXAMPLES / spec.code / f"{name}.yaml").is_file():
            problems.append(f"no {name} fixture in rules/examples/{spec.code}/")
    if spec.level is Level.TOOL:
        problems.append("rules in the rule set cannot have the level 'tool'")
    if spec.requires is None:
        problems.append('no requires="content" or requires="conduct"')
    return problems


def test_the_builtin_rule_set_is_found() -> None:
    codes = {spec.code for spec in RULES}
    assert {"ICB001", "ICB010", "ICP004", "ICP015"} <= codes


@pytest.mark.parametrize("spec", RULES, ids=ids)
def test_rule_keeps_the_contract(spec: RuleSpec) -> None:
    assert contract_problems(spec) == []


def test_the_contract_check_catches_a_rule_without_docs_citation_or_fixtures() -> None:
    bare = RuleSpec(
        code="ICB999",
        slug="undocumented",
        applies_to="icb-constitution",
        level=Level.STATUTE,
        severity=Severity.ERROR,
        citations=(),
        doc="does something",
    )
    assert contract_problems(bare) == [
        "docstring must open with a one-line summary ending in a full stop",
        "docstring lacks sections: Requirement, Provision, Why, Fix, Source",
        "no citation",
        "no good fixture in rules/examples/ICB999/",
        "no bad fixture in rules/examples/ICB999/",
        'no requires="content" or requires="conduct"',
    ]


def test_statute_rules_that_rest_on_unverified_sources_say_so() -> None:
    # A requirement whose primary text was not read must say, in its Source section, how it was
    # read instead; the words "Secondary" or "not verified" mark it.
    for spec in RULES:
        source = spec.sections["Source"]
        if any("not verified" in c.provision for c in spec.citations):
            assert "Secondary" in source or "not verified" in source, spec.code


def test_codes_and_slugs_are_unique_and_well_formed() -> None:
    assert len({s.code for s in RULES}) == len(RULES)
    assert len({s.slug for s in RULES}) == len(RULES)


# Requirements the catalogue marks [U] (not read in any source), after its addendum moved
# ICB067 to [S]. They may never fail a run by default.
UNVERIFIED = {"ICB025", "ICB042", "ICB066", "ICB071", "ICB072", "ICB114", "ICB121"}


@pytest.mark.parametrize("spec", [s for s in RULES if s.code in UNVERIFIED], ids=ids)
def test_unverified_requirements_never_ship_at_error_level(spec: RuleSpec) -> None:
    assert spec.severity is not Severity.ERROR
    assert "not verified" in spec.sections["Source"]
    _, report = check_json(
        "--select", spec.code, "--fail-on", "info", str(RULE_EXAMPLES / spec.code / "bad.yaml")
    )
    messages = [d["message"] for d in report["diagnostics"]]
    assert messages
    assert all(m.startswith("Unverified requirement: ") for m in messages)
