"""The document as Markdown: the kind's Jinja template filled in from the validated model.

Markdown is the one text every other format is made from, so the templates are written once.
Every `{{ value }}` in a template is escaped for Markdown (the `finalize` hook below), the way
HTML templates autoescape: text in the YAML, `<script>` or `{{ }}` included, always comes out as
literal text, never as markup or template code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from icslint.diagnostics import Diagnostic
from icslint.models import Document
from icslint.models.values import Count, PartialDate
from icslint.packaged import text_environment
from icslint.printable import printable
from icslint.render.gaps import Gap, Gaps
from icslint.vocabulary import approval_named, icp_appointer, names_body, partnership_icb

TEMPLATES = {
    "icb-constitution": "icb-constitution.md.j2",
    "icp-terms-of-reference": "icp-terms-of-reference.md.j2",
}
NOT_STATED = "[not stated]"
# What an unnamed gap (a bare None in a template) says it is missing.
UNNAMED = "a fact this clause needs"

# Backslash-escaping any of these is always allowed by CommonMark and always renders the
# character itself; `<` stops raw HTML, `|` stops table cells breaking, and `&` is escaped
# only where it would start an entity such as `&amp;`.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<|~]|&(?=#?\w+;))")
# At the start of a line these would begin a list, heading, quotation or heading underline ...
_LEADING_MARK = re.compile(r"^([-+=#>])")
# ... and these a numbered list ("1. " or "1) "): the full stop or bracket is escaped.
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """Text that renders as itself in Markdown, on one line."""
    flat = " ".join(printable(text).split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", flat)
    escaped = _LEADING_MARK.sub(r"\\\1", escaped)
    return _LEADING_NUMBER.sub(r"\1\\\2", escaped)


def english_date(value: dt.date | PartialDate) -> str:
    """A date as UK documents write it: 1 July 2022 (or July 2022, or 2022, as far as the
    document gives it)."""
    if isinstance(value, PartialDate):
        return value.in_words()
    return f"{value.day} {value:%B %Y}"


def when(value: dt.date | PartialDate) -> str:
    """A date after a verb: "on 14 March 2025", "in September 2025", "in 2025"."""
    if isinstance(value, PartialDate):
        return value.when()
    return f"on {english_date(value)}"


def exact_total(items: Sequence[object], missing: int | None = None) -> int | None:
    """The sum of the items' `count`s, or None unless every item gives an exact count. With
    `missing`, an item without a count stands for that many (an ICP member row is one member),
    unless it gives its members by reference."""
    total = 0
    for item in items:
        count = getattr(item, "count", None)
        if count is None and missing is not None and not getattr(item, "by_reference", None):
            total += missing
        elif not isinstance(count, Count) or not count.exact or count.least is None:
            return None
        else:
            total += count.least
    return total


def several(count: Count | None) -> bool:
    """Whether a seat's count may be more than one member ("2", "at least 2", "unknown"), so
    that a sentence about the seat takes a plural verb."""
    if count is None:
        return False
    return not count.exact or (count.least or 0) > 1


def english_list(items: Sequence[object], conjunction: str = "and") -> str:
    """Items as prose: "A", "A and B", "A, B and C"."""
    words = [_as_text(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _as_text(value: object) -> str:
    if value is None:
        return NOT_STATED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date | PartialDate):
        return english_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return english_list(value)
    return str(value)


def gap_markup(gap: Gap) -> Markup:
    """A gap as the text shows it: the marked blank in bold, `**\\[not stated: ...\\]**`."""
    return Markup(f"**{escape_markdown(gap.label)}**")


def _finalizer(gaps: Gaps) -> Callable[[object], object]:
    def finalize(value: object) -> object:
        """Applied to every `{{ }}`: markup made by the renderer passes, anything else is
        escaped. A bare None is a template that forgot to name the fact it needs: it still
        shows, and still blocks a final render, as an unnamed gap."""
        if isinstance(value, Markup):
            return value
        if value is None:
            return gap_markup(gaps.record(UNNAMED))
        return escape_markdown(_as_text(value))

    return finalize


class Numbering:
    """Section, part and clause numbers in the model constitution's style (2, 2.1, 2.1.1).

    Templates call these in document order; each returns Markdown that is already safe. Inside
    an appendix, numbering restarts: parts are 1, 2 ... and clauses 1.1, 1.2 ...
    """

    def __init__(self) -> None:
        self._section = 0
        self._appendix = 0
        self._part = 0
        self._clause = 0
        self._sub = 0
        self._path: list[int] = []

    def section(self, title: str) -> Markup:
        """A numbered section heading: `## 2 Composition of the board`."""
        self._section += 1
        self._part = self._clause = 0
        self._path = [self._section]
        return Markup(f"## {self._section} {escape_markdown(title)}")

    def appendix(self, title: str) -> Markup:
        """An appendix heading: `## Appendix 2: Standing orders`."""
        self._appendix += 1
        self._part = self._clause = 0
        self._path = []
        return Markup(f"## Appendix {self._appendix}: {escape_markdown(title)}")

    def part(self, title: str) -> Markup:
        """A numbered heading within a section (`### 2.1 The board`) or appendix (`### 1 ...`)."""
        self._part += 1
        self._clause = 0
        base = self._path[:1] if self._section and not self._appendix else []
        self._path = [*base, self._part]
        return Markup(f"### {_dotted(self._path)} {escape_markdown(title)}")

    def clause(self) -> Markup:
        """The next clause number under the current heading: `2.1.3`."""
        if not self._path:
            raise ValueError("a clause must follow a section or part heading")
        self._clause += 1
        self._sub = 0
        return Markup(_dotted([*self._path, self._clause]))

    def sub(self) -> Markup:
        """The next sub-clause number under the current clause: `2.1.3.1`."""
        self._sub += 1
        return Markup(_dotted([*self._path, self._clause, self._sub]))


def _dotted(numbers: Sequence[int]) -> str:
    return ".".join(str(n) for n in numbers)


def environment(gaps: Gaps) -> Environment:
    """The Jinja environment for Markdown templates: strict, escaping, whitespace-tidy.

    Templates get `gap(what, key)`, which shows a marked blank for a fact the document needs
    and records it in `gaps`, and `at(part, *keys)`, the YAML path of a part of the document.
    """
    # Markdown escaping is done by finalize; HTML escaping later, by markdown-it.
    env = text_environment(_finalizer(gaps))
    env.filters["english_list"] = english_list
    env.filters["english_date"] = english_date
    env.filters["when"] = when
    env.filters["md"] = lambda value: Markup(escape_markdown(_as_text(value)))
    env.globals["gap"] = lambda what, key=None: gap_markup(gaps.record(what, key))
    env.globals["at"] = gaps.at
    env.globals["icp_appointer"] = icp_appointer
    env.globals["approval_named"] = approval_named
    env.globals["names_body"] = names_body
    env.globals["partnership_icb"] = partnership_icb
    env.globals["exact_total"] = exact_total
    env.globals["several"] = several
    return env


@dataclass(frozen=True)
class Composed:
    """The document as Markdown, and the facts it needs that its file does not state."""

    markdown: str
    gaps: tuple[Gap, ...]


def compose(
    document: Document, *, draft: bool = False, findings: Sequence[Diagnostic] = ()
) -> Composed:
    """The document as Markdown, with its gaps. With `draft`, marked DRAFT and followed by an
    annex of its open findings and the facts it does not state."""
    gaps = Gaps(document)
    env = environment(gaps)
    template = env.get_template(TEMPLATES[document.kind])
    body = template.render(doc=document, n=Numbering(), draft=draft)
    found = gaps.found
    text = _tidy(body)
    if draft:
        context = {"findings": findings, "gaps": found}
        banner = env.get_template("draft-banner.md.j2").render(context)
        annex = env.get_template("draft-annex.md.j2").render(context)
        title, _, rest = text.partition("\n")
        text = _tidy(f"{title}\n\n{banner}\n{rest}\n\n{annex}")
    return Composed(text, found)


def render_markdown(
    document: Document, *, draft: bool = False, findings: Sequence[Diagnostic] = ()
) -> str:
    """The document as Markdown. With `draft`, marked DRAFT and followed by its open findings
    and gaps."""
    return compose(document, draft=draft, findings=findings).markdown


def _tidy(text: str) -> str:
    """At most one blank line between blocks, none at the ends, and a final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy).strip("\n") + "\n"
