"""`icslint init`: a new draft document from the model, with placeholders for what only the
organisation can answer, and the JSON Schema beside it for editors."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import get_args

from icslint.json_schema import file_name, packaged_schema
from icslint.models.base import LocalAuthorityType
from icslint.output import OutputExists, write_file
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


COUNCIL_TYPES = frozenset(get_args(LocalAuthorityType))
# The councils responsible for social care, and so responsible local authorities for an ICP
# (LGPIHA 2007 s103): every type but a shire district in a two-tier area.
SOCIAL_CARE_TYPES = COUNCIL_TYPES - {"shire_district"}


@dataclass(frozen=True)
class CouncilTypeChoice:
    """A council type as `init` offers it: the schema id, the short answer, the description."""

    type: str
    answer: str
    description: str


# The council types in the order `init` numbers them.
COUNCIL_TYPE_CHOICES = (
    CouncilTypeChoice("county", "county", "a county council"),
    CouncilTypeChoice(
        "shire_district", "district", "a district council in a two-tier area (shire district)"
    ),
    CouncilTypeChoice("unitary", "unitary", "a unitary council"),
    CouncilTypeChoice(
        "metropolitan_district",
        "metropolitan district",
        "a metropolitan district (metropolitan borough) council",
    ),
    CouncilTypeChoice("london_borough", "London borough", "a London borough council"),
    CouncilTypeChoice("city_of_london", "City of London", "the City of London Corporation"),
    CouncilTypeChoice("isles_of_scilly", "Isles of Scilly", "the Council of the Isles of Scilly"),
)

# The everyday ways of naming each type, after `_normalise_answer`, besides the schema ids and
# the menu numbers.
_COUNCIL_TYPE_WORDS = {
    "county": "county",
    "county council": "county",
    "district": "shire_district",
    "district council": "shire_district",
    "shire district": "shire_district",
    "shire district council": "shire_district",
    "unitary": "unitary",
    "unitary council": "unitary",
    "unitary authority": "unitary",
    "metropolitan district": "metropolitan_district",
    "metropolitan district council": "metropolitan_district",
    "metropolitan borough": "metropolitan_district",
    "metropolitan borough council": "metropolitan_district",
    "met district": "metropolitan_district",
    "met district council": "metropolitan_district",
    "london borough": "london_borough",
    "london borough council": "london_borough",
    "city of london": "city_of_london",
    "city of london corporation": "city_of_london",
    "isles of scilly": "isles_of_scilly",
    "council of the isles of scilly": "isles_of_scilly",
}

# Answers that mean "not sure": the type is left as a placeholder. An empty answer is one too.
_NOT_SURE = frozenset({"", "?", "not sure", "unsure", "don't know", "dont know", "do not know"})


class UnknownCouncilType(ValueError):
    """An answer to "what type of council?" that names no type."""


def _normalise_answer(answer: str) -> str:
    """Lower case, single spaces, "_" and "-" as spaces, a typographic apostrophe as "'"."""
    text = answer.replace("\u2019", "'").replace("_", " ").replace("-", " ").casefold()
    return " ".join(text.split()).removesuffix(".")


def council_type(answer: str) -> str | None:
    """The schema's council type an answer names, or None if the answer is "not sure" (or
    empty). Accepts a menu number (1 to 7), a schema id and the everyday names, in any case.
    Raises UnknownCouncilType for anything else."""
    text = _normalise_answer(answer)
    if text in _NOT_SURE:
        return None
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(COUNCIL_TYPE_CHOICES):
        return COUNCIL_TYPE_CHOICES[int(text) - 1].type
    if (schema_id := text.replace(" ", "_")) in COUNCIL_TYPES:
        return schema_id
    if text in _COUNCIL_TYPE_WORDS:
        return _COUNCIL_TYPE_WORDS[text]
    raise UnknownCouncilType(answer)


@dataclass(frozen=True)
class Council:
    """A local authority named in the draft: its name and one of the schema's council types,
    or None when the type is not known (the draft then leaves it as a placeholder)."""

    name: str
    type: str | None

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in COUNCIL_TYPES:
            raise ValueError(f"{self.type!r} is not a council type")

    @property
    def social_care_responsible(self) -> bool | None:
        """Whether the council is responsible for social care: never for a shire district;
        None when the type is not known."""
        return None if self.type is None else self.type in SOCIAL_CARE_TYPES


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


def draft(kind: str, answers: Answers, schema: str | None = None) -> str:
    """The text of a new draft document of this kind. With `schema` (a URL, or a path that
    the YAML language server reads relative to the draft), the first line points editors at
    the JSON Schema."""
    env = text_environment(_yaml_scalar)
    template = env.get_template(INIT_TEMPLATES[kind])
    text = template.render(
        answers=answers, placeholder=placeholder, responsible_types=sorted(SOCIAL_CARE_TYPES)
    )
    if schema:
        text = f"# yaml-language-server: $schema={schema}\n{text}"
    return text


class SchemaCopy(Enum):
    """What became of the schema file beside a new draft."""

    WRITTEN = "written"
    ALREADY_THERE = "already there"  # the same bytes: nothing to do
    DIFFERENT = "different"  # another file of that name, left as it is


def copy_schema(kind: str, folder: Path) -> tuple[Path, SchemaCopy]:
    """Put the schema of `kind` that ships with icslint into `folder`, under the name a draft's
    first line gives it, so that editors find it without a network. A file already there is
    never replaced: it may be the user's own, or the schema of another icslint."""
    path = folder / file_name(kind)
    schema = packaged_schema(kind)
    try:
        write_file(path, schema, replace=False)
    except OutputExists:
        return path, SchemaCopy.ALREADY_THERE if _holds(path, schema) else SchemaCopy.DIFFERENT
    return path, SchemaCopy.WRITTEN


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.read_bytes() == data
    except OSError:
        return False


def place_schema(draft: Path, kind: str, schema: str | None) -> str:
    """After `init` wrote `draft`: copy the schema beside it unless `schema` (the --schema
    option) names another, and say what the user needs to know about it."""
    wrote = f"Wrote {draft.as_posix()}"
    make = f"icslint schema --kind {kind} -o"
    if schema is not None:
        target = draft.parent / schema
        if "://" in schema or target.exists():
            return f"{wrote}; its first line points editors at {schema}."
        return (
            f"{wrote}; its first line points editors at {schema}, which does not exist yet: "
            f"write it with `{make} {target.as_posix()}`."
        )
    try:
        path, copy = copy_schema(kind, draft.parent)
    except OSError as error:
        path = draft.parent / file_name(kind)
        return (
            f"{wrote}, but could not write {path.as_posix()} beside it for editors "
            f"({error.strerror or error}); write it with `{make} {path.as_posix()}`."
        )
    if copy is SchemaCopy.WRITTEN:
        return f"{wrote}, and beside it {path.as_posix()}, the schema its first line points at."
    if copy is SchemaCopy.ALREADY_THERE:
        return f"{wrote}; its first line points editors at {path.as_posix()}, already there."
    return (
        f"{wrote}; its first line points editors at {path.as_posix()}, which was already there "
        "and is not this icslint's schema, so it was left as it is. To replace it: "
        f"`{make} {path.as_posix()}`."
    )
