"""`--format json`: the stable machine-readable shape other formats and tools build on."""

from __future__ import annotations

import json
from typing import TextIO

from icslint.diagnostics import Outcome, Severity
from icslint.engine import Result
from icslint.registry import packs_in

# Version 2 adds `outcome` to every diagnostic, the per-file `files` list with every rule's
# outcome, and outcome counts in the summary. The `pending` outcome and summary count were added
# within version 2, as were `related` on each diagnostic and `packs` (the rule packs in force):
# nothing that was there changed.
FORMAT_VERSION = 2


def as_data(result: Result) -> dict[str, object]:
    return {
        "version": FORMAT_VERSION,
        "packs": [pack.as_dict() for pack in packs_in(result.rules)],
        "diagnostics": [d.as_dict() for d in result.diagnostics],
        "files": [
            {
                "path": checked.path,
                "kind": checked.kind,
                "rules": [r.as_dict() for r in result.outcomes if r.path == checked.path],
            }
            for checked in result.checked
        ],
        "suppressed": [
            {**s.diagnostic.as_dict(), "by": s.by, "reason": s.reason, "where": s.where}
            for s in result.suppressed
        ],
        "summary": {
            "files": result.files,
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "breach": len(result.breaches),
            "not-stated": len(result.not_stated),
            "pending": len(result.pending),
            "passed": result.count_outcome(Outcome.PASSED),
            "not-applicable": result.count_outcome(Outcome.NOT_APPLICABLE),
            "suppressed": result.count_suppressed("comment"),
            "waived": result.count_suppressed("waiver"),
        },
    }


def report(result: Result, stream: TextIO) -> None:
    json.dump(as_data(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
