"""Every kind of bad input a repository can hold, and what icslint says about it.

Each class of input gets a finding at a line and column (ICL001 or ICL003) or an exit-2 message
naming the file: never a traceback (nor ICL999, a rule that crashed), never a wait without end,
never code run from the file. Each check is bounded in time: an alarm stops one that runs
longer than TIME_LIMIT seconds, so a regression fails here instead of hanging the suite.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from icslint.cli import app
from icslint.config import DEFAULT_MAX_FILE_SIZE
from icslint.engine import check_file
from icslint.files import FileTooLarge, read_source
from icslint.registry import rule_set
from icslint.source import MAX_DEPTH, MAX_NUMBER_DIGITS

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "examples" / "valid" / "severnmoor-icp-terms-of-reference.yaml"
TEXT = VALID.read_text(encoding="utf-8")
END = TEXT.count("\n") + 1
"""The first line after the valid document: where each test's own lines start."""

# Generous for a shared two-core machine: each of these takes well under a second alone.
TIME_LIMIT = 10.0
POSIX = os.name == "posix"
ROOT_USER = POSIX and os.geteuid() == 0
posix_only = pytest.mark.skipif(not POSIX, reason="links, pipes and devices as POSIX has them")
not_as_root = pytest.mark.skipif(ROOT_USER, reason="root can read a file whatever its mode")


@contextmanager
def within(seconds: float = TIME_LIMIT) -> Iterator[None]:
    """Fail, rather than hang, if the block takes longer than `seconds`. Where the system has
    an alarm it interrupts the block (a busy loop, or a read that waits); elsewhere the time is
    checked afterwards."""
    started = time.monotonic()
    alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if alarm:

        def stop(signum: int, frame: object) -> None:
            raise TimeoutError(f"took more than {seconds} s")

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"took {elapsed:.1f} s, more than {seconds} s"


