"""The `icslint` command, with a results cache for `icslint check`, as ruff has one.

A check of the same files, with the same configuration, options, rule set and icslint, on the
same day, gives the same report: so the report, its messages and its exit code are kept in
`.icslint_cache/` and given again without reading the documents. The key covers everything
the report depends on: the command line and working folder, the content of every file
checked and of every configuration file that could apply, icslint's own files and the
installed packages (rule packs among them), the date (the law in force and waivers' expiry
depend on it) and the environment variables the report reads. Anything else runs the full
check: a terminal (whose report has colours and excerpts), `--output`, `--show-config`,
local rule packs, `--no-cache`, or a run that ends in an error.

This module uses the standard library only, so that a cached check starts as fast as Python
does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from icslint import __version__
from icslint.files import PathError, find_files

CACHE_DIR = ".icslint_cache"
_ENTRIES = "v1"
# Options of `check` that take a value, and flags; anything else makes the run uncached.
_VALUED = {"--format", "-f", "--select", "--ignore", "--fail-on", "--config", "--as-at"}
_FLAGS = {
    "--fail-on-not-stated",
    "--no-fail-on-not-stated",
    "--only-documents",
    "--pending",
    "--no-pending",
    "--quiet",
    "-q",
    "--statistics",
}
_NO_CACHE = "--no-cache"
# Environment variables a report reads (CI formats, the GitHub step summary, colour).
_ENVIRONMENT = ("CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "TERM")
_CONFIG_FILES = (".icslint.yaml", "pyproject.toml")
# Larger files, and anything but a regular file, are left to the full check to report.
_LARGEST = 5 * 1024 * 1024


class _Uncacheable(Exception):
    """A check whose report is not kept: the full check runs."""


def main() -> None:
    """Console-script entry point: a cached check if one applies, else the full command."""
    args = sys.argv[1:]
    paths = _cacheable(args)
    if paths is None:
        _full(args)
        return
    try:
        key = cache_key(args, paths)
    except (OSError, _Uncacheable):
        _full(args)
        return
    entry = Path.cwd() / CACHE_DIR / _ENTRIES / f"{key}.json"
    if _replay(entry):
        return
    code, out, err = _captured(args)
    sys.stdout.write(out)
    sys.stderr.write(err)
    if code in (0, 1):
        _store(entry, code, out, err)
    raise SystemExit(code)


def _full(args: Sequence[str]) -> None:
    from icslint.cli import app

    app(list(args), prog_name="icslint")


def _cacheable(args: Sequence[str]) -> list[Path] | None:
    """The paths a `check` names, if its report may be cached; None if it may not."""
    if not args or args[0] != "check" or sys.stdout.isatty() or _NO_CACHE in args:
        return None
    if "GITHUB_STEP_SUMMARY" in os.environ:
        return None  # the report also writes the job summary, which a replay would not
    paths: list[Path] = []
    rest = iter(args[1:])
    for arg in rest:
        name = arg.split("=", 1)[0]
        if name in _VALUED:
            if "=" not in arg and next(rest, None) is None:
                return None
        elif arg in _FLAGS:
            continue
        elif arg.startswith("-"):
            return None
        else:
            paths.append(Path(arg))
    return paths or [Path(".")]


def cache_key(args: Sequence[str], paths: Sequence[Path]) -> str:
    """The key of a check's report. Raises OSError if a file cannot be read, and _Uncacheable
    for a check the key cannot cover (the full check then runs)."""
    digest = hashlib.sha256()
    for part in _key_parts(args, paths):
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return digest.hexdigest()


def _key_parts(args: Sequence[str], paths: Sequence[Path]) -> Iterator[str]:
    yield __version__
    yield json.dumps(list(args))
    yield os.getcwd()
    yield dt.date.today().isoformat()
    yield from (f"{name}={os.environ.get(name, '')}" for name in _ENVIRONMENT)
    yield from _own_files()
    yield from _installed()
    for folder in (Path.cwd(), *Path.cwd().parents):
        for name in _CONFIG_FILES:
            yield from _content(folder / name)
    if "--config" in args:
        yield from _content(Path(args[args.index("--config") + 1]))
    yield from (f"--config={a.split('=', 1)[1]}" for a in args if a.startswith("--config="))
    try:
        found = find_files(paths, "--only-documents" in args)
    except PathError:
        raise _Uncacheable from None
    for path in found:
        yield path.as_posix()
        yield _digest(path)


def _digest(path: Path) -> str:
    """The hash of a regular file of a size icslint reads whole."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode) or status.st_size > _LARGEST:
        raise _Uncacheable
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _content(path: Path) -> Iterator[str]:
    """A configuration file's name and content, if it exists. Local rule packs named in
    configuration are code the key does not cover."""
    if path.is_file():
        text = path.read_bytes()
        if b"packs" in text:
            raise _Uncacheable
        yield path.as_posix()
        yield hashlib.sha256(text).hexdigest()


def _own_files() -> Iterator[str]:
    """icslint's own code, rules and data, by name, size and time (an editable install changes
    them without changing the version)."""
    here = Path(__file__).resolve().parent
    for root in (here, here.parent / "rules", here.parent.parent / "rules"):
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if (
                    path.suffix in (".py", ".yaml", ".j2", ".css")
                    and "__pycache__" not in path.parts
                ):
                    stat = path.stat()
                    yield f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def _installed() -> Iterator[str]:
    """The packages installed where Python looks for them, by name and version: a rule pack
    installed, upgraded or removed changes the rule set."""
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.is_dir() and folder.name in ("site-packages", "dist-packages"):
            yield from sorted(p.name for p in folder.iterdir() if p.suffix == ".dist-info")


def _replay(entry: Path) -> bool:
    """Give a stored report again; False if there is none (or it cannot be read)."""
    try:
        stored = json.loads(entry.read_text(encoding="utf-8"))
        code, out, err = int(stored["exit"]), str(stored["stdout"]), str(stored["stderr"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    sys.stdout.write(out)
    sys.stderr.write(err)
    sys.stdout.flush()
    raise SystemExit(code)


def _captured(args: Sequence[str]) -> tuple[int, str, str]:
    """Run the full check, keeping what it writes: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code: int = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            _full(args)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
    return code, out.getvalue(), err.getvalue()


def _store(entry: Path, code: int, out: str, err: str) -> None:
    """Keep a report; a cache that cannot be written is no reason to fail the check."""
    try:
        folder = entry.parent
        folder.mkdir(parents=True, exist_ok=True)
        tag = folder.parent / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This folder holds icslint's results cache; it may be deleted at any time.\n",
                encoding="utf-8",
            )
            (folder.parent / ".gitignore").write_text("*\n", encoding="utf-8")
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(
            json.dumps({"exit": code, "stdout": out, "stderr": err}), encoding="utf-8"
        )
        os.replace(temporary, entry)
    except OSError:
        pass
