"""The templates and JSON Schemas shipped in the package, read the same way from a wheel or a
checkout."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from jinja2 import Environment, FunctionLoader, StrictUndefined, TemplateNotFound


def template_text(name: str) -> str:
    """The text of `templates/<name>` (installed as the package `icslint.templates`)."""
    try:
        return resources.files("icslint.templates").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateNotFound(name) from None


def schema_file(name: str) -> bytes:
    """The bytes of `schemas/<name>` (installed as the package `icslint.schemas`)."""
    return resources.files("icslint.schemas").joinpath(name).read_bytes()


def text_environment(finalize: Callable[[object], object]) -> Environment:
    """A Jinja environment for a text format (Markdown, YAML): undefined names are errors,
    `finalize` escapes every `{{ value }}` for the format, and block tags leave no blank
    lines behind."""
    return Environment(
        loader=FunctionLoader(template_text),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,  # escaping is the format's own, done by finalize
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
