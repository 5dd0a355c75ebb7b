"""Installing icslint in tests without a network: copies of this repository, an environment
that keeps pip off the index, and this test environment's packages lent to new ones.

pip installs icslint offline when:

- PIP_NO_INDEX=1: pip never looks at an index;
- PIP_NO_BUILD_ISOLATION=0: pip's spelling of `--no-build-isolation` (the value is stored in
  the `build_isolation` setting, so 0 turns isolation off), so the build uses the setuptools
  and wheel it can already import instead of downloading them;
- PYTHONPATH names a folder of links to this test environment's installed packages, except
  icslint itself and pip (`borrowed_packages`): pip sees typer, pydantic and the rest as
  "already satisfied", and installs only icslint, built from the copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

from conftest import ROOT


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


def working_tree_files() -> list[str]:
    """This repository's files as a commit would hold them, uncommitted changes included."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if listed.returncode == 0:
        return [name for name in listed.stdout.split("\0") if name and (ROOT / name).is_file()]
    # Not a Git checkout (an unpacked source archive): everything but caches and builds.
    skip = {".git", ".venv", "build", "dist", "__pycache__"}
    return [
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*")
        if path.is_file()
        and not any(p in skip or p.endswith((".egg-info", "_cache")) for p in path.parts)
    ]


def copy_of_this_repository(target: Path) -> Path:
    """A copy of the working tree as a fresh clone would have it: no virtual environment,
    build output or caches."""
    for name in working_tree_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target


def committed_copy_of_this_repository(target: Path, env: dict[str, str]) -> str:
    """Commit a copy of the working tree in a new Git repository; return the commit."""
    copy_of_this_repository(target)
    git("init", "--quiet", cwd=target, env=env)
    git("add", "--all", cwd=target, env=env)
    git("commit", "--quiet", "--message", "icslint under test", cwd=target, env=env)
    return git("rev-parse", "HEAD", cwd=target, env=env).strip()


def borrowed_packages(target: Path) -> Path:
    """Links to this environment's installed packages, except icslint and pip."""
    target.mkdir()
    paths = sysconfig.get_paths()
    for folder in dict.fromkeys([paths["purelib"], paths["platlib"]]):
        for entry in sorted(Path(folder).iterdir()):
            name = entry.name.lower()
            if (
                name.startswith(("icslint", "__editable__", "pip-", "pip.", "__pycache__"))
                or name == "pip"
                or name.endswith(".pth")
                or (target / entry.name).exists()
            ):
                continue
            (target / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    return target


def offline_environment(home: Path) -> dict[str, str]:
    """This process's environment without settings that would change Git, pip or Python, and
    with pip kept off the index (see the module docstring)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PIP_", "PIPX_", "VIRTUALENV_", "PRE_COMMIT", "PYTHON"))
        and key not in {"FORCE_COLOR", "CLICOLOR_FORCE", "VIRTUAL_ENV"}
    }
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="icslint tests",
        GIT_AUTHOR_EMAIL="tests@icslint.invalid",
        GIT_COMMITTER_NAME="icslint tests",
        GIT_COMMITTER_EMAIL="tests@icslint.invalid",
        NO_COLOR="1",
        TERM="dumb",
        PIP_NO_INDEX="1",
        PIP_NO_BUILD_ISOLATION="0",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_CACHE_DIR=str(home / "pip-cache"),
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        # virtualenv seeds pip from the wheels it carries; it must not look for newer ones.
        VIRTUALENV_NO_PERIODIC_UPDATE="1",
        VIRTUALENV_OVERRIDE_APP_DATA=str(home / "virtualenv"),
    )
    return env
