"""The document as Markdown: the kind's Jinja template filled in from the validated model.

Markdown is the one text every other format is made from, so the templates are written once.
Every `{{ value }}` in a template is escaped for Markdown (the `finalize` hook below), the way
HTML templates autoescape: text in the YAML, `<script>` or `{{ }}` included, always comes out as
literal text, never as markup or template code; only a web address in it becomes a link.
`Numbering` numbers sections, parts and clauses as the document's own structure gives them
(`icslint.render.structure`) and writes the document's own clauses in their places.
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
from icslint.models.icb import LocalClause, LocalSection, clause_place
from icslint.models.values import Count, PartialDate
from icslint.packaged import text_environment
from icslint.printable import printable
from icslint.render.gaps import Gap, Gaps
from icslint.render.structure import Layout, Planned, arrange, layout
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


# A web address in the text: it becomes a link (an autolink, `<https://...>`). The characters
# that end a sentence or close a bracket after it are not part of it.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"`|\\]*[^\s<>\"`|\\.,;:!?)\]'*_]")


def escape_markdown(text: str) -> str:
    """Text that renders as itself in Markdown, on one line."""
    return _escaped(" ".join(printable(text).split()))


def linked_markdown(text: str) -> str:
    """Text that renders as itself in Markdown, on one line, with each web address in it a
    link."""
    flat = " ".join(printable(text).split())
    pieces: list[str] = []
    end = 0
    for found in _WEB_ADDRESS.finditer(flat):
        pieces.append(_escaped(flat[end : found.start()], line_start=end == 0))
        pieces.append(f"<{found.group()}>")
        end = found.end()
    pieces.append(_escaped(flat[end:], line_start=end == 0))
    return "".join(pieces)


def _escaped(line: str, *, line_start: bool = True) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", line)
    if not line_start:
        return escaped
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
        return linked_markdown(_as_text(value))

    return finalize


class Numbering:
    """Section, part and clause numbers in the model constitution's style (2, 2.1, 2.1.1), the
    document's own sections and headings where it lists them, and its local clauses.

    Templates call these in document order; each returns Markdown that is already safe. Inside
    an appendix, numbering restarts: parts are 1, 2 ... and clauses 1.1, 1.2 ... A local
    clause is written where the clause, part or section it follows ends (at the next number or
    heading), numbered in sequence, so the clauses after it move on one.
    """

    def __init__(
        self,
        sections: Layout,
        gaps: Gaps,
        local_clauses: Sequence[LocalClause] = (),
        local_sections: Sequence[LocalSection] = (),
        *,
        mark_optional: bool = False,
    ) -> None:
        self._layout = sections
        self._sections = tuple(local_sections)
        self._gaps = gaps
        self._mark_optional = mark_optional
        self._clauses = tuple(local_clauses)
        self._waiting = [
            (place, index)
            for index, clause in enumerate(self._clauses)
            if (place := clause_place(clause.after)) is not None
        ]
        self._container = ""  # the appendix being numbered (casefolded), or "" for the main text
        self._section: int | None = None
        self._in_part = False
        self._part = 0
        self._path: list[int] = []
        self._clause = 0  # as printed, local clauses counted
        self._model_clause = 0  # as the text numbers it without local clauses
        self.opened: list[tuple[int, int]] = []
        """The order key of each section, in the order the text opens them."""

    def section(self, key: str, title: str) -> Markup:
        """A numbered section heading: `## 2 Composition of the board` (or the number and
        heading the document gives the section)."""
        return Markup(self._close() + self._open(self._layout.section(key), title))

    def appendix(self, key: str, title: str) -> Markup:
        """An appendix heading: `## Appendix 2: Standing orders`."""
        return self.section(key, title)

    def ref(self, key: str) -> str:
        """The number the text gives a section, for cross-references: "8", "Appendix 2"."""
        return self._layout.ref(key)

    def part(self, title: str) -> Markup:
        """A numbered heading within a section (`### 2.1 The board`) or appendix (`### 1 ...`)."""
        before = self._after_clause() + (self._after(self._path) if self._in_part else "")
        self._part += 1
        self._clause = self._model_clause = 0
        base = [self._section] if self._section is not None else []
        self._path = [*base, self._part]
        self._in_part = True
        return Markup(f"{before}### {_dotted(self._path)} {escape_markdown(title)}")

    def clause(self) -> Markup:
        """The next clause number under the current heading: `2.1.3`."""
        return Markup(self._next_clause())

    def finish(self) -> str:
        """The end of the text: the document's own sections, and every local clause that has
        no place (each a gap, so a final render is refused)."""
        pieces = [self._close()]
        for planned in self._layout.extra:
            pieces.append(self._open(planned, planned.heading or ""))
            pieces.append("\n\n" + self._own_clauses(planned))
            pieces.append(self._close())
        for _, index in self._waiting:
            clause = self._clauses[index]
            gap = self._gaps.record(
                f"where local clause {index + 1} ({_quoted(clause.title or clause.text)}) "
                f"goes: the text has no {clause.after} for it to follow",
                f"local_clauses[{index}].after",
                fix="correct",
            )
            pieces.append(f"{gap_markup(gap)} {_clause_words(clause)}\n\n")
        self._waiting = []
        return "".join(pieces)

    def _own_clauses(self, planned: Planned) -> str:
        if planned.local is None:
            gap = self._gaps.record(
                f"the text of {_section_name(planned)}, which the list of sections names",
                "local_sections",
            )
            return f"{self._next_clause()} {gap_markup(gap)}\n\n"
        own = self._sections[planned.local]
        if not own.clauses:
            gap = self._gaps.record(
                f"the clauses of {_section_name(planned)}",
                f"local_sections[{planned.local}].clauses",
            )
            return f"{self._next_clause()} {gap_markup(gap)}\n\n"
        return "".join(f"{self._next_clause()} {linked_markdown(text)}\n\n" for text in own.clauses)

    def _open(self, planned: Planned, title: str) -> str:
        heading = planned.heading or title
        if planned.optional and self._mark_optional:
            heading = f"{heading} (optional)"
        self.opened.append(planned.order)
        self._part = self._clause = self._model_clause = 0
        self._in_part = False
        if planned.appendix:
            self._container = _label_key(planned.label)
            self._section = None
            self._path = []
            return f"## {escape_markdown(planned.label)}: {escape_markdown(heading)}"
        self._container = ""
        self._section = planned.number
        self._path = [planned.number]
        return f"## {planned.number} {escape_markdown(heading)}"

    def _close(self) -> str:
        """The local clauses that follow the last clause, part and section opened."""
        if not self.opened:
            return ""
        text = self._after_clause()
        if self._in_part:
            text += self._after(self._path)
        whole = [self._section] if self._section is not None else []
        return text + self._after(whole)

    def _next_clause(self) -> str:
        # Only the document's own appendices have clauses straight under the heading (1, 2 ...).
        if not self._path and not self._container:
            raise ValueError("a clause must follow a section or part heading")
        before = self._after_clause()
        self._clause += 1
        self._model_clause += 1
        return before + _dotted([*self._path, self._clause])

    def _after_clause(self) -> str:
        if not self._model_clause:
            return ""
        return self._after([*self._path, self._model_clause])

    def _after(self, numbers: Sequence[int]) -> str:
        """The local clauses placed after `numbers` (in the current appendix, if any), each
        numbered as the next clause under the current heading."""
        place = (self._container, tuple(numbers))
        due = [index for where, index in self._waiting if where == place]
        if not due:
            return ""
        self._waiting = [(where, index) for where, index in self._waiting if where != place]
        text = ""
        for index in due:
            self._clause += 1
            number = _dotted([*self._path, self._clause])
            text += f"{number} {_clause_words(self._clauses[index])}\n\n"
        return text


def _clause_words(clause: LocalClause) -> str:
    """A local clause's text, after its title in bold if it has one."""
    text = linked_markdown(clause.text)
    if not clause.title:
        return text
    title = clause.title if clause.title[-1:] in ".!?:" else f"{clause.title}."
    return f"**{escape_markdown(title)}** {text}"


