"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Built from plain dicts rather than a library: `sarif-om` (2019, untyped attrs classes) needs
`jschema-to-python`, `jsonpickle` and `pbr` to serialise and silently drops default values
such as level "warning", and `sarif-pydantic` has no `py.typed` marker and models
`result.suppressions` as a single `suppression`, the one field we need that it gets wrong; the
shape below is small, and tests validate it against the official 2.1.0 schema instead.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import TextIO
from urllib.parse import quote

from icslint import __version__
from icslint.diagnostics import Diagnostic, Outcome, Severity, yaml_path
from icslint.engine import Result, Suppressed
from icslint.registry import RuleSpec, packs_in
from icslint.reporters.fingerprints import result_fingerprints

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "icslint/v1"
"""The `partialFingerprints` key: versioned, so a change of recipe can take a new key."""

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SUPPRESSION_KINDS = {"comment": "inSource", "waiver": "external"}

Json = dict[str, object]


def report(result: Result, stream: TextIO) -> None:
    json.dump(as_sarif(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def as_sarif(result: Result) -> Json:
    reported, suppressed = result_fingerprints(result)
    rules = _Rules(result.rules)
    artifacts = _Artifacts([f.path for f in result.checked])
    results = [
        _result(d, fp, rules, artifacts) for d, fp in zip(result.diagnostics, reported, strict=True)
    ]
    results += [
        _result(s.diagnostic, fp, rules, artifacts, suppression=s)
        for s, fp in zip(result.suppressed, suppressed, strict=True)
    ]
    run: Json = {
        "tool": {
            # No informationUri (optional in SARIF 2.1.0): icslint has no public home page.
            "driver": {
                "name": "icslint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules.descriptors,
            },
            # Installed and local rule packs in force, as SARIF's tool extensions.
            "extensions": [
                {"name": pack.name, **({"version": pack.version} if pack.version else {})}
                for pack in packs_in(result.rules)
                if pack.kind != "built-in"
            ],
        },
        "invocations": [{"executionSuccessful": True}],
        # Columns are counted in characters (code points), as Python counts them.
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts.entries,
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def uri(path: str) -> str:
    """A path as a SARIF URI: a relative reference when relative, else a file: URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())


def _result(
    d: Diagnostic,
    fingerprint: str,
    rules: _Rules,
    artifacts: _Artifacts,
    suppression: Suppressed | None = None,
) -> Json:
    location: Json = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(d.path), "index": artifacts.index(d.path)},
            "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
        }
    }
    if d.loc:
        location["logicalLocations"] = [
            {"name": str(d.loc[-1]), "fullyQualifiedName": yaml_path(d.loc), "kind": "member"}
        ]
    entry: Json = {
        "ruleId": d.code,
        "ruleIndex": rules.index(d),
        # A breach is a failed check; something the document does not state is for a person to
        # review; pending law is for information (SARIF then requires level "none").
        "kind": _KINDS.get(d.outcome, "review"),
        "level": LEVELS[d.severity] if d.is_breach else "none",
        "message": {"text": d.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"outcome": d.outcome.value},
    }
    if d.related:
        # A whole-system finding: the same finding in the other documents it is about.
        entry["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(r.path), "index": artifacts.index(r.path)},
                    "region": {"startLine": max(r.line, 1), "startColumn": max(r.column, 1)},
                },
            }
            for number, r in enumerate(d.related)
        ]
    if suppression is not None:
        entry["suppressions"] = [_suppression(suppression)]
    return entry


_KINDS = {Outcome.BREACH: "fail", Outcome.NOT_STATED: "review", Outcome.PENDING: "informational"}


def _suppression(s: Suppressed) -> Json:
    entry: Json = {"kind": SUPPRESSION_KINDS.get(s.by, "external"), "status": "accepted"}
    if s.reason:
        entry["justification"] = s.reason
    if s.where:
        entry["properties"] = {"where": s.where}
    return entry


class _Rules:
    """`tool.driver.rules`: every rule that ran, and any other a finding names."""

    def __init__(self, specs: tuple[RuleSpec, ...]) -> None:
        self.descriptors: list[Json] = []
        self._index: dict[str, int] = {}
        for spec in specs:
            self._add(spec.code, _descriptor(spec))

    def index(self, d: Diagnostic) -> int:
        if d.code not in self._index:
            self._add(d.code, _bare_descriptor(d))
        return self._index[d.code]

    def _add(self, code: str, descriptor: Json) -> None:
        if code not in self._index:
            self._index[code] = len(self.descriptors)
            self.descriptors.append(descriptor)


def _descriptor(spec: RuleSpec) -> Json:
    sections = spec.sections
    descriptor: Json = {
        "id": spec.code,
        "name": spec.slug,
        "shortDescription": {"text": spec.title},
        "fullDescription": {"text": sections.get("Requirement") or spec.title},
    }
    fix = sections.get("Fix")
    if fix:
        sources = "".join(f"\n- [{c}]({c.url})" for c in spec.citations)
        markdown = f"{fix}\n\nSources:{sources}" if sources else fix
        descriptor["help"] = {"text": fix, "markdown": markdown}
    if spec.citations:
        descriptor["helpUri"] = spec.citations[0].url
    descriptor["defaultConfiguration"] = {"level": LEVELS[spec.severity]}
    descriptor["properties"] = {
        "level": spec.level.value,
        "tags": [spec.level.value, spec.applies_to],
    }
    if spec.requires is not None:
        descriptor["properties"]["requires"] = spec.requires.value  # type: ignore[index]
    return descriptor


def _bare_descriptor(d: Diagnostic) -> Json:
    """A rule known only from a finding (it was not among the rules that ran)."""
    descriptor: Json = {"id": d.code, "name": d.rule}
    if d.citations:
        descriptor["helpUri"] = d.citations[0].url
    descriptor["properties"] = {"level": d.level.value, "tags": [d.level.value]}
    return descriptor


class _Artifacts:
    """`run.artifacts`: the files checked, and any other a finding names."""

    def __init__(self, paths: list[str]) -> None:
        self.entries: list[Json] = []
        self._index: dict[str, int] = {}
        for path in paths:
            self.index(path)

    def index(self, path: str) -> int:
        if path not in self._index:
            self._index[path] = len(self.entries)
            self.entries.append(
                {
                    "location": {"uri": uri(path)},
                    "roles": ["analysisTarget"],
                    "mimeType": "application/yaml",
                }
            )
        return self._index[path]
