"""CI integrations: the pre-commit hooks (run for real, offline), the GitHub Action, docs/ci.md.

The pre-commit test runs `pre-commit` against a temporary Git repository whose configuration
points at a committed copy of this working tree. pre-commit makes a virtual environment for
the hooks and `pip install`s the repository into it; no network is needed because:

- PIP_NO_INDEX=1: pip never looks at an index;
- PIP_NO_BUILD_ISOLATION=0: pip's spelling of `--no-build-isolation` (the value is stored in
  the `build_isolation` setting, so 0 turns isolation off), so the build uses the setuptools
  and wheel it can already import instead of downloading them;
- PYTHONPATH names a folder of links to this test environment's installed packages, except
  icslint itself and pip: pip sees typer, pydantic and the rest as "already satisfied", and
  installs only icslint, built from the copy, into the hook's environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT, check_json

HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
ACTION_FILE = ROOT / "action.yml"
CI_DOCS = ROOT / "docs" / "ci.md"

VALID = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
INVALID = EXAMPLES / "invalid" / "icb-quorum-arithmetic.yaml"


def load_yaml(text: str) -> Any:
    return YAML(typ="safe").load(text)


def hooks() -> dict[str, dict[str, Any]]:
    listed = load_yaml(HOOKS_FILE.read_text(encoding="utf-8"))
    assert isinstance(listed, list)
    return {hook["id"]: hook for hook in listed}


# --- .pre-commit-hooks.yaml ----------------------------------------------------------------


def test_hooks_file_declares_both_hooks() -> None:
    found = hooks()
    assert set(found) == {"icslint", "icslint-system"}
    for hook in found.values():
        assert hook["language"] == "python"
        assert hook["name"]
        assert hook["description"]

    changed = found["icslint"]
    assert changed["entry"] == "icslint check --only-documents"
    assert changed["types"] == ["yaml"]
    assert changed.get("pass_filenames", True) is True

    system = found["icslint-system"]
    assert system["entry"] == "icslint check ."
    assert system["pass_filenames"] is False
    assert system["require_serial"] is True
    assert system["always_run"] is True


def test_hooks_file_is_a_valid_pre_commit_manifest() -> None:
    validate = [sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS_FILE)]
    done = subprocess.run(validate, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# --- pre-commit, for real ------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    code: int
    output: str


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


def _working_tree_files() -> list[str]:
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


def _copy_of_this_repository(target: Path, env: dict[str, str]) -> str:
    """Commit a copy of the working tree (pre-commit installs hooks from a commit)."""
    for name in _working_tree_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    _git("init", "--quiet", cwd=target, env=env)
    _git("add", "--all", cwd=target, env=env)
    _git("commit", "--quiet", "--message", "icslint under test", cwd=target, env=env)
    return _git("rev-parse", "HEAD", cwd=target, env=env).strip()


def _borrowed_packages(target: Path) -> Path:
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


def _clean_environment(home: Path) -> dict[str, str]:
    """This process's environment without settings that would change Git, pip or Python."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PIP_", "VIRTUALENV_", "PRE_COMMIT", "PYTHON"))
        and key not in {"FORCE_COLOR", "CLICOLOR_FORCE"}
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
        # Offline: see the module docstring.
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


