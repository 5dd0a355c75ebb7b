"""Configuration: `.icslint.yaml` or `[tool.icslint]` in `pyproject.toml`, found upwards.

Settings are read into a pydantic model with unknown keys refused, so a misspelt key is an error
that names the config file's line and column (yamllint's `validate_rule_conf` habit), never a
setting silently ignored. Rule codes in the settings are checked once the rule set is known
(see `icslint.settings`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from icslint.diagnostics import Loc, Severity
from icslint.schema_errors import format_loc
from icslint.source import SourceDocument, YamlSyntaxError, parse_yaml

YAML_CONFIG = ".icslint.yaml"
PYPROJECT = "pyproject.toml"


class ConfigError(Exception):
    """A configuration file that cannot be used; the message starts `path:line:col:`."""


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _a_date(value: object) -> dt.date:
    """A date written YYYY-MM-DD (or a TOML date); never a number, which a lax reading would
    take for seconds since 1970."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError(
        "date",
        'give a date written YYYY-MM-DD, for example 2027-04-01, not "{given}"',
        {"given": str(value)},
    )


CommencementDate = Annotated[dt.date, BeforeValidator(_a_date)]

# Files larger than this are refused before they are read: a constitution is well under 1 MB,
# and reading YAML takes time and memory in proportion to its size.
DEFAULT_MAX_FILE_SIZE = 5_000_000

_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.I)


def _a_size(value: object) -> int:
    """A size in bytes: a number of bytes, or a number with a unit ("5 MB", "512KiB")."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        match = _SIZE.match(value)
        if match and match[2].lower() in _UNITS:
            size = int(float(match[1]) * _UNITS[match[2].lower()])
            if size > 0:
                return size
    raise PydanticCustomError(
        "size",
        'give a size such as "5 MB", "500 KB" or a number of bytes, not "{given}"',
        {"given": str(value)},
    )


FileSize = Annotated[int, BeforeValidator(_a_size)]


def format_size(size: int) -> str:
    """A size in bytes as people read it: 5 MB, 1.5 GB, 512 KB, 999 bytes."""
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= factor:
            shown = f"{size / factor:.2f}".rstrip("0").rstrip(".")
            return f"{shown} {unit}"
    return f"{size:,} bytes"


class Waiver(_Settings):
    """A finding accepted on the record: who approved it, why, and until when."""

    code: str
    """The rule code waived, for example ICB052."""
    file: str
    """The document, as a path or glob relative to the configuration file."""
    path: str
    """The YAML path of the finding, for example board.seats[2] (findings below it count)."""
    reason: str = Field(min_length=1)
    approved_by: str = Field(alias="approved-by", min_length=1)
    expires: dt.date


class Settings(_Settings):
    """Every setting icslint reads from configuration, with its default."""

    select: tuple[str, ...] | None = None
    """Only these rules (codes, prefixes or names); all rules when not given."""
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = Field((), alias="extend-select")
    per_file_ignores: dict[str, tuple[str, ...]] = Field({}, alias="per-file-ignores")
    severity: dict[str, Severity] = {}
    fail_on: Severity | None = Field(None, alias="fail-on")
    fail_on_not_stated: bool | None = Field(None, alias="fail-on-not-stated")
    """Also fail when the document does not state something a rule looks for."""
    options: dict[str, dict[str, Any]] = {}
    """Per-rule options, by code or rule name."""
    packs: tuple[str, ...] = ()
    """Folders of extra rules, relative to the configuration file."""
    waivers: tuple[Waiver, ...] = ()
    pending: bool | None = None
    """Also report, as pending, what will need to change when measures not yet in force
    commence."""
    law: dict[str, CommencementDate] = {}
    """Commencement dates for measures whose date icslint does not know yet, by measure or
    bill, for example {"health-bill-2026": 2027-04-01}."""
    max_file_size: FileSize | None = Field(None, alias="max-file-size")
    """Refuse, before reading it, a file larger than this ("5 MB", "500 KB" or bytes); default
    5 MB."""


SETTING_NAMES = tuple((info.alias or name) for name, info in Settings.model_fields.items())


@dataclass(frozen=True)
class Config:
    """Settings, the file they came from, and where in it each one was set."""

    settings: Settings = field(default_factory=Settings)
    path: Path | None = None
    locator: Locator | None = None
    explicit: bool = False
    """Whether the file was named with --config (rather than found)."""

    @property
    def root(self) -> Path:
        """The folder that relative paths in the settings are relative to."""
        return self.path.parent if self.path else Path.cwd()

    def where(self, loc: Loc, value: object = None) -> str:
        """`path:line:col` of a setting (or a value in it) in the configuration file."""
        if self.path is None or self.locator is None:
            return "icslint"
        line, column = self.locator.position(loc, value)
        return f"{self.path.as_posix()}:{line}:{column}"

    def line_of(self, loc: Loc) -> int:
        return self.locator.position(loc)[0] if self.locator else 1

    def error(self, loc: Loc, message: str, value: object = None) -> ConfigError:
        return ConfigError(f"{self.where(loc, value)}: {message}")


def discover(start: Path) -> Path | None:
    """The nearest configuration file in `start` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / YAML_CONFIG
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_icslint_table(pyproject):
            return pyproject
    return None


