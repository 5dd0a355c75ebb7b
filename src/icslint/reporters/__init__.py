"""Output formats for `icslint check`: one small writer per module, chosen by name.

Each module has `report(result, stream)`. Modules are imported only when their format is
asked for, so `--format json` never loads rich, and `text` never loads junitparser.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TextIO

from icslint.engine import Result

Reporter = Callable[[Result, TextIO], None]

REPORTERS: dict[str, str] = {
    "text": "icslint.reporters.text",
    "json": "icslint.reporters.json_format",
    "sarif": "icslint.reporters.sarif",
    "github": "icslint.reporters.github",
    "gitlab": "icslint.reporters.gitlab",
    "junit": "icslint.reporters.junit",
}


def reporter(name: str) -> Reporter:
    """The `report` function of the named format."""
    module = importlib.import_module(REPORTERS[name])
    report: Reporter = module.report
    return report