@dataclass(frozen=True)
class Sandbox:
    project: Path
    home: Path
    run: Callable[..., Outcome]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: pre-commit needs it")
    base = tmp_path_factory.mktemp("pre-commit")
    env = _clean_environment(base)
    rev = _copy_of_this_repository(base / "icslint", env)
    env["PYTHONPATH"] = str(_borrowed_packages(base / "borrowed"))

    project = base / "project"
    governance = project / "governance"
    governance.mkdir(parents=True)
    shutil.copy(VALID, governance / VALID.name)
    shutil.copy(INVALID, governance / INVALID.name)
    workflows = project / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "ci.yml").write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: 'true'\n",
        encoding="utf-8",
    )
    (project / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {(base / 'icslint').as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: icslint\n"
        "      - id: icslint-system\n",
        encoding="utf-8",
    )
    _git("init", "--quiet", cwd=project, env=env)
    _git("add", "--all", cwd=project, env=env)
    _git("commit", "--quiet", "--message", "documents", cwd=project, env=env)

    def run(*args: str) -> Outcome:
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--color", "never", *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        return Outcome(done.returncode, done.stdout + done.stderr)

    yield Sandbox(project, base, run)


def error_codes(path: Path) -> set[str]:
    """The codes of the errors icslint finds in the file, run here in-process."""
    _, report = check_json(str(path))
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return {d["code"] for d in diagnostics if d["severity"] == "error"}


def test_hook_fails_on_an_invalid_document(sandbox: Sandbox) -> None:
    expected = error_codes(INVALID)
    assert expected, f"{INVALID.name} should have errors"

    outcome = sandbox.run("icslint", "--all-files")

    assert outcome.code == 1, outcome.output
    assert "- hook id: icslint" in outcome.output
    for code in expected:
        assert f"governance/{INVALID.name}:" in outcome.output
        assert f" {code} [" in outcome.output, (code, outcome.output)
    # The valid document is clean, and no YAML the repository keeps for its tools was named.
    assert f"governance/{VALID.name}:" not in outcome.output
    assert "ICL003" not in outcome.output
    assert "ci.yml" not in outcome.output
    assert ".pre-commit-config.yaml:" not in outcome.output


def test_hook_installed_icslint_without_downloading_its_dependencies(sandbox: Sandbox) -> None:
    sandbox.run("icslint", "--files", f"governance/{VALID.name}")
    environments = list((sandbox.home / "pre-commit").glob("repo*/py_env-*"))
    assert len(environments) == 1, environments
    installed = {path.parent.name for path in environments[0].rglob("site-packages/*/__init__.py")}
    # icslint was built from the copy into the hook's environment; its dependencies were
    # already satisfied by the borrowed packages, so pip installed none of them.
    assert "icslint" in installed
    assert not installed & {"pydantic", "typer", "ruamel", "rich", "jinja2"}, installed


def test_hook_passes_a_valid_document(sandbox: Sandbox) -> None:
    outcome = sandbox.run("icslint", "--files", f"governance/{VALID.name}")
    assert outcome.code == 0, outcome.output
    assert re.search(r"^icslint\.+Passed$", outcome.output, re.M), outcome.output


def test_hook_skips_tool_configuration(sandbox: Sandbox) -> None:
    outcome = sandbox.run(
        "icslint", "--files", ".github/workflows/ci.yml", ".pre-commit-config.yaml"
    )
    # pre-commit passes them (they are YAML); icslint skips them, having no `kind:`.
    assert outcome.code == 0, outcome.output
    assert re.search(r"^icslint\.+Passed$", outcome.output, re.M), outcome.output


def test_system_hook_checks_the_whole_repository_once(sandbox: Sandbox) -> None:
    # Only the valid document "changed", but the system hook checks every document, once.
    outcome = sandbox.run("icslint-system", "--verbose", "--files", f"governance/{VALID.name}")

    assert outcome.code == 1, outcome.output
    assert "- hook id: icslint-system" in outcome.output
    summaries = re.findall(r"^\d+ breach.* in (\d+) files?\.$", outcome.output, re.M)
    assert summaries == ["2"], outcome.output  # one run, over both documents
    assert f"governance/{INVALID.name}:" in outcome.output
    assert "ci.yml" not in outcome.output


def test_system_hook_runs_without_changed_files(sandbox: Sandbox) -> None:
    outcome = sandbox.run("icslint-system", "--verbose", "--files")
    assert outcome.code == 1, outcome.output
    assert len(re.findall(r"^\d+ breach.* in 2 files\.$", outcome.output, re.M)) == 1


# --- action.yml ----------------------------------------------------------------------------


def action() -> dict[str, Any]:
    loaded = load_yaml(ACTION_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def step(steps: list[dict[str, Any]], step_id: str) -> dict[str, Any]:
    (found,) = [s for s in steps if s.get("id") == step_id]
    return found


def test_action_inputs() -> None:
    spec = action()
    assert spec["name"] and spec["description"]
    inputs = spec["inputs"]
    assert set(inputs) == {"paths", "version", "python-version", "sarif-file", "fail-on"}
    for name, declared in inputs.items():
        assert declared["description"], name
        assert declared.get("required", False) is False, name
    assert inputs["paths"]["default"] == "."
    assert inputs["version"]["default"] == ""
    assert inputs["python-version"]["default"] == "3.12"
    assert inputs["sarif-file"]["default"] == ""
    assert inputs["fail-on"]["default"] == "error"


def test_action_is_composite_and_installs_icslint() -> None:
    runs = action()["runs"]
    assert runs["using"] == "composite"
    steps = runs["steps"]
    assert steps[0]["uses"] == "actions/setup-python@v5"
    assert steps[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    for s in steps:
        if "run" in s:
            assert s["shell"] == "bash", s.get("name")
            # Inputs reach scripts through the environment, never spliced into the script.
            assert "${{" not in s["run"], s.get("name")

    install = step(steps, "install")
    assert install["env"]["ICSLINT_VERSION"] == "${{ inputs.version }}"
    assert install["env"]["ICSLINT_ACTION_PATH"] == "${{ github.action_path }}"
    assert "pip install" in install["run"]


def test_action_checks_with_github_annotations() -> None:
    check = step(action()["runs"]["steps"], "check")
    assert "if" not in check
    assert "--format github" in check["run"]
    assert '--fail-on "$ICSLINT_FAIL_ON"' in check["run"]
    assert check["env"]["ICSLINT_FAIL_ON"] == "${{ inputs.fail-on }}"
    assert check["env"]["ICSLINT_PATHS"] == "${{ inputs.paths }}"


def test_action_writes_sarif_only_when_asked_and_even_after_findings() -> None:
    spec = action()
    sarif = step(spec["runs"]["steps"], "sarif")
    condition = sarif["if"]
    assert "inputs.sarif-file != ''" in condition
    assert "!cancelled()" in condition  # runs after the check step failed on findings
    assert "--format sarif" in sarif["run"]
    assert '--output "$ICSLINT_SARIF"' in sarif["run"]
    assert sarif["env"]["ICSLINT_SARIF"] == "${{ inputs.sarif-file }}"
    assert spec["outputs"]["sarif-file"]["value"] == "${{ steps.sarif.outputs.file }}"


def test_action_scripts_are_valid_bash() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    for s in action()["runs"]["steps"]:
        if "run" in s:
            subprocess.run([bash, "-n", "-c", s["run"]], check=True, capture_output=True)


# --- docs/ci.md ----------------------------------------------------------------------------

_FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S)


def blocks(lang: str) -> list[str]:
    text = CI_DOCS.read_text(encoding="utf-8")
    return [m["body"] for m in _FENCE.finditer(text) if m["lang"] == lang]


def test_every_yaml_snippet_in_the_docs_parses() -> None:
    snippets = blocks("yaml")
    assert len(snippets) >= 4
    for snippet in snippets:
        load_yaml(snippet)


def test_docs_gitlab_job_writes_code_quality_and_junit_reports() -> None:
    jobs = [
        job
        for snippet in blocks("yaml")
        if isinstance(data := load_yaml(snippet), dict)
        for job in data.values()
        if isinstance(job, dict) and "codequality" in job.get("artifacts", {}).get("reports", {})
    ]
    assert len(jobs) == 1, "docs/ci.md should have one GitLab job with a Code Quality report"
    (job,) = jobs
    script = "\n".join(job["script"])
    reports = job["artifacts"]["reports"]
    assert "--format gitlab" in script
    assert f"--output {reports['codequality']}" in script
    assert reports["codequality"] == "gl-code-quality-report.json"
    assert "--format junit" in script
    assert f"--output {reports['junit']}" in script
    assert job["artifacts"]["when"] == "always"


def test_docs_pre_commit_config_uses_both_hooks(tmp_path: Path) -> None:
    configs = [
        snippet
        for snippet in blocks("yaml")
        if isinstance(data := load_yaml(snippet), dict) and "repos" in data
    ]
    assert len(configs) == 1
    (repo,) = load_yaml(configs[0])["repos"]
    assert {hook["id"] for hook in repo["hooks"]} == set(hooks())
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(configs[0], encoding="utf-8")
    validate = [sys.executable, "-m", "pre_commit", "validate-config", str(config)]
    done = subprocess.run(validate, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_docs_github_workflow_uploads_the_action_sarif() -> None:
    workflows = [
        data
        for snippet in blocks("yaml")
        if isinstance(data := load_yaml(snippet), dict) and "jobs" in data
    ]
    assert len(workflows) == 1
    steps = next(iter(workflows[0]["jobs"].values()))["steps"]
    (ours,) = [s for s in steps if s.get("uses", "").startswith("icslint/icslint@")]
    (upload,) = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    ]
    assert set(ours["with"]) <= set(action()["inputs"])
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"]
    assert "cancelled()" in upload["if"]
    assert workflows[0]["permissions"]["security-events"] == "write"


def test_docs_editor_set_up() -> None:
    text = CI_DOCS.read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=" in text
    for kind in ("icb-constitution", "icp-terms-of-reference"):
        assert f"icslint schema --kind {kind} -o" in text
    (settings,) = blocks("json")
    assert "yaml.schemas" in json.loads(settings)