def _has_icslint_table(path: Path) -> bool:
    """Whether a pyproject.toml has icslint settings, in any TOML spelling ([tool.icslint],
    `tool.icslint.ignore = ...`, `icslint = {...}` under [tool]). One that is not valid TOML
    but mentions icslint counts, so that its error is reported rather than skipped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return "icslint" in text
    return isinstance(tool, dict) and "icslint" in tool


def load(explicit: Path | None, start: Path) -> Config:
    """The configuration in force: `explicit` if given, else the nearest one, else defaults."""
    path = explicit if explicit is not None else discover(start)
    if path is None:
        return Config()
    if explicit is None:
        # Shown as the user would type it: relative to the folder icslint runs in.
        path = Path(os.path.relpath(path, start))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ConfigError(f"{path.as_posix()}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path.as_posix()}:1:1: the file is not UTF-8 text") from None
    if path.suffix == ".toml":
        data, locator = _read_toml(path, text)
    else:
        data, locator = _read_yaml(path, text)
    config = Config(path=path, locator=locator, explicit=explicit is not None)
    if not isinstance(data, dict):
        raise config.error((), "the configuration must be a mapping of settings")
    try:
        settings = Settings.model_validate(data)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        loc = tuple(detail["loc"])
        raise config.error(loc, _explain(detail, loc)) from None
    return Config(settings=settings, path=path, locator=locator, explicit=explicit is not None)


def _explain(detail: Any, loc: Loc) -> str:
    key = loc[-1] if loc else ""
    if detail["type"] == "extra_forbidden":
        allowed = SETTING_NAMES if len(loc) == 1 else _WAIVER_KEYS
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown setting {key!r}{hint} (settings: {', '.join(allowed)})"
    if detail["type"] == "missing":
        return f"{format_loc(loc[:-1])} needs {key!r}"
    return f"{format_loc(loc)}: {detail['msg']}"


_WAIVER_KEYS = tuple((info.alias or name) for name, info in Waiver.model_fields.items())


def _read_yaml(path: Path, text: str) -> tuple[object, Locator]:
    try:
        source = parse_yaml(text)
    except YamlSyntaxError as error:
        raise ConfigError(
            f"{path.as_posix()}:{error.line}:{error.column}: {error.message}"
        ) from None
    return ({} if source.data is None else source.data), YamlLocator(source)


def _read_toml(path: Path, text: str) -> tuple[object, Locator]:
    try:
        whole = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        position = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        lines = text.splitlines() or [""]
        if position:
            line, column = position.group(1), position.group(2)
        else:  # "(at end of document)"
            line, column = str(len(lines)), str(len(lines[-1]) + 1)
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(error))
        raise ConfigError(f"{path.as_posix()}:{line}:{column}: {message}") from None
    tool = whole.get("tool")
    table = tool.get("icslint") if isinstance(tool, dict) else None
    if table is not None:
        return table, TomlLocator(text, ("tool", "icslint"))
    if path.name == PYPROJECT:
        raise ConfigError(
            f"{path.as_posix()}:1:1: there is no [tool.icslint] table in this file, so it "
            "holds no icslint settings"
        )
    # Any other TOML file named with --config holds the settings at its top level.
    return whole, TomlLocator(text, ())


class Locator(Protocol):
    """Finds the 1-based line and column of a setting in the configuration text."""

    def position(self, loc: Loc, value: object = None) -> tuple[int, int]: ...


class YamlLocator:
    def __init__(self, source: SourceDocument) -> None:
        self.source = source

    def position(self, loc: Loc, value: object = None) -> tuple[int, int]:
        return self.source.position(loc)


class TomlLocator:
    """Positions in TOML text, which the standard library's parser does not report.

    Every `key = value` line is indexed under its full dotted path, counting `[[array]]`
    tables; a value inside a one-line array or inline table is found by its text.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(
        r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
    )
    _INLINE_KEY = re.compile(r"""[{,]\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")

    def __init__(self, text: str, base: tuple[str, ...]) -> None:
        self.lines = text.splitlines()
        self.base = base
        self.index: dict[tuple[str | int, ...], tuple[int, int]] = {}
        table: tuple[str | int, ...] = ()
        counts: dict[tuple[str, ...], int] = {}
        for number, line in enumerate(self.lines, start=1):
            header = self._HEADER.match(line)
            if header:
                parts = _split_dotted(header.group(2))
                if header.group(1) == "[[":
                    counts[parts] = counts.get(parts, -1) + 1
                    table = (*parts, counts[parts])
                else:
                    table = parts
                self.index.setdefault(table, (number, 1))
                continue
            key = self._KEY.match(line)
            if key:
                path = (*table, *_split_dotted(key.group(1)))
                self.index.setdefault(path, (number, key.start(1) + 1))
                for inner in self._INLINE_KEY.finditer(line, key.end()):
                    self.index.setdefault(
                        (*path, _unquote(inner.group(1))), (number, inner.start(1) + 1)
                    )

    def position(self, loc: Loc, value: object = None) -> tuple[int, int]:
        full = (*self.base, *loc)
        for end in range(len(full), len(self.base) - 1, -1):
            found = self.index.get(full[:end])
            if found is None:
                continue
            if isinstance(value, str) and end < len(full):
                return self._value_in(found, value) or found
            return found
        return (1, 1)

    def _value_in(self, start: tuple[int, int], value: str) -> tuple[int, int] | None:
        """The quoted `value` on the setting's line or the lines of its array that follow."""
        for number in range(start[0], min(start[0] + 200, len(self.lines)) + 1):
            line = self.lines[number - 1]
            for quote in ('"', "'"):
                column = line.find(f"{quote}{value}{quote}")
                if column >= 0:
                    return (number, column + 1)
            if number > start[0] and (self._KEY.match(line) or self._HEADER.match(line)):
                break
        return None


def _split_dotted(text: str) -> tuple[str, ...]:
    parts = re.findall(r""""[^"]*"|'[^']*'|[^.\s]+""", text)
    return tuple(_unquote(part) for part in parts)


def _unquote(text: str) -> str:
    return text[1:-1] if text[:1] in "\"'" and text[-1:] == text[:1] else text
