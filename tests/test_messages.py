"""What `icslint check` says about YAML it cannot read (ICL001), in plain words.

An indentation mistake is named as one, at the line whose indentation is wrong, with the
indentation to use; a colon inside a value keeps its advice to use quotes; and no message
about broken YAML uses the parser's own words ("block end", "scalar", "simple key").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from icslint.cli import app


def icl001(tmp_path: Path, text: str) -> tuple[int, int, str]:
    """Check `text` as a file: its only finding is ICL001, at (line, column), saying this."""
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["diagnostics"]
    assert [f["code"] for f in findings] == ["ICL001"], findings
    (finding,) = findings
    return finding["line"], finding["column"], finding["message"]


def lines(*written: str) -> str:
    return "\n".join(written) + "\n"


# Indentation, named as such, at the line whose indentation is wrong.

OVER_INDENTED = (
    "This key is indented by 4 spaces, more than `chair:` on line 3 (indented by 2 spaces), but "
    "`chair:` already has a value, so `deputy_chair:` cannot be a key inside it and YAML cannot "
    "read it. To put it beside `chair:`, indent it by 2 spaces, like `chair:`. If this line "
    "instead continues the value of `chair:`, put that whole value in quotes."
)


def test_a_key_indented_more_than_the_one_before_it(tmp_path: Path) -> None:
    # The parser reads `deputy_chair: ...` as the value of `chair:` going on, and stops at its
    # colon: "mapping values are not allowed here".
    text = lines(
        "kind: icb-constitution",
        "board:",
        "  chair: Chair of the ICB",
        "    deputy_chair: Vice Chair",
    )
    assert icl001(tmp_path, text) == (4, 5, OVER_INDENTED)


def test_a_key_indented_more_than_the_one_before_it_after_a_comment(tmp_path: Path) -> None:
    # A comment ends the value above, so here the parser says "expected <block end>".
    text = lines(
        "kind: icb-constitution",
        "board:",
        "  chair: Chair of the ICB",
        "    # the deputy",
        "    deputy_chair: Vice Chair",
    )
    assert icl001(tmp_path, text) == (5, 5, OVER_INDENTED)


def test_a_key_indented_less_than_the_ones_before_it(tmp_path: Path) -> None:
    text = lines(
        "kind: icb-constitution",
        "board:",
        "    chair: Chair of the ICB",
        "  deputy_chair: Vice Chair",
    )
    assert icl001(tmp_path, text) == (
        4,
        3,
        "This key is indented by 2 spaces, so it lines up with no key or list item above it: "
        "`chair:` on line 3 is indented by 4 spaces and `board:` on line 2 is not indented. To "
        "put it beside `chair:` on line 3, indent it by 4 spaces, like `chair:`; to put it "
        "beside `board:` on line 2, start it at the beginning of the line, like `board:`.",
    )


def test_a_key_of_a_list_item_indented_to_its_dash(tmp_path: Path) -> None:
    text = lines(
        "kind: icb-constitution",
        "board:",
        "  seats:",
        "    - id: chair",
        "    title: Chair",
    )
    assert icl001(tmp_path, text) == (
        5,
        5,
        "This key is indented by 4 spaces, less than `id:` on line 4 (6 spaces), so it stands at "
        "the '- ' of that list item, where only a new list item can start. If it belongs to the "
        "same item as `id:`, indent it by 6 spaces, like `id:`; if it starts a new item, begin "
        "it with '- '.",
    )


def test_a_list_item_indented_less_than_the_one_before_it(tmp_path: Path) -> None:
    text = lines(
        "kind: icb-constitution",
        "partner_trusts:",
        "  - Severnmoor Hospitals NHS Foundation Trust",
        " - Kingsbridge University Hospitals NHS Trust",
    )
    assert icl001(tmp_path, text) == (
        4,
        2,
        "This list item is indented by 1 space, so it lines up with no key or list item above "
        "it: the list item on line 3 is indented by 2 spaces and `partner_trusts:` on line 2 is "
        "not indented. To put it beside the list item on line 3, indent it by 2 spaces.",
    )


def test_a_list_item_indented_back_to_the_key_it_belongs_under(tmp_path: Path) -> None:
    text = lines(
        "kind: icb-constitution",
        "board:",
        "  seats:",
        "    - id: chair",
        "  - id: chief_executive",
    )
    assert icl001(tmp_path, text) == (
        5,
        3,
        "This list item is indented by 2 spaces, less than the list item on line 4 (4 spaces), "
        "so YAML reads it as one of the keys beside `seats:` on line 3, which a list item cannot "
        "be. Indent it by 4 spaces, like the item on line 4.",
    )


def test_a_list_item_among_the_keys_of_a_mapping(tmp_path: Path) -> None:
    text = lines("kind: icb-constitution", "icb:", "  name: NHS Severnmoor ICB", "  - area")
    assert icl001(tmp_path, text) == (
        4,
        3,
        "This list item is at the same indentation as `name:` on line 3, among the keys of a "
        "mapping, where a list item cannot stand. Put it under the key it belongs to, indented "
        "more than that key; or, if it is meant as a key, remove the '- '.",
    )


def test_a_value_continued_on_a_line_indented_too_little(tmp_path: Path) -> None:
    text = lines(
        "kind: icb-constitution",
        "board:",
        "  seats:",
        "    - id: partner_trust",
        "      title: Partner Member",
        "     for NHS trusts",
    )
    assert icl001(tmp_path, text) == (
        6,
        6,
        "This line is not indented more than `title:` on line 5, so YAML cannot read it as part "
        "of the value of `title:`, and it has no ':' to make it a key. If it continues the value "
        "of `title:`, indent it by 8 spaces, more than `title:`; if it is a key, add ':' and its "
        "value.",
    )


def test_a_value_continued_at_the_indentation_of_keys(tmp_path: Path) -> None:
    # The parser reads the line as a key and stops on the next line, not finding its ':'.
    text = lines(
        "kind: icb-constitution",
        "board:",
        "  seats:",
        "    - id: partner_trust",
        "      title: Partner Member",
        "    for NHS trusts",
        "      role: ordinary",
    )
    assert icl001(tmp_path, text) == (
        6,
        5,
        "`for NHS trusts` on this line has no ':' after it, so YAML cannot read it as a key, and "
        "it is not indented more than `title:` on line 5, so it is not part of the value of "
        "`title:` either. If it is a key, add ':' and its value; if it belongs to the value of "
        "`title:`, indent it by 8 spaces, more than `title:`.",
    )


def test_text_after_a_bar_indented_less_than_its_first_line(tmp_path: Path) -> None:
    text = lines(
        "kind: icb-constitution",
        "notes: |",
        "  The board meets in public.",
        " Papers are published a week before.",
    )
    assert icl001(tmp_path, text) == (
        4,
        2,
        "This line is indented by 1 space: less than the text below `notes: |` on line 2 "
        "(2 spaces, from line 3), and more than `notes:`, so it is neither part of that text nor "
        "beside `notes:`, and YAML cannot read it. If it is part of the text, indent it by 2 "
        "spaces, like line 3; if it belongs beside `notes:`, start it at the beginning of the "
        "line.",
    )


# A colon inside a value is not an indentation mistake.

COLON_IN_VALUE = (
    "A colon followed by a space inside a value starts a new key here. Put the whole value in "
    'quotes, for example title: "Partner Member (trusts: acute)".'
)


@pytest.mark.parametrize(
    ("value", "line", "column"),
    [
        ("      title: Partner Member (trusts: acute)", 5, 36),
        ("      title: Partner Member\n        (trusts: acute)", 6, 16),
    ],
    ids=["on-the-key's-line", "on-a-line-that-continues-the-value"],
)
def test_a_colon_inside_a_value_keeps_the_advice_to_quote_it(
    tmp_path: Path, value: str, line: int, column: int
) -> None:
    text = lines("kind: icb-constitution", "board:", "  seats:", "    - id: partner_trust", value)
    assert icl001(tmp_path, text) == (line, column, COLON_IN_VALUE)


# Every syntax error in plain words, at a place in the file.

# The parser's words for what it reads, which mean nothing to the person who wrote the file.
JARGON = re.compile(
    r"block end|block mapping|block sequence|block collection|flow sequence|flow mapping|"
    r"flow node|scalar|token|simple key|document start|stream|while scanning|while parsing|"
    r"<[a-z ]+>|not valid YAML:",
    re.IGNORECASE,
)

BROKEN = {
    "unclosed double quote": 'title: "Chair of the ICB\nrole: chair\n',
    "unclosed single quote": "title: 'Chair of the ICB\nrole: chair\n",
    "unclosed quote at the end": 'title: "Chair',
    "quote closed before a separator": 'title: "Chair\n---\nrole: chair"\n',
    "apostrophe in single quotes": "title: 'Partner's member'\n",
    "text after a closing quote": 'title: "Chair" of the ICB\n',
    "unclosed bracket": "members: [chair, deputy\nrole: chair\n",
    "unclosed bracket at the end": "members: [chair, deputy",
    "unclosed brace": "member: {title: Chair\nrole: chair\n",
    "missing comma in braces": "member: {title: Chair role: chair}\n",
    "stray ]": "members: chair]\nrole: ]\n",
    "stray } on its own line": "role: chair\n}\n",
    "extra ]": "members: [chair]]\n",
    "stray comma": "members: [, chair]\n",
    "tab indentation": "board:\n\tchair: x\n",
    "tab on a blank line": "board: x\n\t\nrole: y\n",
    "item among keys": "board:\n  chair: x\n  - deputy\n",
    "item after a top-level key": "kind: icb-constitution\n- chair\n",
    "key among items": "members:\n  - chair\n  role: x\n",
    "item on the key's line": "members: - chair\n",
    "anchor without a name": "chair: & x\n",
    "anchor at the end": "chair: &",
    "star alone": "chair: *\n",
    "undefined alias": "chair: *nobody\n",
    "two anchors": "chair: &a &b x\n",
    "alias with an anchor": "chair: &a *b\n",
    "two tags": "chair: !!str !!int 1\n",
    "complex key in a value": "chair: ? x\n",
    "complex key that is a list": "? [a, b]\n: 1\n",
    "complex key then a line without colon": "board:\n  ? chair\n  deputy\n",
    "at sign": "email: @board\n",
    "backtick": "note: `x`\n",
    "percent in a value": "share: %50\n",
    "directive without ---": "%YAML 1.2\nkind: icb-constitution\n",
    "directive after content": "kind: icb-constitution\n%YAML 1.2\n",
    "bad directive": "%YAML one\n---\nkind: x\n",
    "YAML 2": "%YAML 2.0\n---\nkind: x\n",
    "tag handle twice": "%TAG ! tag:a,2000:\n%TAG ! tag:b,2000:\n---\nkind: x\n",
    "undefined tag handle": "chair: !e!x 1\n",
    "unclosed verbatim tag": "chair: !<x\n",
    "bar then text": "notes: |x\n  text\n",
    "bar then zero": "notes: |0\n  text\n",
    "blank lines indented more than the text after a bar": "notes: |\n  \n    \n  text\n",
    "unknown escape": 'title: "Chair\\q"\n',
    "short hex escape": 'title: "\\x4"\n',
    "text after ...": "kind: x\n... more\n",
    "two documents": "kind: x\n---\nkind: y\n",
    "merge of a value": "board:\n  <<: 1\n",
    "merge of a list of values": "board:\n  <<: [1]\n",
    "key without a colon": "kind: x\nboard\nrole: y\n",
    "key without a colon at the end": "kind: x\nboard\n",
    "colon without a space": "kind: x\nurl:http://example.org\n",
    "two colons": "title: Chair: ICB\n",
    "over-indented key": "board:\n  chair: x\n     deputy: y\n",
    "under-indented key": "board:\n    chair: x\n  deputy: y\n",
    "over-indented item after a mapping item": "members:\n- {name: a}\n  - {name: b}\n",
    "under-indented text after a bar": "notes: |\n    one\n  two\n",
}


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_every_syntax_error_is_in_plain_words_at_a_place_in_the_file(
    tmp_path: Path, text: str
) -> None:
    line, column, message = icl001(tmp_path, text)
    assert JARGON.search(message) is None, message
    written = re.split(r"\r\n|\r|\n", text)
    assert 1 <= line <= len(written) and 1 <= column <= len(written[line - 1]) + 1


# A list item indented more than the item above it is valid YAML: it goes on with the plain
# text above, so the finding is ICL001 at the line that went wrong, and the file fails.

EXAMPLE = Path(__file__).parent.parent / "examples" / "valid" / "severnmoor-icb-constitution.yaml"


def findings(tmp_path: Path, text: str) -> list[tuple[str, int, int, str]]:
    """Check `text` as a file: its breaches and not-stated findings, as (code, line, column,
    message), and the check fails."""
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "json", str(path)])
    reported = json.loads(result.stdout)["diagnostics"]
    return [(f["code"], f["line"], f["column"], f["message"]) for f in reported] + [
        ("exit", result.exit_code, 0, "")
    ]


def with_local_clauses(*clauses: str) -> tuple[str, int]:
    """The example constitution with a local section holding `clauses` (lines as written), and
    the line number of the first of them."""
    example = EXAMPLE.read_text(encoding="utf-8")
    section = lines(
        "local_sections:", "  - heading: Our local commitments", "    clauses:", *clauses
    )
    return example + section, example.count("\n") + 4


def test_a_clause_indented_into_the_clause_above_is_named_as_indentation(tmp_path: Path) -> None:
    text, first = with_local_clauses(
        "      - The ICB works with the councils to reduce inequalities.",
        "       - The ICB reports to the Board at least once a year.",
    )
    assert findings(tmp_path, text) == [
        (
            "ICL001",
            first + 1,
            8,
            f"This list item is indented by 7 spaces, more than the item above it on line "
            f"{first} (6 spaces), so it is read as part of that item's text. Indent it by 6 "
            f"spaces, like the item on line {first}, to make it an item of its own; or, if the "
            "dash is part of the text, put the whole text in quotes or use `>-`.",
        ),
        ("exit", 1, 0, ""),
    ]


def test_a_clause_indented_into_the_clause_above_is_not_rendered(tmp_path: Path) -> None:
    text, _ = with_local_clauses(
        "      - The ICB works with the councils to reduce inequalities.",
        "       - The ICB reports to the Board at least once a year.",
    )
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    output = tmp_path / "constitution.html"
    result = CliRunner().invoke(app, ["render", str(path), "--output", str(output)])
    assert result.exit_code == 1, result.output
    assert "correct the ICL001 and ICL002 problems first" in result.output
    assert not output.exists()


def test_a_code_indented_into_the_code_above_is_named_as_indentation(tmp_path: Path) -> None:
    example = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    agenda = example.index("    - agenda\n")
    example[agenda] = "     - agenda\n"
    above = agenda  # the line number (1-based) of `- calling_meetings`
    assert example[above - 1] == "    - calling_meetings\n"
    reported = findings(tmp_path, "".join(example))
    assert reported[1:3] == [
        (
            "ICL002",
            above,
            7,
            '"calling_meetings - agenda" is not an allowed value for standing_orders.covers[0]. '
            'Did you mean "calling_meetings"? Use one of: calling_meetings, agenda, '
            "chair_of_meeting, quorum, decision_making, minutes, admission_of_public, "
            "delegation, suspension, use_of_seal, amendment.",
        ),
        (
            "ICL001",
            above + 1,
            6,
            f"This list item is indented by 5 spaces, more than the item above it on line "
            f"{above} (4 spaces), so it is read as part of that item's text. Indent it by 4 "
            f"spaces, like the item on line {above}, to make it an item of its own; or, if the "
            "dash is part of the text, put the whole text in quotes or use `>-`.",
        ),
    ]
    assert reported[-1] == ("exit", 1, 0, "")


def test_a_list_item_indented_into_the_text_of_a_key(tmp_path: Path) -> None:
    example = EXAMPLE.read_text(encoding="utf-8")
    first = example.count("\n") + 2
    text = example + lines(
        "local_sections:",
        "  - heading: Our local commitments",
        "      - reporting",
        "    clauses:",
        "      - The ICB reports to the Board at least once a year.",
    )
    assert findings(tmp_path, text) == [
        (
            "ICL001",
            first + 1,
            7,
            f"This list item is indented by 6 spaces, more than `heading:` on line {first} "
            "(4 spaces), so it is read as part of the text of `heading:`. If the dash is part of "
            "the text, put the whole text in quotes or use `>-`; if `heading:` is meant to hold "
            "a list, put each item, the first one too, on a line of its own beginning with '- '.",
        ),
        ("exit", 1, 0, ""),
    ]


@pytest.mark.parametrize(
    "clauses",
    [
        (
            "      - >-",
            "        The ICB reports to the Board on:",
            "        - its spending;",
            "        - its performance.",
        ),
        ('      - "The ICB works with the councils', '         - and reports to the Board."'),
        ("      - 'The ICB works with the councils", "         - and reports to the Board.'"),
        (
            "      - The ICB works with the councils to reduce inequalities.",
            "      - The ICB reports to the Board at least once a year,",
            "        on its spending and - where asked - its performance.",
        ),
    ],
    ids=["folded-block", "double-quoted", "single-quoted", "dashes-within-a-line"],
)
def test_a_dash_in_text_meant_as_text_is_not_reported(
    tmp_path: Path, clauses: tuple[str, ...]
) -> None:
    text, _ = with_local_clauses(*clauses)
    assert findings(tmp_path, text) == [("exit", 0, 0, "")]


def test_lists_nested_correctly_are_not_reported(tmp_path: Path) -> None:
    text, _ = with_local_clauses(
        "      - The ICB works with the councils",
        "        to reduce inequalities.",
        "      - The ICB reports to the Board at least once a year.",
        "  - heading: Our partners",
        "    clauses:",
        "      - The ICB meets its partners each quarter.",
    )
    assert findings(tmp_path, text) == [("exit", 0, 0, "")]
