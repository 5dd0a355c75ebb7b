"""Rendering a checked document to Markdown, HTML, Word and PDF.

Only `icslint render` imports the modules of this package, so `icslint check` never loads
Jinja, Markdown, Word or PDF libraries. This module itself imports nothing heavy: the command
line takes its list of formats from here.
"""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"

    @classmethod
    def from_suffix(cls, suffix: str) -> OutputFormat | None:
        aliases = {".md": cls.md, ".markdown": cls.md, ".html": cls.html, ".htm": cls.html}
        aliases |= {".docx": cls.docx, ".pdf": cls.pdf}
        return aliases.get(suffix.lower())

    @property
    def is_text(self) -> bool:
        return self in (OutputFormat.md, OutputFormat.html)
