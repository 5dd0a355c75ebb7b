"""Reading the templates shipped in the package, the same way from a wheel or a checkout."""

from __future__ import annotations

from importlib import resources

from jinja2 import TemplateNotFound


def template_text(name: str) -> str:
    """The text of `templates/<name>` (installed as the package `icslint.templates`)."""
    try:
        return resources.files("icslint.templates").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateNotFound(name) from None
