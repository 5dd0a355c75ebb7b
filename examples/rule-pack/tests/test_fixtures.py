"""Each rule's good.yaml passes and its bad.yaml fails at exactly its marked lines."""

from pathlib import Path

from icslint.testing import fixture_tests

test_fixtures = fixture_tests(Path(__file__).parent / "examples", package="wessex_policy")
