"""Rule packs: the public rule API, installed packs (entry points), the testing kit, the sample.

Installed packs are simulated without touching this environment: a temporary folder on sys.path
holds a `NAME-VERSION.dist-info` with an `entry_points.txt`, which importlib.metadata finds like
any installed distribution. One test pip-installs the sample pack into a fresh virtual
environment, offline.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import icslint
from conftest import EXAMPLES, ROOT, check_json, found, run
from icslint import api, catalogue
from icslint.registry import (
    BUILTIN,
    Pack,
    RuleSetError,
    discover,
    discover_folder,
    packs_in,
    rule_set,
)

SAMPLE = EXAMPLES / "rule-pack"
SAMPLE_FIXTURES = SAMPLE / "tests" / "examples"
WESSEX = Pack("icslint-wessex-policy", "0.1.0", "installed")

Install = Callable[..., Path]


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Install]:
    """Make a distribution look installed: `install(name, version, entry_points, files)`
    writes its dist-info and its modules into a folder on sys.path. The packs' modules are
    forgotten afterwards."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    before = set(sys.modules)

    def _install(
        name: str,
        version: str,
        entry_points: dict[str, str],
        files: dict[str, str] | None = None,
    ) -> Path:
        info = site / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
        )
        lines = [f"{key} = {value}" for key, value in entry_points.items()]
        (info / "entry_points.txt").write_text(
            "[icslint.rules]\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
        for relative, text in (files or {}).items():
            path = site / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        importlib.invalidate_caches()
        return site

    yield _install
    for name in set(sys.modules) - before:
        where = getattr(sys.modules[name], "__file__", None) or ""
        if where.startswith((str(tmp_path), str(SAMPLE))):
            del sys.modules[name]


@pytest.fixture
def sample(install: Install, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample pack (examples/rule-pack), as if pip had installed it."""
    monkeypatch.syspath_prepend(str(SAMPLE / "src"))
    return install("icslint-wessex-policy", "0.1.0", {"wessex": "wessex_policy"})


def rule_module(code: str, slug: str, kind: str = "icb-constitution") -> str:
    """A pack module declaring one rule that reports nothing."""
    return f'''
from icslint.api import Citation, Level, NoOptions, Severity, rule


@rule(
    code="{code}",
    slug="{slug}",
    applies_to="{kind}",
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[Citation("Local policy", "paragraph 1", "https://example.org/policy")],
)
def check(doc, options: NoOptions):
    """A rule of a test pack."""
    return ()
'''


# The public rule API


def _helper_modules(tree: ast.Module) -> dict[str, str]:
    """Local names bound to icslint modules by `from icslint[.x] import module`."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("icslint"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full in api.HELPERS:
                    bound[alias.asname or alias.name] = full
    return bound


def _public(module: str, name: str) -> bool:
    """Whether `from module import name` reaches something the API makes public."""
    value = getattr(importlib.import_module(module), name)
    if name in api.__all__ and getattr(api, name) is value:
        return True
    return name in api.HELPERS.get(module, ())


def test_the_builtin_rules_use_nothing_a_pack_cannot() -> None:
    problems = []
    for path in sorted((ROOT / "rules").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = _helper_modules(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                problems += [
                    f"{path.name}:{node.lineno}: import {a.name}"
                    for a in node.names
                    if a.name.startswith("icslint")
                ]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("icslint"):
                assert node.module is not None
                problems += [
                    f"{path.name}:{node.lineno}: from {node.module} import {a.name}"
                    for a in node.names
                    if not _public(node.module, a.name)
                ]
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in helpers
                and node.attr not in api.HELPERS[helpers[node.value.id]]
            ):
                problems.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    assert problems == []


def test_the_api_names_what_it_exports_and_has_a_version() -> None:
    assert isinstance(api.API_VERSION, int) and api.API_VERSION >= api.OLDEST_API_VERSION >= 1
    for name in api.__all__:
        assert hasattr(api, name), name
    for module, names in api.HELPERS.items():
        for name in names:
            assert hasattr(importlib.import_module(module), name), f"{module}.{name}"
    for name in ("rule", "NoOptions", "Contradiction", "Missing", "Unknown", "NotApplicable"):
        assert name in api.__all__
    for name in ("PassedWithNote", "Citation", "Level", "Severity", "Count", "PartialDate"):
        assert name in api.__all__
    assert {"IcbConstitution", "IcpTermsOfReference", "Seat", "Committee", "Member"} <= set(
        api.__all__
    )


# Installed packs


def test_an_installed_pack_s_rules_join_the_rule_set_with_their_pack(sample: Path) -> None:
    specs = {spec.code: spec for spec in rule_set()}
    assert {"WSX001", "WSX002", "WSX003"} <= set(specs)
    assert specs["WSX001"].pack == WESSEX
    assert specs["ICB010"].pack == BUILTIN == Pack("icslint", icslint.__version__, "built-in")
    assert packs_in(specs.values()) == (BUILTIN, WESSEX)
    # discover() is still icslint's own rules only.
    assert not {s.code for s in discover()} & {"WSX001", "WSX002", "WSX003"}


def test_check_applies_an_installed_pack_s_rules(sample: Path) -> None:
    bad = SAMPLE_FIXTURES / "WSX001" / "bad.yaml"
    code, report = check_json("--select", "WSX", "--fail-on", "info", str(bad))
    assert code == 1
    assert found(report) == {(6, "WSX001"), (7, "WSX001")}
    # Without --select, the pack runs with icslint's own rules.
    _, report = check_json(str(bad))
    assert {"ICB010", "WSX001"} <= {d["code"] for d in report["diagnostics"]}  # type: ignore[union-attr]


def test_a_pack_s_codes_work_in_select_ignore_suppressions_and_options(
    sample: Path, write: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bad = str(SAMPLE_FIXTURES / "WSX001" / "bad.yaml")
    code, report = check_json(
        "--select", "WSX001", "--ignore", "wessex-audit-committee-quarterly", bad
    )
    assert (code, report["diagnostics"]) == (0, [])
    doc = write(
        "kind: icb-constitution\nschema_version: 1\ncommittees:\n"
        "  - name: Audit Committee\n    kind: audit\n"
        "    meetings_per_year: 3  # icslint: disable=WSX001 -- the region agreed three\n"
    )
    code, report = check_json("--select", "wsx", "--fail-on", "info", str(doc))
    assert (code, report["diagnostics"]) == (0, [])
    assert [s["code"] for s in report["suppressed"]] == ["WSX001"]  # type: ignore[union-attr]
    icp = write(
        "kind: icp-terms-of-reference\nschema_version: 1\n"
        "membership_review:\n  frequency_months: 18\n",
        "icp.yaml",
    )
    _, report = check_json("--select", "WSX003", "--fail-on", "info", str(icp))
    assert found(report) == {(4, "WSX003")}
    (tmp_path / ".icslint.yaml").write_text("options:\n  WSX003:\n    max_months: 24\n")
    _, report = check_json("--select", "WSX003", "--fail-on", "info", str(icp))
    assert report["diagnostics"] == []


def test_rules_output_names_each_pack_with_its_version(sample: Path) -> None:
    specs = rule_set()
    text = catalogue.as_text(specs)
    wsx = next(line for line in text.splitlines() if line.startswith("WSX002"))
    assert wsx.endswith(
        "[icslint-wessex-policy 0.1.0] The partnership meets at least six times a year."
    )
    icb = next(line for line in text.splitlines() if line.startswith("ICB010"))
    assert "[" not in icb
    data = {entry["code"]: entry for entry in catalogue.as_data(specs)}
    assert data["WSX002"]["pack"] == {
        "name": "icslint-wessex-policy",
        "version": "0.1.0",
        "kind": "installed",
    }
    assert data["ICB010"]["pack"] == {
        "name": "icslint",
        "version": icslint.__version__,
        "kind": "built-in",
    }
    markdown = catalogue.as_markdown(specs)
    assert "From rule pack icslint-wessex-policy 0.1.0." in markdown.split("## WSX002", 1)[1]
    explained = catalogue.explain(next(s for s in specs if s.code == "WSX003"))
    assert "From rule pack icslint-wessex-policy 0.1.0." in explained


def test_icslint_rules_lists_an_installed_pack(sample: Path) -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert "[icslint-wessex-policy 0.1.0]" in out
    assert run("explain", "WSX001")[0] == 0


BROKEN = {
    "broken_pack/__init__.py": "ICSLINT_API = 1\n",
    "broken_pack/rules.py": "import nothing_here\n",
}


def test_a_pack_that_fails_to_import_stops_the_run_naming_the_pack(install: Install) -> None:
    install("icslint-broken", "2.0", {"broken": "broken_pack"}, BROKEN)
    code, out, err = run("check", str(EXAMPLES / "valid"))
    assert code == 2 and out == ""
    assert err.startswith("icslint: error: rule pack icslint-broken 2.0 failed to import")
    assert "ModuleNotFoundError: No module named 'nothing_here'" in err
    assert "broken_pack/rules.py, line 1" in err
    assert "pip uninstall icslint-broken" in err
    assert "Traceback" not in err
    with pytest.raises(RuleSetError, match=r"rule pack icslint-broken 2\.0"):
        rule_set()


@pytest.mark.parametrize(
    ("declared", "message"),
    [
        (
            "2",
            "rule pack icslint-future 1.0 needs version 2 of icslint's rule API, but icslint "
            f"{icslint.__version__} provides version 1. Upgrade icslint",
        ),
        ("'1'", "ICSLINT_API in future_pack must be a whole number"),
        ("0", "was written for version 0 of icslint's rule API, which icslint"),
    ],
)
def test_a_pack_needing_another_api_stops_the_run(
    install: Install, declared: str, message: str
) -> None:
    files = {
        "future_pack/__init__.py": f"ICSLINT_API = {declared}\n",
        "future_pack/rules.py": rule_module("FUT001", "future-rule"),
    }
    install("icslint-future", "1.0", {"future": "future_pack"}, files)
    code, _, err = run("check", str(EXAMPLES / "valid"))
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_a_code_declared_by_two_packs_is_refused_naming_both(
    sample: Path, install: Install
) -> None:
    files = {"other_pack/__init__.py": rule_module("WSX001", "other-rule")}
    install("icslint-other", "3.1", {"other": "other_pack"}, files)
    code, _, err = run("check", str(EXAMPLES / "valid"))
    assert code == 2
    assert "rule code WSX001 is declared by both" in err
    assert "rule pack icslint-other 3.1" in err and "rule pack icslint-wessex-policy 0.1.0" in err
    assert "Traceback" not in err


def test_a_rule_name_already_taken_is_refused_naming_both(install: Install) -> None:
    files = {"copy_pack/__init__.py": rule_module("CPY001", "board-minimum-membership")}
    install("icslint-copy", "1.0", {"copy": "copy_pack"}, files)
    with pytest.raises(RuleSetError) as raised:
        rule_set()
    assert str(raised.value).startswith(
        f"rule name board-minimum-membership is declared by both icslint {icslint.__version__} "
        "(built-in rules) and rule pack icslint-copy 1.0"
    )


@pytest.mark.parametrize("code", ["ICB010", "ICX001", "WS001", "wsx001"])
def test_an_installed_pack_cannot_use_icslint_s_prefixes_or_a_malformed_code(
    install: Install, code: str
) -> None:
    files = {"squat_pack/__init__.py": rule_module(code, "squatting-rule")}
    install("icslint-squat", "1.0", {"squat": "squat_pack"}, files)
    with pytest.raises(RuleSetError, match=f"rule pack icslint-squat 1.0: '{code}' is not a code"):
        rule_set()


def test_an_entry_point_must_name_a_module(install: Install) -> None:
    files = {"attr_pack/__init__.py": "RULES = []\n"}
    install("icslint-attr", "1.0", {"attr": "attr_pack:RULES"}, files)
    with pytest.raises(RuleSetError, match="must name a module or package of rules, not list"):
        rule_set()


def test_local_folder_packs_keep_working_and_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "local-rules"
    folder.mkdir()
    (folder / "notes.py").write_text(rule_module("ICS901", "local-note"))
    (spec,) = discover_folder(folder)
    assert spec.pack == Pack(folder.as_posix(), None, "folder")
    assert spec.code in {s.code for s in rule_set([folder])}
    (folder / "clash.py").write_text(rule_module("ICB010", "local-clash"))
    with pytest.raises(
        RuleSetError, match=r"ICB010 is declared by both icslint .* and local rule pack"
    ):
        rule_set([folder])


# The testing kit and the sample pack


def test_the_kit_passes_the_sample_fixtures_and_reports_wrong_markers(
    sample: Path, tmp_path: Path
) -> None:
    from icslint import testing

    cases = testing.fixtures(SAMPLE_FIXTURES, package="wessex_policy")
    assert [str(c) for c in cases] == [
        f"WSX00{n}/{name}" for n in (1, 2, 3) for name in ("good.yaml", "bad.yaml")
    ]
    for case in cases:
        testing.check_fixture(case)
    copy = tmp_path / "examples"
    shutil.copytree(SAMPLE_FIXTURES, copy)
    bad = copy / "WSX002" / "bad.yaml"
    bad.write_text(bad.read_text().replace("# [WSX002]", "# [WSX002 not stated]"))
    with pytest.raises(AssertionError) as raised:
        testing.check_fixture(testing.Fixture("WSX002", bad))
    assert "marked but not reported: bad.yaml line 5 WSX002 not-stated" in str(raised.value)
    assert (
        "reported but not marked: bad.yaml line 5 WSX002 breach: The partnership commits to 4"
        in str(raised.value)
    )
    (copy / "WSX003" / "good.yaml").unlink()
    with pytest.raises(AssertionError, match=r"WSX003/good\.yaml is missing"):
        testing.check_fixture(testing.Fixture("WSX003", copy / "WSX003" / "good.yaml"))


def test_the_kit_says_when_the_rule_is_not_installed(tmp_path: Path) -> None:
    from icslint import testing

    with pytest.raises(AssertionError, match="Is the pack installed"):
        testing.check_fixture(testing.Fixture("WSX001", SAMPLE_FIXTURES / "WSX001" / "bad.yaml"))


def _pythonpath(*paths: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in paths)}


def test_the_sample_pack_s_own_tests_pass(install: Install, tmp_path: Path) -> None:
    site = install("icslint-wessex-policy", "0.1.0", {"wessex": "wessex_policy"})
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider"],
        cwd=SAMPLE,
        env=_pythonpath(site, SAMPLE / "src"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout


def test_pip_installs_the_sample_pack_and_icslint_applies_it(tmp_path: Path) -> None:
    """Offline: a fresh environment borrows this one's packages (icslint too) through .pth
    files, and pip installs a copy of the sample pack without an index or build isolation."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    (site,) = venv.glob("lib/python*/site-packages")
    ours = Path(sysconfig.get_paths()["purelib"])
    borrowed = {str(ours), sysconfig.get_paths()["platlib"]}
    (site / "borrowed.pth").write_text("\n".join(sorted(borrowed)) + "\n")
    for hook in ours.glob("__editable__*icslint*"):  # an editable icslint's import hook
        shutil.copy2(hook, site / hook.name)
    pack = tmp_path / "rule-pack"
    shutil.copytree(SAMPLE, pack, ignore=shutil.ignore_patterns("*cache*", "*.egg-info", "build"))
    python = str(venv / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    subprocess.run(
        [*pip, "--no-deps", "--no-index", "--no-build-isolation", str(pack)],
        check=True,
        capture_output=True,
    )
    listing = subprocess.run(
        [
            python,
            "-c",
            "from icslint import catalogue, registry as r; "
            "print(catalogue.as_text(r.rule_set()), end='')",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "[icslint-wessex-policy 0.1.0] The audit committee meets" in listing
    check = ["check", "-f", "json", "--select", "WSX", "--fail-on", "info", str(SAMPLE_FIXTURES)]
    checked = subprocess.run(
        [python, "-m", "icslint", *check],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 1, checked.stderr
    codes = {d["code"] for d in json.loads(checked.stdout)["diagnostics"]}
    assert codes == {"WSX001", "WSX002", "WSX003"}
    tests = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "tests"],
        cwd=pack,
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
