"""`icslint init`: a new draft document from the model, with placeholders for what only the
organisation can answer."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from icslint.packaged import text_environment
from icslint.placeholders import placeholder

# Characters outside YAML's printable set (YAML 1.2, section 5.1).
_NOT_YAML_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

INIT_TEMPLATES = {
    "icb-constitution": "init/icb-constitution.yaml.j2",
    "icp-terms-of-reference": "init/icp-terms-of-reference.yaml.j2",
}


@dataclass(frozen=True)
class Council:
    """A local authority named in the draft: its name and one of the schema's council types."""

    name: str
    type: str


@dataclass(frozen=True)
class Answers:
    """What only the organisation can say. Anything not given stays a placeholder."""

    area: str = placeholder("area name, for example Wessex")
    councils: Sequence[Council] = field(
        default_factory=lambda: (
            Council(placeholder("name of a county or unitary council"), "unitary"),
        )
    )
    trusts: Sequence[str] = field(
        default_factory=lambda: (placeholder("name of an NHS trust or foundation trust"),)
    )

    @property
    def icb_name(self) -> str:
        return f"NHS {self.area} Integrated Care Board"

    @property
    def icp_name(self) -> str:
        return f"{self.area} Integrated Care Partnership"


def _yaml_scalar(value: object) -> object:
    """Applied to every `{{ }}` in a YAML template: values become quoted YAML scalars."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # A JSON string is a YAML double-quoted scalar; characters YAML does not allow in a file
    # (control characters, for instance) are written as escapes.
    quoted = json.dumps(str(value), ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def draft(kind: str, answers: Answers, schema_url: str | None = None) -> str:
    """The text of a new draft document of this kind."""
    env = text_environment(_yaml_scalar)
    template = env.get_template(INIT_TEMPLATES[kind])
    text = template.render(answers=answers, placeholder=placeholder)
    if schema_url:
        text = f"# yaml-language-server: $schema={schema_url}\n{text}"
    return text
