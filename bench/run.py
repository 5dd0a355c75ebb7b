#!/usr/bin/env python3
"""Time `icslint check` against yamllint and check-jsonschema on the same inputs (issue 14).

One command, from the root of a checkout whose environment has `pip install -e '.[bench]'`:

    python bench/run.py            # the full bench, a few minutes
    python bench/run.py --quick    # small settings, for a first look
    python bench/run.py --json     # the same figures as JSON on stdout

Every figure is a whole process, started from this script and timed by the wall clock; each
case runs all its tools in turn, round after round (the first tool changes each round), so
that a busy machine slows them alike; the median of the rounds is reported, and icslint's
ratio to yamllint from the same rounds. Peak memory is the peak resident set of the process,
from `wait4()` (where GNU time gets it). The inputs are made in a temporary folder: copies of
one ICB constitution, and the same constitution with its board seats and committees repeated.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import importlib.metadata
import importlib.util
import io
import itertools
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO / "examples" / "valid" / "severnmoor-icb-constitution.yaml"
KIND = "icb-constitution"
MIB = 1024 * 1024
KB = 1024

ICSLINT = "icslint"
YAMLLINT = "yamllint"
CHECK_JSONSCHEMA = "check-jsonschema"
LINTERS = (ICSLINT, YAMLLINT, CHECK_JSONSCHEMA)
ICSLINT_WARM = "icslint (warm cache)"
FLOOR_IMPORTS = "python -c 'import typer, pydantic, ruamel.yaml, rich'"
FLOOR_PYTHON = "python -c pass"
# Exit codes that mean "checked": 0 nothing found, 1 something found. Anything else is an error.
CHECKED = frozenset({0, 1})
LINEAR_TOLERANCE = 1.5  # largest step's cost per KB over the first step's, still called linear


@dataclass
class Run:
    wall_ms: float
    cpu_ms: float
    peak_rss: int
    code: int


@dataclass
class Sample:
    """Every timed run of one command in one case."""

    command: list[str]
    runs: list[Run] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.runs)

    def median_ms(self) -> float:
        return statistics.median(r.wall_ms for r in self.runs)

    def cpu_ms(self) -> float:
        return statistics.median(r.cpu_ms for r in self.runs)

    def peak_rss_mib(self) -> float:
        return statistics.median(r.peak_rss for r in self.runs) / MIB

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"command": self.command, "error": self.error}
        if self.ok:
            out |= {
                "median_ms": round(self.median_ms(), 2),
                "min_ms": round(min(r.wall_ms for r in self.runs), 2),
                "max_ms": round(max(r.wall_ms for r in self.runs), 2),
                "cpu_median_ms": round(self.cpu_ms(), 2),
                "peak_rss_mib": round(self.peak_rss_mib(), 2),
                "wall_ms": [round(r.wall_ms, 2) for r in self.runs],
                "exit_codes": sorted({r.code for r in self.runs}),
            }
        return out


@dataclass
class Case:
    key: str
    label: str
    files: int
    kb: float
    samples: dict[str, Sample]

    def ratio(self, name: str = ICSLINT, to: str = YAMLLINT) -> float | None:
        a, b = self.samples.get(name), self.samples.get(to)
        if a is None or b is None or not a.ok or not b.ok:
            return None
        return a.median_ms() / b.median_ms()

    def as_json(self) -> dict[str, Any]:
        return {
            "case": self.key,
            "label": self.label,
            "files": self.files,
            "kb_per_file": round(self.kb, 2),
            "icslint_over_yamllint": _round(self.ratio()),
            "tools": {name: s.as_json() for name, s in self.samples.items()},
        }


@dataclass
class Target:
    name: str
    limit: float
    unit: str  # "x" (ratio to yamllint) or "MiB"
    value: float | None
    note: str = ""

    @property
    def result(self) -> str:
        if self.value is None:
            return "n/a"
        return "pass" if self.value <= self.limit else "fail"


@dataclass
class Tools:
    paths: dict[str, str]
    versions: dict[str, str]
    no_cache: bool
    notes: list[str]


# --- running processes --------------------------------------------------------------------


def measure(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[Run, str]:
    """Run one process to its end; its wall time, CPU time, peak RSS, exit code and stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss: kilobytes on Linux, bytes on macOS. wait4 reports the child with the children
    # it waited for, so the peak is that of the largest single process.
    rss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * KB
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall * 1000, cpu * 1000, rss, code), stderr