def _quoted(text: str) -> str:
    words = " ".join(text.split())
    return f'"{words}"' if len(words) <= 40 else f'"{words[:37].rstrip()}..."'


def _section_name(planned: Planned) -> str:
    number = planned.label if planned.appendix else f"section {planned.label}"
    return f'{number}, "{planned.heading}"' if planned.heading else number


def _label_key(text: str) -> str:
    """A heading label ("Appendix 2") as local clauses' `after` names it, for comparing."""
    return " ".join(text.casefold().split())


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
    env.filters["md"] = lambda value: Markup(linked_markdown(_as_text(value)))
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
    from icslint.render.facts import facts_of  # facts.py uses this module's helpers

    gaps = Gaps(document)
    env = environment(gaps)
    template = env.get_template(TEMPLATES[document.kind])
    status = document.meta.status if document.meta else None
    numbering = Numbering(
        layout(document),
        gaps,
        document.local_clauses,
        document.local_sections,
        mark_optional=draft or status in ("draft", "submitted"),
    )
    # The cover states the same facts as the file's properties; it needs no title.
    cover = facts_of(document, "", draft=draft, today=dt.date.today())
    body = template.render(doc=document, n=numbering, draft=draft, cover=cover)
    body = arrange(f"{body.rstrip()}\n\n{numbering.finish()}", numbering.opened)
    found = gaps.found
    text = _tidy(body)
    if draft:
        context = {"findings": findings, "gaps": found}
        banner = env.get_template("draft-banner.md.j2").render(context)
        annex = env.get_template("draft-annex.md.j2").render(context)
        # The banner follows the title and cover, before the first section.
        front, heading, rest = text.partition("\n## ")
        text = _tidy(f"{front}\n\n{banner}\n{heading}{rest}\n\n{annex}")
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
