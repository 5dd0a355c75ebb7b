"""Markdown parsed once into markdown-it tokens, with numbered clauses marked for layout.

HTML and Word are both made from these tokens, so a clause is laid out the same way in each:
its number in the margin, its text indented.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# A clause number at the start of a paragraph: 2.1, 2.1.3, 2.1.3.1 (never a bare 2, which
# could be the start of an ordinary sentence).
CLAUSE_NUMBER = re.compile(r"^(\d+(?:\.\d+)+) ")


def parser() -> MarkdownIt:
    """CommonMark with tables; raw HTML in the text is shown as text, never passed through."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.core.ruler.push("clause_numbers", _mark_clauses)
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