def run_case(
    key: str,
    label: str,
    commands: dict[str, list[str]],
    *,
    files: int,
    kb: float,
    runs: int,
    warmup: int,
    inputs: Inputs,
    ok_codes: dict[str, frozenset[int]],
) -> Case:
    """Run each command `warmup` times untimed, then `runs` rounds of all commands in turn."""
    samples = {name: Sample(command) for name, command in commands.items()}
    names = list(commands)
    _progress(f"{label}: {len(names)} commands x ({warmup} warm-up + {runs} runs)")
    for round_no in range(warmup + runs):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            sample = samples[name]
            if sample.error is not None:
                continue
            run, stderr = measure(sample.command, inputs.cwd, inputs.env)
            crashed = "Traceback (most recent call last)" in stderr
            if run.code not in ok_codes.get(name, CHECKED) or crashed:
                tail = " | ".join(stderr.strip().splitlines()[-3:])
                sample.error = f"exit {run.code}: {tail}" if tail else f"exit {run.code}"
                _progress(f"  {name} failed: {sample.error}")
            elif round_no >= warmup:
                sample.runs.append(run)
    return Case(key, label, files, kb, samples)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the tools ----------------------------------------------------------------------------


def find_tools() -> Tools:
    """The three linters, from this interpreter's environment first, then PATH."""
    bin_dir = str(Path(sys.executable).parent)
    paths: dict[str, str] = {}
    missing = []
    for name in LINTERS:
        found = shutil.which(name, path=bin_dir) or shutil.which(name)
        if found is None:
            missing.append(name)
        else:
            paths[name] = found
    if missing:
        sys.exit(
            f"bench: not found: {', '.join(missing)}. From the repository root run\n"
            "    pip install -e '.[bench]'\nin the environment that runs this script."
        )
    versions = {
        ICSLINT: _version([paths[ICSLINT], "--version"]),
        YAMLLINT: _version([paths[YAMLLINT], "--version"]),
        CHECK_JSONSCHEMA: _version([paths[CHECK_JSONSCHEMA], "--version"]),
        "python": platform.python_version(),
    }
    # Rich wraps long option names in help tables; a wide terminal keeps --no-cache whole.
    help_text = subprocess.run(
        [paths[ICSLINT], "check", "--help"],
        capture_output=True,
        text=True,
        env=os.environ | {"COLUMNS": "300", "NO_COLOR": "1"},
        check=False,
    ).stdout
    notes = _install_notes(paths[ICSLINT])
    return Tools(paths, versions, "--no-cache" in help_text, notes)


def _version(command: list[str]) -> str:
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return "? (--version failed)"
    text = (proc.stdout or proc.stderr).strip().splitlines()
    return re.sub(r"^[\w-]+,?\s+(version\s+)?", "", text[0]) if text else "?"


def _install_notes(script: str) -> list[str]:
    """Warn when icslint's console script is not the one pyproject.toml now declares."""
    notes: list[str] = []
    if importlib.util.find_spec("icslint") is None:
        notes.append(f"icslint is not importable from {sys.executable}: profiles skipped")
    try:
        declared = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"][
            "scripts"
        ]["icslint"]
        text = Path(script).read_text("utf-8", "replace")
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return notes
    module, _, func = declared.partition(":")
    if f"from {module} import {func}" not in text:
        notes.append(
            f"the installed `icslint` script does not run {declared} as pyproject.toml "
            "declares: run `pip install -e .` again to measure the current entry point"
        )
    return notes


def git_revision() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}+dirty" if dirty else head


def c_parser() -> str:
    """The C parser ruamel.yaml can load (`ruamel.yaml.cyaml`), if any."""
    try:
        cyaml = importlib.import_module("ruamel.yaml.cyaml")
    except ImportError:
        return "none (pure-Python ruamel.yaml only)"
    return {"clib": "ruamel.yaml.clib", "clibz": "ruamel.yaml.clibz"}.get(
        str(getattr(cyaml, "__yaml_lib", "")), "yes"
    )


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# --- inputs -------------------------------------------------------------------------------


