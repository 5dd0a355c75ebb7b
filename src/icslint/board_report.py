"""`icslint report`: the board's evidence, as HTML, PDF or Word.

One document a board secretary can put in a board pack: a summary a non-specialist can read in
a minute, a chart of the results by level, the documents checked and the law applied, then every
finding (message, line, citations; waivers with reason, approver and expiry) and every rule's
result for each document. The report is built once (`build`) from the same `Result` as
`icslint check`, and each format draws the same words from it.

Text from documents is escaped in HTML (Jinja autoescape) and literal in Word (text runs).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from icslint import __version__, law
from icslint.diagnostics import Citation, Diagnostic, Level, Outcome
from icslint.engine import Result, RuleResult, Suppressed
from icslint.loader import decode, load
from icslint.printable import printable

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table

    from icslint.config import Waiver
    from icslint.models import Document
    from icslint.registry import RuleSpec
    from icslint.settings import Plan

STDOUT = "-"
KIND_LABELS = {
    "icb-constitution": "ICB constitution",
    "icp-terms-of-reference": "ICP terms of reference",
}
# The levels of requirement a board reads about, in plain words.
LEVELS = (Level.STATUTE, Level.NHSE_POLICY, Level.GUIDANCE)
LEVEL_HEADINGS = {
    Level.STATUTE: "Statute",
    Level.NHSE_POLICY: "NHS England policy",
    Level.GUIDANCE: "Guidance",
    Level.TOOL: "File problem",
}
_BREACH_OF = {
    Level.STATUTE: "the law",
    Level.NHSE_POLICY: "NHS England policy",
    Level.GUIDANCE: "guidance",
}


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"
    docx = "docx"

    @classmethod
    def from_suffix(cls, suffix: str) -> ReportFormat | None:
        return {".html": cls.html, ".htm": cls.html, ".pdf": cls.pdf, ".docx": cls.docx}.get(
            suffix.lower()
        )


class ReportError(Exception):
    """A problem with the command itself: the output exists, the format is unknown, ..."""


@dataclass(frozen=True)
class Category:
    """One column of the chart: an outcome, as the board reads it."""

    key: str
    label: str
    colour: str


CATEGORIES = (
    Category("breach", "Breach", "#d5281b"),
    Category("not-stated", "Not stated", "#ed8b00"),
    Category("pending", "Pending law", "#330072"),
    Category("set-aside", "Waived or suppressed", "#768692"),
    Category("passed", "Passed", "#007f3b"),
    Category("not-applicable", "Not applicable", "#aeb7bd"),
)

NO_RULES = (
    "No rules were run on this file: icslint could not read it as a document (see its file "
    "problems above)."
)
CHART_NOTE = (
    "Each rule's result on each document, by the level of the requirement. A rule that found "
    "both a breach and something not stated counts once, as a breach; the summary counts the "
    "findings themselves, so its numbers can be higher."
)

TERMS = (
    (
        "Breach",
        "The document says something the requirement forbids, or leaves out something the "
        "requirement says it must contain.",
    ),
    (
        "Not stated",
        "The document is silent on something a rule looks for but need not say (often a duty "
        "on the body rather than on the document). Not a breach; check whether it should be "
        "stated.",
    ),
    (
        "Pending law",
        "A measure not yet in force (such as the Health Bill's) will need this place to change "
        "when it commences. Never a breach.",
    ),
    (
        "Waived",
        "A finding accepted on the record in icslint's configuration, with a reason, the "
        "person or meeting that approved it and an expiry date.",
    ),
    (
        "Suppressed",
        "A finding set aside by a comment in the document, with the reason written beside it.",
    ),
    ("Passed", "The document meets the requirement as far as the rule can tell."),
    (
        "Not applicable",
        "The rule did not apply to this document: the requirement was not in force on the date "
        "applied, the document's own facts put it out of scope, or the configuration left the "
        "rule out. The reason is given.",
    ),
    (
        "Levels",
        "Statute: the Act or regulations. NHS England policy: what NHS England requires before "
        "it approves a constitution. Guidance: expected good practice.",
    ),
)


# --- The report, built once --------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    text: str
    url: str


@dataclass(frozen=True)
class Entry:
    """One finding as the report shows it."""

    number: str
    """F1, F2 ...: how the table of rules refers to it."""
    result: str
    code: str
    title: str
    level: str
    path: str
    line: int
    column: int
    message: str
    citations: tuple[Cited, ...]
    also: tuple[str, ...] = ()
    """Other places (file:line:column) a finding about several documents is about."""
    set_aside: str = ""
    """For a waived or suppressed finding: by what, why, who approved it and until when."""


@dataclass(frozen=True)
class Group:
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Row:
    """One rule's result on one document."""

    code: str
    title: str
    level: str
    result: str
    key: str
    """The chart category, also the row's style."""
    note: str


