"""The wheel carries the rule set, templates, schemas and licence, and works from outside the
source tree.

Built without network access: the build uses the setuptools already installed by the test
extra, and the fresh virtual environment borrows the test environment's dependencies through a
.pth file (never its icslint: an editable install's hook is not run from a borrowed folder).
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

KINDS = ("icb-constitution", "icp-terms-of-reference")


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work), "."],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    (site,) = venv.glob("lib/python*/site-packages")
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    (wheel,) = work.glob("icslint-*.whl")
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return venv


def test_wheel_contains_rules_examples_and_templates(wheel_env: Path) -> None:
    code = (
        "import icslint, importlib.resources as r; "
        "print(icslint.__file__); "
        "print(r.files('icslint.rules').joinpath('examples/ICB010/bad.yaml').is_file()); "
        "print(r.files('icslint.templates').is_dir()); "
        "print(sorted(p.name for p in r.files('icslint.schemas').iterdir() "
        "if p.name.endswith('.json')))"
    )
    out = subprocess.run(
        [str(wheel_env / "bin" / "python"), "-c", code],
        cwd=wheel_env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert out[0].startswith(str(wheel_env))  # the installed wheel, not the source tree
    assert out[1:] == ["True", "True", str(sorted(f"{kind}.schema.json" for kind in KINDS))]


def test_wheel_holds_the_licence_its_metadata_names(wheel_env: Path) -> None:
    (wheel,) = wheel_env.parent.glob("icslint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        headers = archive.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
        (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert archive.read(licence) == (ROOT / "LICENSE").read_bytes()
    assert "License-Expression: MIT" in headers
    assert "License-File: LICENSE" in headers
    assert (
        (ROOT / "LICENSE")
        .read_text(encoding="utf-8")
        .startswith("MIT License\n\nCopyright (c) 2026 the icslint authors\n")
    )
    # No address of a home the project does not have.
    assert not [h for h in headers if h.startswith(("Home-page:", "Project-URL:"))]


def test_installed_wheel_checks_the_examples_from_outside_the_tree(wheel_env: Path) -> None:
    icslint = str(wheel_env / "bin" / "icslint")
    valid = subprocess.run(
        [icslint, "check", str(EXAMPLES / "valid")], cwd=wheel_env, capture_output=True, text=True
    )
    assert valid.returncode == 0, valid.stdout + valid.stderr
    invalid = subprocess.run(
        [icslint, "check", "-f", "json", str(EXAMPLES / "invalid" / "icb-board-composition.yaml")],
        cwd=wheel_env,
        capture_output=True,
        text=True,
    )
    assert invalid.returncode == 1
    codes = {d["code"] for d in json.loads(invalid.stdout)["diagnostics"]}
    assert codes == {"ICB011", "ICB015", "ICB016"}


@pytest.mark.parametrize("suffix", ["md", "docx", "pdf"])
def test_installed_wheel_renders_and_drafts_from_outside_the_tree(
    wheel_env: Path, suffix: str, tmp_path: Path
) -> None:
    icslint = str(wheel_env / "bin" / "icslint")
    source = EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml"
    output = tmp_path / f"icp.{suffix}"
    done = subprocess.run(
        [icslint, "render", str(source), "-o", str(output)],
        cwd=wheel_env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert output.stat().st_size > 1000
    draft = tmp_path / "new.yaml"
    done = subprocess.run(
        [icslint, "init", "--kind", "icb-constitution", "-o", str(draft), "--no-input"],
        cwd=wheel_env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert draft.read_text(encoding="utf-8").count("kind: icb-constitution") == 1
    # The schema its first line names, beside it, from the wheel.
    schema = (tmp_path / "icb-constitution.schema.json").read_bytes()
    assert schema == (ROOT / "schemas" / "icb-constitution.schema.json").read_bytes()


def test_check_does_not_import_the_rendering_libraries() -> None:
    code = (
        "import sys; from icslint.cli import main; sys.argv = ['icslint', 'check', "
        f"{str(EXAMPLES / 'valid')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'jinja2', 'docx', 'weasyprint', 'markdown_it', 'pypdf'} & set(sys.modules)\n"
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