def check(*args: str | Path) -> tuple[int, list[dict[str, Any]], str]:
    """`icslint check --format json ARGS`, in this process and in bounded time: the exit code,
    the diagnostics and what was written to stderr."""
    with within():
        result = CliRunner().invoke(app, ["check", "--format", "json", *map(str, args)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("icslint raised an exception") from result.exception
    assert "Traceback" not in result.stdout + result.stderr
    report = json.loads(result.stdout) if result.stdout.strip() else {"diagnostics": []}
    diagnostics = report["diagnostics"]
    assert all(d["code"] != "ICL999" for d in diagnostics), diagnostics
    return result.exit_code, diagnostics, result.stderr


def tool(diagnostics: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    """(code, line, column) of icslint's own findings (ICLnnn), in order."""
    return [(d["code"], d["line"], d["column"]) for d in diagnostics if d["code"].startswith("ICL")]


def message(diagnostics: list[dict[str, Any]]) -> str:
    (only,) = [d for d in diagnostics if d["code"].startswith("ICL")]
    text: str = only["message"]
    return text


def document(tmp_path: Path, tail: str = "", name: str = "doc.yaml") -> Path:
    """The valid terms of reference with `tail` added, starting on line END."""
    path = tmp_path / name
    path.write_text(TEXT + tail, encoding="utf-8")
    return path


def test_the_valid_document_is_clean(tmp_path: Path) -> None:
    """What the tests below add to: without their lines, nothing is reported."""
    code, found, _ = check(document(tmp_path))
    assert (code, found) == (0, [])


# Encodings other than UTF-8, with and without a byte-order mark.

# A key repeated in a mapping, after a non-ASCII character: a finding at a column counted in
# characters, whatever the bytes.
REPEATED = "x-a: {é: 1, é: 2}\n"


@pytest.mark.parametrize(
    ("codec", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_utf16_and_utf32_are_read_as_the_text_they_are(
    tmp_path: Path, codec: str, bom: bytes
) -> None:
    path = tmp_path / "doc.yaml"
    path.write_bytes(bom + (TEXT + REPEATED).encode(codec))
    code, found, _ = check(path)
    assert tool(found) == [("ICL001", END, 13)]
    assert 'The key "é" appears twice' in message(found)
    assert code == 1


def test_a_utf16_document_is_found_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "doc.yaml").write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    code, found, _ = check(tmp_path)
    assert (code, found) == (0, [])


def test_windows_1252_is_icl001_at_the_first_byte_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_bytes((TEXT + "x-name: Café\n").encode("cp1252"))
    code, found, _ = check(path)
    assert tool(found) == [("ICL001", END, 12)]
    assert "not UTF-8" in message(found) and "'é'" in message(found)
    assert "Save it as UTF-8" in message(found)
    assert code == 1


def test_bytes_that_are_not_the_utf16_their_bom_promises_are_icl001(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    # A lone high surrogate, then a letter: not UTF-16.
    path.write_bytes(codecs.BOM_UTF16_LE + "kind: x\ny".encode("utf-16-le") + b"\x00\xd8a\x00")
    code, found, _ = check(path)
    assert tool(found) == [("ICL001", 2, 2)]
    assert "looks like UTF-16" in message(found) and "Save it as UTF-8" in message(found)
    assert code == 1


# Binary files, and characters YAML does not allow.


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 1),
        (bytes(range(256)) * 4, 1, 1),
        (b"kind: icb-constitution\nx\x00y\n", 2, 2),
    ],
    ids=["png", "all-bytes", "nul-in-text"],
)
def test_a_binary_file_is_icl001_at_its_first_nul(
    tmp_path: Path, content: bytes, line: int, column: int
) -> None:
    path = tmp_path / "image.yaml"
    path.write_bytes(content)
    code, found, _ = check(path)
    assert tool(found) == [("ICL001", line, column)]
    assert "binary, not text" in message(found)
    assert code == 1


def test_a_control_character_is_icl001_where_it_is(tmp_path: Path) -> None:
    code, found, _ = check(document(tmp_path, "notes: one\x0btwo\n"))
    assert tool(found) == [("ICL001", END, 11)]
    assert "U+000B, vertical tab" in message(found)
    assert code == 1


# Empty and comment-only files.


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "   \n", "# only a comment\n# and another\n", "---\n", "---\n...\n", "\ufeff"],
    ids=["empty", "blank-lines", "spaces", "comments", "document-start", "start-and-end", "bom"],
)
def test_an_empty_or_comment_only_file_is_icl003(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text(text, encoding="utf-8")
    code, found, _ = check(path)
    assert tool(found) == [("ICL003", 1, 1)]
    assert message(found).startswith("The file is empty, not an icslint document.")
    assert code == 1


# Several documents in one file.


def test_a_second_document_is_icl001_at_its_start(tmp_path: Path) -> None:
    code, found, _ = check(document(tmp_path, "---\nkind: icb-constitution\n"))
    assert tool(found) == [("ICL001", END, 1)]
    assert "more than one YAML document" in message(found)
    assert code == 1


def test_one_document_may_have_start_and_end_markers(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("---\n" + TEXT + "...\n", encoding="utf-8")
    code, found, _ = check(path)
    assert (code, found) == (0, [])


# YAML tags of any kind.


@pytest.mark.parametrize(
    ("value", "column", "said"),
    [
        ("!!python/object/apply:os.system ['touch {marker}']", 6, "!!python/object/apply"),
        ("!!python/object/new:os.system ['touch {marker}']", 6, "!!python/object/new"),
        ("!!python/name:os.system ''", 6, "The tag !!python/name:os.system is not allowed"),
        ("!custom text", 6, "The tag !custom is not allowed"),
        ("!custom [1, 2]", 6, "The tag !custom is not allowed"),
        ("!custom {a: 1}", 6, "The tag !custom is not allowed"),
        ("!<tag:example.com,2000:x> 1", 6, "The tag tag:example.com,2000:x is not allowed"),
        ("!!binary aGVsbG8=", 6, "Binary values (!!binary) are not allowed"),
        ("!!set {a, b}", 6, "!!set"),
        ("!!pairs [a: 1, b: 2]", 6, "!!pairs"),
        ("[1, !!str [2]]", 10, "The tag !!str is not allowed"),
    ],
)
def test_a_tag_that_is_not_plain_data_is_icl001_and_never_run(
    tmp_path: Path, value: str, column: int, said: str
) -> None:
    marker = tmp_path / "ran"
    code, found, _ = check(document(tmp_path, f"x-a: {value.replace('{marker}', str(marker))}\n"))
    assert tool(found) == [("ICL001", END, column)]
    assert said in message(found)
    assert not marker.exists()
    assert code == 1


def test_a_tag_declared_with_a_directive_is_icl001(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("%TAG !e! tag:example.com,2000:\n---\n" + TEXT + "x-a: !e!x 1\n", "utf-8")
    code, found, _ = check(path)
    assert tool(found) == [("ICL001", END + 2, 6)]
    assert code == 1


@pytest.mark.parametrize(
    "value",
    [
        "!!str 2025",
        "!!int '3'",
        "!!float 1",
        "!!bool true",
        "!!null ''",
        "!!timestamp 2025-01-01",
        "2025-01-01 10:00:00",
        "!!map {a: 1}",
        "!!seq [1]",
        "!!omap [a: 1, b: 2]",
        "! text",
    ],
)
def test_the_standard_tags_of_plain_data_are_read(tmp_path: Path, value: str) -> None:
    code, found, _ = check(document(tmp_path, f"x-a: {value}\n"))
    assert (code, found) == (0, [])


# Anchors, aliases and merge keys, alias bombs and aliases to themselves.


def test_anchors_aliases_and_merge_keys_are_read(tmp_path: Path) -> None:
    tail = "x-a: &base {b: 1, c: 2}\nx-b:\n  <<: *base\n  c: 3\nx-c: [*base, *base]\n"
    tail += "x-d: &base 2\nx-e: *base\n"  # an anchor may be defined again
    code, found, err = check(document(tmp_path, tail))
    assert (code, found, err) == (0, [], "")


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["x-0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"x-{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    code, found, _ = check(document(tmp_path, "\n".join(lines) + "\n"))
    ((code_, line, _),) = tool(found)
    # At the anchor whose copies pass the limit (x-5 repeats x-4's 10**5 values ten times).
    assert (code_, line) == ("ICL001", END + 4)
    assert "expands to more than" in message(found)
    assert code == 1


@pytest.mark.parametrize(
    ("tail", "line", "column"),
    [
        ("x-a: &a [*a]\n", 0, 10),
        ("x-a: &a [1, [2, *a]]\n", 0, 17),
        ("x-a: &a {b: *a}\n", 0, 13),
        ("x-a: &a\n  <<: *a\n", 1, 7),
        ("x-a: &a\n  b: [*a]\n", 1, 7),
    ],
    ids=["list", "nested", "mapping", "merge", "block"],
)
def test_an_alias_inside_what_it_names_is_icl001(
    tmp_path: Path, tail: str, line: int, column: int
) -> None:
    code, found, _ = check(document(tmp_path, tail))
    assert tool(found) == [("ICL001", END + line, column)]
    assert "contains it, which would repeat for ever" in message(found)
    assert code == 1


def test_an_undefined_alias_is_icl001(tmp_path: Path) -> None:
    code, found, _ = check(document(tmp_path, "x-a: *nowhere\n"))
    assert tool(found) == [("ICL001", END, 6)]
    assert message(found) == (
        "The alias *nowhere refers to no anchor: no value above it is marked &nowhere. Mark the "
        "value to repeat with &nowhere, or write the value out here. If the text starts with "
        "'*', put it in quotes."
    )
    assert code == 1


@pytest.mark.parametrize(
    "tail", ["x-a: &a [1]\nx-b: {*a : 1}\n", "x-b:\n  ? [1, 2]\n  : 1\n", "x-b: {{a: 1}: 2}\n"]
)
def test_a_key_that_is_a_list_or_a_mapping_is_icl001(tmp_path: Path, tail: str) -> None:
    code, found, _ = check(document(tmp_path, tail))
    assert [c for c, _, _ in tool(found)] == ["ICL001"]
    assert "Keys in an icslint document are plain text" in message(found)
    assert code == 1


# Very deep nesting.

# Columns of the value that is one level too deep: the document is level 1, `x-a`'s value 2.
TOO_DEEP = 5 + MAX_DEPTH


@pytest.mark.parametrize(
    ("tail", "line", "column"),
    [
        ("x-a: " + "[" * 100_000 + "\n", 0, TOO_DEEP),
        ("x-a: " + "[" * 5_000 + "]" * 5_000 + "\n", 0, TOO_DEEP),
        ("x-a: " + "{a: " * 100_000 + "\n", 0, 5 + 4 * (MAX_DEPTH - 2) + 2),  # the key
        ("x-a:\n" + "".join(" " * i + "-\n" for i in range(1, 3_000)), MAX_DEPTH, MAX_DEPTH + 1),
        ("x-a:\n" + "".join(" " * i + "a:\n" for i in range(1, 3_000)), MAX_DEPTH - 1, MAX_DEPTH),
    ],
    ids=["flow-lists", "flow-lists-closed", "flow-mappings", "block-lists", "block-mappings"],
)
def test_nesting_deeper_than_the_limit_is_icl001_where_it_passes_it(
    tmp_path: Path, tail: str, line: int, column: int
) -> None:
    code, found, _ = check(document(tmp_path, tail))
    assert tool(found) == [("ICL001", END + line, column)]
    assert f"nested more than {MAX_DEPTH} deep" in message(found)
    assert code == 1


def test_aliases_cannot_nest_deeper_than_the_limit(tmp_path: Path) -> None:
    depth = MAX_DEPTH // 2
    lines = ["x-0: &n0 " + "[" * depth + "]" * depth]
    lines += [f"x-{i}: &n{i} " + "[" * depth + f"*n{i - 1}" + "]" * depth for i in range(1, 4)]
    code, found, _ = check(document(tmp_path, "\n".join(lines) + "\n"))
    # x-1 holds x-0 fifty deep in lists of its own: reported at x-0's anchor, repeated there.
    assert tool(found) == [("ICL001", END, 6)]
    assert "Where aliases repeat the value anchored here" in message(found)
    assert code == 1


def test_nesting_within_the_limit_is_read(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 2
    code, found, _ = check(document(tmp_path, "x-a: " + "[" * depth + "]" * depth + "\n"))
    assert (code, found) == (0, [])


# Huge numbers and very long strings and keys.


@pytest.mark.parametrize(
    ("tail", "line", "column", "digits"),
    [
        ("x-a: " + "9" * 50_000 + "\n", 0, 6, 50_000),
        ("x-a: -0x" + "f" * 50_000 + "\n", 0, 6, 50_000),
        ("x-a: 0o" + "7" * 5_000 + "\n", 0, 6, 5_000),
        ("x-a:\n  ? " + "9" * 50_000 + "\n  : 1\n", 1, 5, 50_000),
        ("x-a: [1, 2, " + "1_000" * 1_000 + "]\n", 0, 13, 4_000),
    ],
    ids=["decimal", "hexadecimal", "octal", "as-a-key", "with-underscores"],
)
def test_a_number_with_too_many_digits_is_icl001(
    tmp_path: Path, tail: str, line: int, column: int, digits: int
) -> None:
    code, found, _ = check(document(tmp_path, tail))
    assert tool(found) == [("ICL001", END + line, column)]
    assert f"This number has {digits:,} digits" in message(found)
    assert code == 1


def test_a_yaml_11_sexagesimal_number_with_too_many_digits_is_icl001(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text("%YAML 1.1\n---\n" + TEXT + "x-a: 1" + ":30" * 20_000 + "\n", "utf-8")
    code, found, _ = check(path)
    assert tool(found) == [("ICL001", END + 2, 6)]
    assert code == 1


@pytest.mark.parametrize(
    "value", ["9" * MAX_NUMBER_DIGITS, "1e400", "-1e400", ".nan", ".inf", "0." + "1" * 50_000]
)
def test_numbers_within_the_limit_and_floats_of_any_size_are_read(
    tmp_path: Path, value: str
) -> None:
    code, found, _ = check(document(tmp_path, f"x-a: {value}\n"))
    assert (code, found) == (0, [])


def test_a_number_where_text_belongs_is_icl002(tmp_path: Path) -> None:
    code, found, _ = check(document(tmp_path, "notes: " + "9" * MAX_NUMBER_DIGITS + "\n"))
    assert tool(found) == [("ICL002", END, 1)]
    assert code == 1


def test_a_very_long_string_is_read(tmp_path: Path) -> None:
    code, found, _ = check(document(tmp_path, "notes: " + "word " * 600_000 + "\n"))
    assert (code, found) == (0, [])


def test_a_key_longer_than_yaml_allows_is_icl001_at_its_start(tmp_path: Path) -> None:
    code, found, _ = check(document(tmp_path, "x-" + "k" * 2_000 + ": 1\n"))
    assert tool(found) == [("ICL001", END, 1)]
    assert "longer than YAML allows for a key (1,024 characters)" in message(found)
    assert code == 1


def test_a_very_long_key_or_kind_is_quoted_short(tmp_path: Path) -> None:
    code, found, _ = check(document(tmp_path, "? " + "k" * 100_000 + "\n: 1\n"))
    assert tool(found) == [("ICL002", END, 3)]
    assert "(100,000 characters)" in message(found) and len(message(found)) < 1_000
    path = tmp_path / "kind.yaml"
    path.write_text("kind: " + "icb" * 100_000 + "\nschema_version: 1\n", encoding="utf-8")
    code, found, _ = check(path)
    assert tool(found) == [("ICL003", 1, 1)]
    assert "(300,000 characters)" in message(found) and len(message(found)) < 1_000
    assert code == 1


def test_many_repeated_keys_are_reported_in_linear_time(tmp_path: Path) -> None:
    keys = [f"  key{i}: {i}\n" for i in range(10_000)]
    code, found, _ = check(document(tmp_path, "x-a:\n" + "".join(keys + keys)))
    assert len(tool(found)) == 10_000
    assert tool(found)[-1] == ("ICL001", END + 20_000, 3)
    assert "(first on line" in found[-1]["message"]
    assert code == 1


# Very large files: refused before they are read, above a size that can be configured.


def big_file(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.write(b"kind: icp-terms-of-reference\n")
        handle.truncate(size)  # NUL bytes: were the file read, it would be ICL001 for them
    return path


def test_a_file_over_the_size_limit_is_icl001_without_being_read(tmp_path: Path) -> None:
    code, found, _ = check(big_file(tmp_path / "big.yaml", 20_000_000))
    assert tool(found) == [("ICL001", 1, 1)]
    said = message(found)
    assert "The file is 20 MB (20,000,000 bytes), larger than icslint reads (5 MB" in said
    assert 'max-file-size: "50 MB"' in said
    assert code == 1


def test_the_size_limit_is_the_setting_and_a_file_at_it_is_read(tmp_path: Path) -> None:
    rules = rule_set()
    at_limit = big_file(tmp_path / "at.yaml", 1_000)
    with within():
        found = check_file(at_limit, rules, max_size=1_000).diagnostics
    assert [(d.code, d.line, d.column) for d in found] == [("ICL001", 2, 1)]
    assert "NUL byte" in found[0].message  # read: the NUL bytes after the first line
    with within():
        found = check_file(at_limit, rules, max_size=999).diagnostics
    assert [(d.code, d.line, d.column) for d in found] == [("ICL001", 1, 1)]
    assert "1,000 bytes" in found[0].message and "999 bytes" in found[0].message
    assert DEFAULT_MAX_FILE_SIZE == 5_000_000


def test_the_size_limit_is_configured_and_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--show-config"])
    assert re.search(r"^max-file-size +5 MB +\(default\)$", result.stdout, re.M)
    (tmp_path / ".icslint.yaml").write_text("max-file-size: 30 MB\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--show-config"])
    assert re.search(r"^max-file-size +30 MB +\(\.icslint\.yaml:1:1\)$", result.stdout, re.M)
    (tmp_path / ".icslint.yaml").write_text("fail-on: error\nmax-file-size: lots\n", "utf-8")
    result = CliRunner().invoke(app, ["check", "--show-config"])
    assert result.exit_code == 2
    assert ".icslint.yaml:2:1: max-file-size: give a size such as" in result.stderr


def test_a_configured_size_limit_lets_a_larger_file_be_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".icslint.yaml").write_text("max-file-size: 30 MB\n", encoding="utf-8")
    code, found, _ = check(big_file(tmp_path / "big.yaml", 20_000_000))
    assert tool(found) == [("ICL001", 2, 1)]  # read, and NUL bytes found on line 2
    assert "binary" in message(found)
    assert code == 1


@posix_only
def test_an_endless_device_is_read_only_up_to_the_limit() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with within(), pytest.raises(FileTooLarge) as refused:
        read_source(Path("/dev/zero"), 1_000_000)
    assert refused.value.size is None  # a device has no size to give


@posix_only
def test_an_empty_device_is_an_empty_file() -> None:
    code, found, _ = check("/dev/null")
    assert tool(found) == [("ICL003", 1, 1)]
    assert code == 1


# Folders, broken or looping links, unreadable files, pipes.


@posix_only
def test_a_broken_link_named_is_exit_2_naming_it(tmp_path: Path) -> None:
    link = tmp_path / "constitution.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    code, found, err = check(link)
    assert (code, found) == (2, [])
    target = (tmp_path / "gone.yaml").as_posix()
    assert f"cannot read {link.as_posix()}: it is a link to {target}, which does not exist" in err


@posix_only
def test_a_looping_link_named_is_exit_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    code, found, err = check(tmp_path / "a.yaml")
    assert (code, found) == (2, [])
    assert f"cannot read {(tmp_path / 'a.yaml').as_posix()}: it is a link that leads back" in err


@posix_only
@pytest.mark.parametrize("kind", ["broken", "loop"])
def test_a_link_in_a_folder_that_cannot_be_followed_is_exit_2_naming_it(
    tmp_path: Path, kind: str
) -> None:
    document(tmp_path, name="icp.yaml")
    link = tmp_path / "constitution.yaml"
    link.symlink_to(tmp_path / ("gone.yaml" if kind == "broken" else "constitution.yaml"))
    code, found, err = check(tmp_path)
    assert (code, found) == (2, [])
    assert f"cannot read {link.as_posix()}: it is a link" in err


@posix_only
def test_a_link_to_a_folder_is_not_followed_so_a_loop_ends(tmp_path: Path) -> None:
    document(tmp_path, name="icp.yaml")
    (tmp_path / "again").symlink_to(tmp_path)
    code, found, _ = check(tmp_path)
    assert (code, found) == (0, [])


@posix_only
@not_as_root
def test_an_unreadable_file_is_exit_2_naming_it(tmp_path: Path) -> None:
    path = document(tmp_path, name="icp.yaml")
    path.chmod(0)
    try:
        code, found, err = check(path)  # named: the command line refuses it
        assert (code, found) == (2, [])
        assert path.as_posix() in err and ("not readable" in err or "permission denied" in err)
        code, found, err = check(tmp_path)  # found in a folder
        assert (code, found) == (2, [])
        assert f"cannot read {path.as_posix()}: permission denied" in err
    finally:
        path.chmod(0o644)


@posix_only
@not_as_root
def test_an_unreadable_folder_is_exit_2_naming_it(tmp_path: Path) -> None:
    document(tmp_path, name="icp.yaml")
    folder = tmp_path / "private"
    folder.mkdir()
    folder.chmod(0)
    try:
        code, found, err = check(tmp_path)
        assert (code, found) == (2, [])
        assert f"cannot read the folder {folder.as_posix()}: permission denied" in err
    finally:
        folder.chmod(0o755)


@posix_only
def test_a_named_pipe_does_not_make_the_check_wait(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    code, found, _ = check(pipe)  # nobody writes to it: it reads as empty
    assert tool(found) == [("ICL003", 1, 1)]
    assert code == 1
    code, found, err = check(tmp_path)  # in a folder, a pipe is not a file to check
    assert (code, found) == (0, [])
    assert "no ICB constitution or ICP terms of reference found" in err


@posix_only
def test_a_named_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)

    def write() -> None:
        with pipe.open("wb") as handle:
            handle.write((TEXT + REPEATED).encode("utf-8"))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    code, found, _ = check(pipe)
    writer.join(TIME_LIMIT)
    assert tool(found) == [("ICL001", END, 13)]
    assert code == 1


def test_a_missing_file_is_exit_2_naming_it(tmp_path: Path) -> None:
    code, found, err = check(tmp_path / "missing.yaml")
    assert (code, found) == (2, [])
    assert f"{(tmp_path / 'missing.yaml').as_posix()}: no such file or folder" in err


# The breakages the issue found, run as people run icslint: a process of its own, with its
# memory capped, so that a traceback, a crash or runaway memory fails the test.

MEMORY_CAP = 2 * 1024**3


def _capped() -> None:  # pragma: no cover - runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _deep(tmp_path: Path) -> Path:
    return document(tmp_path, "x-a: " + "[" * 100_000 + "\n")


def _digits(tmp_path: Path) -> Path:
    return document(tmp_path, "x-a: " + "9" * 50_000 + "\n")


def _twenty_mb(tmp_path: Path) -> Path:
    return big_file(tmp_path / "doc.yaml", 20_000_000)


def _endless(tmp_path: Path) -> Path:
    if not POSIX or not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    return Path("/dev/zero")


def _pipe(tmp_path: Path) -> Path:
    if not POSIX:
        pytest.skip("no named pipes")
    os.mkfifo(tmp_path / "pipe.yaml")
    return tmp_path / "pipe.yaml"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_deep, ("ICL001", END, TOO_DEEP)),
        (_digits, ("ICL001", END, 6)),
        (_twenty_mb, ("ICL001", 1, 1)),
        (_endless, ("ICL001", 1, 1)),  # read up to the size limit, not for ever
        (_pipe, ("ICL003", 1, 1)),  # nobody writes to it: empty, not a wait
    ],
    ids=["deep-nesting", "50000-digits", "20-MB", "dev-zero", "named-pipe"],
)
def test_the_breakages_found_are_findings_in_a_real_run(
    tmp_path: Path, make: Any, expected: tuple[str, int, int]
) -> None:
    path = make(tmp_path)
    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, "-m", "icslint", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=6 * TIME_LIMIT,
        preexec_fn=_capped if POSIX else None,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert "Traceback" not in process.stderr, process.stderr
    assert process.returncode == 1, process.stderr
    assert tool(json.loads(process.stdout)["diagnostics"]) == [expected]
    assert elapsed < 3 * TIME_LIMIT
