"""The results cache of `icslint check` (src/icslint/fastcheck.py): the same check of the same
files gives the same report and exit code, and any change to what the report depends on runs
the check again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES

VALID = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
INVALID = EXAMPLES / "invalid" / "icb-board-composition.yaml"


def icslint(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command, as a console script runs it, in `folder`."""
    return subprocess.run(
        [sys.executable, "-m", "icslint", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def entries(folder: Path) -> list[Path]:
    return sorted((folder / ".icslint_cache").glob("v1/*.json"))


def test_the_same_check_is_given_again_from_the_cache(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_bytes(INVALID.read_bytes())
    first = icslint(tmp_path, "check", "c.yaml")
    assert first.returncode == 1
    assert len(entries(tmp_path)) == 1
    again = icslint(tmp_path, "check", "c.yaml")
    assert (again.returncode, again.stdout, again.stderr) == (1, first.stdout, first.stderr)
    assert (tmp_path / ".icslint_cache" / "CACHEDIR.TAG").is_file()
    assert (tmp_path / ".icslint_cache" / ".gitignore").read_text() == "*\n"


def test_a_changed_document_is_checked_again(tmp_path: Path) -> None:
    document = tmp_path / "c.yaml"
    document.write_bytes(INVALID.read_bytes())
    broken = icslint(tmp_path, "check", "c.yaml")
    document.write_bytes(VALID.read_bytes())
    fixed = icslint(tmp_path, "check", "c.yaml")
    assert (broken.returncode, fixed.returncode) == (1, 0)
    assert fixed.stdout.startswith("All checks passed") or "All checks passed" in fixed.stdout
    assert len(entries(tmp_path)) == 2


def test_a_changed_configuration_or_option_is_checked_again(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_bytes(INVALID.read_bytes())
    default = icslint(tmp_path, "check", "c.yaml")
    (tmp_path / ".icslint.yaml").write_text("ignore: [ICB]\n", encoding="utf-8")
    configured = icslint(tmp_path, "check", "c.yaml")
    as_json = icslint(tmp_path, "check", "--format", "json", "c.yaml")
    assert (default.returncode, configured.returncode) == (1, 0)
    assert as_json.stdout.lstrip().startswith("{")
    assert len(entries(tmp_path)) == 3


def test_no_cache_neither_reads_nor_writes_it(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_bytes(VALID.read_bytes())
    done = icslint(tmp_path, "check", "--no-cache", "c.yaml")
    assert done.returncode == 0
    assert not (tmp_path / ".icslint_cache").exists()


def test_a_run_that_stops_is_not_kept(tmp_path: Path) -> None:
    stopped = icslint(tmp_path, "check", "missing.yaml")
    assert stopped.returncode == 2
    assert entries(tmp_path) == []
