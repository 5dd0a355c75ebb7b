"""`icslint diff`: what changed between two versions of a document, as text, JSON or
Markdown (for an application to NHS England)."""

from __future__ import annotations

import json
from collections import Counter

from icslint.amendments import CLASSES, Amendment, Comparison
from icslint.diagnostics import Citation, yaml_path
from icslint.diffing import ABSENT


def _shown(value: object, limit: int = 120) -> str:
    """A value as a report shows it, on one line."""
    if value is ABSENT:
        return "(none)"
    text = json.dumps(_plain(value), ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value: object) -> object:
    return None if value is ABSENT else value


def _counts(comparison: Comparison) -> Counter[str]:
    return Counter(a.basis.cls for a in comparison.found)


def summary(comparison: Comparison) -> str:
    """`3 changes: 1 needs NHS England's approval, 1 local, 1 editorial.`"""
    total = len(comparison.found)
    if not total:
        return "No changes."
    counts = _counts(comparison)
    approval = counts["approval"]
    needs = (
        "none needs NHS England's approval"
        if not approval
        else f"{approval} {'needs' if approval == 1 else 'need'} NHS England's approval"
    )
    return (
        f"{total} change{'s' if total != 1 else ''}: {needs}, {counts['local']} local, "
        f"{counts['editorial']} editorial."
    )


def as_text(comparison: Comparison) -> str:
    lines: list[str] = []
    for amendment in comparison.found:
        change = amendment.change
        path, line, column = comparison.where(amendment)
        lines.append(
            f"{path}:{line}:{column}: {amendment.basis.cls}: "
            f"{yaml_path(amendment.loc)}: {_shown(change.old)} -> {_shown(change.new)}"
        )
        lines.append(f"  {amendment.basis.reason}")
        lines += [f"  = {c}: {c.url}" for c in amendment.basis.citations]
    lines.append(summary(comparison))
    return "\n".join(lines) + "\n"


def as_data(comparison: Comparison) -> dict[str, object]:
    counts = _counts(comparison)
    return {
        "old": comparison.old.shown,
        "new": comparison.new.shown,
        "kind": comparison.new.kind,
        "changes": [
            {
                "path": list(a.loc),
                "old": _plain(a.change.old),
                "new": _plain(a.change.new),
                "class": a.basis.cls,
                "reason": a.basis.reason,
                "citations": [c.as_dict() for c in a.basis.citations],
                "file": comparison.where(a)[0],
                "line": comparison.where(a)[1],
            }
            for a in comparison.found
        ],
        "summary": {cls: counts[cls] for cls in CLASSES},
    }


def as_markdown(comparison: Comparison) -> str:
    """A table of the changes, with their sources, to attach to an application."""
    what = "constitution" if comparison.new.kind == "icb-constitution" else "terms of reference"
    lines = [
        f"# Changes to the {what}",
        "",
        f"Compared `{_code(comparison.old.shown)}`{comparison.old.title()} with "
        f"`{_code(comparison.new.shown)}`{comparison.new.title()}.",
        "",
        summary(comparison),
    ]
    if comparison.found:
        lines += [
            "",
            "| Where | Before | After | Class | Why |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [
            "| "
            + " | ".join(
                (
                    f"`{_code(yaml_path(a.loc))}` ({_place(comparison, a)})",
                    _cell(_shown(a.change.old, 80)),
                    _cell(_shown(a.change.new, 80)),
                    a.basis.cls,
                    _cell(a.basis.reason),
                )
            )
            + " |"
            for a in comparison.found
        ]
        cited: dict[Citation, None] = {}
        for amendment in comparison.found:
            cited.update(dict.fromkeys(amendment.basis.citations))
        if cited:
            lines += ["", "## Sources", ""]
            lines += [f"- {_cell(str(c))}: <{c.url}>" for c in cited]
    return "\n".join(lines) + "\n"


def _place(comparison: Comparison, amendment: Amendment) -> str:
    path, line, _ = comparison.where(amendment)
    return f"{_cell(path)}, line {line}"


def _code(text: str) -> str:
    """Text for a Markdown code span (which cannot hold a backtick)."""
    return text.replace("`", "'")


def _cell(text: str) -> str:
    """Text for a Markdown table cell that shows as written."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return escaped.replace("\n", " ")
