"""The document as one self-contained, print-ready HTML page (also the source of the PDF)."""

from __future__ import annotations

from importlib import resources

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from icslint.render.blocks import parser


def _load_template(name: str) -> str:
    return resources.files("icslint.templates").joinpath(name).read_text(encoding="utf-8")


def render_html(markdown: str, *, title: str, draft: bool) -> str:
    """A complete HTML page: the Markdown's content, styles inline, nothing fetched."""
    md = parser()
    body = md.renderer.render(md.parse(markdown), md.options, {})
    env = Environment(
        loader=FunctionLoader(_load_template),
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
    )
    return env.get_template("html/page.html.j2").render(
        title=title,
        # markdown-it has already escaped every character of the document's own text.
        body=Markup(body),
        draft=draft,
        css=Markup(_load_template("html/style.css")),
    )
