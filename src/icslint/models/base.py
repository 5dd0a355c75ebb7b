"""What every document model shares: frozen, unknown keys refused, docstrings as descriptions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """A part of an icslint document. YAML keys are the field names, with no aliases."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
    )


# Text that must say something when it is given at all.
Text = Annotated[str, Field(min_length=1)]
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


Quorum.model_rebuild()
