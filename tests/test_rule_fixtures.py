"""Each rule's good fixture passes and its bad fixture fails exactly at its marked lines.

The built-in rules are tested with the same kit and fixture format rule packs use
(`icslint.testing`): fixtures are checked with --pending, so that the rules for measures not
yet in force report what they find (as pending) like any other rule, and a whole-system rule's
fixtures are folders (`good/`, `bad/`) of documents checked together.
"""

from __future__ import annotations

import pytest

from conftest import RULE_EXAMPLES
from icslint.registry import discover
from icslint.testing import check_fixture, fixture

RULES = discover()


@pytest.mark.parametrize("code", [s.code for s in RULES])
def test_bad_fixture_gives_exactly_the_marked_findings(code: str) -> None:
    check_fixture(fixture(RULE_EXAMPLES / code, "bad"))


@pytest.mark.parametrize("code", [s.code for s in RULES])
def test_good_fixture_gives_no_findings(code: str) -> None:
    check_fixture(fixture(RULE_EXAMPLES / code, "good"))
