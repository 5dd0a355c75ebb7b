"""Markdown parsed once into markdown-it tokens, with numbered clauses marked for layout and
every heading given an id.

HTML and Word are both made from these tokens, so a clause is laid out the same way in each:
its number in the margin, its text indented. The ids are what the HTML's table of contents
(and anyone citing a section) links to: `section-6`, `section-6-2`, `appendix-2`,
`appendix-2-part-3`; a heading without a number gets its words, `annex-open-findings`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# A clause number at the start of a paragraph: 2.1, 2.1.3, 2.1.3.1 (never a bare 2, which
# could be the start of an ordinary sentence).
CLAUSE_NUMBER = re.compile(r"^(\d+(?:\.\d+)+) ")
# A section or part heading's number ("6", "6.2"), or an appendix's ("Appendix 2: ...").
HEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*) (?=\S)")
APPENDIX = re.compile(r"^((?:appendix|annex|schedule) [0-9a-z]+)\b", re.IGNORECASE)


def parser() -> MarkdownIt:
    """CommonMark with tables; raw HTML in the text is shown as text, never passed through."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.core.ruler.push("clause_numbers", _mark_clauses)
    md.core.ruler.push("heading_ids", _heading_ids)
    return md


def parse(markdown: str) -> list[Token]:
    return parser().parse(markdown)


def _mark_clauses(state: StateCore) -> None:
    """Give each numbered paragraph `meta["clause"]` and a class, and split off its number."""
    tokens = state.tokens
    for index, token in enumerate(tokens[:-1]):
        inline = tokens[index + 1]
        if token.type != "paragraph_open" or token.level != 0 or not inline.children:
            continue
        first = inline.children[0]
        match = CLAUSE_NUMBER.match(first.content) if first.type == "text" else None
        if match is None:
            continue
        number = match.group(1)
        token.meta["clause"] = number
        token.attrSet("class", f"clause depth-{number.count('.')}")
        first.content = first.content[match.end() :]
        label = Token("html_inline", "", 0, content=f'<span class="clause-number">{number}</span> ')
        label.meta["clause_label"] = True
        inline.children.insert(0, label)


def heading_text(inline: Token) -> str:
    """The words of a heading, as the reader sees them."""
    return "".join(c.content for c in inline.children or () if c.type in ("text", "code_inline"))


def _heading_ids(state: StateCore) -> None:
    """Give each heading a stable `id`, from its number where it has one (parts of an
    appendix under the appendix's), else from its words; a repeat gets -2, -3 ..."""
    used: set[str] = set()
    appendix: str | None = None
    tokens = state.tokens
    for token, inline in pairwise(tokens):
        if token.type != "heading_open" or inline.type != "inline":
            continue
        text = heading_text(inline)
        found = APPENDIX.match(text)
        number = HEADING_NUMBER.match(text)
        if token.tag == "h2":
            appendix = _slug(found[1]) if found else None
        if found and token.tag == "h2":
            name = appendix or "appendix"
        elif number and appendix and token.tag != "h2":
            name = f"{appendix}-part-{_slug(number[1])}"
        elif number:
            name = f"section-{_slug(number[1])}"
        else:
            name = _slug(text) or "heading"
        unique, count = name, 1
        while unique in used:
            count += 1
            unique = f"{name}-{count}"
        used.add(unique)
        token.attrSet("id", unique)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[0-9a-z]+", text.casefold()))
