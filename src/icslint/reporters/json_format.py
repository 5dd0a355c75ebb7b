"""`--format json`: the stable machine-readable shape other formats and tools build on."""

from __future__ import annotations

import json
from typing import TextIO

from icslint.diagnostics import Severity
from icslint.engine import Result

FORMAT_VERSION = 1


def as_data(result: Result) -> dict[str, object]:
    return {
        "version": FORMAT_VERSION,
        "diagnostics": [d.as_dict() for d in result.diagnostics],
        "suppressed": [
            {**s.diagnostic.as_dict(), "by": s.by, "reason": s.reason, "where": s.where}
            for s in result.suppressed
        ],
        "summary": {
            "files": result.files,
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "suppressed": result.count_suppressed("comment"),
            "waived": result.count_suppressed("waiver"),
        },
    }


def report(result: Result, stream: TextIO) -> None:
    json.dump(as_data(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
