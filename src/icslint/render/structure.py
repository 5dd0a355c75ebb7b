"""The document's own structure: the number and heading of each section of the rendered text.

The templates write the model's sections in the model's order, each under a key:
`n.section("conflicts", "Conflicts of interest and standards of business conduct")`. Without
a list of `sections` in the document, they are numbered 1, 2, 3 ... and Appendix 1, 2 ... in
that order. A document that lists its sections keeps its own numbers and headings, and its
order: each listed section is matched to the model section it is, first by the words of its
heading ("Arrangements for public involvement"), then by the key that names its number
(`public_involvement.arrangements_section: "6"`), then by its number. A model section the list
leaves out keeps the template's heading and follows the document's last section (or
appendix). A listed section the model does not have takes its clauses from the document's
`local_sections` (matched by heading); with none, it is a gap. Numbers with a dot ("4.7") are
parts of a section: they mark optional parts in a draft but are not headings here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from icslint.models import Document, IcbConstitution
from icslint.models.icb import Section
from icslint.models.icp import TorSection


@dataclass(frozen=True)
class ModelSection:
    """A section of the model text, as the templates name it."""

    key: str
    words: tuple[str, ...]
    """Words that, in a document's heading, show the heading is this section's."""
    appendix: bool = False
    pointer: tuple[str, ...] = ()
    """The document's key that gives the section's number, if it has one."""


ICB_SECTIONS = (
    ModelSection("introduction", ("introduction", "foreword")),
    ModelSection("board", ("composition",)),
    ModelSection("appointments", ("appointment",)),
    ModelSection("functions", ("functions",)),
    ModelSection("decisions", ("decision", "procedure")),
    ModelSection(
        "conflicts", ("conflict",), pointer=("conflicts_of_interest", "arrangements_section")
    ),
    ModelSection(
        "accountability", ("accountab", "transparen"), pointer=("transparency", "statement_ref")
    ),
    ModelSection("employees", ("employee",), pointer=("employees", "terms_section")),
    ModelSection(
        "involvement",
        ("involvement", "involving", "people and communities"),
        pointer=("public_involvement", "arrangements_section"),
    ),
    ModelSection("definitions", ("definition", "interpretation"), appendix=True),
    ModelSection(
        "standing_orders",
        ("standing order",),
        appendix=True,
        pointer=("standing_orders", "location"),
    ),
)
ICP_SECTIONS = (
    ModelSection("establishment", ("establish", "legal status")),
    ModelSection("purpose", ("purpose",)),
    ModelSection("membership", ("member",)),
    ModelSection("chair", ("chair",)),
    ModelSection("decisions", ("quorum", "decision")),
    ModelSection("meetings", ("meeting",)),
    ModelSection("strategy", ("strateg",)),
    ModelSection("review", ("review", "amend")),
)

_MAIN = re.compile(r"(?:section\s+)?(\d+)\.?", re.IGNORECASE)
_PART = re.compile(r"\d+(?:\.\d+)+\.?")
_TRAILING_NUMBER = re.compile(r"(\d+)$")


@dataclass(frozen=True)
class Planned:
    """One section of the rendered text: its number, heading and place."""

    label: str
    """The number as printed: "6", or "Appendix 2" for an appendix."""
    heading: str | None
    """The document's heading; None to use the template's."""
    appendix: bool
    order: tuple[int, int]
    """Where it goes: main sections by number, then appendices in the document's order."""
    key: str | None = None
    """The model section it is, if it is one."""
    local: int | None = None
    """Its index in the document's `local_sections`, if it is one of those."""
    optional: bool = False
    """The document marks it optional (in a draft, still to be decided)."""

    @property
    def number(self) -> int:
        """A main section's number (a section of the model or the document's own)."""
        return int(self.label)


@dataclass(frozen=True)
class Layout:
    """Every section of the rendered text."""

    model: dict[str, Planned]
    """The model's sections, by key."""
    extra: tuple[Planned, ...]
    """Sections the document has that the model does not: its own, and those it lists with no
    text (each a gap)."""

    def section(self, key: str) -> Planned:
        try:
            return self.model[key]
        except KeyError:
            raise ValueError(f"no model section {key!r}") from None

    def ref(self, key: str) -> str:
        """How the text refers to a section: "6" or "Appendix 2"."""
        return self.section(key).label


