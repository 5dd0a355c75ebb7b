"""The check command as users and CI see it: output shapes, selection and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from conftest import EXAMPLES, check_json, found, run
from icslint import __version__
from icslint.cli import app

CHAIR_FAULTS = EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml"
STRATEGY_FAULTS = EXAMPLES / "invalid" / "icp-strategy-and-quorum.yaml"


def test_json_output_has_exactly_the_agreed_shape() -> None:
    code, report = check_json(str(CHAIR_FAULTS))
    assert set(report) == {"version", "packs", "diagnostics", "files", "suppressed", "summary"}
    assert report["packs"] == [{"name": "icslint", "version": __version__, "kind": "built-in"}]
    assert report["version"] == 2
    assert report["summary"] == {
        "files": 1,
        "error": 5,
        "warning": 0,
        "info": 0,
        "breach": 5,
        "not-stated": 0,
        "pending": 0,
        "passed": 114,
        "not-applicable": 16,
        "suppressed": 0,
        "waived": 0,
    }
    first = report["diagnostics"][0]
    assert first == {
        "path": CHAIR_FAULTS.as_posix(),
        "line": 79,
        "column": 7,
        "code": "ICB051",
        "rule": "chair-removal",
        "severity": "error",
        "outcome": "breach",
        "level": "statute",
        "message": 'The constitution gives "The Board, by a two-thirds majority" power to remove '
        "the chair. Schedule 1B paragraph 6 allows that power to be given only to NHS England; "
        "set removal_by: NHS England, or remove the clause.",
        "citations": [
            {
                "instrument": "National Health Service Act 2006",
                "provision": "Schedule 1B, paragraph 6",
                "url": "https://www.legislation.gov.uk/ukpga/2006/41/schedule/1B/paragraph/6",
            }
        ],
        "yaml_path": "board.seats[0].removal_by",
        "related": [],
    }
    assert code == 1


def test_text_output_lines_and_summary() -> None:
    code, out, _ = run("check", str(CHAIR_FAULTS))
    lines = out.splitlines()
    path = CHAIR_FAULTS.as_posix()
    assert lines[0] == (
        f'{path}:79:7: ICB051 [chair-removal] error: The constitution gives "The Board, by a '
        'two-thirds majority" power to remove the chair. Schedule 1B paragraph 6 allows that '
        "power to be given only to NHS England; set removal_by: NHS England, or remove the "
        "clause."
    )
    assert lines[1] == (
        "  = National Health Service Act 2006, Schedule 1B, paragraph 6: "
        "https://www.legislation.gov.uk/ukpga/2006/41/schedule/1B/paragraph/6"
    )
    assert (
        lines[-1]
        == "5 breaches (5 statute) · 0 not stated · 114 passed · 16 not applicable in 1 file."
    )
    assert code == 1


def test_select_and_ignore_take_codes_prefixes_and_slugs() -> None:
    _, report = check_json("--select", "ICB060", str(CHAIR_FAULTS))
    assert found(report) == {(90, "ICB060"), (91, "ICB060")}
    _, report = check_json("--select", "chief-executive-employee", str(CHAIR_FAULTS))
    assert found(report) == {(93, "ICB061")}
    _, report = check_json("--select", "ICB06", "--ignore", "ICB061", str(CHAIR_FAULTS))
    assert found(report) == {(90, "ICB060"), (91, "ICB060")}
    _, report = check_json("--ignore", "ICB051,chief-executive-appointment", str(CHAIR_FAULTS))
    assert found(report) == {(93, "ICB061")}


def test_an_unknown_selector_is_a_usage_error() -> None:
    code, _out, err = run("check", "--select", "ICB998", str(CHAIR_FAULTS))
    assert code == 2
    assert "'ICB998' is not a rule code, code prefix or rule name" in err


def test_fail_on_decides_which_severities_fail() -> None:
    # This file's only warning-level finding is ICP007; ignoring the errors leaves it alone.
    args = ("--ignore", "ICP010,ICP014,ICP015", str(STRATEGY_FAULTS))
    code, report = check_json(*args)
    assert found(report) == {(165, "ICP007")}
    assert code == 0
    code, _ = check_json("--fail-on", "warning", *args)
    assert code == 1
    code, _ = check_json("--fail-on", "error", "--select", "ICP007", str(STRATEGY_FAULTS))
    assert code == 0


def test_folders_are_searched_for_icslint_documents_only(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yaml").write_text("kind: icb-constitution\n")
    (tmp_path / "pre-commit.yaml").write_text("repos: []\n")
    (tmp_path / "notes.txt").write_text("kind: icb-constitution\n")
    nested = tmp_path / "icb" / "constitution.yml"
    nested.parent.mkdir()
    nested.write_text("kind: icb-constitution\nschema_version: 1\nicb:\n  nmae: X\n")
    code, report = check_json(str(tmp_path))
    assert report["summary"]["files"] == 1
    assert {(line, code) for line, code in found(report) if code.startswith("ICL")} == {
        (4, "ICL002")
    }
    assert code == 1


def test_a_bad_format_is_a_usage_error() -> None:
    code, _, _ = run("check", "--format", "xml", str(CHAIR_FAULTS))
    assert code == 2


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "icslint", "check", "--format", "json", str(CHAIR_FAULTS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert json.loads(result.stdout)["summary"]["error"] == 5


def test_only_documents_skips_named_files_without_a_kind(tmp_path: Path) -> None:
    workflow = tmp_path / "ci.yml"
    workflow.write_text("on: push\njobs: {}\n")
    misspelt = tmp_path / "draft.yaml"
    misspelt.write_text("kind: icb-consitution\nschema_version: 1\n")
    code, report = check_json("--only-documents", str(workflow), str(misspelt))
    assert code == 1
    assert report["summary"]["files"] == 1  # type: ignore[index]
    assert found(report) == {(1, "ICL003")}
    code, report = check_json(str(workflow))
    assert found(report) == {(1, "ICL003")}  # named without the option, it is reported


def test_folder_search_finds_bom_files_and_misspelt_kinds(tmp_path: Path) -> None:
    chair = (EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml").read_bytes()
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + chair)
    (tmp_path / "misspelt.yaml").write_text("kind: ICB-Constitution\nschema_version: 1\n")
    (tmp_path / "deployment.yaml").write_text("apiVersion: apps/v1\nkind: Deployment\n")
    code, report = check_json(str(tmp_path))
    assert code == 1
    assert report["summary"]["files"] == 2  # type: ignore[index]
    paths = {d["path"].rsplit("/", 1)[1] for d in report["diagnostics"]}  # type: ignore[union-attr]
    assert paths == {"bom.yaml", "misspelt.yaml"}
    code, report = check_json("--only-documents", str(tmp_path / "deployment.yaml"))
    assert (code, report["summary"]["files"]) == (0, 0)  # type: ignore[index]


def test_no_documents_found_is_a_warning(tmp_path: Path) -> None:
    code, out, err = run("check", str(tmp_path))
    assert code == 0
    assert out.strip() == "No documents checked."
    assert "icslint: warning: no ICB constitution or ICP terms of reference found in" in err


def test_output_dash_means_stdout(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "-f", "json", "-o", "-", str(CHAIR_FAULTS))
    assert code == 1
    assert json.loads(out)["summary"]["error"] == 5
    assert not (tmp_path / "-").exists()


def test_statistics_counts_the_findings_of_each_rule() -> None:
    code, out, _ = run(
        "check", "--statistics", "examples/invalid/icb-chair-and-chief-executive.yaml"
    )
    lines = out.splitlines()
    assert code == 1
    assert "2  ICB051  [chair-removal]  error" in lines
    assert lines[-1].endswith("in 1 file.")


def test_quiet_prints_the_findings_only() -> None:
    path = (EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml").as_posix()
    code, out, _ = run("check", "--quiet", path)
    _, report = check_json(path)
    assert code == 1
    assert len(out.splitlines()) == len(report["diagnostics"])  # type: ignore[arg-type]
    assert all(line.startswith(f"{path}:") for line in out.splitlines())


def test_quiet_and_statistics_are_for_text() -> None:
    code, _, err = run("check", "--quiet", "--format", "json", str(EXAMPLES / "valid"))
    assert code == 2
    assert "--quiet and --statistics are for the text format" in err


def test_a_long_run_tells_its_progress_of_each_file() -> None:
    from icslint.engine import lint_paths
    from icslint.registry import discover

    class Recorder:
        def __init__(self) -> None:
            self.calls: list[str] = []

        def start(self, total: int) -> None:
            self.calls.append(f"start {total}")

        def advance(self) -> None:
            self.calls.append("advance")

    recorder = Recorder()
    lint_paths([EXAMPLES / "valid"], discover(), progress=recorder)
    assert recorder.calls == ["start 4", "advance", "advance", "advance", "advance"]


def test_no_progress_is_drawn_where_no_one_watches() -> None:
    # The test runner is not a terminal: stderr holds nothing but what icslint says.
    code, _, err = run("check", str(EXAMPLES / "valid"))
    assert (code, err) == (0, "")


def test_many_files_checked_in_parallel_give_the_report_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from icslint import engine

    sources = sorted((EXAMPLES / "invalid").glob("*.yaml"))
    for number in range(engine.PARALLEL_FROM + 6):
        source = sources[number % len(sources)]
        (tmp_path / f"{number:03d}-{source.name}").write_bytes(source.read_bytes())
    parallel = run("check", "--format", "json", str(tmp_path))
    monkeypatch.setattr(engine, "PARALLEL_FROM", 10**9)
    serial = run("check", "--format", "json", str(tmp_path))
    assert parallel == serial
    assert parallel[0] == 1


def _command_lines(command: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The app and every command and subcommand in it, as typer builds them."""
    found = [path]
    for name, sub in getattr(command, "commands", {}).items():
        found += _command_lines(sub, (*path, name))
    return found


