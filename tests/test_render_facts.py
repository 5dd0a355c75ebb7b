"""What a rendered file states about itself comes from the document, and only from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from icslint.loader import load
from icslint.render.facts import facts_of

VALID = Path(__file__).resolve().parent.parent / "examples" / "valid"
TODAY = dt.date(2026, 12, 1)


def facts(name: str, draft: bool = False):  # type: ignore[no-untyped-def]
    document = load((VALID / name).read_text(encoding="utf-8"), name).document
    assert document is not None
    return facts_of(document, "Title", draft=draft, today=TODAY)


def test_an_approved_constitution_states_its_version_dates_and_approval() -> None:
    found = facts("severnmoor-icb-constitution.yaml")
    assert found.body == "NHS Severnmoor Integrated Care Board"
    assert found.subject == "Constitution of NHS Severnmoor Integrated Care Board"
    assert (found.version, found.effective) == ("2.1", "1 April 2025")
    assert found.approval == "Approved by NHS England on 14 March 2025"
    assert (found.generated, found.language) == (TODAY, "en-GB")


def test_an_approval_known_only_by_month_is_given_by_month() -> None:
    assert facts("wealdmoor-icb-constitution.yaml").approval == (
        "Approved by NHS England in September 2025"
    )


def test_a_draft_states_no_approval_and_no_effective_date() -> None:
    found = facts("severnmoor-icb-constitution-draft-2026.yaml", draft=True)
    assert (found.version, found.effective, found.approval) == ("3.0", None, None)


def test_terms_of_reference_name_every_approver_as_prose() -> None:
    found = facts("severnmoor-icp-terms-of-reference.yaml")
    assert found.kind == "Terms of reference"
    assert found.approval == (
        "Approved by NHS Severnmoor Integrated Care Board, Severnmoor County Council and "
        "Kingsbridge City Council on 20 May 2025"
    )


@pytest.mark.parametrize("name", sorted(p.name for p in VALID.glob("*.yaml")))
def test_facts_never_hold_a_date_the_document_did_not_give(name: str) -> None:
    found = facts(name)
    assert str(TODAY.year) not in f"{found.effective} {found.approval}"