def layout(document: Document) -> Layout:
    """Where each section of `document` goes, with its number and heading."""
    model = ICB_SECTIONS if isinstance(document, IcbConstitution) else ICP_SECTIONS
    listed = [s for s in document.sections if not _PART.fullmatch(s.number.strip())]
    claimed: dict[str, int] = {}  # model key -> index in `listed`

    def claim(key: str, index: int) -> None:
        if key not in claimed and index not in claimed.values():
            claimed[key] = index

    for index, entry in enumerate(listed):
        heading = entry.heading.casefold()
        for section in model:
            named = any(word in heading for word in section.words)
            if named and section.key not in claimed and _fits(section, entry.number):
                claim(section.key, index)
                break
    for section in model:
        value = _value_at(document, section.pointer)
        for index, entry in enumerate(listed):
            if value and _same_number(entry.number, value) and _fits(section, entry.number):
                claim(section.key, index)
    for index, entry in enumerate(listed):
        position = _position(entry.number)
        alike = [s for s in model if _fits(s, entry.number)]
        if position is not None and 0 < position <= len(alike):
            claim(alike[position - 1].key, index)

    main_numbers = [int(m[1]) for e in listed if (m := _MAIN.fullmatch(e.number.strip()))]
    appendix_numbers = [p for e in listed if not _is_main(e.number) and (p := _position(e.number))]
    next_main = max(main_numbers, default=0) + 1
    next_appendix = max(appendix_numbers, default=0) + 1
    planned: dict[str, Planned] = {}
    for section in model:
        found = claimed.get(section.key)
        if found is not None:
            planned[section.key] = _from_list(listed[found], found, key=section.key)
        elif section.appendix:
            label = f"Appendix {next_appendix}"
            planned[section.key] = Planned(
                label, None, True, (1, 1000 + next_appendix), section.key
            )
            next_appendix += 1
        else:
            planned[section.key] = Planned(str(next_main), None, False, (0, next_main), section.key)
            next_main += 1

    extra: list[Planned] = []
    locals_by_heading = {
        _words(s.heading): i for i, s in reversed(list(enumerate(document.local_sections)))
    }
    placed_locals: set[int] = set()
    for index, entry in enumerate(listed):
        if index in claimed.values():
            continue
        local = locals_by_heading.get(_words(entry.heading))
        if local is not None and local in placed_locals:
            local = None
        if local is not None:
            placed_locals.add(local)
        extra.append(_from_list(entry, index, local=local))
    for index, own in enumerate(document.local_sections):
        if index not in placed_locals:
            extra.append(Planned(str(next_main), own.heading, False, (0, next_main), local=index))
            next_main += 1
    return Layout(planned, tuple(extra))


def arrange(markdown: str, opened: Sequence[tuple[int, int]]) -> str:
    """The Markdown with its sections (each from a `## ` heading to the next) in the order
    their numbers give, when the document lists its sections in an order of its own.
    `opened` is the order key of each section, in the order the text has them."""
    pieces = re.split(r"(?m)^(?=## )", markdown)
    front, sections = pieces[0], pieces[1:]
    if len(sections) != len(opened):  # not the sections the numbering opened: leave as is
        return markdown
    ordered = sorted(zip(opened, sections, strict=True), key=lambda pair: pair[0])
    return front + "".join(text.rstrip("\n") + "\n\n" for _, text in ordered)


def _from_list(
    entry: Section | TorSection, index: int, *, key: str | None = None, local: int | None = None
) -> Planned:
    number = " ".join(entry.number.split())
    optional = bool(entry.optional)
    main = _MAIN.fullmatch(number)
    if main:
        value = int(main[1])
        return Planned(str(value), entry.heading, False, (0, value), key, local, optional)
    return Planned(number, entry.heading, True, (1, index), key, local, optional)


def _fits(section: ModelSection, number: str) -> bool:
    """Whether a listed number can be this model section's: a main section's is a number,
    an appendix's is not."""
    return section.appendix != _is_main(number)


def _is_main(number: str) -> bool:
    return _MAIN.fullmatch(number.strip()) is not None


def _position(number: str) -> int | None:
    """The number a section or appendix is known by: 6 for "6", 2 for "Appendix 2"."""
    found = _TRAILING_NUMBER.search(number.strip().rstrip("."))
    return int(found[1]) if found else None


def _same_number(a: str, b: str) -> bool:
    return _words(a).removeprefix("section ") == _words(b).removeprefix("section ")


def _words(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


def _value_at(document: Document, path: tuple[str, ...]) -> str | None:
    value: object = document
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value if isinstance(value, str) else None