def _command(path: tuple[str, ...]) -> typer.core.TyperCommand:
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return command  # type: ignore[return-value]


COMMAND_LINES = _command_lines(typer.main.get_command(app))


def _plain(text: str) -> str:
    """Text with its line breaks and indentation as single spaces, and a word broken at a
    hyphen over two lines joined again, so that help written in the code can be found whole
    in help wrapped to the terminal."""
    return " ".join(re.sub(r"-\n\s*", "-", text).split())


@pytest.mark.parametrize("path", COMMAND_LINES, ids=lambda path: " ".join(path) or "icslint")
def test_help_fits_80_columns_in_plain_words(path: tuple[str, ...]) -> None:
    assert len(COMMAND_LINES) > 5  # the app, and each command it has
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    out = result.stdout
    assert result.exit_code == 0, out
    assert [line for line in out.splitlines() if len(line) > 80] == []
    for python in ("<list[", "<bool>", "<str>", "<int>", "<path>", "Path]", "Optional[", "…"):
        assert python not in out
    command = _command(path)
    written = [command.help or ""]
    written += [param.help or "" for param in command.params]  # type: ignore[attr-defined]
    written += [
        (sub.help or "").split("\n\n")[0] for sub in getattr(command, "commands", {}).values()
    ]
    for text in written:
        assert _plain(text) in _plain(out)
