"""icslint's own codes (ICLnnn): problems with the file itself rather than with the governance."""

from __future__ import annotations

from icslint.diagnostics import Level, Severity
from icslint.registry import RuleSpec


def _tool(code: str, slug: str, doc: str) -> RuleSpec:
    return RuleSpec(
        code=code,
        slug=slug,
        applies_to="any",
        level=Level.TOOL,
        severity=Severity.ERROR,
        citations=(),
        doc=doc,
    )


YAML_SYNTAX = _tool(
    "ICL001",
    "yaml-syntax",
    """The file is not valid YAML, or uses YAML features icslint does not accept.

    Requirement: The file must be one plain YAML document: mappings, lists, text, numbers,
    dates and true/false, each key once per mapping, no tags such as !!python/object.
    Why: A document icslint cannot read cannot be checked; a duplicate key silently hides one
    of the two values, which in a constitution can change who appoints or removes a member.
    Fix: Correct the line and column shown. Indent with spaces, not tabs; give each key once.
    Source: icslint itself.
    """,
)

SCHEMA = _tool(
    "ICL002",
    "schema",
    """A key or value does not fit the icslint schema for this kind of document.

    Requirement: Keys must be ones the schema knows, and values must be of the right type
    (true/false, a whole number, a date written YYYY-MM-DD, one of a fixed list of codes).
    Why: A misspelt key would otherwise be ignored, so a clause you wrote would not be checked.
    Fix: Use the suggested key or value; `icslint schema` lists every key allowed.
    Source: icslint itself.
    """,
)

NOT_A_DOCUMENT = _tool(
    "ICL003",
    "not-an-icslint-document",
    """The file is not an icslint document.

    Requirement: The file must be a mapping whose top-level `kind` is `icb-constitution` or
    `icp-terms-of-reference`.
    Why: icslint chooses the rules to apply from `kind`; without it nothing can be checked.
    Fix: Add `kind: icb-constitution` or `kind: icp-terms-of-reference` and
    `schema_version: 1` at the top of the file, or run `icslint init` for a new draft.
    Source: icslint itself.
    """,
)

PLACEHOLDER = _tool(
    "ICL004",
    "unfilled-placeholder",
    """A value still holds a `<<...>>` placeholder from `icslint init`.

    Requirement: Every placeholder in a draft must be replaced by the organisation's own answer.
    Why: A draft with blanks is not a finished constitution or terms of reference; this finding
    stops an unfinished draft passing `icslint check` or being rendered as final.
    Fix: Replace the text in double angle brackets with the real value (a name, a date, a
    council), following the comment above it in the file.
    Source: icslint itself.
    """,
)

RULE_CRASHED = _tool(
    "ICL999",
    "internal-error",
    """A rule failed while checking this document. This is a fault in icslint, not in the file.

    Requirement: None: icslint reports the fault instead of stopping.
    Why: The rest of the document is still checked, but this one rule's verdict is unknown.
    Fix: Report the message to the icslint maintainers; `--ignore` the rule meanwhile.
    Source: icslint itself.
    """,
)

TOOL_CODES = (YAML_SYNTAX, SCHEMA, NOT_A_DOCUMENT, PLACEHOLDER, RULE_CRASHED)
