"""icslint's own codes (ICLnnn): problems with the file itself rather than with the governance."""

from __future__ import annotations

from icslint.diagnostics import Level, Severity
from icslint.registry import RuleSpec


def _tool(code: str, slug: str, doc: str, severity: Severity = Severity.ERROR) -> RuleSpec:
    return RuleSpec(
        code=code,
        slug=slug,
        applies_to="any",
        level=Level.TOOL,
        severity=severity,
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
    """A key, a value or a name does not fit the icslint schema for this kind of document.

    Requirement: Keys must be ones the schema knows, and values must be of the right type
    (true/false, a number or "at least" a number, a date as far as it is known: YYYY-MM-DD,
    YYYY-MM or YYYY, one of a fixed list of codes). A field that says who appoints, approves,
    removes, chairs or varies must name NHS England, the Secretary of State, the ICB, the
    board, the chair, the chief executive, a seat or committee of the document, or an
    organisation the document lists, written any of the usual ways.
    Why: A misspelt key would otherwise be ignored, so a clause you wrote would not be checked;
    a name icslint cannot place could not be compared with what the law requires. The rest of
    the document is still checked, and a rule that depends on the part that could not be read
    says so rather than report the document as silent.
    Fix: Use the suggested key, value or name; `icslint schema` lists every key allowed, and a
    fact icslint does not check can go under `notes` or in a key starting `x-`.
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

INVALID_SUPPRESSION = _tool(
    "ICL005",
    "invalid-suppression",
    """An `# icslint:` comment gives no reason, or is not a suppression icslint understands.

    Requirement: A suppression reads `# icslint: disable=CODE[,CODE] -- reason` (on the line
    with the finding, or alone on the line above it) or `# icslint: disable-file=CODE --
    reason`, and gives a reason after ` -- `.
    Why: A governance document's departures from the rules must be on the record with the
    reason for each; a suppression without one does not suppress anything.
    Fix: Add the reason after ` -- `, or correct the comment's form and codes.
    Source: icslint itself.
    """,
    Severity.WARNING,
)

UNUSED_SUPPRESSION = _tool(
    "ICL006",
    "unused-suppression",
    """A suppression names a rule that has no finding where it applies, or no rule at all.

    Requirement: Every code in a suppression must match a finding on its line (or, for
    `disable-file`, in its file).
    Why: A suppression left behind after the text was fixed, or with a misspelt code, would
    silently excuse a future finding that nobody has reviewed.
    Fix: Remove the code, or the whole comment, or correct the code (`icslint rules`).
    Source: icslint itself.
    """,
    Severity.WARNING,
)

EXPIRED_WAIVER = _tool(
    "ICL007",
    "expired-waiver",
    """A waiver in the configuration has passed its expiry date, so it no longer waives.

    Requirement: A waiver applies only until its `expires` date.
    Why: Waivers are approved for a time; once it has passed, the finding must be looked at
    again, so it is reported as if there were no waiver.
    Fix: Fix the finding and remove the waiver, or obtain a fresh approval and update
    `approved-by`, `reason` and `expires`.
    Source: icslint itself.
    """,
    Severity.WARNING,
)

UNUSED_WAIVER = _tool(
    "ICL008",
    "unused-waiver",
    """A waiver in the configuration matches no finding in the document it names.

    Requirement: Each waiver's code, file and YAML path must match a finding.
    Why: A waiver left after the finding was fixed, or with a wrong path, is a misleading
    record and could excuse a different finding later.
    Fix: Remove the waiver, or correct its `code`, `file` or `path`.
    Source: icslint itself.
    """,
    Severity.WARNING,
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

TOOL_CODES = (
    YAML_SYNTAX,
    SCHEMA,
    NOT_A_DOCUMENT,
    PLACEHOLDER,
    INVALID_SUPPRESSION,
    UNUSED_SUPPRESSION,
    EXPIRED_WAIVER,
    UNUSED_WAIVER,
    RULE_CRASHED,
)
