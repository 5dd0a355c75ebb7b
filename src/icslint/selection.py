"""Choosing which rules run: --select and --ignore take codes, code prefixes or slugs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from icslint.registry import RuleSpec


class UnknownSelector(ValueError):
    """A --select or --ignore value that names no rule."""


def matches(spec: RuleSpec, selector: str) -> bool:
    """Whether a selector (a code, a code prefix or a rule name) names this rule."""
    wanted = selector.strip()
    return spec.slug == wanted.lower() or spec.code.startswith(wanted.upper())


def _check_known(rules: Sequence[RuleSpec], selectors: Iterable[str]) -> None:
    for selector in selectors:
        if not any(matches(spec, selector) for spec in rules):
            raise UnknownSelector(
                f"{selector!r} is not a rule code, code prefix or rule name (see `icslint rules`)"
            )


def choose(
    rules: Sequence[RuleSpec], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[RuleSpec, ...]:
    """The rules that `select` (all when empty) names and `ignore` does not."""
    _check_known(rules, select)
    _check_known(rules, ignore)
    chosen = [s for s in rules if not select or any(matches(s, x) for x in select)]
    return tuple(s for s in chosen if not any(matches(s, x) for x in ignore))


def split_list(values: Iterable[str]) -> tuple[str, ...]:
    """Accept `--select A,B --select C` as A, B, C."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())
