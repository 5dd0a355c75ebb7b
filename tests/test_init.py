"""`icslint init`: a complete draft from the model, whose only findings are its blanks."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import check_json, run
from icslint import cli

KINDS = ["icb-constitution", "icp-terms-of-reference"]


def codes(path: Path) -> set[str]:
    _, report = check_json(str(path))
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return {d["code"] for d in diagnostics}


@pytest.mark.parametrize("kind", KINDS)
def test_no_input_draft_has_only_placeholder_findings(kind: str, tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    code, _, err = run("init", "--kind", kind, "-o", str(output), "--no-input")
    assert code == 0, err
    assert f"Wrote {output.as_posix()}" in err
    assert codes(output) == {"ICL004"}
    exit_code, _, _ = run("check", str(output))
    assert exit_code == 1  # a draft with blanks cannot pass as finished


@pytest.mark.parametrize("kind", KINDS)
def test_draft_starts_with_kind_and_explains_itself(kind: str, tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    assert run("init", "--kind", kind, "-o", str(output), "--no-input")[0] == 0
    text = output.read_text(encoding="utf-8")
    assert text.startswith("#")
    data = YAML(typ="safe").load(text)
    assert data["kind"] == kind and data["schema_version"] == 1
    assert "<<" in text
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 20


@pytest.mark.parametrize("kind", KINDS)
def test_init_never_overwrites(kind: str, tmp_path: Path) -> None:
    output = tmp_path / "constitution.yaml"
    output.write_bytes(b"our approved text\n")
    code, _, err = run("init", "--kind", kind, "-o", str(output), "--no-input")
    assert code == 2
    assert "already exists; init never replaces a file" in err
    assert output.read_bytes() == b"our approved text\n"


def test_unknown_kind_exits_2(tmp_path: Path) -> None:
    code, _, err = run("init", "--kind", "icb", "-o", str(tmp_path / "x.yaml"), "--no-input")
    assert code == 2
    assert "icb-constitution" in err


def test_prompts_fill_in_the_essentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "icb.yaml"
    answers = "\n".join(
        [
            "Wessex",
            "Wessex County Council",
            "county",
            "Portbury City Council",
            "metropolitan",  # not a type: asked again
            "unitary",
            "Downland District Council",
            "shire_district",
            "",
            "Wessex Hospitals NHS Foundation Trust",
            "Portbury NHS Trust",
            "",
        ]
    )
    result = run_with_input(["init", "--kind", "icb-constitution", "-o", str(output)], answers)
    assert result == 0
    data = YAML(typ="safe").load(output.read_text(encoding="utf-8"))
    assert data["icb"]["name"] == "NHS Wessex Integrated Care Board"
    assert [c["name"] for c in data["local_authorities"]] == [
        "Wessex County Council",
        "Portbury City Council",
        "Downland District Council",
    ]
    assert data["partner_trusts"][:2] == [
        "Wessex Hospitals NHS Foundation Trust",
        "Portbury NHS Trust",
    ]
    assert codes(output) <= {"ICL004"}


def test_answers_with_yaml_and_template_syntax_stay_literal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "icp.yaml"
    area = 'St Mary\'s: "North" {{ x }} <script>'
    answers = "\n".join([area, "St Mary's Council: #1", "unitary", ""])
    assert (
        run_with_input(["init", "--kind", "icp-terms-of-reference", "-o", str(output)], answers)
        == 0
    )
    data = YAML(typ="safe").load(output.read_text(encoding="utf-8"))
    assert data["icp"]["name"] == f"{area} Integrated Care Partnership"
    assert data["local_authorities"][0]["name"] == "St Mary's Council: #1"


def run_with_input(args: list[str], answers: str) -> int:
    from typer.testing import CliRunner

    result = CliRunner().invoke(cli.app, args, input=answers + "\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code


def test_placeholder_findings_point_at_the_blank(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "kind: icp-terms-of-reference\nschema_version: 1\nicp:\n"
        "  name: <<partnership name>> Partnership\n"
    )
    code, report = check_json(str(path))
    assert code == 1
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    placeholders = [d for d in diagnostics if d["code"] == "ICL004"]
    assert [(d["line"], d["column"]) for d in placeholders] == [(4, 3)]
    assert placeholders[0]["message"].startswith("<<partnership name>> is a placeholder")


def test_a_blank_in_a_comment_marks_a_stand_in_value(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "kind: icb-constitution\nschema_version: 1\nmeta:\n"
        "  nhse_approved_on: 2026-04-01  # <<the date NHS England approves>>\n"
        "  version: '1.0'  # an ordinary comment\n"
        "  published_url: 'https://x.example/#<<not a comment>>'\n"
    )
    _, report = check_json(str(path), "--select", "ICB006")
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    assert [(d["code"], d["line"], d["column"]) for d in diagnostics] == [
        ("ICL004", 4, 35),
        ("ICL004", 6, 3),
    ]
    assert "stand-in" in diagnostics[0]["message"]
