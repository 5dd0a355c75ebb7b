"""`icslint rules`, `icslint explain` and the generated docs/rules.md."""

from __future__ import annotations

import json

import pytest

import icslint
from conftest import ROOT, run
from icslint.registry import discover

CODES = {spec.code for spec in discover()}


def test_rules_json_lists_every_rule_with_the_agreed_keys() -> None:
    code, out, _ = run("rules", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    tool_codes = {f"ICL00{n}" for n in range(1, 9)} | {"ICL999"}
    assert {r["code"] for r in listed} == CODES | tool_codes
    for entry in listed:
        assert list(entry) == [
            "code",
            "rule",
            "title",
            "level",
            "severity",
            "applies_to",
            "requires",
            "in_force",
            "provision",
            "citations",
            "pack",
        ]
        if entry["code"].startswith(("ICB", "ICP")):
            assert entry["citations"], entry["code"]
            assert set(entry["citations"][0]) == {"instrument", "provision", "url"}


def test_rules_json_entry_for_icb010() -> None:
    _, out, _ = run("rules", "--format", "json")
    entry = next(r for r in json.loads(out) if r["code"] == "ICB010")
    assert entry == {
        "code": "ICB010",
        "rule": "board-minimum-membership",
        "title": "The board must have a chair, a chief executive and at least three ordinary "
        "members.",
        "level": "statute",
        "severity": "error",
        "applies_to": "icb-constitution",
        "requires": "content",
        "in_force": {
            "event": "hca-2022-commencement",
            "from": "2022-07-01",
            "source": "https://www.legislation.gov.uk/uksi/2022/734",
            "until_event": None,
            "until": None,
        },
        "provision": 'Schedule 1B paragraph 3(1): "The constitution must provide for the '
        "integrated care board to consist of\u2014 (a) a chair ..., (b) a chief executive ..., "
        'and (c) at least three other members". The constitution itself must provide for this '
        "membership, so a constitution that leaves it out is in breach.",
        "citations": [
            {
                "instrument": "National Health Service Act 2006",
                "provision": "Schedule 1B, paragraph 3(1)",
                "url": "https://www.legislation.gov.uk/ukpga/2006/41/schedule/1B/paragraph/3",
            }
        ],
        "pack": {"name": "icslint", "version": icslint.__version__, "kind": "built-in"},
    }


def test_rules_text_has_one_line_per_rule() -> None:
    _, out, _ = run("rules")
    lines = out.splitlines()
    assert len(lines) == len(CODES) + 9  # and ICL001-ICL008, ICL999
    assert any(
        line.startswith("ICB050  chair-appointment ")
        and " statute " in line
        and line.endswith("NHS England appoints the chair, with the Secretary of State's approval.")
        for line in lines
    )


def test_explain_by_code_and_by_slug_shows_requirement_citation_and_examples() -> None:
    code, out, _ = run("explain", "ICB050")
    assert code == 0
    assert out.startswith("ICB050 [chair-appointment]: NHS England appoints the chair")
    for heading in ("Requirement:", "Why it matters:", "How to fix it:", "Source read:"):
        assert f"\n{heading}\n" in out
    assert "National Health Service Act 2006, Schedule 1B, paragraph 5" in out
    assert "Passing example:\n  kind: icb-constitution" in out
    assert "appointed_by: The Board  # [ICB050]" in out
    assert run("explain", "chair-appointment")[1] == out


def test_explain_an_unknown_rule_exits_2_with_a_suggestion() -> None:
    code, _, err = run("explain", "chair-apointment")
    assert code == 2
    assert "no rule named 'chair-apointment'; did you mean chair-appointment?" in err


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    # Regenerate with: icslint rules --format markdown > docs/rules.md
    _, out, _ = run("rules", "--format", "markdown")
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == out


def test_explain_shows_when_the_requirement_came_into_force_and_where_that_was_read() -> None:
    _, out, _ = run("explain", "ICB052")
    window = out.split("In force:\n", 1)[1].split("\n\n", 1)[0]
    assert " ".join(window.split()).startswith(
        "From July 2024: NHS England's updated guidance on ICB constitutions and governance"
    )
    assert "DHSC's written answer UIN 45636" in window
    assert window.rstrip().endswith(
        "https://england.nhs.uk/long-read/guidance-on-integrated-care-board-constitutions-and-"
        "governance"
    )
    _, out, _ = run("explain", "ICB010")
    assert "From 1 July 2022: Integrated care boards and partnerships established" in " ".join(
        out.split()
    )


def test_every_rule_dates_from_a_known_event_with_a_source() -> None:
    from icslint import law

    events = law.events()
    for entry in json.loads(run("rules", "--format", "json")[1]):
        if entry["code"].startswith("ICL"):
            assert entry["in_force"] is None
            continue
        window = entry["in_force"]
        assert window["event"] in events, entry["code"]
        assert window["source"].startswith("https://"), entry["code"]
    july_2024 = {"ICB052", "ICB053", "ICB054", "ICB055", "ICB056", "ICB057", "ICB058"}
    for entry in json.loads(run("rules", "--format", "json")[1]):
        if entry["code"] in july_2024 | {"ICB161", "ICB162"}:
            assert entry["in_force"]["event"] == "nhse-icb-guidance-2024-07", entry["code"]


def test_a_rule_naming_an_unknown_event_is_refused() -> None:
    from dataclasses import replace

    from icslint.registry import RuleSetError, discover, validate

    spec = next(s for s in discover() if s.code == "ICB010")
    with pytest.raises(RuleSetError, match="ICB010: unknown event 'no-such-act'"):
        validate([replace(spec, in_force="no-such-act")])
