"""The document as one self-contained, print-ready HTML page (also the source of the PDF)."""

from __future__ import annotations

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from icslint.packaged import template_text
from icslint.render.blocks import parser
from icslint.render.facts import DocumentFacts


def render_html(markdown: str, facts: DocumentFacts) -> str:
    """A complete HTML page: the Markdown's content, styles inline, nothing fetched."""
    title, draft = facts.title, facts.draft
    md = parser()
    body = md.renderer.render(md.parse(markdown), md.options, {})
    env = Environment(
        loader=FunctionLoader(template_text),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
    )
    return env.get_template("html/page.html.j2").render(
        title=title,
        # markdown-it has already escaped every character of the document's own text.
        body=Markup(body),
        draft=draft,
        css=Markup(template_text("html/style.css")),
    )
