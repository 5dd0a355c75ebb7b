"""Installing icslint as the README says, and nowhere from a package index that lacks it.

Each command in the README's "Set-up" section runs in bash, as written, in a fresh copy of this
repository as a clone has it, in a fresh virtual environment, and then the icslint it installed
checks the valid examples. The runs need no network (see tests/offline.py: pip never looks at
an index and takes icslint's dependencies from this test environment), and only three things in
the commands change, each for its offline equivalent:

- `git+https://<your repository>@<ref>` names a committed copy of this working tree instead
  (`git+file://...@<commit>`);
- `python -m build` gets `--no-isolation`, build's own switch, which PIP_NO_BUILD_ISOLATION
  does not reach;
- `python -m pytest` becomes `icslint check examples/valid`: the test suite is this run.

pipx keeps PYTHONPATH from the environments it makes, so it gets the borrowed packages another
way: its shared libraries (PIPX_SHARED_LIBS, the environment whose pip it uses and whose
packages every application of its sees) are made here with links to them, and it is told not
to fetch a newer pip for them (PIPX_DISABLE_SHARED_LIBS_AUTO_UPGRADE).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, unavailable
from offline import (
    borrowed_packages,
    committed_copy_of_this_repository,
    copy_of_this_repository,
    offline_environment,
    working_tree_files,
)

README = ROOT / "README.md"
GIT_URL = "git+https://<your repository>@<ref>"
CHECK = "icslint check examples/valid"


def setup_commands(text: str) -> list[str]:
    """The command lines of the sh blocks in the README's "Set-up" section."""
    section = text.split("\n## Set-up\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```$", section, re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_the_readme_gives_each_way_to_install() -> None:
    commands = setup_commands(README.read_text(encoding="utf-8"))
    assert commands[:2] == [
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && " + CHECK,
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && "
        "python -m pytest",
    ]
    others = [command.split("  #")[0].rstrip() for command in commands[2:]]
    assert others == [
        "pipx install .",
        f'pip install "{GIT_URL}"',
        "pip install build && python -m build --wheel && pip install dist/icslint-*.whl",
        "pip install '.[pdf]'",
    ]


@dataclass(frozen=True)
class Machine:
    """What every run shares: an offline environment, and a Git repository holding a committed
    copy of this working tree (the "organisation's copy" the README's Git URL names)."""

    env: dict[str, str]
    tools: Path
    repository: Path
    commit: str
    pipx_shared_libraries: Path


def make_pipx_shared_libraries(target: Path, python: Path, borrowed: Path) -> Path:
    """pipx's shared libraries made in advance: a virtual environment with pip, and links to
    the borrowed packages in place of anything else (ensurepip's setuptools is too old)."""
    subprocess.run([python, "-m", "venv", target], check=True, capture_output=True)
    (site,) = target.glob("lib/python*/site-packages")
    for entry in site.iterdir():
        if entry.name.startswith("pip"):
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for entry in borrowed.iterdir():
        (site / entry.name).symlink_to(entry.resolve(), entry.is_dir())
    return target


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> Machine:
    base = tmp_path_factory.mktemp("install")
    env = offline_environment(base)
    env["PYTHONPATH"] = str(borrowed_packages(base / "borrowed"))
    # The README's `python3`, and pipx; nothing else of this test environment is on the PATH,
    # so the only icslint a run can find is the one it installed.
    tools = base / "tools"
    tools.mkdir()
    (tools / "python3").symlink_to(getattr(sys, "_base_executable", sys.executable))
    pipx = Path(sys.executable).parent / "pipx"
    shared = base / "pipx-shared"
    if pipx.exists():
        (tools / "pipx").symlink_to(pipx)
        make_pipx_shared_libraries(shared, tools / "python3", base / "borrowed")
    searched = [p for p in env.get("PATH", "").split(os.pathsep) if p]
    env["PATH"] = os.pathsep.join(
        [str(tools), *(p for p in searched if not (Path(p) / "icslint").exists())]
    )
    repository = base / "repository"
    commit = ""
    if shutil.which("git"):
        commit = committed_copy_of_this_repository(repository, env)
    return Machine(env, tools, repository, commit, shared)


def offline(command: str, machine: Machine) -> str:
    """The command as run here: see the module docstring for the three changes."""
    replaced = command.replace(GIT_URL, f"git+file://{machine.repository}@{machine.commit}")
    replaced = replaced.replace("python -m build", "python -m build --no-isolation")
    return replaced.replace("python -m pytest", CHECK)


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    setup_commands(README.read_text(encoding="utf-8")),
    ids=lambda command: command.split("  #")[0].split("activate && ")[-1].strip()[:48],
)
def test_a_readme_install_command_works_offline_from_a_fresh_copy(
    command: str, machine: Machine, tmp_path: Path
) -> None:
    if command.startswith("pipx") and not (machine.tools / "pipx").exists():
        unavailable("pipx is not installed (it comes with the test extra)")
    if "git+" in command and not machine.commit:
        unavailable("git is not installed")
    clone = copy_of_this_repository(tmp_path / "icslint")
    env = machine.env | {
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(tmp_path / "pipx-bin"),
        "PIPX_MAN_DIR": str(tmp_path / "pipx-man"),
        "PIPX_SHARED_LIBS": str(machine.pipx_shared_libraries),
        "PIPX_DISABLE_SHARED_LIBS_AUTO_UPGRADE": "1",
    }
    env["PATH"] = os.pathsep.join([env["PIPX_BIN_DIR"], env["PATH"]])
    # "Other ways to install, each in a virtual environment made as above (pipx makes its own)".
    made_as_above = "python3 -m venv .venv && . .venv/bin/activate"
    first = "" if command.startswith(made_as_above) or command.startswith("pipx") else made_as_above
    script = "\n".join(
        [
            "set -eo pipefail",
            first,
            offline(command, machine),
            'icslint=$(command -v icslint); echo "icslint: $icslint"',
            # The interpreter the installed command runs with, and where it finds icslint.
            '"$(head -n 1 "$icslint" | cut -c 3- | cut -d " " -f 1)" -c '
            "'import icslint; print(\"module:\", icslint.__file__)'",
            CHECK,
        ]
    )
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", script],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    # The icslint this command installed from the copy, not the one running these tests.
    installed = re.search(r"^icslint: (.+)$", output, re.M)
    module = re.search(r"^module: (.+)$", output, re.M)
    assert installed and module, output
    assert installed[1].startswith(str(tmp_path)), output
    assert module[1].startswith(str(tmp_path)), output
    summary = done.stdout.rstrip().splitlines()[-1]
    assert re.fullmatch(r"All checks passed: 0 breaches · .* in \d+ files\.", summary), output


