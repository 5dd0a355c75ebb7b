"""Output formats for `icslint check`: one small writer per module, chosen by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from icslint.engine import Result
from icslint.reporters import json_format, text

Reporter = Callable[[Result, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json_format.report,
}
