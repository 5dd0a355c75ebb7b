"""Shared test helpers: running the CLI, and reading the `# [CODE]` markers in YAML fixtures."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import NoReturn

import pytest
from typer.testing import CliRunner

from icslint.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RULE_EXAMPLES = ROOT / "rules" / "examples"

# A marker is a code in square brackets in a comment that follows YAML content on the same
# line: `seats:  # [ICB010]` or `- id: x  # [ICB014] [ICB015]` for a breach, and
# `# [ICB139 not stated]` for a finding the engine reports as not stated, and
# `# [ICB180 pending]` for one about a measure not yet in force (reported with --pending).
_INLINE_COMMENT = re.compile(r"^\s*[^#\s].*?\s#(?P<comment>.*)$")
_CODE = re.compile(r"\[(IC[BPSL]\d{3})(?: (not stated|pending))?\]")


def outcome_markers(path: Path) -> set[tuple[int, str, str]]:
    """The (line, code, outcome) triples a fixture says it must produce."""
    expected: set[tuple[int, str, str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _INLINE_COMMENT.match(line)
        if match:
            expected.update(
                (number, code, outcome.replace(" ", "-") if outcome else "breach")
                for code, outcome in _CODE.findall(match["comment"])
            )
    return expected


def markers(path: Path) -> set[tuple[int, str]]:
    """The (line, code) pairs a fixture says it must produce."""
    return {(line, code) for line, code, _ in outcome_markers(path)}


def found_outcomes(report: dict[str, object]) -> set[tuple[int, str, str]]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return {(d["line"], d["code"], d["outcome"]) for d in diagnostics}


def run(*args: str) -> tuple[int, str, str]:
    """Run `icslint ARGS`; return (exit code, stdout, stderr)."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def check_json(*args: str) -> tuple[int, dict[str, object]]:
    code, out, _ = run("check", "--format", "json", *args)
    return code, json.loads(out)


def found(report: dict[str, object]) -> set[tuple[int, str]]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return {(d["line"], d["code"]) for d in diagnostics}


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a YAML file into a temporary folder and return its path."""

    def _write(text: str, name: str = "doc.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current templates; review the diff before committing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# --- Optional system packages ----------------------------------------------------------------
# Tests that drive Chromium, LibreOffice or WeasyPrint's Pango skip where those are missing,
# and fail in CI (the environment variable CI set), which installs them (.ci/run).


def unavailable(reason: str) -> NoReturn:
    """Skip the test for something missing here; in CI, fail it."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run installs it")
    pytest.skip(reason)


def need(program: str) -> str:
    """The path of a system program the test drives."""
    found = shutil.which(program)
    if found is None:
        unavailable(f"{program} is not installed")
    return found


def need_weasyprint() -> None:
    """PDF needs WeasyPrint and the Pango library it draws text with."""
    try:
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401
    except (ImportError, OSError) as error:
        unavailable(f"WeasyPrint cannot run here ({error})")
