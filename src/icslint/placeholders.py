"""Placeholders: the `<<...>>` blanks `icslint init` leaves for the organisation to fill in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from icslint.comments import yaml_comments
from icslint.diagnostics import Loc

# Double angle brackets never occur in constitution prose, survive every YAML quoting style,
# and show up plainly in a draft rendered to Word or PDF.
PLACEHOLDER = re.compile(r"<<[^<>\n]+>>")


def placeholder(what: str) -> str:
    """The blank that asks for `what`, for example `<<the ICB's name>>`."""
    return f"<<{what}>>"


def find_comment_placeholders(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, blank) for each placeholder in a YAML comment.

    `icslint init` puts one in a comment where the value itself cannot be a blank (a date, a
    true/false): the value shown is only a stand-in until someone confirms it and deletes the
    comment.
    """
    lines = text.splitlines()
    for comment in yaml_comments(text):
        for match in PLACEHOLDER.finditer(lines[comment.line - 1], comment.column):
            yield comment.line, match.start() + 1, match.group(0)


def find_placeholders(data: object, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every text value (or key) in plain YAML data that still holds a placeholder."""
    if isinstance(data, str):
        match = PLACEHOLDER.search(data)
        if match:
            yield loc, match.group(0)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and (blank := PLACEHOLDER.search(key)):
                yield (*loc, key), blank.group(0)
            yield from find_placeholders(value, (*loc, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from find_placeholders(item, (*loc, index))
