"""Fuzzing: whatever a file holds, icslint reports it and carries on.

Hypothesis builds documents from the document models (valid ones, and ones mutated: keys
dropped, values of the wrong type, unknown keys, odd Unicode, deep nesting), edits the example
documents' text, strings YAML syntax together and makes up raw bytes. Each is checked the way
`icslint check` checks a file (configuration plan, rules, whole-system rules, every report
format), and must give no exception, no ICL999 (a rule that crashed), and a line and column for
every finding that is a real place in the file.

The budget is fixed: each test runs a set number of examples (FUZZ_EXAMPLES times the scale
in ICSLINT_FUZZ_SCALE, 1 by default), each example has a deadline and an alarm, and in CI
(`CI` set) the examples are derandomized, so every run tries the same ones. Locally they vary
from run to run, and failures are kept in .pytest_cache/hypothesis to be tried first next time.
Run more with, for example, ICSLINT_FUZZ_SCALE=20 python -m pytest tests/test_fuzz.py.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import re
import tempfile
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase
from pydantic import BaseModel
from ruamel.yaml import YAML

from icslint import config
from icslint import settings as icslint_settings
from icslint.engine import Result, lint_paths
from icslint.files import encoding_of
from icslint.loader import decode
from icslint.models import MODELS
from icslint.models.values import Count, PartialDate
from icslint.reporters import REPORTERS, reporter
from icslint.source import MAX_DEPTH, parse_yaml
from icslint.vocabulary import KNOWN_NAMES
from test_bad_input import within

pytestmark = pytest.mark.fuzz

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "valid").glob("*.yaml"))
IN_CI = bool(os.environ.get("CI"))
SCALE = int(os.environ.get("ICSLINT_FUZZ_SCALE", "1"))

# Each example is checked in well under a second here; the deadline and the alarm only catch a
# check whose time runs away, so they are generous for a shared two-core machine.
DEADLINE = dt.timedelta(seconds=5)
ALARM = 20.0


def budget(examples: int) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=DEADLINE,
        derandomize=IN_CI,
        database=None
        if IN_CI
        else DirectoryBasedExampleDatabase(ROOT / ".pytest_cache" / "hypothesis"),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


PLAN = icslint_settings.plan(config.Config(), icslint_settings.CommandLine(), dt.date.today())
FOLDER = tempfile.TemporaryDirectory(prefix="icslint-fuzz-")
PATH = Path(FOLDER.name) / "document.yaml"


# What every example must satisfy.


def check(raw: bytes) -> Result:
    """Check `raw` as a file, as `icslint check` does, and render every report format."""
    PATH.write_bytes(raw)
    with within(ALARM):
        result = lint_paths([PATH], PLAN.rules, PLAN)
        for name in REPORTERS:
            reporter(name)(result, io.StringIO())
    return result


def assert_sound(raw: bytes) -> None:
    result = check(raw)
    lines = _lines(raw)
    for diagnostic in result.diagnostics:
        assert diagnostic.code != "ICL999", diagnostic.message
        places = [(diagnostic.line, diagnostic.column)]
        places += [(r.line, r.column) for r in diagnostic.related if r.path == diagnostic.path]
        for line, column in places:
            assert any(_within(split, line, column) for split in lines), (
                f"{diagnostic.code} at {line}:{column} is not in the file: {diagnostic.message}"
            )


def _lines(raw: bytes) -> list[list[str]]:
    """The file's lines, as YAML 1.2 ends them (CR LF, CR, LF) and as YAML 1.1 does (also NEL,
    LS and PS): a finding's line and column must be a place in one or the other."""
    text = decode(raw, "-")
    if not isinstance(text, str):  # a file that is not text: its lines as an editor shows them
        codec, bom, _ = encoding_of(raw)
        try:
            text = raw[bom:].decode(codec)
        except UnicodeDecodeError:
            text = raw[bom:].decode(codec if bom else "utf-8", "replace")
    return [re.split(r"\r\n|\r|\n", text), re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text)]


def _within(lines: list[str], line: int, column: int) -> bool:
    """Whether (line, column) is in the text: a character, or just past a line's end."""
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


# Documents built from the models.

