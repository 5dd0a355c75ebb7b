"""What every document model shares: frozen, unknown keys refused, docstrings as descriptions."""

from __future__ import annotations

import ast
import inspect
import textwrap
from functools import cache
from itertools import pairwise
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, model_validator

from icslint.vocabulary import KNOWN_NAMES

# Text that must say something when it is given at all.
Text = Annotated[str, Field(min_length=1)]
# A name of who acts: a body icslint knows, a role or seat of the document, or an organisation
# it lists (see icslint.vocabulary); editors offer the known bodies for completion.
PartyName = Annotated[str, Field(min_length=1, examples=list(KNOWN_NAMES))]


class Model(BaseModel):
    """A part of an icslint document. YAML keys are the field names, with no aliases.

    Every mapping may also hold `notes` and keys starting `x-`: facts for people, which no rule
    reads.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        defer_build=True,
        # Each field's docstring becomes its description in the JSON Schema. pydantic's own
        # `use_attribute_docstrings` reads every class's source when the class is built, which
        # was half the cost of importing the models on every `check`; the schema is the only
        # reader of these descriptions, so they are read when a schema is made.
        json_schema_extra=lambda schema, model: _describe_fields(schema, model),
    )

    notes: Text | None = None
    """Anything worth recording for readers of this file; no rule reads it."""

    @model_validator(mode="before")
    @classmethod
    def _as_written(cls, data: Any) -> Any:
        """Drop `x-` keys (the user's own facts, as in OpenAPI) and read a code the way people
        type it: "Draft", "in force" and "Acting" are draft, in_force and acting, and
        `schema_version: "1"`, quoted, is 1."""
        if not isinstance(data, dict):
            return data
        codes = _codes(cls)
        read: dict[Any, Any] = {}
        for key, value in data.items():
            if str(key).startswith("x-"):
                continue
            allowed = codes.get(key)
            if allowed:
                value = _code(value, allowed)
            read[key] = value
        return read


def _describe_fields(schema: dict[str, Any], model: type) -> None:
    """Give each property of a model's JSON Schema its field's docstring, as its description."""
    properties = schema.get("properties", {})
    for name, described in attribute_docstrings(model).items():
        if name in properties and "description" not in properties[name]:
            properties[name]["description"] = described


@cache
def attribute_docstrings(model: type) -> dict[str, str]:
    """The docstring written under each field of a model or the models it extends (the nearest
    wins), cleaned as Python cleans a docstring."""
    found: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if not (isinstance(cls, type) and issubclass(cls, Model)) or cls is Model.__base__:
            continue
        found.update(_own_attribute_docstrings(cls))
    return found


def _own_attribute_docstrings(cls: type) -> dict[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source to read (a frozen or generated class)
        return {}
    body = ast.parse(source).body[0]
    if not isinstance(body, ast.ClassDef):
        return {}
    found: dict[str, str] = {}
    statements = body.body
    for statement, following in pairwise(statements):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            found[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


def _code(value: Any, allowed: frozenset[str | int]) -> Any:
    """A code written with capitals, spaces or hyphens (or a number written as text), as the
    schema spells it, if it is one."""
    if isinstance(value, list):
        return [_code(item, allowed) for item in value]
    if isinstance(value, str) and value not in allowed:
        spelled = "_".join(value.strip().casefold().replace("-", " ").split())
        for code in allowed:
            if spelled == str(code):
                return code
    return value


@cache
def _codes(model: type[BaseModel]) -> dict[str, frozenset[str | int]]:
    """For each field of a model that takes codes (a Literal, or a list of them), the codes."""
    found: dict[str, frozenset[str | int]] = {}
    for name, field in model.model_fields.items():
        literals = _literals(field.annotation)
        if literals:
            found[name] = literals
    return found


def _literals(annotation: Any) -> frozenset[str | int]:
    origin = get_origin(annotation)
    if origin is Literal:
        return frozenset(a for a in get_args(annotation) if isinstance(a, str | int))
    if origin in (Union, UnionType, tuple, list):
        return frozenset(v for arg in get_args(annotation) for v in _literals(arg))
    return frozenset()


PositiveInt = Annotated[int, Field(ge=1)]
NonNegativeInt = Annotated[int, Field(ge=0)]

LocalAuthorityType = Literal[
    "county",
    "unitary",
    "metropolitan_district",
    "london_borough",
    "city_of_london",
    "isles_of_scilly",
    "shire_district",
]


class LocalAuthority(Model):
    """A local authority whose area coincides with, or lies wholly or partly within, the area."""

    name: Text
    """The council's name, for example "Wessex County Council"."""
    type: LocalAuthorityType | None = None
    """The kind of council. County, unitary, metropolitan district, London borough, City of
    London and Isles of Scilly councils are responsible local authorities (LGPIHA 2007 s103);
    shire districts in a two-tier area are not."""
    social_care_responsible: bool | None = None
    """Whether the council is responsible for adult and children's social care."""
    partly_within: bool | None = None
    """True when only part of the council's area lies within the area (a council whose area
    includes part of the ICB's area is still one of its councils, LGPIHA 2007 s116ZA(1))."""


class Quorum(Model):
    """How many members, and which, must be present for a meeting to do business."""

    rule_text: Text | None = None
    """The quorum in words, as the document states it."""
    min_members: PositiveInt | None = None
    """The least number of members that make a quorum."""
    required: tuple[QuorumRequirement, ...] = ()
    """Members of a particular kind who must be among those present."""
    chair_presence_required: bool | None = None
    """Whether the chair must be present for the meeting to be quorate."""
    deputy_may_preside: bool | None = None
    """Whether the deputy chair (or another member) may preside, and count, in the chair's place."""


class QuorumRequirement(Model):
    """A kind of member, or a named seat, that the quorum must include."""

    category: Literal["executive", "non_executive", "partner", "other", "clinical"] | None = None
    """A category of board seat, for ICB boards."""
    seat: Text | None = None
    """A seat id from board.seats (ICB) or a statutory limb a, b or c (ICP)."""
    statutory_limb: Literal["a", "b", "c"] | None = None
    """For ICPs: members appointed under this limb of LGPIHA 2007 s116ZA(2)."""
    min: PositiveInt = 1
    """How many of them."""
