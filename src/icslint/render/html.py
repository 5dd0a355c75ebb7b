"""The document as one self-contained, print-ready HTML page (also the source of the PDF).

The page says what it is, for screen readers, search and the PDF's metadata: its language,
its title, whose document it is (author) and the cover's facts (description). Before the
first section come the title and cover, then a table of contents linking to every section
and appendix heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markdown_it.token import Token
from markupsafe import Markup

from icslint.packaged import template_text
from icslint.render.blocks import heading_text, parser
from icslint.render.facts import DocumentFacts


@dataclass(frozen=True)
class Entry:
    """A line of the table of contents: a section heading and the id it links to."""

    id: str
    text: str


def render_html(markdown: str, facts: DocumentFacts) -> str:
    """A complete HTML page: the Markdown's content, styles inline, nothing fetched."""
    md = parser()
    tokens = md.parse(markdown)
    start = next((i for i, t in enumerate(tokens) if _is_section(t)), len(tokens))
    env = Environment(
        loader=FunctionLoader(template_text),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("html/page.html.j2").render(
        title=facts.title,
        facts=facts,
        # markdown-it has already escaped every character of the document's own text.
        front=Markup(md.renderer.render(tokens[:start], md.options, {})),
        body=Markup(md.renderer.render(tokens[start:], md.options, {})),
        contents=contents(tokens),
        draft=facts.draft,
        css=Markup(template_text("html/style.css")),
    )


def contents(tokens: list[Token]) -> list[Entry]:
    """Every section and appendix heading, in order, with its id."""
    return [
        Entry(str(token.attrGet("id")), heading_text(inline))
        for token, inline in pairwise(tokens)
        if _is_section(token) and token.attrGet("id")
    ]


def _is_section(token: Token) -> bool:
    return token.type == "heading_open" and token.tag == "h2"