SAMPLE_TEXT: list[str] = []
for _example in EXAMPLES:

    def _strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield str(value)  # plain text, not ruamel's kinds of string
        elif isinstance(value, dict):
            for key, item in value.items():
                yield str(key)
                yield from _strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from _strings(item)

    SAMPLE_TEXT.extend(_strings(parse_yaml(_example.read_text(encoding="utf-8")).data))
SAMPLE_TEXT = sorted(set(SAMPLE_TEXT))

# Text people do not expect: controls, marks, right-to-left, line and paragraph separators,
# byte-order marks, emoji, the placeholders `icslint init` leaves, suppression comments.
ODD = [
    "",
    " ",
    "\t",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\u0301",
    "\U0001f600",
    "\ud7ff",
    "ﬁ",
    "İ",
    "ß",
    "<<the ICB's name>>",
    "# icslint: disable=ICB001 -- reason",
    "'",
    '"',
    "\\",
    "null",
    "~",
    "yes",
    "2025-02-30",
    "0x1F",
    "1e400",
    "-.inf",
    ".nan",
]
odd_text = st.one_of(
    st.sampled_from(ODD),
    st.text(max_size=12),
    st.lists(st.sampled_from(ODD), min_size=1, max_size=4).map("".join),
)
text = st.one_of(
    st.sampled_from(SAMPLE_TEXT), st.sampled_from(KNOWN_NAMES), st.text(max_size=20), odd_text
)
numbers = st.one_of(
    st.integers(-3, 40),
    st.integers(),
    st.integers(-(10**120), 10**120),
    st.floats(allow_nan=True, allow_infinity=True),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, text)
junk = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.one_of(text, numbers), inner, max_size=3)
    ),
    max_leaves=8,
)


def _dates() -> st.SearchStrategy[object]:
    day = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))
    return st.one_of(
        day.map(dt.date.isoformat),
        day.map(lambda d: d.isoformat()[:7]),
        day.map(lambda d: d.year),
        day.map(lambda d: f"{d.day} {d:%B %Y}"),
        st.sampled_from(["2025-02-30", "2025-13", "0000", "unknown"]),
    )


def _counts() -> st.SearchStrategy[object]:
    return st.one_of(
        st.integers(1, 30),
        st.integers(-2, 0),
        st.sampled_from(["at least 2", "two or more", "unknown", "no fewer than 3", "many"]),
    )