def grow(text: str, factor: int) -> str:
    """The constitution with `factor` times as many board seats and committees.

    The text is edited, not re-dumped, so the layout stays the author's: factor 1 gives the
    text back unchanged. Copies take a new id, title or name; copied seats are the ordinary
    seats without a deputy chair's or senior member's designation, and copied committees are
    of kind `other` with a clinical member, so the larger document is as valid as the original
    (only the guidance note on a board of more than 16 voting members is added).
    """
    if factor == 1:
        return text
    lines = text.splitlines(keepends=True)
    lines = _grow_list(lines, "seats", factor, _seat_copyable, {})
    lines = _grow_list(
        lines, "committees", factor, lambda _: True, {"kind": "other", "clinical_member": "true"}
    )
    return "".join(lines)


def _seat_copyable(item: str) -> bool:
    return bool(re.search(r"^\s*(- )?role: ordinary\s*$", item, re.M)) and not re.search(
        r"is_deputy_chair|is_senior_non_executive", item
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _grow_list(
    lines: list[str],
    key: str,
    factor: int,
    copyable: Any,
    replace: dict[str, str],
) -> list[str]:
    start = next((i for i, ln in enumerate(lines) if re.match(rf"^\s*{key}:\s*$", ln)), None)
    if start is None:
        raise SystemExit(f"bench: the input has no `{key}:` list to grow")
    first = next(i for i in range(start + 1, len(lines)) if _is_content(lines[i]))
    item_indent = _indent(lines[first])
    if not lines[first].lstrip().startswith("- "):
        raise SystemExit(f"bench: `{key}:` is not a block list")
    end = first
    for i in range(first, len(lines)):
        line = lines[i]
        if not _is_content(line):
            continue
        if _indent(line) < item_indent or (
            _indent(line) == item_indent and not line.lstrip().startswith("- ")
        ):
            break
        end = i + 1
    starts = [
        i
        for i in range(first, end)
        if _indent(lines[i]) == item_indent and lines[i].lstrip().startswith("- ")
    ]
    items = [lines[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]
    spaced = any(not ln.strip() for item in items[:-1] for ln in item[-1:])
    chosen = [item for item in items if copyable("".join(item))]
    extra: list[str] = []
    for n in range((factor - 1) * len(items)):
        item = chosen[n % len(chosen)]
        body = [ln for ln in item if ln.strip()]
        if spaced:
            extra.append("\n")
        extra.extend(_rename(ln, item_indent + 2, n + 1, replace) for ln in body)
    return lines[:end] + extra + lines[end:]


def _rename(line: str, key_column: int, n: int, replace: dict[str, str]) -> str:
    match = re.match(r"^(\s*(?:- )?)(\w+):( +)(.*?)\s*$", line)
    if match is None or len(match.group(1)) != key_column:
        return line
    head = f"{match.group(1)}{match.group(2)}:{match.group(3)}"
    name, value = match.group(2), match.group(4)
    if name in replace:
        value = replace[name]
    elif name == "id":
        value = f"{value}_x{n}"
    elif name in ("title", "name"):
        quote = value[0] if value[:1] in ("'", '"') else ""
        inner = value[1:-1] if quote else value
        value = f"{quote}{inner} (copy {n}){quote}"
    else:
        return line
    return f"{head}{value}\n"


@dataclass
class Inputs:
    one: Path
    copies: list[Path]
    sizes: dict[int, Path]
    schema: Path | None
    cwd: Path
    env: dict[str, str]


def child_env(root: Path, as_is: bool) -> dict[str, str]:
    """The environment of every measured process.

    A wheel install compiles every module to bytecode, as pip did for yamllint and
    check-jsonschema; an editable install of icslint under PYTHONDONTWRITEBYTECODE=1 would
    compile icslint's own modules on every run instead. So by default bytecode is written, to
    a folder of the temporary one (PYTHONPYCACHEPREFIX, nothing written in the checkout), and
    the warm-up runs fill it. `as_is` keeps the environment as it is.
    """
    env = dict(os.environ)
    if not as_is:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    return env


def make_inputs(
    root: Path,
    source: Path,
    count: int,
    factors: Sequence[int],
    icslint: str,
    env: dict[str, str],
) -> Inputs:
    text = source.read_text("utf-8")
    one_dir = root / "one"
    many_dir = root / "many"
    size_dir = root / "sizes"
    cwd = root / "work"
    for folder in (one_dir, many_dir, size_dir, cwd):
        folder.mkdir()
    one = one_dir / source.name
    one.write_text(text, "utf-8")
    copies = []
    for i in range(count):
        path = many_dir / f"constitution-{i + 1:04d}.yaml"
        path.write_text(text, "utf-8")
        copies.append(path)
    sizes = {}
    for factor in factors:
        path = size_dir / f"constitution-{factor}x.yaml"
        path.write_text(grow(text, factor), "utf-8")
        sizes[factor] = path
    schema_file = root / "schema.json"
    proc = subprocess.run(
        [icslint, "schema", "--kind", KIND, "-o", str(schema_file)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    schema: Path | None = schema_file
    if proc.returncode != 0 or not schema_file.is_file():
        _progress(f"icslint schema failed ({proc.stderr.strip()}): check-jsonschema skipped")
        schema = None
    return Inputs(one, copies, sizes, schema, cwd, env)


# --- the cases ----------------------------------------------------------------------------


def linter_commands(
    tools: Tools, inputs: Inputs, files: Sequence[Path], *, cache: bool = False
) -> dict[str, list[str]]:
    args = [str(f) for f in files]
    check = [tools.paths[ICSLINT], "check"]
    if tools.no_cache and not cache:
        check.append("--no-cache")
    commands = {
        ICSLINT: [*check, *args],
        YAMLLINT: [tools.paths[YAMLLINT], "-d", "relaxed", *args],
    }
    if inputs.schema is not None:
        commands[CHECK_JSONSCHEMA] = [
            tools.paths[CHECK_JSONSCHEMA],
            "--schemafile",
            str(inputs.schema),
            *args,
        ]
    return commands


def run_all(args: argparse.Namespace, tools: Tools, inputs: Inputs) -> tuple[list[Case], list[str]]:
    """Every case; and what icslint left in its working folder (its cache, if it keeps one)."""
    cases: list[Case] = []
    kb = inputs.one.stat().st_size / KB
    one = linter_commands(tools, inputs, [inputs.one])
    if tools.no_cache:
        one[ICSLINT_WARM] = linter_commands(tools, inputs, [inputs.one], cache=True)[ICSLINT]
    one[FLOOR_IMPORTS] = [sys.executable, "-c", "import typer, pydantic, ruamel.yaml, rich"]
    one[FLOOR_PYTHON] = [sys.executable, "-c", "pass"]
    before = set(os.listdir(inputs.cwd))
    codes = {FLOOR_IMPORTS: frozenset({0}), FLOOR_PYTHON: frozenset({0})}
    cases.append(
        run_case(
            "one_file",
            "one file",
            one,
            files=1,
            kb=kb,
            runs=args.runs,
            warmup=args.warmup,
            inputs=inputs,
            ok_codes=codes,
        )
    )
    written = sorted(set(os.listdir(inputs.cwd)) - before)
    for count in args.files:
        cases.append(
            run_case(
                f"files_{count}",
                f"{count} files in one call",
                linter_commands(tools, inputs, inputs.copies[:count]),
                files=count,
                kb=kb,
                runs=args.runs_many,
                warmup=0,
                inputs=inputs,
                ok_codes={},
            )
        )
    for factor, path in inputs.sizes.items():
        cases.append(
            run_case(
                f"size_{factor}x",
                f"one file, {factor}x seats and committees",
                linter_commands(tools, inputs, [path]),
                files=1,
                kb=path.stat().st_size / KB,
                runs=args.runs,
                warmup=0,
                inputs=inputs,
                ok_codes={},
            )
        )
    return cases, written


def targets(cases: list[Case], tools: Tools) -> list[Target]:
    by_key = {c.key: c for c in cases}
    one = by_key["one_file"]
    warm: float | None = None
    note = "" if tools.no_cache else "no cache yet"
    if tools.no_cache:
        warm = one.ratio(ICSLINT_WARM)
    hundred = by_key.get("files_100")
    icslint_one = one.samples[ICSLINT]
    return [
        Target(
            "one file, cache off" if tools.no_cache else "one file (no --no-cache yet)",
            1.1,
            "x",
            one.ratio(),
        ),
        Target("one file, warm cache", 0.5, "x", warm, note),
        Target(
            "100 files, cache off",
            0.5,
            "x",
            hundred.ratio() if hundred else None,
            "" if hundred else "100 not in --files",
        ),
        Target(
            "peak memory, one file",
            60,
            "MiB",
            icslint_one.peak_rss_mib() if icslint_one.ok else None,
        ),
    ]


def growth(cases: list[Case]) -> dict[str, dict[str, Any]]:
    """Cost per KB for each size, and the marginal cost per KB from one size to the next."""
    sized = [c for c in cases if c.key.startswith("size_")]
    out: dict[str, dict[str, Any]] = {}
    for name in LINTERS:
        points = [(c.kb, c.samples[name].median_ms()) for c in sized if _ok(c, name)]
        if len(points) != len(sized) or not points:
            continue
        slopes = [(t2 - t1) / (k2 - k1) for (k1, t1), (k2, t2) in itertools.pairwise(points)]
        entry: dict[str, Any] = {
            "ms_per_kb": [round(t / k, 3) for k, t in points],
            "marginal_ms_per_kb": [round(s, 3) for s in slopes],
        }
        if len(slopes) >= 2 and slopes[0] > 0:
            entry["growth"] = round(slopes[-1] / slopes[0], 2)
            entry["linear"] = slopes[-1] / slopes[0] <= LINEAR_TOLERANCE
        out[name] = entry
    return out


def _ok(case: Case, name: str) -> bool:
    sample = case.samples.get(name)
    return sample is not None and sample.ok


# --- where icslint's time goes --------------------------------------------------------------


def import_times(env: dict[str, str], runs: int = 3, top: int = 15) -> list[dict[str, Any]]:
    """`python -X importtime -c "import icslint.cli"`: the modules slowest to import."""
    per_module: dict[str, list[tuple[int, int]]] = {}
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import icslint.cli"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        for line in proc.stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
            if match:
                self_us, cumulative_us, name = match.group(1, 2, 4)
                per_module.setdefault(name, []).append((int(self_us), int(cumulative_us)))
    rows: list[dict[str, Any]] = [
        {
            "module": name,
            "cumulative_ms": round(statistics.median(c for _, c in values) / 1000, 1),
            "self_ms": round(statistics.median(s for s, _ in values) / 1000, 1),
        }
        for name, values in per_module.items()
    ]
    rows.sort(key=lambda r: -r["cumulative_ms"])
    return rows[:top]


def profile(tools: Tools, inputs: Inputs, top: int = 20) -> dict[str, Any] | None:
    """An in-process check of one file, each part in a fresh interpreter: timings, a cProfile."""
    result: dict[str, Any] = {}
    for mode in ("time", "profile"):
        out = inputs.cwd.parent / f"{mode}.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--profile-child", mode]
        command += [str(inputs.one), str(out), "yes" if tools.no_cache else "no", str(top)]
        proc = subprocess.run(
            command, cwd=inputs.cwd, env=inputs.env, capture_output=True, text=True, check=False
        )
        if proc.returncode != 0 or not out.is_file():
            _progress(f"profile ({mode}) failed: {proc.stderr.strip()[-500:]}")
            return None
        result |= json.loads(out.read_text("utf-8"))
    return result


def profile_child(mode: str, file: str, out: str, no_cache: str, top: int) -> None:
    """In a fresh interpreter: import icslint.cli, then check one file as `icslint check` does.

    Mode `time`: the import, a first check (with whatever it imports lazily) and a second one,
    by the clock. Mode `profile`: the first check under cProfile.
    """
    argv = ["icslint", "check", *(["--no-cache"] if no_cache == "yes" else []), file]
    start = time.perf_counter()
    importlib.import_module("icslint.cli")
    entry = _entry_point()
    imported = time.perf_counter()
    if mode == "time":
        _call(entry, argv)
        first = time.perf_counter()
        _call(entry, argv)
        second = time.perf_counter()
        timings = {
            "import_icslint_cli_ms": round((imported - start) * 1000, 1),
            "first_check_ms": round((first - imported) * 1000, 1),
            "second_check_ms": round((second - first) * 1000, 1),
        }
        Path(out).write_text(json.dumps(timings), "utf-8")
        return
    profiler = cProfile.Profile()
    profiler.enable()
    _call(entry, argv)
    profiler.disable()
    table: dict[tuple[str, int, str], tuple[int, int, float, float, Any]]
    table = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = max((ct for _, _, _, ct, _ in table.values()), default=0.0)
    # The command-line layers (typer, this script) only pass the call on: leave them out.
    inner = [kv for kv in table.items() if not _wrapper(kv[0][0])]
    rows = sorted(inner, key=lambda kv: -kv[1][3])[:top]
    own = sorted(table.items(), key=lambda kv: -kv[1][2])[: top // 2]
    by_package: dict[str, float] = {}
    for (path, _, name), (_, _, tt, _, _) in table.items():
        package = _package(path, name)
        by_package[package] = by_package.get(package, 0.0) + tt
    result = {
        "profiled_check_ms": round(total * 1000, 1),
        "top_cumulative": [
            {
                "function": _label(path, line, name),
                "calls": nc,
                "cumulative_ms": round(ct * 1000, 1),
                "self_ms": round(tt * 1000, 1),
            }
            for (path, line, name), (_, nc, tt, ct, _) in rows
        ],
        "top_self": [
            {
                "function": _label(path, line, name),
                "calls": nc,
                "cumulative_ms": round(ct * 1000, 1),
                "self_ms": round(tt * 1000, 1),
            }
            for (path, line, name), (_, nc, tt, ct, _) in own
        ],
        "self_by_package_ms": {
            k: round(v * 1000, 1) for k, v in sorted(by_package.items(), key=lambda kv: -kv[1])
        },
    }
    Path(out).write_text(json.dumps(result), "utf-8")


def _wrapper(path: str) -> bool:
    parts = Path(path).parts
    return path == str(Path(__file__).resolve()) or any(
        parts[i - 1] == "site-packages" and parts[i] in ("typer", "click")
        for i in range(1, len(parts))
    )


def _entry_point() -> Any:
    found = importlib.metadata.entry_points(group="console_scripts", name=ICSLINT)
    for entry in found:
        return entry.load()
    return importlib.import_module("icslint.cli").main


def _call(entry: Any, argv: list[str]) -> None:
    sys.argv = argv
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        contextlib.suppress(SystemExit),
    ):
        entry()


def _package(path: str, name: str) -> str:
    if path == "~":
        match = re.search(r"of '([\w.]+)'|built-in method ([\w.]+)", name)
        module = (match.group(1) or match.group(2)) if match else "builtins"
        return f"{module.split('.')[0]} (C)"
    if path.startswith("<frozen"):
        return "import system"
    parts = Path(path).parts
    if "site-packages" in parts:
        rest = parts[parts.index("site-packages") + 1 :]
        top = rest[0].removesuffix(".py")
        return f"{top}.{rest[1]}" if top == "ruamel" and len(rest) > 2 else top
    with contextlib.suppress(ValueError):
        relative = Path(path).relative_to(REPO)
        return "icslint rules" if relative.parts[0] == "rules" else "icslint"
    return "stdlib" if path.startswith(sys.base_prefix) else "other"


def _label(path: str, line: int, name: str) -> str:
    if path == "~":
        return name
    parts = Path(path).parts
    if "site-packages" in parts:
        path = "/".join(parts[parts.index("site-packages") + 1 :])
    else:
        with contextlib.suppress(ValueError):
            path = str(Path(path).relative_to(REPO))
        if path.startswith(sys.base_prefix):
            path = Path(path).name
    return f"{path}:{line}({name})"


# --- output -------------------------------------------------------------------------------


def _round(value: float | None, places: int = 3) -> float | None:
    return None if value is None else round(value, places)


def _ms(sample: Sample | None) -> str:
    if sample is None:
        return "-"
    if not sample.ok:
        return "error"
    value = sample.median_ms()
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


def _mib(sample: Sample | None) -> str:
    if sample is None:
        return "-"
    return f"{sample.peak_rss_mib():.1f} MiB" if sample.ok else "error"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _table(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report(meta: dict[str, Any], cases: list[Case], goals: list[Target], grown: Any) -> str:
    out = [
        f"icslint bench  ({meta['revision']})",
        "  " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()),
        f"  {meta['cpus']} CPUs, load {meta['load']}, C YAML parser: {meta['c_parser']}, "
        f"icslint --no-cache: {'yes' if meta['no_cache'] else 'no'}; warm runs left "
        f"{', '.join(meta['cache_files']) or 'nothing'} in the working folder",
        f"  input {meta['input']} ({meta['kb']:.1f} KB); median of {meta['runs']} runs "
        f"(one file, sizes) and {meta['runs_many']} (many files); whole process, wall clock; "
        f"bytecode {meta['bytecode']}",
    ]
    out += [f"  note: {note}" for note in meta["notes"]]
    rows = [["case", ICSLINT, YAMLLINT, CHECK_JSONSCHEMA, "icslint/yamllint"]]
    for case in cases:
        if case.key.startswith("size_"):
            continue
        rows.append(
            [
                f"{case.label}" + (", cache off" if meta["no_cache"] else ""),
                _ms(case.samples.get(ICSLINT)),
                _ms(case.samples.get(YAMLLINT)),
                _ms(case.samples.get(CHECK_JSONSCHEMA)),
                _ratio(case.ratio()),
            ]
        )
        if case.key == "one_file":
            warm = case.samples.get(ICSLINT_WARM)
            rows.append(
                [
                    "one file, warm cache",
                    _ms(warm) if warm else "no cache yet",
                    "",
                    "",
                    _ratio(case.ratio(ICSLINT_WARM)),
                ]
            )
            rss = [_mib(case.samples.get(name)) for name in LINTERS]
            rss_ratio = None
            a, b = case.samples[ICSLINT], case.samples[YAMLLINT]
            if a.ok and b.ok:
                rss_ratio = a.peak_rss_mib() / b.peak_rss_mib()
            rows.append(["peak memory, one file", *rss, _ratio(rss_ratio)])
    out += ["", _table(rows, {1, 2, 3, 4}), "", "for scale, in the same one-file rounds:"]
    one = next(c for c in cases if c.key == "one_file")
    for name in (FLOOR_IMPORTS, FLOOR_PYTHON):
        out.append(f"  {name}: {_ms(one.samples[name])} ({_ratio(one.ratio(name))} of yamllint)")

    rows = [
        [
            "size",
            "KB",
            "icslint",
            "ms/KB",
            "yamllint",
            "ms/KB",
            "check-jsonschema",
            "ms/KB",
            "ratio",
        ]
    ]
    for case in cases:
        if not case.key.startswith("size_"):
            continue
        row = [case.key.removeprefix("size_"), f"{case.kb:.0f}"]
        for name in LINTERS:
            sample = case.samples.get(name)
            row.append(_ms(sample))
            row.append(f"{sample.median_ms() / case.kb:.2f}" if sample and sample.ok else "-")
        rows.append([*row, _ratio(case.ratio())])
    if len(rows) > 1:
        out += ["", "documents of growing size (seats and committees repeated):"]
        out.append(_table(rows, set(range(1, 9))))
        for name, entry in grown.items():
            if not entry["marginal_ms_per_kb"]:
                continue
            marginal = ", ".join(f"{s:.2f}" for s in entry["marginal_ms_per_kb"])
            line = f"  {name}: added cost {marginal} ms per added KB, size step by size step"
            if "growth" in entry:
                verdict = "linear" if entry["linear"] else "grows faster than linear"
                line += f" (last/first {entry['growth']:.2f}: {verdict})"
            out.append(line)

    rows = [["target (issue 14)", "measured", "limit", "result"]]
    for goal in goals:
        value = (
            "-"
            if goal.value is None
            else f"{goal.value:.2f}{goal.unit if goal.unit == 'x' else ' MiB'}"
        )
        limit = f"<= {goal.limit:g}{goal.unit if goal.unit == 'x' else ' MiB'}"
        result = goal.result.upper() + (f" ({goal.note})" if goal.note else "")
        rows.append([goal.name, value, limit, result])
    out += ["", _table(rows, {1, 2})]
    errors = [
        f"  {case.label}, {name}: {sample.error}"
        for case in cases
        for name, sample in case.samples.items()
        if sample.error is not None
    ]
    if errors:
        out += ["", "errors (these runs were stopped, their figures left out):", *errors]
    return "\n".join(out)


def profile_report(imports: list[dict[str, Any]], prof: dict[str, Any] | None) -> str:
    out = ["", "where icslint's time goes (informational)", ""]
    if imports:
        out.append('python -X importtime -c "import icslint.cli", median of 3, top by cumulative:')
        rows = [["cumulative", "self", "module"]]
        rows += [
            [f"{r['cumulative_ms']:.1f} ms", f"{r['self_ms']:.1f} ms", r["module"]] for r in imports
        ]
        out.append(_table(rows, {0, 1}))
    if prof is not None:
        out += [
            "",
            "in one process: import icslint.cli {import_icslint_cli_ms} ms, first check "
            "{first_check_ms} ms (with lazy imports), second check {second_check_ms} ms".format(
                **prof
            ),
            f"cProfile of a first check after the import ({prof['profiled_check_ms']} ms under "
            "the profiler, which slows pure Python most), top by cumulative time below typer:",
            _function_table(prof["top_cumulative"]),
            "",
            "top by self time:",
            _function_table(prof["top_self"]),
            "",
        ]
        shares = list(prof["self_by_package_ms"].items())[:10]
        out.append("self time by package: " + ", ".join(f"{k} {v:.1f} ms" for k, v in shares))
    return "\n".join(out)


def _function_table(functions: list[dict[str, Any]]) -> str:
    rows = [["cumulative", "self", "calls", "function"]]
    rows += [
        [f"{r['cumulative_ms']:.1f} ms", f"{r['self_ms']:.1f} ms", str(r["calls"]), r["function"]]
        for r in functions
    ]
    return _table(rows, {0, 1, 2})


# --- main ---------------------------------------------------------------------------------


def _counts(text: str) -> list[int]:
    values = [int(v) for v in text.split(",") if v.strip()]
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("a comma-separated list of positive whole numbers")
    return values


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python bench/run.py",
        description="Time icslint check against yamllint and check-jsonschema (issue 14).",
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs of one-file cases (7)")
    parser.add_argument(
        "--runs-many", type=int, default=3, help="timed runs of many-file cases (3)"
    )
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs before one file (1)")
    parser.add_argument("--files", type=_counts, default=[100, 500], help="file counts (100,500)")
    parser.add_argument("--sizes", type=_counts, default=[1, 4, 16], help="size factors (1,4,16)")
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="an ICB constitution")
    parser.add_argument(
        "--quick", action="store_true", help="defaults runs 3, runs-many 1, files 20, sizes 1,4"
    )
    parser.add_argument("--no-profile", action="store_true", help="skip importtime and cProfile")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument(
        "--env-as-is",
        action="store_true",
        help="leave PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX as they are (by default "
        "bytecode is cached in the temporary folder, as a wheel install has it)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--profile-child", nargs=5, help=argparse.SUPPRESS)
    if "--quick" in argv:
        parser.set_defaults(runs=3, runs_many=1, files=[20], sizes=[1, 4])
    args = parser.parse_args(argv)
    if args.runs < 1 or args.runs_many < 1 or args.warmup < 0:
        parser.error("--runs and --runs-many must be at least 1, --warmup at least 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.profile_child:
        mode, file, out, no_cache, top = args.profile_child
        profile_child(mode, file, out, no_cache, int(top))
        return 0
    source: Path = args.input.resolve()
    if not source.is_file():
        sys.exit(f"bench: no such file: {source}")
    tools = find_tools()
    for note in tools.notes:
        _progress(f"note: {note}")
    root = Path(tempfile.mkdtemp(prefix="icslint-bench-"))
    try:
        env = child_env(root, args.env_as_is)
        inputs = make_inputs(root, source, max(args.files), args.sizes, tools.paths[ICSLINT], env)
        meta: dict[str, Any] = {
            "revision": f"icslint {tools.versions[ICSLINT]} at {git_revision()}",
            "versions": tools.versions,
            "cpus": os.cpu_count(),
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            "c_parser": c_parser(),
            "no_cache": tools.no_cache,
            "input": str(source.relative_to(REPO) if source.is_relative_to(REPO) else source),
            "kb": source.stat().st_size / KB,
            "runs": args.runs,
            "runs_many": args.runs_many,
            "notes": tools.notes,
            "bytecode": "as the environment has it"
            if args.env_as_is
            else "cached in the temporary folder",
        }
        cases, meta["cache_files"] = run_all(args, tools, inputs)
        goals = targets(cases, tools)
        grown = growth(cases)
        imports: list[dict[str, Any]] = []
        prof = None
        if not args.no_profile and _has_module("icslint"):
            _progress("profiling: importtime and cProfile")
            imports = import_times(env)
            prof = profile(tools, inputs)
        if args.keep:
            _progress(f"inputs kept in {root}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        document = {
            "meta": meta,
            "cases": [c.as_json() for c in cases],
            "targets": [
                {"name": g.name, "value": _round(g.value), "limit": g.limit, "unit": g.unit}
                | {"result": g.result, "note": g.note}
                for g in goals
            ],
            "growth": grown,
            "import_time": imports,
            "profile": prof,
        }
        print(json.dumps(document, indent=2))
    else:
        print(report(meta, cases, goals, grown))
        if imports or prof:
            print(profile_report(imports, prof))
    return 1 if args.check and any(g.result != "pass" for g in goals) else 0


if __name__ == "__main__":
    sys.exit(main())
