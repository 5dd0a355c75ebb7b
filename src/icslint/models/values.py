"""Values real documents give only in part: a date known to the month, "at least two" members.

Each is accepted in the forms governance documents use and kept as the document gave it, so a
rule can tell what is known from what is not, and never print more than the document said.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_NUMERIC = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")
# "August 2024", "1 August 2024", "Aug 2024", "1st August 2024"
_WORDS = re.compile(
    r"^(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})$"
)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def exact(self) -> bool:
        return self.day is not None

    @property
    def earliest(self) -> dt.date:
        """The first day the date could be."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date could be."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def on_or_after(self, day: dt.date) -> bool | None:
        """Whether the date is on or after `day`: None when the part given cannot tell."""
        if self.earliest >= day:
            return True
        if self.latest < day:
            return False
        return None

    def before(self, other: PartialDate) -> bool | None:
        """Whether this date is certainly before `other` (None when the parts given cannot tell)."""
        if self.latest < other.earliest:
            return True
        if self.earliest >= other.latest:
            return False
        return None

    def __str__(self) -> str:
        """As the document gave it: 2024, 2024-08 or 2024-08-01."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def in_words(self) -> str:
        """As UK documents write it: 2024, August 2024, 1 August 2024."""
        if self.month is None:
            return str(self.year)
        month = calendar.month_name[self.month]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def when(self) -> str:
        """The date after a verb: "on 1 August 2024", "in August 2024", "in 2024"."""
        return f"{'on' if self.exact else 'in'} {self.in_words()}"

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """A partial date from YAML: a date, a year, "2024-08", "August 2024"."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise _date_error()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            return cls(value)
        if not isinstance(value, str):
            raise _date_error()
        text = value.strip()
        numeric = _NUMERIC.match(text)
        if numeric:
            parts = [int(p) if p else None for p in numeric.group("year", "month", "day")]
            return cls._checked(*parts)
        words = _WORDS.match(text)
        month = _MONTHS.get(words["month"].casefold()) if words else None
        if words is None or month is None:
            raise _date_error()
        day = int(words["day"]) if words["day"] else None
        return cls._checked(int(words["year"]), month, day)

    @classmethod
    def _checked(cls, year: int | None, month: int | None, day: int | None) -> PartialDate:
        assert year is not None  # the patterns require a year
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise PydanticCustomError(
                "partial_date", "is not a date that exists (check the month and day)"
            ) from None
        return cls(year, month, day)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.to_string_ser_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "string", "pattern": r"^(\d{1,2} )?[A-Za-z]+ \d{4}$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }


def _date_error() -> PydanticCustomError:
    return PydanticCustomError(
        "partial_date",
        "must be a date written as YYYY-MM-DD, or as much of it as is known: YYYY-MM "
        "(or 'August 2024') or YYYY",
    )


_AT_LEAST = re.compile(
    r"^(?:at least|not less than|no fewer than|a minimum of|minimum( of)?)\s+(?P<n>\w+)"
    r"|^(?P<m>\w+)\s+or more$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}


@dataclass(frozen=True)
class Count:
    """How many: exactly N, at least N, or not known."""

    least: int | None
    """The number the document guarantees (None: not stated)."""
    exact: bool
    """Whether `least` is the exact number."""

    def __str__(self) -> str:
        if self.least is None:
            return "unknown"
        return str(self.least) if self.exact else f"at least {self.least}"

    @classmethod
    def parse(cls, value: object) -> Count:
        """A count from YAML: 2, "at least 2", "two or more", "unknown"."""
        if isinstance(value, Count):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 1:
                raise PydanticCustomError("count", "must be at least 1")
            return cls(value, True)
        if isinstance(value, str):
            text = " ".join(value.split()).casefold()
            if text in ("unknown", "not stated", "not known"):
                return cls(None, False)
            if text.isdigit():
                return cls.parse(int(text))
            if text in _NUMBER_WORDS:
                return cls.parse(_NUMBER_WORDS[text])
            match = _AT_LEAST.match(text)
            if match:
                word = match["n"] or match["m"]
                number = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
                if number is not None and number >= 1:
                    return cls(number, False)
        raise PydanticCustomError(
            "count", "must be a number (2), a least number ('at least 2') or 'unknown'"
        )

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(_dump_count)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": r"^(at least|not less than|no fewer than) \w+$"},
                {"type": "string", "enum": ["unknown"]},
            ]
        }


def _dump_count(value: Count) -> int | str:
    return value.least if value.exact and value.least is not None else str(value)