@dataclass(frozen=True)
class Checked:
    """One document checked, with its facts, its findings and every rule's result on it."""

    path: str
    kind: str
    name: str
    version: str
    status: str
    effective: str
    law_day: str
    groups: tuple[Group, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Bar:
    label: str
    colour: str
    count: int
    y: int
    width: int


@dataclass(frozen=True)
class ChartGroup:
    level: str
    y: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    groups: tuple[ChartGroup, ...]
    height: int
    table: tuple[tuple[str, tuple[int, ...]], ...]
    """(level, a count for each category), for the table beside the chart and in Word."""
    columns: tuple[str, ...]


@dataclass(frozen=True)
class BoardReport:
    title: str
    prepared: str
    prepared_on: dt.date
    law: str
    version: str
    packs: tuple[str, ...]
    configuration: str
    headline: str
    summary: tuple[str, ...]
    chart: Chart
    documents: tuple[Checked, ...]
    elsewhere: tuple[Group, ...]
    """Findings about the configuration, or about no one document checked."""
    terms: tuple[tuple[str, str], ...] = TERMS
    chart_note: str = CHART_NOTE


def build(
    result: Result,
    plan: Plan,
    as_at: law.AsAt | None,
    *,
    today: dt.date | None = None,
) -> BoardReport:
    """The report on a checked `result`, made with `plan` under the law of `as_at`."""
    today = today or dt.date.today()
    specs = {spec.code: spec for spec in result.rules}
    approvals = {f"{e.where[0]}:{e.where[1]}": e.waiver for e in plan.waivers.entries}
    numbering = itertools.count(1)

    def entry(item: Diagnostic | Suppressed) -> Entry:
        diagnostic = item.diagnostic if isinstance(item, Suppressed) else item
        spec = specs.get(diagnostic.code)
        return Entry(
            number=f"F{next(numbering)}",
            result=_finding_result(item),
            code=diagnostic.code,
            title=spec.title if spec else diagnostic.rule,
            level=LEVEL_HEADINGS[diagnostic.level],
            path=_clean(diagnostic.path),
            line=diagnostic.line,
            column=diagnostic.column,
            message=_clean(diagnostic.message),
            citations=tuple(_cited(c) for c in diagnostic.citations),
            also=tuple(_clean(str(r)) for r in diagnostic.related),
            set_aside=_set_aside(item, approvals) if isinstance(item, Suppressed) else "",
        )

    paths = [c.path for c in result.checked]
    documents: list[Checked] = []
    grouped = {
        checked.path: _groups(
            [d for d in result.diagnostics if d.path == checked.path],
            [s for s in result.suppressed if s.diagnostic.path == checked.path],
            entry,
        )
        for checked in result.checked
    }
    every_group = [group for groups in grouped.values() for group in groups]
    for checked in result.checked:
        # A finding about the documents read together counts for each file it is about; it
        # is listed, and numbered, under the file it is reported in.
        found = [d for d in result.diagnostics if _about(d, checked.path)]
        quiet = [s for s in result.suppressed if _about(s.diagnostic, checked.path)]
        groups = grouped[checked.path]
        rows = _rows(result, checked.path, specs, found, quiet, every_group, approvals)
        documents.append(_checked(checked.path, checked.kind, as_at, today, groups, rows))
    others = [d for d in result.diagnostics if d.path not in paths]
    hushed = [s for s in result.suppressed if s.diagnostic.path not in paths]
    elsewhere = _groups(others, hushed, entry)
    # Rules about the documents read together may report their results on no one file.
    for path in dict.fromkeys(r.path for r in result.outcomes if r.path not in paths):
        rows = _rows(result, path, specs, others, hushed, elsewhere, approvals)
        documents.append(
            Checked(_clean(path), "the documents read together", "", "", "", "", "", (), rows)
        )
    chart = _chart(result)
    headline, summary = _summary(result, plan, documents)
    return BoardReport(
        title="Governance documents: report of the checks",
        prepared=_words(today),
        prepared_on=today,
        law=_law_words(as_at, today),
        version=__version__,
        packs=_packs(plan.rules),
        configuration=next((v for n, v, _ in plan.shown if n == "config"), "(none found)"),
        headline=headline,
        summary=summary,
        chart=chart,
        documents=tuple(documents),
        elsewhere=elsewhere,
    )


def _clean(text: str) -> str:
    """Text safe in any output: no control characters, no lone surrogates."""
    return re.sub("[\ud800-\udfff]", "\ufffd", printable(text))


def _words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _law_words(as_at: law.AsAt | None, today: dt.date) -> str:
    if as_at == "effective":
        return "each document's own effective date (today's law where a document gives none)"
    return _words(as_at if isinstance(as_at, dt.date) else today)


def _cited(citation: Citation) -> Cited:
    url = citation.url if citation.url.startswith(("https://", "http://")) else ""
    return Cited(_clean(str(citation)), url)


def _finding_result(item: Diagnostic | Suppressed) -> str:
    if isinstance(item, Suppressed):
        return "Waived" if item.by == "waiver" else "Suppressed"
    if item.outcome is Outcome.BREACH:
        what = "File problem" if item.level is Level.TOOL else "Breach"
        return f"{what} ({item.severity.value})"
    return {Outcome.NOT_STATED: "Not stated", Outcome.PENDING: "Pending law"}.get(
        item.outcome, item.outcome.label
    )


def _set_aside(item: Suppressed, approvals: Mapping[str, Waiver]) -> str:
    reason = _clean(item.reason)
    if item.by != "waiver":
        return f"Suppressed by a comment in the document ({_clean(item.where)}): {reason}."
    said = f"Waived in configuration ({_clean(item.where)}): {reason}."
    waiver = approvals.get(item.where)
    if waiver is not None:
        said += f" Approved by {_clean(waiver.approved_by)}. Expires {_words(waiver.expires)}."
    return said


def _groups(
    found: Sequence[Diagnostic],
    quiet: Sequence[Suppressed],
    make: Callable[[Diagnostic | Suppressed], Entry],
) -> tuple[Group, ...]:
    """A document's findings, numbered, in the order a board reads them."""
    breaches = [d for d in found if d.is_breach and d.level is not Level.TOOL]
    breaches.sort(key=lambda d: (-d.severity.rank, d.line, d.code))
    parts = (
        ("Breaches", breaches),
        ("Problems with the file", [d for d in found if d.is_breach and d.level is Level.TOOL]),
        ("Not stated", [d for d in found if d.outcome is Outcome.NOT_STATED]),
        ("Pending law", [d for d in found if d.outcome is Outcome.PENDING]),
        ("Waived or suppressed", list(quiet)),
    )
    return tuple(Group(title, tuple(make(i) for i in items)) for title, items in parts if items)


def _about(diagnostic: Diagnostic, path: str) -> bool:
    """Whether a finding is in the file at `path`, or (a whole-system finding) about it."""
    return diagnostic.path == path or path in {r.path for r in diagnostic.related}


def _rows(
    result: Result,
    path: str,
    specs: dict[str, RuleSpec],
    found: Sequence[Diagnostic],
    quiet: Sequence[Suppressed],
    groups: Sequence[Group],
    approvals: Mapping[str, Waiver],
) -> tuple[Row, ...]:
    """Every rule's result on the file at `path` (rules for the other kind left out)."""
    located = {(e.code, e.line, e.column, e.message): e.number for g in groups for e in g.entries}
    return tuple(
        _row(r, specs, found, quiet, located, approvals)
        for r in result.outcomes
        if r.path == path and not r.other_kind
    )


def _where(diagnostic: Diagnostic, path: str) -> str:
    """Where a finding is, from the row of the file at `path`: "line 38", or with its file."""
    if diagnostic.path == path:
        return f"line {diagnostic.line}"
    return f"{_clean(diagnostic.path)} line {diagnostic.line}"


def _row(
    result: RuleResult,
    specs: dict[str, RuleSpec],
    found: Sequence[Diagnostic],
    quiet: Sequence[Suppressed],
    located: dict[tuple[str, int, int, str], str],
    approvals: Mapping[str, Waiver],
) -> Row:
    spec = specs.get(result.code)
    mine = [d for d in found if d.code == result.code]
    hushed = [s for s in quiet if s.diagnostic.code == result.code]
    refs = [
        f"{_where(d, result.path)} "
        f"({located.get((d.code, d.line, d.column, _clean(d.message)), '-')})"
        for d in [*mine, *(s.diagnostic for s in hushed)]
    ]
    outcome = result.outcome
    if outcome is Outcome.SUPPRESSED:
        waived = any(s.by == "waiver" for s in hushed)
        result_text, key = ("Waived" if waived else "Suppressed"), "set-aside"
    elif outcome is Outcome.BREACH:
        severity = spec.severity.value if spec else "error"
        result_text, key = f"Breach ({severity})", "breach"
    else:
        labels = {
            Outcome.NOT_STATED: "Not stated",
            Outcome.PENDING: "Pending law",
            Outcome.PASSED: "Passed",
            Outcome.NOT_APPLICABLE: "Not applicable",
        }
        result_text, key = labels[outcome], outcome.value
    notes = []
    if refs:
        notes.append("Findings: " + ", ".join(refs) + ".")
    notes += [_set_aside(s, approvals) for s in hushed]
    if result.reason:
        reason = _clean(result.reason)
        passed = outcome is Outcome.PASSED
        said = f"Passed because of what the document records: {reason}" if passed else reason
        notes.append(said[:1].upper() + said[1:].rstrip(".") + ".")
    return Row(
        code=result.code,
        title=_clean(spec.title) if spec else result.code,
        level=LEVEL_HEADINGS[spec.level] if spec else "",
        result=result_text,
        key=key,
        note=" ".join(notes),
    )


def _checked(
    path: str,
    kind: str | None,
    as_at: law.AsAt | None,
    today: dt.date,
    groups: tuple[Group, ...],
    rows: tuple[Row, ...],
) -> Checked:
    document = _document(path) if kind is not None else None
    facts = _facts(document)
    if as_at == "effective":
        day = (law.effective_date(document) if document is not None else None) or today
    else:
        day = as_at if isinstance(as_at, dt.date) else today
    return Checked(
        path=_clean(path),
        kind=KIND_LABELS.get(kind or "", "not a document icslint could read"),
        name=facts[0],
        version=facts[1],
        status=facts[2],
        effective=facts[3],
        law_day=_words(day) if document is not None else "",
        groups=groups,
        rows=rows,
    )


def _document(path: str) -> Document | None:
    """The document in a file already checked, read again for its facts."""
    try:
        text = decode(Path(path).read_bytes(), path)
    except OSError:
        return None
    return None if isinstance(text, Diagnostic) else load(text, path).document


def _facts(document: Document | None) -> tuple[str, str, str, str]:
    """The document's name, version, status and effective date, as far as it states them."""
    if document is None:
        return ("", "", "", "")
    body = getattr(document, "icb", None) or getattr(document, "icp", None)
    meta = document.meta
    name = getattr(body, "name", None)
    effective = meta.effective_from.in_words() if meta and meta.effective_from else ""
    status = meta.status.replace("_", " ") if meta and meta.status else ""
    version = meta.version if meta and meta.version else ""
    return (
        _clean(name or "not stated"),
        _clean(version or "not stated"),
        status or "not stated",
        effective or "not stated",
    )


def _packs(rules: Sequence[RuleSpec]) -> tuple[str, ...]:
    """The rule packs in force, each with its version and how many of its rules ran."""
    counts = Counter(_pack(spec) for spec in rules)
    return tuple(f"{name}: {_plural(n, 'rule', 'rules')}" for name, n in counts.items())


def _pack(spec: RuleSpec) -> str:
    """Where a rule comes from: its pack, as the rule set names it; without one, icslint's
    own rules or a local rule pack."""
    pack = getattr(spec, "pack", None)
    if pack is not None:
        return str(pack)
    module = getattr(spec.check, "__module__", "") or ""
    if module.startswith("icslint.rules"):
        return f"icslint built-in rules {__version__}"
    return "local rule pack"


def _chart(result: Result) -> Chart:
    """Rule results, once for each document, by level and outcome."""
    specs = {spec.code: spec for spec in result.rules}
    counts: Counter[tuple[Level, str]] = Counter()
    for r in result.outcomes:
        spec = specs.get(r.code)
        if r.other_kind or spec is None:
            continue
        key = "set-aside" if r.outcome is Outcome.SUPPRESSED else r.outcome.value
        counts[spec.level, key] += 1
    most = max(counts.values(), default=1)
    groups: list[ChartGroup] = []
    y = 0
    for level in LEVELS:
        top = y
        y += 22
        bars = []
        for category in CATEGORIES:
            n = counts[level, category.key]
            width = max(2, round(360 * n / most)) if n else 0
            bars.append(Bar(category.label, category.colour, n, y, width))
            y += 16
        groups.append(ChartGroup(LEVEL_HEADINGS[level], top, tuple(bars)))
        y += 8
    table = tuple(
        (LEVEL_HEADINGS[level], tuple(counts[level, c.key] for c in CATEGORIES)) for level in LEVELS
    )
    return Chart(tuple(groups), y, table, tuple(c.label for c in CATEGORIES))


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary(
    result: Result, plan: Plan, documents: Sequence[Checked]
) -> tuple[str, tuple[str, ...]]:
    """The headline and a few plain sentences a non-specialist can read in a minute."""
    breaches = [d for d in result.breaches if d.level is not Level.TOOL]
    by_level = Counter(d.level for d in breaches)
    parts: list[str] = []
    for level in LEVELS:
        n = by_level[level]
        if n:
            noun = (" breach" if n == 1 else " breaches") if not parts else ""
            parts.append(f"{n}{noun} of {_BREACH_OF[level]}")
    file_problems = len([d for d in result.breaches if d.level is Level.TOOL])
    silent = len(result.not_stated)
    one = len(documents) == 1
    clauses = [_and(parts) if parts else "no breaches of the law, NHS England policy or guidance"]
    if silent:
        subject = "the document does" if one else "the documents do"
        clauses.append(f"{_plural(silent, 'thing', 'things')} {subject} not state")
    if file_problems:
        clauses.append(_plural(file_problems, "problem", "problems") + " with the files themselves")
    headline = "; ".join(clauses)
    headline = headline[:1].upper() + headline[1:] + "."

    passed = result.count_outcome(Outcome.PASSED)
    not_applicable = result.count_outcome(Outcome.NOT_APPLICABLE)
    names = [d.name for d in documents if d.name and d.name != "not stated"]
    checked = _plural(len(result.checked), "document", "documents")
    said = [
        f"icslint checked {checked}"
        + (f" ({_and(names)})" if names else "")
        + " against the rules of the law, NHS England policy and guidance for each kind of "
        f"document ({_plural(len(plan.rules), 'rule', 'rules')} in all). Counting each rule "
        f"once for each document it was run on, {passed} passed and {not_applicable} did not "
        "apply, each with its reason below."
    ]
    if breaches:
        said.append(
            "A breach means a document says something the law or policy forbids, or leaves "
            "out something it must contain: each needs correcting before the document is "
            "approved, or a decision recorded on it."
        )
    if silent:
        said.append(
            "Things not stated are not breaches: "
            + ("the document is" if one else "the documents are")
            + " silent on them, and each should be checked."
        )
    waived, suppressed = result.count_suppressed("waiver"), result.count_suppressed("comment")
    if waived or suppressed:
        bits = []
        if waived:
            bits.append(
                f"{_plural(waived, 'finding is', 'findings are')} waived on the record, with "
                "the approver and expiry date"
            )
        if suppressed:
            bits.append(
                f"{_plural(suppressed, 'finding is', 'findings are')} suppressed by a comment "
                "in the document, with its reason"
            )
        said.append(_and(bits)[:1].upper() + _and(bits)[1:] + "; each is listed below.")
    if result.pending:
        said.append(
            f"{_plural(len(result.pending), 'place', 'places')} will need to change when law "
            "not yet in force commences (pending law: not breaches)."
        )
    elif plan.pending:
        said.append("Pending law was looked for: nothing will need to change when it commences.")
    return headline, tuple(said)


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


# --- Formats -------------------------------------------------------------------------------


def choose_format(output: Path, given: ReportFormat | None) -> ReportFormat:
    """The format asked for, or the output file's suffix; HTML for stdout."""
    if given is not None:
        return given
    if str(output) == STDOUT:
        return ReportFormat.html
    found = ReportFormat.from_suffix(output.suffix)
    if found is None:
        raise ReportError(
            f"cannot tell the format from {output.name!r}; name the file .html, .pdf or .docx, "
            "or give --format"
        )
    return found


def check_output(output: Path, chosen: ReportFormat, force: bool) -> None:
    """Refuse, before any work, an output that cannot be written."""
    if str(output) == STDOUT:
        if chosen is not ReportFormat.html:
            raise ReportError(f"{chosen.value} output cannot go to stdout; give a file name")
    elif output.exists() and not force:
        raise ReportError(f"{output.as_posix()} already exists; use --force to replace it")


def render(report: BoardReport, chosen: ReportFormat) -> bytes:
    """The report as the bytes of a file of format `chosen`."""
    if chosen is ReportFormat.docx:
        return as_docx(report)
    html = as_html(report)
    if chosen is ReportFormat.html:
        return html.encode("utf-8")
    from icslint.render.pdf import PdfUnavailable, render_pdf

    try:
        return render_pdf(html)
    except PdfUnavailable as error:
        raise ReportError(str(error)) from None


def write(output: Path, data: bytes, force: bool) -> None:
    """Write the report atomically, never over a file unless `force`."""
    import sys

    from icslint.output import OutputExists, write_file

    if str(output) == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        write_file(output, data, replace=force)
    except OutputExists:
        raise ReportError(
            f"{output.as_posix()} already exists; use --force to replace it"
        ) from None
    except OSError as error:
        raise ReportError(f"cannot write {output.as_posix()}: {error.strerror or error}") from None


def as_html(report: BoardReport) -> str:
    """One self-contained page: styles inline, the chart as inline SVG, nothing fetched."""
    from jinja2 import Environment, FunctionLoader, StrictUndefined
    from markupsafe import Markup

    from icslint.packaged import template_text

    env = Environment(
        loader=FunctionLoader(template_text),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("html/board-report.html.j2").render(
        report=report,
        no_rules=NO_RULES,
        css=Markup(template_text("html/board-report.css")),
    )


def as_docx(report: BoardReport) -> bytes:
    """The report as a Word file on A4, with the chart drawn in text and its numbers as a
    table."""
    from docx.shared import Mm, Pt

    from icslint.render.docx import blank_document
    from icslint.render.facts import DocumentFacts

    # The report is icslint's, about the documents: it names no author, version or approval.
    properties = DocumentFacts(
        title=report.title,
        body=None,
        kind="Report of the checks",
        version=None,
        effective=None,
        approval=None,
        generated=report.prepared_on,
        draft=False,
    )
    word = blank_document(properties)
    section = word.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))  # the report's tables are laid out for 170 mm
    word.styles["Normal"].font.size = Pt(10)
    _footer(word)

    word.add_paragraph(report.title, style="Title")
    word.add_paragraph(
        f"Prepared on {report.prepared} by icslint {report.version}. "
        f"Law applied as at {report.law}."
    )
    word.add_heading("Summary", level=1)
    word.add_paragraph().add_run(report.headline).bold = True
    for sentence in report.summary:
        word.add_paragraph(sentence)

    word.add_heading("Results by level", level=1)
    word.add_paragraph(report.chart_note)
    _bars(word, report.chart)
    _table(
        word,
        ("Level", *report.chart.columns),
        [(level, *(str(n) for n in counts)) for level, counts in report.chart.table],
        (35, 20, 20, 20, 30, 20, 25),
    )

    word.add_heading("What was checked", level=1)
    facts = [
        ("Law applied as at", report.law),
        ("icslint", report.version),
        ("Rule packs in force", "; ".join(report.packs) or "none"),
        ("Configuration", report.configuration),
        ("Prepared on", report.prepared),
    ]
    _table(word, ("", ""), facts, (45, 125), header=False)
    for d in report.documents:
        rows = [
            ("File", d.path),
            ("Kind", d.kind),
            ("Name", d.name),
            ("Version", d.version),
            ("Status", d.status),
            ("Effective from", d.effective),
            ("Law applied as at", d.law_day),
        ]
        _table(word, ("", ""), [r for r in rows if r[1]], (45, 125), header=False)

    word.add_heading("Findings", level=1)
    if not any(d.groups for d in report.documents) and not report.elsewhere:
        word.add_paragraph("No findings: every rule that applied passed.")
    for document in report.documents:
        if document.groups:
            word.add_heading(_heading(document), level=2)
            _entries(word, document.groups)
    if report.elsewhere:
        word.add_heading("About the configuration or several documents", level=2)
        _entries(word, report.elsewhere)

    word.add_heading("Every rule, for each document", level=1)
    for document in report.documents:
        word.add_heading(_heading(document), level=2)
        if not document.rows:
            word.add_paragraph(NO_RULES)
            continue
        _table(
            word,
            ("Code", "Requirement", "Level", "Result", "Notes"),
            [(r.code, r.title, r.level, r.result, r.note) for r in document.rows],
            (17, 58, 24, 21, 50),
        )

    word.add_heading("What the results mean", level=1)
    for term, meaning in report.terms:
        paragraph = word.add_paragraph()
        paragraph.add_run(f"{term}. ").bold = True
        paragraph.add_run(meaning)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _heading(document: Checked) -> str:
    return f"{document.name} ({document.path})" if document.name else document.path


