"""CI integrations: the pre-commit hooks and the GitHub Action's scripts (run for real,
offline), docs/ci.md.

The pre-commit test runs `pre-commit` against a temporary Git repository whose configuration
points at a committed copy of this working tree. pre-commit makes a virtual environment for
the hooks and `pip install`s the repository into it, as it does for any user; the action's
install step installs icslint from a copy standing for its own checkout. Neither needs a
network: see tests/offline.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT, check_json, run
from offline import borrowed_packages, committed_copy_of_this_repository, git, offline_environment

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
    env = offline_environment(base)
    rev = committed_copy_of_this_repository(base / "icslint", env)
    env["PYTHONPATH"] = str(borrowed_packages(base / "borrowed"))

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
    git("init", "--quiet", cwd=project, env=env)
    git("add", "--all", cwd=project, env=env)
    git("commit", "--quiet", "--message", "documents", cwd=project, env=env)

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
    # No `version`: icslint is on no package index, so the ref in `uses:` chooses the icslint.
    assert set(inputs) == {"paths", "python-version", "sarif-file", "fail-on"}
    for name, declared in inputs.items():
        assert declared["description"], name
        assert declared.get("required", False) is False, name
    assert inputs["paths"]["default"] == "."
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
    assert install["env"]["ICSLINT_ACTION_PATH"] == "${{ github.action_path }}"
    (pip,) = [line for line in install["run"].splitlines() if "pip install" in line]
    assert pip.strip().endswith(
        'install --disable-pip-version-check --quiet "$ICSLINT_ACTION_PATH"'
    )


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


@dataclass(frozen=True)
class Runner:
    workspace: Path
    run: Callable[..., Outcome]


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """Run one of the action's steps as a GitHub runner does: its script in bash with the
    runner's options, each variable in the step's `env:` set to the value its expression (for
    example `${{ inputs.paths }}`) has in `values`, and the runner's own variables in `runner`.
    The working folder is the caller's workspace: a governance/ folder with two documents."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    base = tmp_path_factory.mktemp("action")
    env = offline_environment(base)
    env["PYTHONPATH"] = str(borrowed_packages(base / "borrowed"))
    env["RUNNER_OS"] = "Linux"
    env["RUNNER_TEMP"] = str(base / "runner-temp")
    (base / "runner-temp").mkdir()
    workspace = base / "workspace"
    governance = workspace / "governance"
    governance.mkdir(parents=True)
    shutil.copy(VALID, governance / VALID.name)
    shutil.copy(INVALID, governance / INVALID.name)

    def run(step_id: str, values: dict[str, str], runner: dict[str, str]) -> Outcome:
        found = step(action()["runs"]["steps"], step_id)
        step_env = env | runner
        for name, expression in found.get("env", {}).items():
            step_env[name] = values[expression]
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", found["run"]],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return Outcome(done.returncode, done.stdout + done.stderr)

    return Runner(workspace, run)


def outputs(path: Path) -> dict[str, str]:
    """The step outputs a script wrote to $GITHUB_OUTPUT (name=value lines)."""
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())


