"""The law over time: rules in force on a date, and each document checked on its own date."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES, check_json, run

VALID_ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
JULY_2024 = [
    "ICB052",
    "ICB053",
    "ICB054",
    "ICB055",
    "ICB056",
    "ICB057",
    "ICB058",
    "ICB161",
    "ICB162",
]
HEALTH_BILL = ["ICB180", "ICB181", "ICB182", "ICP060", "ICP061"]
NOT_YET = (
    "not in force on 1 September 2022: the requirement dates from July 2024 (NHS England's "
    "updated guidance on ICB constitutions and governance)"
)


def rule_results(report: dict[str, object]) -> dict[str, dict[str, str]]:
    files = report["files"]
    assert isinstance(files, list)
    return {r["code"]: r for r in files[0]["rules"]}


def test_rules_as_at_a_date_lists_only_the_rules_in_force_that_day() -> None:
    _, before, _ = run("rules", "--as-at", "2023-01-01")
    _, now, _ = run("rules")
    listed_before = {line.split()[0] for line in before.splitlines()}
    listed_now = {line.split()[0] for line in now.splitlines()}
    assert "ICB052" not in listed_before
    assert "ICB052" in listed_now
    # `rules` lists every rule, those not yet in force too; a date leaves out what is not
    # law that day: the July 2024 guidance in 2023, the Health Bill's measures on any day.
    assert listed_now - listed_before == set(JULY_2024) | set(HEALTH_BILL)
    _, data, _ = run("rules", "--as-at", "2024-08-01", "--format", "json")
    assert "ICB052" in {r["code"] for r in json.loads(data)}


def test_a_check_as_at_a_date_before_the_july_2024_guidance_applies_none_of_it() -> None:
    code, report = check_json(str(VALID_ICB), "--as-at", "2022-09-01")
    results = rule_results(report)
    for rule in JULY_2024:
        assert results[rule] == {"code": rule, "outcome": "not-applicable", "reason": NOT_YET}
    assert not [d for d in report["diagnostics"] if d["code"] in JULY_2024]  # type: ignore[union-attr]
    assert code == 0


def test_as_at_effective_uses_each_documents_own_effective_date(tmp_path: Path) -> None:
    text = VALID_ICB.read_text(encoding="utf-8").replace(
        "  effective_from: 2025-04-01\n  nhse_approved_on: 2025-03-14\n",
        "  effective_from: September 2022\n  nhse_approved_on: 2022-08-20\n",
    )
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    _, report = check_json(str(path), "--as-at", "effective")
    assert rule_results(report)["ICB052"]["reason"] == NOT_YET
    # As at today the guidance is law; the rule itself then finds this version predates it.
    _, today = check_json(str(path))
    assert rule_results(today)["ICB052"]["reason"].startswith(
        "NHS England's guidance of July 2024 on the deputy chair applies to versions that take "
        "effect from August 2024"
    )


def test_as_at_effective_falls_back_on_this_versions_entry_in_the_history(
    tmp_path: Path,
) -> None:
    # No effective or approval date: the history's entry for this version, known only by its
    # month, gives the first day it could have taken effect.
    text = (
        VALID_ICB.read_text(encoding="utf-8")
        .replace("  effective_from: 2025-04-01\n  nhse_approved_on: 2025-03-14\n", "")
        .replace(
            '    - version: "2.1"\n      date: 2025-04-01\n',
            '    - version: "2.1"\n      date: March 2023\n',
        )
    )
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    _, report = check_json(str(path), "--as-at", "effective")
    assert rule_results(report)["ICB052"]["reason"] == (
        "not in force on 1 March 2023: the requirement dates from July 2024 (NHS England's "
        "updated guidance on ICB constitutions and governance)"
    )


def test_a_date_that_cannot_be_read_stops_with_a_message() -> None:
    code, out, err = run("check", str(VALID_ICB), "--as-at", "1 April")
    assert code == 2
    assert out == ""
    assert err.strip() == (
        "icslint: error: --as-at '1 April': give a date written YYYY-MM-DD, 'today', or "
        "'effective' (each document's own effective date)"
    )


def test_the_register_lists_the_icbs_that_exist_on_a_date() -> None:
    _, out, _ = run("icbs", "--as-at", "2025-06-01", "--format", "json")
    before = json.loads(out)
    assert (before["as_at"], before["count"], len(before["icbs"])) == ("2025-06-01", 42, 42)
    _, out, _ = run("icbs", "--as-at", "2026-06-01", "--format", "json")
    after = json.loads(out)
    names = {icb["name"] for icb in after["icbs"]}
    assert after["count"] == 36
    assert "NHS Sussex Integrated Care Board" not in names
    surrey_and_sussex = next(
        icb for icb in after["icbs"] if icb["name"] == "NHS Surrey and Sussex Integrated Care Board"
    )
    assert surrey_and_sussex["established"] == "2026-04-01"
    assert "NHS Sussex Integrated Care Board" in surrey_and_sussex["predecessors"]
    code, text, _ = run("icbs", "--as-at", "2026-06-01")
    assert code == 0
    assert text.splitlines()[-1] == "36 integrated care boards on 1 June 2026."


def test_a_constitution_for_an_abolished_icb_names_its_successor(tmp_path: Path) -> None:
    text = (
        VALID_ICB.read_text(encoding="utf-8")
        .replace("  name: NHS Severnmoor Integrated Care Board\n", "  name: NHS Sussex ICB\n")
        .replace("  effective_from: 2025-04-01\n", "  effective_from: 2026-06-01\n")
    )
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    _, report = check_json(str(path))
    [finding] = [d for d in report["diagnostics"] if d["code"] == "ICB043"]  # type: ignore[union-attr]
    assert finding["message"] == (
        "NHS Sussex Integrated Care Board was abolished on 1 April 2026; from then its area is "
        "covered by NHS Surrey and Sussex Integrated Care Board, and this version of its "
        "constitution takes effect on 1 June 2026. Give the name of the ICB the constitution "
        "is for, or correct the effective date."
    )


def test_explain_says_whether_the_rule_is_in_force_on_a_date() -> None:
    _, before, _ = run("explain", "ICB052", "--as-at", "2023-01-01")
    assert before.splitlines()[1] == (
        "Not in force on 1 January 2023: the requirement dates from July 2024 (NHS England's "
        "updated guidance on ICB constitutions and governance)."
    )
    _, after, _ = run("explain", "ICB052", "--as-at", "2025-01-01")
    assert after.splitlines()[1] == "In force on 1 January 2025."


def test_render_checks_the_document_as_at_the_date_asked(tmp_path: Path) -> None:
    output = tmp_path / "constitution.md"
    code, _, err = run(
        "render", str(VALID_ICB), "-o", str(output), "--draft", "--as-at", "2022-09-01"
    )
    assert code == 0, err
    assert output.exists()
    code, _, err = run("render", str(VALID_ICB), "-o", str(tmp_path / "x.md"), "--as-at", "soon")
    assert code == 2
    assert "--as-at 'soon': give a date written YYYY-MM-DD" in err