# --- Nothing installs icslint from a package index -------------------------------------------

# An install command and its arguments, up to the end of the command (a backtick, a shell
# operator, a closing bracket or a comment).
_INSTALL = re.compile(r"\b(?:pip3?|pipx|uv pip|python3? -m pip)\s+install\b(?P<args>[^`;&|)#\n]*)")
# A requirement that names icslint alone, with or without extras and versions: pip would look
# it up on an index. A direct reference (`icslint[pdf] @ git+https://...`) is not one.
_BY_NAME = re.compile(r"icslint(?:\[[^\]]*\])?\s*(?:[<>=!~].*)?", re.I)
# Addresses of a home the project does not have.
_NO_SUCH_HOME = (
    "github.com/icslint/icslint",
    "raw.githubusercontent.com/icslint",
    "icslint/icslint@",
)


def index_installs(root: Path, names: list[str]) -> list[str]:
    """`file:line: text` for every line that installs icslint by name, pins a version of it
    (only an index has versions to pin), or names the project's non-existent home. A minimum
    version in a rule pack's dependencies is allowed: icslint installed first meets it."""
    found: list[str] = []
    for name in names:
        try:
            text = (root / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue  # binary files
        for number, line in enumerate(text.splitlines(), start=1):
            requirements: list[str] = []
            for match in _INSTALL.finditer(line):
                try:
                    words = shlex.split(match["args"])
                except ValueError:  # an unbalanced quote in prose
                    words = match["args"].split()
                requirements += [w for w in words if not w.startswith("-")]
            if (
                any(_BY_NAME.fullmatch(r.strip("'\"")) for r in requirements)
                or re.search(r"\bicslint\s*==", line)
                or any(home in line for home in _NO_SUCH_HOME)
            ):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


def scanned_files() -> list[str]:
    """Every file a clone has, except the tests (which spell out what they look for)."""
    return [name for name in working_tree_files() if not name.startswith("tests/")]


def test_nothing_installs_icslint_from_a_package_index() -> None:
    names = scanned_files()
    assert {"README.md", "action.yml", ".pre-commit-hooks.yaml", "docs/ci.md"} <= set(names)
    assert "src/icslint/registry.py" in names and "src/icslint/render/pdf.py" in names
    assert index_installs(ROOT, names) == []


def test_the_index_check_finds_each_form(tmp_path: Path) -> None:
    lines = {
        "pip install icslint": True,
        "pip install --upgrade icslint": True,
        '- run: pip install "icslint==0.1.0"': True,
        "PDF (needs `pip install 'icslint[pdf]'`)": True,
        "pipx install icslint": True,
        "Upgrade icslint (pip install --upgrade icslint), or": True,
        'requirement="icslint==$ICSLINT_VERSION"': True,
        "pin icslint==0.1.0 in requirements.txt": True,
        "  - repo: https://github.com/icslint/icslint": True,
        "      - uses: icslint/icslint@v0.1.0": True,
        "pip install .": False,
        "pip install -e '.[test]'": False,
        "pip install '.[pdf]'": False,
        f'pip install "{GIT_URL}"': False,
        'pip install "icslint[pdf] @ git+https://<your repository>@<ref>"': False,
        "pip install dist/icslint-*.whl": False,
        "pip install -e '.[test]'    # with icslint installed in the same environment": False,
        "pip install icslint-wessex-policy": False,
        'dependencies = ["icslint>=0.1"]': False,
    }
    for number, (line, flagged) in enumerate(lines.items()):
        (tmp_path / f"{number}.md").write_text(line + "\n", encoding="utf-8")
        assert bool(index_installs(tmp_path, [f"{number}.md"])) is flagged, line