def test_action_installs_icslint_from_its_own_checkout_and_checks(
    runner: Runner, tmp_path: Path
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    # The action's checkout, as the runner fetches it for `uses: <owner>/icslint@<ref>`.
    checkout = tmp_path / "action"
    committed_copy_of_this_repository(checkout, offline_environment(tmp_path))
    install_output = tmp_path / "install-output"
    installed = runner.run(
        "install",
        {
            "${{ steps.python.outputs.python-path }}": sys.executable,
            "${{ github.action_path }}": str(checkout),
        },
        {"GITHUB_OUTPUT": str(install_output)},
    )
    assert installed.code == 0, installed.output
    assert installed.output == "icslint 0.1.0\n"  # `icslint --version`, and pip quiet
    icslint = Path(outputs(install_output)["icslint"])
    assert icslint.parent.parent.name == "icslint-venv", icslint
    module = subprocess.run(
        [str(icslint.parent / "python"), "-c", "import icslint; print(icslint.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert module.startswith(str(icslint.parent.parent))  # built from the checkout, not borrowed

    summary = tmp_path / "summary.md"
    checked = runner.run(
        "check",
        {
            "${{ steps.install.outputs.icslint }}": str(icslint),
            "${{ inputs.paths }}": "governance",
            "${{ inputs.fail-on }}": "error",
        },
        {"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert checked.code == 1, checked.output
    for code in error_codes(INVALID):
        assert re.search(
            rf"^::error file=governance/{re.escape(INVALID.name)},line=\d+,col=\d+,title={code} ",
            checked.output,
            re.M,
        ), (code, checked.output)
    assert f"governance/{VALID.name}" not in checked.output
    assert summary.read_text(encoding="utf-8").startswith("## icslint\n")

    sarif_output = tmp_path / "sarif-output"
    sarif = runner.run(
        "sarif",
        {
            "${{ steps.install.outputs.icslint }}": str(icslint),
            "${{ inputs.paths }}": "governance",
            "${{ inputs.sarif-file }}": "icslint.sarif",
        },
        {"GITHUB_OUTPUT": str(sarif_output)},
    )
    assert sarif.code == 0, sarif.output  # the findings fail the check step, not this one
    assert outputs(sarif_output) == {"file": "icslint.sarif"}
    written = json.loads((runner.workspace / "icslint.sarif").read_text(encoding="utf-8"))
    assert written["version"] == "2.1.0"
    assert {r["ruleId"] for r in written["runs"][0]["results"]} >= error_codes(INVALID)


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


def pre_commit_configs() -> list[dict[str, Any]]:
    return [
        data
        for snippet in blocks("yaml")
        if isinstance(data := load_yaml(snippet), dict) and "repos" in data
    ]


def test_docs_pre_commit_configs_are_valid(tmp_path: Path) -> None:
    configs = [
        s for s in blocks("yaml") if isinstance(data := load_yaml(s), dict) and "repos" in data
    ]
    assert len(configs) == 2
    for number, snippet in enumerate(configs):
        config = tmp_path / f"config-{number}.yaml"
        config.write_text(snippet, encoding="utf-8")
        validate = [sys.executable, "-m", "pre_commit", "validate-config", str(config)]
        done = subprocess.run(validate, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_docs_pre_commit_config_uses_both_hooks_from_the_user_s_copy() -> None:
    remote, _ = pre_commit_configs()
    (repo,) = remote["repos"]
    # No public home: the user names their own copy and a ref in it.
    assert repo["repo"] == "https://github.com/<owner>/icslint"
    assert repo["rev"] == "<ref>"
    assert {hook["id"] for hook in repo["hooks"]} == set(hooks())


def test_docs_local_hook_runs_the_installed_icslint_as_the_hook_does() -> None:
    _, local = pre_commit_configs()
    (repo,) = local["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    ours = hooks()["icslint"]
    assert hook["language"] == "system"  # the icslint already installed, nothing to clone
    assert {k: hook[k] for k in ("id", "entry", "types")} == {
        k: ours[k] for k in ("id", "entry", "types")
    }


def test_docs_github_workflow_uploads_the_action_sarif() -> None:
    workflows = [
        data
        for snippet in blocks("yaml")
        if isinstance(data := load_yaml(snippet), dict) and "jobs" in data
    ]
    assert len(workflows) == 1
    steps = next(iter(workflows[0]["jobs"].values()))["steps"]
    (ours,) = [s for s in steps if s.get("uses", "").startswith("<owner>/icslint@<ref>")]
    (upload,) = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")
    ]
    assert set(ours["with"]) <= set(action()["inputs"])
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"]
    assert "cancelled()" in upload["if"]
    assert workflows[0]["permissions"]["security-events"] == "write"


def test_docs_install_icslint_from_the_user_s_copy_without_the_action() -> None:
    installs = [
        line.strip().removeprefix("- ").removeprefix("run: ")
        for snippet in blocks("yaml")
        for line in snippet.splitlines()
        if "pip install" in line
    ]
    assert installs == ['pip install "git+https://<your repository>@<ref>"'] * 2


def test_docs_editor_set_up_matches_what_init_writes(tmp_path: Path) -> None:
    draft = tmp_path / "governance" / "constitution.yaml"
    draft.parent.mkdir()
    code, _, err = run("init", "--kind", "icb-constitution", "-o", str(draft), "--no-input")
    assert code == 0, err
    modeline = draft.read_text(encoding="utf-8").splitlines()[0]
    (shown,) = [s for s in blocks("yaml") if "yaml-language-server" in s]
    assert shown.splitlines() == [modeline, "kind: icb-constitution", "schema_version: 1"]

    (commands,) = [s for s in blocks("sh") if "icslint schema" in s]
    written = re.findall(r"^icslint schema (?:--kind (\S+) )?-o (\S+)", commands, re.M)
    assert written == [
        ("icb-constitution", "governance/icb-constitution.schema.json"),
        ("icp-terms-of-reference", "governance/icp-terms-of-reference.schema.json"),
        ("", "governance/icslint.schema.json"),
    ]
    # The names init gives the schemas, in the folder the documents are in.
    assert (draft.parent / Path(written[0][1]).name).is_file()
    (settings,) = blocks("json")
    mapped = json.loads(settings)["yaml.schemas"]
    assert list(mapped) == [f"./{path}" for kind, path in written if kind]
