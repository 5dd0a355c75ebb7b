"""One entry point for every output format: a validated document in, the file's bytes out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icslint.diagnostics import Diagnostic
from icslint.models import Document
from icslint.render import OutputFormat
from icslint.render.blocks import parse
from icslint.render.facts import DocumentFacts, facts_of
from icslint.render.gaps import Gap
from icslint.render.markdown import compose


class Incomplete(Exception):
    """A final render of a document that leaves out facts its text needs."""

    def __init__(self, gaps: Sequence[Gap]) -> None:
        super().__init__(f"{len(gaps)} fact{'s' if len(gaps) != 1 else ''} not stated")
        self.gaps = tuple(gaps)


def render(
    document: Document,
    output_format: OutputFormat,
    *,
    draft: bool = False,
    findings: Sequence[Diagnostic] = (),
    today: dt.date | None = None,
) -> bytes:
    """The rendered file. With `draft`, every page says DRAFT and an annex lists `findings`
    and the facts the text needs that the file does not state. Without it, a document with
    any such gap raises `Incomplete`."""
    composed = compose(document, draft=draft, findings=findings)
    if composed.gaps and not draft:
        raise Incomplete(composed.gaps)
    facts = facts_of(
        document, plain_title(composed.markdown), draft=draft, today=today or dt.date.today()
    )
    return convert(composed.markdown, output_format, facts)


def convert(markdown: str, output_format: OutputFormat, facts: DocumentFacts) -> bytes:
    """The document's Markdown as a file of `output_format`, stating `facts` about itself."""
    if output_format is OutputFormat.md:
        return markdown.encode("utf-8")
    if output_format is OutputFormat.docx:
        from icslint.render.docx import render_docx

        return render_docx(markdown, facts)
    from icslint.render.html import render_html

    html = render_html(markdown, facts)
    if output_format is OutputFormat.html:
        return html.encode("utf-8")
    from icslint.render.pdf import render_pdf

    return render_pdf(html)


def plain_title(markdown: str) -> str:
    """The text of the document's first heading, without Markdown escapes."""
    for index, token in enumerate(tokens := parse(markdown)):
        if token.type == "heading_open":
            children = tokens[index + 1].children or ()
            return "".join(c.content for c in children if c.type in ("text", "code_inline"))
    return "Document"
