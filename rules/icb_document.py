"""Catalogue section A: the constitution itself, the ICB's name and its area."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import sch1b

ICB = "icb-constitution"


@rule(
    code="ICB001",
    slug="constitution-exists",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("1")],
)
def constitution_exists(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """An ICB constitution must have content.

    Requirement: Every integrated care board must have a constitution. A file that declares
    itself an ICB constitution but says nothing about the ICB, its board or its arrangements
    is not one.
    Why: The constitution is the instrument that sets up how the board is made up and how it
    works; without it nothing else can be checked.
    Fix: Fill in the document, or start a new draft with
    `icslint init --kind icb-constitution`.
    Source: Schedule 1B paragraph 1 read in the revised text on legislation.gov.uk (catalogue
    source S01, [V]).
    """
    content = doc.model_dump(exclude={"kind", "schema_version", "meta"}, exclude_defaults=True)
    if not content:
        yield Finding(
            (),
            "The file declares an ICB constitution but contains none of its content: no "
            "icb, board or other sections. Every ICB must have a constitution; fill in the "
            "document or start from `icslint init --kind icb-constitution`.",
        )


@rule(
    code="ICB002",
    slug="icb-name",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("2(a)")],
)
def icb_name(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must state the ICB's name.

    Requirement: The constitution must give the name of the integrated care board.
    Why: The name is how the establishment order, NHS England and the public identify the
    board; it is mandatory content of every constitution.
    Fix: Add `icb.name`, for example `name: NHS Wessex Integrated Care Board`.
    Source: Schedule 1B paragraph 2(a) read in the revised text on legislation.gov.uk (S01, [V]).
    """
    if doc.icb is None or not doc.icb.name:
        yield Finding(
            ("icb", "name"),
            "The constitution does not state the ICB's name. Add icb.name, for example "
            '"NHS Wessex Integrated Care Board".',
        )


@rule(
    code="ICB003",
    slug="icb-area",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("2(b)")],
)
def icb_area(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution must state the area the ICB is established for.

    Requirement: The constitution must state the area for which the ICB is established, by
    the local authority areas it covers or by a description; any part of a council's area
    that is left out must be identified.
    Why: The area fixes whose health needs the ICB must meet and which councils, trusts and
    practices take part in nominating partner members.
    Fix: List the councils under `icb.area.local_authorities`, or describe the area under
    `icb.area.description`; give each exclusion an `identifier` (for example an LSOA code).
    Source: Schedule 1B paragraph 2(b) read in the revised text on legislation.gov.uk (S01, [V]).
    """
    area = doc.icb.area if doc.icb else None
    if area is None or (not area.local_authorities and not area.description):
        yield Finding(
            ("icb", "area"),
            "The constitution does not state the ICB's area. List the local authorities whose "
            "areas make it up under icb.area.local_authorities, or describe it under "
            "icb.area.description.",
        )
        return
    for index, exclusion in enumerate(area.exclusions):
        if not exclusion.identifier:
            yield Finding(
                ("icb", "area", "exclusions", index),
                "This part of the area that the ICB does not cover has no identifier, so the "
                "area's boundary cannot be drawn. Add an identifier such as the LSOA code.",
            )
