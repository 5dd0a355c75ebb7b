"""Testing a rule pack with the fixtures and checks icslint's own rules use.

Each rule has a folder named after its code holding two documents:

    examples/WSX001/good.yaml   must give no findings at all
    examples/WSX001/bad.yaml    must give exactly the findings its markers name

A whole-system rule's fixtures are folders of documents checked together (`good/`, `bad/`),
with each marker in the file the finding is reported in.

A marker is a comment after YAML content on the same line: `# [WSX001]` for a breach,
`# [WSX001 not stated]` for something the rule reports as not stated, and `# [WSX001 pending]`
for a measure not yet in force. Each fixture is checked by the real `icslint check`, with only
its rule selected, `--pending` (so pending findings are reported) and `--fail-on info`, and no
configuration file. A pack's test module needs one line:

    test_fixtures = icslint.testing.fixture_tests(Path(__file__).parent / "examples")

The pack must be importable as installed (`pip install -e .`), or named with `rules_dir` if it
is a local folder pack.
"""

from __future__ import annotations

import importlib
import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from icslint.registry import CODE_PATTERN, rules_in

_INLINE_COMMENT = re.compile(r"^\s*[^#\s].*?\s#(?P<comment>.*)$")
_MARKER = re.compile(r"\[([A-Z]{3}\d{3})(?: (not stated|pending))?\]")
FIXTURE_NAMES = ("good", "bad")

Outcome = tuple[int, str, str]
"""(line, code, outcome): outcome is "breach", "not-stated" or "pending"."""
Placed = tuple[str, int, str, str]
"""(file name, line, code, outcome)."""


@dataclass(frozen=True)
class Fixture:
    """One fixture document of one rule (the file may be missing, which fails its check)."""

    code: str
    path: Path
    """`good.yaml` or `bad.yaml`; for a whole-system rule, the folder `good/` or `bad/`."""

    @property
    def bad(self) -> bool:
        return self.path.stem == "bad"

    def files(self) -> list[Path]:
        return sorted(self.path.glob("*.yaml")) if self.path.is_dir() else [self.path]

    def __str__(self) -> str:
        return f"{self.code}/{self.path.name}"


def outcome_markers(path: Path) -> set[Outcome]:
    """The (line, code, outcome) triples a fixture's markers say it must produce."""
    expected: set[Outcome] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _INLINE_COMMENT.match(line)
        if match:
            expected.update(
                (number, code, outcome.replace(" ", "-") if outcome else "breach")
                for code, outcome in _MARKER.findall(match["comment"])
            )
    return expected


def fixtures(folder: Path, package: str | None = None) -> list[Fixture]:
    """The good and bad fixtures of every rule with a folder in `folder` and, if `package`
    (the pack's module, such as "wessex_policy") is given, of every rule it declares, so that
    a rule without fixtures fails."""
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder.as_posix()}: no such folder of rule fixtures")
    codes = {p.name for p in folder.iterdir() if p.is_dir() and CODE_PATTERN.match(p.name)}
    if package is not None:
        codes |= {spec.code for spec in rules_in(importlib.import_module(package))}
    return [fixture(folder / code, name) for code in sorted(codes) for name in FIXTURE_NAMES]


def fixture(folder: Path, name: str) -> Fixture:
    """A rule's `name` fixture ("good" or "bad") in its folder: a folder of that name if there
    is one (a whole-system rule's), else `name.yaml`."""
    path = folder / name
    return Fixture(folder.name, path if path.is_dir() else folder / f"{name}.yaml")


def run_check(
    path: Path, code: str, rules_dir: Path | None = None
) -> tuple[int, dict[str, object]]:
    """`icslint check --format json --pending --select CODE --fail-on info PATH`, run in this
    process with an empty configuration: (exit code, report). Raises AssertionError if the
    check cannot run (exit 2), with icslint's message."""
    from typer.testing import CliRunner

    from icslint.cli import app

    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / ".icslint.yaml"
        config.write_text("{}\n", encoding="utf-8")
        args = ["check", "--format", "json", "--pending", "--select", code, "--fail-on", "info"]
        args += ["--config", str(config), str(path)]
        if rules_dir is not None:
            args += ["--rules", str(rules_dir)]
        result = CliRunner().invoke(app, args)
    if result.exit_code not in (0, 1):
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        raise AssertionError(
            f"icslint check {path.as_posix()} stopped (exit {result.exit_code}): "
            f"{result.stderr.strip()}\nIs the pack installed (pip install -e .), and does it "
            f"declare {code}? `icslint rules` lists the rules icslint can see."
        )
    report: dict[str, object] = json.loads(result.stdout)
    return result.exit_code, report


def check_fixture(fixture: Fixture, rules_dir: Path | None = None) -> None:
    """Fail (AssertionError) unless the fixture gives exactly the findings its markers name
    (none for good.yaml), and the exit code those findings call for."""
    where = fixture.path.as_posix()
    if not fixture.files() or not all(f.is_file() for f in fixture.files()):
        raise AssertionError(
            f"{where} is missing: each rule needs a good.yaml that passes and a bad.yaml that "
            f"fails at the lines marked # [{fixture.code}]"
        )
    expected: set[Placed] = {
        (file.name, *marker) for file in fixture.files() for marker in outcome_markers(file)
    }
    if fixture.bad and not expected:
        raise AssertionError(
            f"{where} has no markers: end each line {fixture.code} reports with "
            f"# [{fixture.code}] (or # [{fixture.code} not stated], # [{fixture.code} pending])"
        )
    if not fixture.bad and expected:
        raise AssertionError(f"{where} has markers, but a good fixture must pass: remove them")
    others = sorted({code for _, _, code, _ in expected} - {fixture.code})
    if others:
        raise AssertionError(
            f"{where} marks {', '.join(others)}: a fixture marks only its own rule's findings"
        )
    exit_code, report = run_check(fixture.path, fixture.code, rules_dir)
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    found: dict[Placed, str] = {
        (Path(d["path"]).name, d["line"], d["code"], d["outcome"]): d["message"]
        for d in diagnostics
    }
    problems = [
        f"  marked but not reported: {name} line {line} {code} {outcome}"
        for name, line, code, outcome in sorted(expected - found.keys())
    ]
    problems += [
        f"  reported but not marked: {name} line {line} {code} {outcome}: "
        f"{found[name, line, code, outcome]}"
        for name, line, code, outcome in sorted(found.keys() - expected)
    ]
    if problems:
        raise AssertionError(
            f"{where}: the findings are not the ones its markers name\n" + "\n".join(problems)
        )
    wanted = 1 if any(outcome == "breach" for *_, outcome in expected) else 0
    if exit_code != wanted:
        raise AssertionError(f"{where}: icslint check exited {exit_code}, not {wanted}")


def fixture_tests(
    folder: Path, package: str | None = None, rules_dir: Path | None = None
) -> Callable[..., None]:
    """A pytest test, parametrised with every fixture in `folder` (see `fixtures`): assign it
    to a name starting `test_` in a test module."""
    import pytest

    cases = fixtures(folder, package)

    @pytest.mark.parametrize("fixture", cases, ids=[str(c) for c in cases])
    def test_fixture(fixture: Fixture) -> None:
        check_fixture(fixture, rules_dir)

    return test_fixture


__all__ = [
    "FIXTURE_NAMES",
    "Fixture",
    "check_fixture",
    "fixture",
    "fixture_tests",
    "fixtures",
    "outcome_markers",
    "run_check",
]