def _entries(word: WordDocument, groups: Iterable[Group]) -> None:
    for group in groups:
        word.add_heading(group.title, level=3)
        for e in group.entries:
            paragraph = word.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True
            paragraph.add_run(f"{e.number}  {e.result}: {e.code} {e.title}").bold = True
            paragraph.add_run(f"\n{e.path}, line {e.line}, column {e.column} ({e.level})")
            word.add_paragraph(e.message)
            if e.also:
                word.add_paragraph("Also about: " + ", ".join(e.also))
            if e.set_aside:
                word.add_paragraph(e.set_aside)
            for citation in e.citations:
                shown = f"{citation.text}: {citation.url}" if citation.url else citation.text
                word.add_paragraph(shown, style="List Bullet")


def _bars(word: WordDocument, chart: Chart) -> None:
    """The chart drawn with text: a bar of block characters in each outcome's colour."""
    from docx.shared import Mm, Pt, RGBColor

    table = word.add_table(rows=0, cols=2)
    for group in chart.groups:
        table.add_row().cells[0].paragraphs[0].add_run(group.level).bold = True
        for bar in group.bars:
            label, drawn = table.add_row().cells
            label.paragraphs[0].add_run(bar.label).font.size = Pt(9)
            paragraph = drawn.paragraphs[0]
            if bar.count:
                run = paragraph.add_run("\u2588" * max(1, round(bar.width / 12)))
                run.font.color.rgb = RGBColor.from_string(bar.colour.lstrip("#").upper())
                run.font.size = Pt(8)
            paragraph.add_run(f" {bar.count}").font.size = Pt(9)
    _widths(table, (45, 125))
    for cell in table._cells:
        cell.paragraphs[0].paragraph_format.space_after = Mm(0)
    word.add_paragraph()


def _table(
    word: WordDocument,
    heading: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    header: bool = True,
) -> None:
    """A bordered table in 9-point text; its heading row repeats on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    table = word.add_table(rows=0, cols=len(heading))
    table.style = "Table Grid"
    lines = [heading, *rows] if header else list(rows)
    for number, line in enumerate(lines):
        for cell, text in zip(table.add_row().cells, line, strict=True):
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(9)
            run.bold = (header and number == 0) or None
    if header:
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(flag)
    _widths(table, widths)
    word.add_paragraph()


def _widths(table: Table, widths: Sequence[float]) -> None:
    """Column widths in millimetres, as Word and LibreOffice both read them."""
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _footer(word: WordDocument) -> None:
    """Page x of y at the foot of each page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = word.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    for instruction in ("PAGE", None, "NUMPAGES"):
        if instruction is None:
            footer.add_run(" of ")
            continue
        run = footer.add_run()
        for kind in ("begin", "instr", "end"):
            if kind == "instr":
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = f" {instruction} "
            else:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
