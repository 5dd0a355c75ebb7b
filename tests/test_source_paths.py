"""libyaml reads a document exactly as ruamel.yaml's own parser does, only faster.

`parse_yaml` takes libyaml's events where ruamel.yaml.clib is installed and falls back to
ruamel's pure-Python scanner for anything libyaml reads otherwise, and for every error (so the
messages stay the same). These tests hold the two paths to the same data, the same positions,
the same repeated keys and the same errors, on every document in the repository, on awkward
texts, and on text hypothesis strings together.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icslint import source
from test_fuzz import EXAMPLE_TEXT, TOKENS, syntax

ROOT = Path(__file__).resolve().parent.parent

needs_libyaml = pytest.mark.skipif(
    source._LibyamlEvents is None and not os.environ.get("CI"),
    reason="ruamel.yaml.clib is not installed here (CI installs it)",
)


def outcome(read: object, text: str) -> tuple[object, ...]:
    """What a reading gives: the data, every position and the repeated keys, or the error."""
    assert callable(read)
    try:
        document = read(text)
    except source.YamlSyntaxError as error:
        return ("error", error.message, error.line, error.column)
    return ("read", document.data, dict(document.positions), document.repeated)


def read_by_ruamel(text: str) -> tuple[object, ...]:
    return outcome(source._parse_with_ruamel_scanner, text)


def read(text: str) -> tuple[object, ...]:
    return outcome(source.parse_yaml, text)


REPOSITORY_YAML = sorted(
    path
    for folder in ("examples", "tests", "rules", "src")
    for path in (ROOT / folder).rglob("*.yaml")
)

AWKWARD = {
    "astral and accented text before a key": 'a: {"😀é": 1, b: [x, "ü😀", y], c: 2}\nd: 😀 e\n',
    "Windows line ends": "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
    "old Mac line ends": "a: 1\rb: 2\r",
    "anchor, alias and merge key": "a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2\n",
    "numbers, dates and booleans of YAML 1.2": (
        "a: 0o17\nb: 0x1F\nc: 1_000\nd: .inf\ne: yes\nf: ~\ng: 2025-01-02\n"
        "h: 2025-01-02T10:00:00\ni: 1e3\nj: true\n"
    ),
    "a repeated key": "a: 1\nb: 2\na: 3\n",
    "block scalars": "a: |\n  one\n   two\n\nb: >-\n  folded\n  text\n# after\n",
    "a syntax error": "a: 1\n b: 2\n",
    "a tab in a value's spacing": "a:\t1\n",
    "a tag on a key": "!!str board:\n   board: 1\n",
    "document end markers": "members:\n...\n...\n",
    "a bare text": "|\n#\n",
    "a YAML 1.1 directive": "%YAML 1.1\n---\na: yes\n",
    "a next-line character": "a: x\x85b: 1\n",
    "nesting past the limit": "a: " + "[" * (source.MAX_DEPTH + 5),
    "an alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]\n"
        for previous, name in zip("abcdef", "bcdefg", strict=True)
    ),
}


@needs_libyaml
@pytest.mark.parametrize("path", REPOSITORY_YAML, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_yaml_file_in_the_repository_is_read_the_same_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert read(text) == read_by_ruamel(text)


@needs_libyaml
@pytest.mark.parametrize("text", AWKWARD.values(), ids=AWKWARD.keys())
def test_awkward_text_is_read_the_same_both_ways(text: str) -> None:
    assert read(text) == read_by_ruamel(text)


@needs_libyaml
def test_a_constitution_takes_the_libyaml_path() -> None:
    """The example constitutions hold nothing that needs ruamel's scanner (else no speed-up)."""
    for text in EXAMPLE_TEXT:
        assert not source._NEEDS_RUAMEL_SCANNER.search(text)
        assert read(text)[0] == "read"


def test_without_libyaml_every_file_is_read_by_ruamel(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "examples" / "valid" / "severnmoor-icb-constitution.yaml").read_text("utf-8")
    expected = read_by_ruamel(text)
    monkeypatch.setattr(source, "_LibyamlEvents", None)
    assert read(text) == expected
    assert read("a: 1\n b: 2\n")[0] == "error"


@st.composite
def edited(draw: st.DrawFn) -> str:
    """An example document with a few tokens put in."""
    text = draw(st.sampled_from(EXAMPLE_TEXT))
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
    return text


@needs_libyaml
@settings(
    max_examples=300,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(syntax, edited()))
def test_any_text_is_read_the_same_both_ways(text: str) -> None:
    assert read(text) == read_by_ruamel(text)