def from_type(annotation: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Plain YAML data for a field of this type: what a model accepts, mostly."""
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        return from_type(arguments[0], depth)
    if origin is Literal:
        return st.sampled_from(arguments)
    if origin in (typing.Union, UnionType):
        return st.one_of([from_type(a, depth) for a in arguments])
    if origin in (tuple, list):
        return st.lists(from_type(arguments[0], depth + 1), max_size=4 if depth < 3 else 1)
    if origin is dict:
        return st.dictionaries(text, from_type(arguments[1], depth + 1), max_size=3)
    if annotation is NoneType:
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_data(annotation, depth + 1)
    strategies: dict[object, st.SearchStrategy[Any]] = {
        str: text,
        bool: st.booleans(),
        int: st.one_of(st.integers(0, 30), numbers),
        float: numbers,
        PartialDate: _dates(),
        Count: _counts(),
    }
    return strategies.get(annotation, junk)


def model_data(model: type[BaseModel], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping for `model`: every required key, and some of the others."""
    required = {}
    optional = {}
    for name, field in model.model_fields.items():
        strategy = st.deferred(lambda a=field.annotation: from_type(a, depth))
        (required if field.is_required() else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional if depth < 5 else {})


documents = st.one_of([model_data(model) for model in MODELS.values()])


def _places(data: object, at: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every mapping key and list index in the data, as paths."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*at, key)
            yield from _places(value, (*at, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*at, index)
            yield from _places(value, (*at, index))


def _holder(data: object, path: tuple[object, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]  # type: ignore[index]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> object:
    """A document from the models, then changed a few times where it hurts."""
    data: object = draw(documents)
    for _ in range(draw(st.integers(1, 4))):
        places = list(_places(data))
        how = draw(st.sampled_from(["drop", "retype", "unknown", "nest", "rekey", "whole"]))
        if how == "whole" or not places:
            data = draw(st.one_of(junk, st.just(data)))
            continue
        path = draw(st.sampled_from(places))
        holder, last = _holder(data, path), path[-1]
        if how == "drop":
            del holder[last]
        elif how == "retype":
            holder[last] = draw(junk)
        elif how == "unknown" and isinstance(holder, dict):
            holder[draw(st.one_of(text, st.sampled_from(SAMPLE_TEXT)))] = draw(junk)
        elif how == "nest":
            levels = draw(st.sampled_from([1, 2, 10, MAX_DEPTH - 5, MAX_DEPTH + 5]))
            value = holder[last]
            for _ in range(levels):
                value = draw(st.sampled_from([[value], {"x": value}]))
            holder[last] = value
        elif how == "rekey" and isinstance(holder, dict):
            holder[draw(st.one_of(numbers, st.booleans(), st.none()))] = holder.pop(last)
    return data


def as_yaml(data: object, flow: bool | None, unicode: bool) -> str:
    """The data as YAML text, as the ruamel.yaml writer lays it out."""
    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = flow
    writer.allow_unicode = unicode
    writer.width = 4096
    stream = io.StringIO()
    writer.dump(data, stream)
    return stream.getvalue()


def encoded(draw: st.DrawFn, text: str) -> bytes:
    """The text in one of the encodings a file may come in."""
    codec, bom = draw(
        st.sampled_from(
            [
                ("utf-8", b""),
                ("utf-8", codecs.BOM_UTF8),
                ("utf-16-le", codecs.BOM_UTF16_LE),
                ("utf-16-be", b""),
                ("utf-32-le", codecs.BOM_UTF32_LE),
            ]
        )
    )
    return bom + text.encode(codec, "surrogatepass")


@st.composite
def model_documents(draw: st.DrawFn, change: bool) -> bytes:
    data = draw(mutated() if change else documents)
    flow = draw(st.sampled_from([False, True, None]))
    return encoded(draw, as_yaml(data, flow, draw(st.booleans())))


# Text and bytes: edited examples, YAML syntax strung together, and anything at all.

EXAMPLE_TEXT = [path.read_text(encoding="utf-8") for path in EXAMPLES]
TOKENS = [
    *ODD,
    "\n",
    "\r\n",
    "\r",
    "  ",
    "- ",
    ": ",
    ":",
    "? ",
    ",",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "!!str ",
    "!!python/object/apply:os.system ",
    "!x ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG !e! tag:e,2000:\n",
    "#",
    "kind: icb-constitution\n",
    "kind: icp-terms-of-reference\n",
    "schema_version: 1\n",
    "board:\n",
    "seats:\n",
    "  - id: chair\n",
    "    role: chair\n",
    "members:\n",
    "x-a: ",
    "notes: ",
    "9" * 120,
    "0x" + "f" * 120,
    "a" * 1100,
]


@st.composite
def edited_examples(draw: st.DrawFn) -> bytes:
    """An example document with a few edits: a token put in, a span cut out, a line repeated."""
    text = draw(st.sampled_from(EXAMPLE_TEXT))
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "cut", "repeat-line"]))
        if how == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif how == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        else:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at) + 1 or len(text)
            text = text[:end] + text[start:end] + text[end:]
    return encoded(draw, text)


syntax = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@st.composite
def strung_syntax(draw: st.DrawFn) -> bytes:
    return encoded(draw, draw(syntax))


raw_bytes = st.one_of(
    st.binary(max_size=400),
    st.tuples(
        st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]),
        st.binary(max_size=200),
    ).map(b"".join),
)


def fuzz(examples: int, strategy: st.SearchStrategy[bytes]) -> Callable[[], None]:
    @budget(examples)
    @given(strategy)
    def run(raw: bytes) -> None:
        assert_sound(raw)

    return run


test_documents_built_from_the_models = fuzz(40, model_documents(change=False))
test_documents_from_the_models_then_broken = fuzz(80, model_documents(change=True))
test_example_documents_edited = fuzz(60, edited_examples())
test_yaml_syntax_strung_together = fuzz(120, strung_syntax())
test_raw_bytes = fuzz(120, raw_bytes)


def test_the_fuzz_examples_are_checked_as_files() -> None:
    """The property itself: a finding past the end of the file, or a rule that crashed, fails."""
    assert_sound(EXAMPLES[0].read_bytes())
    assert _within(["ab", ""], 1, 3) and _within(["ab", ""], 2, 1)
    assert not _within(["ab", ""], 1, 4) and not _within(["ab", ""], 3, 1)
