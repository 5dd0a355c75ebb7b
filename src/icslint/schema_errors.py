"""Pydantic validation errors, reworded for a governance lead (ICL002)."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from icslint.diagnostics import Loc, yaml_path


def format_loc(loc: Loc) -> str:
    """`("board", "seats", 0, "role")` as `board.seats[0].role`."""
    return yaml_path(loc) or "the top level"


def describe(error: ErrorDetails, root: type[BaseModel]) -> tuple[Loc, str]:
    """The location to report a validation error at, and what to tell the user."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    key = loc[-1] if loc else ""
    where = format_loc(loc)
    value = _show(error.get("input"))
    ctx = error.get("ctx") or {}

    if kind == "extra_forbidden":
        parent = loc[:-1]
        allowed = sorted(_fields_at(root, parent))
        place = format_loc(parent)
        hint = _suggest(str(key), allowed)
        if hint:
            advice = f'Did you mean "{hint}"?'
        elif len(allowed) <= 12:
            advice = "Keys allowed here: " + ", ".join(allowed) + "."
        else:
            advice = "See `icslint schema` for the keys allowed here."
        return loc, (
            f'Unknown key "{key}" in {place}. {advice} To record a fact icslint does not check, '
            'put it under "notes" or in a key starting "x-".'
        )
    if kind == "missing":
        return loc, f'{format_loc(loc[:-1])} is missing the key "{key}", which is required.'
    if kind == "literal_error":
        expected = _choices(str(ctx.get("expected", "")))
        hint = _suggest(str(error.get("input")), expected)
        advice = f' Did you mean "{hint}"?' if hint else ""
        return loc, (
            f"{value} is not an allowed value for {where}.{advice} "
            f"Use one of: {', '.join(expected)}."
        )
    if kind == "string_type" and isinstance(error.get("input"), int | float):
        # version: 2.1 reads as a number, and 2.10 would read as 2.1.
        return loc, f'{where} must be text: put it in quotes, for example "{error.get("input")}".'
    simple = _SIMPLE.get(kind)
    if simple is not None:
        return loc, f"{where} {simple.format(**ctx)}; found {value}."
    if kind in ("appointer", "partial_date", "count"):
        return loc, f"{where} {error['msg']}; found {value}."
    return loc, f"{where}: {error['msg']}; found {value}."


_SIMPLE = {
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "date_type": "must be a date written as YYYY-MM-DD",
    "date_parsing": "must be a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date written as YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date without a time",
    "model_type": "must be a mapping of keys and values",
    "model_attributes_type": "must be a mapping of keys and values",
    "dict_type": "must be a mapping of keys and values",
    "tuple_type": "must be a list (lines starting with '- ')",
    "list_type": "must be a list (lines starting with '- ')",
}


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def _choices(expected: str) -> list[str]:
    # pydantic: "'a', 'b' or 'c'"
    return [part.strip().strip("'") for part in expected.replace(" or ", ", ").split(",")]


def _suggest(word: str, candidates: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _fields_at(root: type[BaseModel], loc: Loc) -> set[str]:
    """The field names of the model found at `loc`, walking annotations from `root`."""
    annotation: Any = root
    for part in loc:
        annotation = _step(annotation, part)
        if annotation is None:
            return set()
    model = _model_in(annotation)
    return set(model.model_fields) if model else set()


def _step(annotation: Any, part: str | int) -> Any:
    if isinstance(part, int):
        for arg in _flatten(annotation):
            if get_origin(arg) in (tuple, list):
                return get_args(arg)[0]
        return None
    model = _model_in(annotation)
    if model is not None:
        field = model.model_fields.get(part)
        return field.annotation if field else None
    for arg in _flatten(annotation):
        if get_origin(arg) is dict:
            return get_args(arg)[1]
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for arg in _flatten(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _flatten(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _flatten(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [leaf for arg in get_args(annotation) for leaf in _flatten(arg)]
    return [annotation]
