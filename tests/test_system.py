"""Whole-system checks: an ICB's constitution and its partnership's terms of reference, and the
constitutions of different ICBs, read together; each finding names both files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json, outcome_markers, run

ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
ICP = EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml"
CROSS = EXAMPLES / "invalid" / "cross-document"
CROSS_ICB = (CROSS / "icb-constitution.yaml").as_posix()
CROSS_ICP = (CROSS / "partnership-terms-of-reference.yaml").as_posix()
SYSTEM_CODES = ("ICS001", "ICS002", "ICS004", "ICS009", "ICS010")


def _results(report: dict[str, object], path: Path) -> dict[str, str]:
    files = report["files"]
    assert isinstance(files, list)
    (entry,) = [f for f in files if f["path"] == path.as_posix()]
    return {r["code"]: r["outcome"] for r in entry["rules"] if r["code"].startswith("ICS")}


def test_the_valid_pair_checked_together_agrees() -> None:
    code, report = check_json(str(ICB), str(ICP))
    assert code == 0
    assert report["diagnostics"] == []
    for path in (ICB, ICP):
        results = _results(report, path)
        assert {c: results[c] for c in ("ICS001", "ICS002", "ICS004")} == {
            "ICS001": "passed",
            "ICS002": "passed",
            "ICS004": "passed",
        }


def test_a_document_checked_alone_has_no_system_to_agree_with() -> None:
    code, report = check_json(str(ICP))
    assert code == 0
    assert set(_results(report, ICP).values()) == {"not-applicable"}


def test_the_cross_document_pair_gives_exactly_its_marked_findings() -> None:
    code, report = check_json("--select", "ICS", str(CROSS))
    expected = {
        (path.name, line, found, outcome)
        for path in sorted(CROSS.glob("*.yaml"))
        for line, found, outcome in outcome_markers(path)
    }
    found = {
        (Path(d["path"]).name, d["line"], d["code"], d["outcome"])
        for d in report["diagnostics"]  # type: ignore[union-attr]
    }
    assert found == expected
    assert code == 1
    # Each points at the line of the constitution it disagrees with.
    assert {
        (d["code"], tuple((r["path"], r["line"]) for r in d["related"]))
        for d in report["diagnostics"]  # type: ignore[union-attr]
    } == {
        ("ICS001", ((CROSS_ICB, 57),)),
        ("ICS002", ((CROSS_ICB, 235),)),
        ("ICS004", ((CROSS_ICB, 43),)),
    }
    # Each rule's result is a breach for both documents, not only the one it is reported in.
    for path in CROSS.glob("*.yaml"):
        results = _results(report, path)
        assert {c: results[c] for c in ("ICS001", "ICS002", "ICS004")} == dict.fromkeys(
            ("ICS001", "ICS002", "ICS004"), "breach"
        )


def test_each_output_format_names_both_files() -> None:
    _, text, _ = run("check", "--select", "ICS001", str(CROSS))
    lines = text.splitlines()
    assert lines[0].startswith(f"{CROSS_ICP}:38:1: ICS001 [partnership-and-icb-agree] error:")
    assert lines[1] == f"  also {CROSS_ICB}:57:5"

    _, sarif, _ = run("check", "--select", "ICS001", "--format", "sarif", str(CROSS))
    (result,) = json.loads(sarif)["runs"][0]["results"]
    where = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert where == (CROSS / "partnership-terms-of-reference.yaml").as_uri()
    related = result["relatedLocations"][0]["physicalLocation"]
    assert (related["artifactLocation"]["uri"], related["region"]["startLine"]) == (
        (CROSS / "icb-constitution.yaml").as_uri(),
        57,
    )

    _, github, _ = run("check", "--select", "ICS001", "--format", "github", str(CROSS))
    annotations = [line for line in github.splitlines() if line.startswith("::error")]
    assert [a.split(",")[0:2] for a in annotations] == [
        [f"::error file={CROSS_ICP}", "line=38"],
        [f"::error file={CROSS_ICB}", "line=57"],
    ]

    _, gitlab, _ = run("check", "--select", "ICS001", "--format", "gitlab", str(CROSS))
    issues = json.loads(gitlab)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        (CROSS_ICP, 38),
        (CROSS_ICB, 57),
    ]
    assert len({i["fingerprint"] for i in issues}) == 2

    _, junit, _ = run("check", "--select", "ICS001", "--format", "junit", str(CROSS))
    failures = [f.text or "" for f in ET.fromstring(junit).iter("failure")]
    assert any(f"(also {CROSS_ICB}:57:5)" in text for text in failures)


def test_a_partnership_naming_another_icb_beside_a_constitution(tmp_path: Path) -> None:
    partnership = tmp_path / "partnership.yaml"
    partnership.write_text(
        ICP.read_text(encoding="utf-8").replace(
            "  icb_name: NHS Severnmoor Integrated Care Board\n",
            "  icb_name: NHS Wessex Integrated Care Board\n",
        ),
        encoding="utf-8",
    )
    code, report = check_json("--select", "ICS", str(ICB), str(partnership))
    assert code == 1
    (finding,) = report["diagnostics"]  # type: ignore[misc]
    assert (finding["code"], finding["path"], finding["yaml_path"]) == (
        "ICS001",
        partnership.as_posix(),
        "icp.icb_name",
    )
    assert finding["message"].startswith(
        "The terms of reference say the partnership was set up by NHS Wessex Integrated Care "
        "Board, but they are checked with the constitution of NHS Severnmoor Integrated Care "
        f"Board ({ICB.as_posix()})."
    )
    assert finding["related"] == [{"path": ICB.as_posix(), "line": 41, "column": 3}]


def test_a_partnership_leaving_out_one_of_the_icbs_councils(tmp_path: Path) -> None:
    partnership = tmp_path / "partnership.yaml"
    text = ICP.read_text(encoding="utf-8")
    partnership.write_text(
        text.replace(
            "establishing_parties:\n  - NHS Severnmoor Integrated Care Board\n"
            "  - Severnmoor County Council\n  - Kingsbridge City Council\n",
            "establishing_parties:\n  - NHS Severnmoor Integrated Care Board\n"
            "  - Severnmoor County Council\n",
        ),
        encoding="utf-8",
    )
    _, report = check_json("--select", "ICS001", str(ICB), str(partnership))
    messages = [d["message"] for d in report["diagnostics"]]  # type: ignore[union-attr]
    assert len(messages) == 1
    assert messages[0].startswith(
        "Kingsbridge City Council is a council responsible for social care in the area of NHS "
        "Severnmoor Integrated Care Board"
    )


def test_two_versions_of_one_icbs_constitution_are_not_an_overlap() -> None:
    draft = EXAMPLES / "valid" / "severnmoor-icb-constitution-draft-2026.yaml"
    code, report = check_json("--select", "ICS009", str(ICB), str(draft))
    assert (code, report["diagnostics"]) == (0, [])


def test_icbs_that_never_existed_together_may_share_an_area(tmp_path: Path) -> None:
    # NHS Sussex ICB was abolished on 1 April 2026, when NHS Surrey and Sussex ICB was
    # established for an area that includes it.
    for name, file in (
        ("NHS Sussex Integrated Care Board", "sussex.yaml"),
        ("NHS Surrey and Sussex Integrated Care Board", "surrey-and-sussex.yaml"),
    ):
        (tmp_path / file).write_text(
            "kind: icb-constitution\nschema_version: 1\nicb:\n"
            f"  name: {name}\n  area:\n    local_authorities: [West Sussex County Council]\n",
            encoding="utf-8",
        )
    code, report = check_json("--select", "ICS009", str(tmp_path))
    assert (code, report["diagnostics"]) == (0, [])


def test_a_suppression_comment_in_the_reported_file_silences_the_finding(tmp_path: Path) -> None:
    for file in CROSS.glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        if file.name.startswith("partnership"):
            text = text.replace(
                "establishing_parties:  # [ICS001]",
                "establishing_parties:  # icslint: disable=ICS001 -- Wyvern Vale joins in May",
            )
        (tmp_path / file.name).write_text(text, encoding="utf-8")
    code, report = check_json("--select", "ICS001", str(tmp_path))
    assert (code, report["diagnostics"]) == (0, [])
    assert report["summary"]["suppressed"] == 1  # type: ignore[index]


@pytest.mark.parametrize("code", SYSTEM_CODES)
def test_explain_describes_each_system_rule(code: str) -> None:
    exit_code, text, _ = run("explain", code)
    assert exit_code == 0
    assert "Applies to: system." in text


def _pair(tmp_path: Path, icb_edits: dict[str, str], icp_edits: dict[str, str]) -> Path:
    """The valid pair copied into a folder, with text replaced in each."""
    for source, edits in ((ICB, icb_edits), (ICP, icp_edits)):
        text = source.read_text(encoding="utf-8")
        for old, new in edits.items():
            assert old in text, old
            text = text.replace(old, new, 1)
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_district_council_among_the_establishing_parties(tmp_path: Path) -> None:
    folder = _pair(
        tmp_path,
        {},
        {
            "  - Kingsbridge City Council\n\nmembers:": "  - Kingsbridge City Council\n"
            "  - Ashby Vale District Council\n\nmembers:"
        },
    )
    _, report = check_json("--select", "ICS001", str(folder))
    (finding,) = report["diagnostics"]  # type: ignore[misc]
    assert finding["yaml_path"] == "establishing_parties[3]"
    assert finding["message"].startswith(
        "Ashby Vale District Council set up the partnership, but the constitution of NHS "
        "Severnmoor Integrated Care Board"
    )
    assert "records it as a council that is not responsible for social care" in finding["message"]


def test_a_partnership_that_names_no_icb_is_not_compared(tmp_path: Path) -> None:
    folder = _pair(tmp_path, {}, {"  icb_name: NHS Severnmoor Integrated Care Board\n": ""})
    code, report = check_json("--select", "ICS001", str(folder))
    assert (code, report["diagnostics"]) == (0, [])
    for path in (folder / ICB.name, folder / ICP.name):
        (rule,) = [
            r
            for f in report["files"]  # type: ignore[union-attr]
            if f["path"] == path.as_posix()
            for r in f["rules"]
            if r["code"] == "ICS001"
        ]
        assert rule["outcome"] == "not-applicable"
        assert rule["reason"].startswith("The terms of reference do not name the ICB")


def test_the_icb_named_with_a_qualifier_is_the_same_icb(tmp_path: Path) -> None:
    folder = _pair(
        tmp_path,
        {},
        {
            "  icb_name: NHS Severnmoor Integrated Care Board\n": (
                "  icb_name: NHS Severnmoor ICB (the ICB)\n"
            )
        },
    )
    code, report = check_json("--select", "ICS", str(folder))
    assert (code, report["diagnostics"]) == (0, [])


def test_a_post_shared_across_the_cluster_is_not_another_icbs(tmp_path: Path) -> None:
    # The Severnmoor constitution records its cluster with Wealdmoor; a member from a
    # neighbouring ICB appointed by the partnership itself is not the ICB's post either.
    folder = _pair(
        tmp_path,
        {},
        {
            "  - seat_title: Chair of NHS Severnmoor ICB\n": (
                "  - seat_title: Chair of NHS Severnmoor ICB and NHS Wealdmoor ICB\n"
            ),
        },
    )
    code, report = check_json("--select", "ICS004", str(folder))
    # Severnmoor's constitution does not record the shared chair: the post is reported...
    assert [d["yaml_path"] for d in report["diagnostics"]] == ["members[0].seat_title"]  # type: ignore[union-attr]
    # ...until it does.
    constitution = folder / ICB.name
    constitution.write_text(
        constitution.read_text(encoding="utf-8") + "\ncluster:\n  name: Severnmoor and Wealdmoor\n"
        "  icbs: [NHS Wealdmoor Integrated Care Board]\n",
        encoding="utf-8",
    )
    code, report = check_json("--select", "ICS004", str(folder))
    assert (code, report["diagnostics"]) == (0, [])


def test_a_council_whose_appointer_is_not_given_is_not_stated(tmp_path: Path) -> None:
    folder = _pair(tmp_path, {}, {"    appointed_by: la:Kingsbridge City Council\n": ""})
    code, report = check_json("--select", "ICS002", str(folder))
    assert code == 0
    assert [(d["code"], d["outcome"]) for d in report["diagnostics"]] == [  # type: ignore[union-attr]
        ("ICS002", "not-stated")
    ]


def test_the_draft_of_the_next_constitution_is_not_compared_with_the_partnership(
    tmp_path: Path,
) -> None:
    draft = EXAMPLES / "valid" / "severnmoor-icb-constitution-draft-2026.yaml"
    folder = _pair(tmp_path, {}, {})
    text = draft.read_text(encoding="utf-8").replace(
        "\nlocal_authorities:\n",
        "\nlocal_authorities:\n  - {name: Wyvern Vale Council, type: unitary}\n",
        1,
    )
    (folder / draft.name).write_text(text, encoding="utf-8")
    _, report = check_json("--select", "ICS001", str(folder))
    assert report["diagnostics"] == []
    (rule,) = [
        r
        for f in report["files"]  # type: ignore[union-attr]
        if f["path"] == (folder / draft.name).as_posix()
        for r in f["rules"]
        if r["code"] == "ICS001"
    ]
    assert rule["outcome"] == "not-applicable"
    assert rule["reason"].startswith("Another version of this ICB's constitution")


def test_an_overlap_in_the_constitution_in_force_is_found_beside_a_draft(tmp_path: Path) -> None:
    valid = EXAMPLES / "valid"
    for name in (
        "severnmoor-icb-constitution.yaml",
        "severnmoor-icb-constitution-draft-2026.yaml",
        "wealdmoor-icb-constitution.yaml",
    ):
        text = (valid / name).read_text(encoding="utf-8")
        if name == "severnmoor-icb-constitution.yaml":
            text = text.replace(
                "      - Kingsbridge City Council\n    description:",
                "      - Kingsbridge City Council\n      - Hartvale Borough Council\n"
                "    description:",
            )
        (tmp_path / name).write_text(text, encoding="utf-8")
    _, report = check_json("--select", "ICS009", str(tmp_path))
    assert {(Path(d["path"]).name, d["yaml_path"]) for d in report["diagnostics"]} == {  # type: ignore[union-attr]
        ("severnmoor-icb-constitution.yaml", "icb.area.local_authorities[2]")
    }


def test_a_council_split_between_two_icbs_is_no_overlap(tmp_path: Path) -> None:
    for name, own in (
        ("NHS Wessex ICB", "Wessex County Council"),
        ("NHS Westmoor ICB", "Westmoor County Council"),
    ):
        (tmp_path / f"{own.split()[0].lower()}.yaml").write_text(
            "kind: icb-constitution\nschema_version: 1\nicb:\n"
            f"  name: {name}\n  area:\n    local_authorities: [{own}, Vale City Council]\n"
            "    exclusions:\n"
            "      - description: the part of Vale City Council north of the river\n"
            f"local_authorities:\n  - {{name: {own}, type: county}}\n"
            "  - {name: Vale City Council, type: unitary, partly_within: true}\n",
            encoding="utf-8",
        )
    code, report = check_json("--select", "ICS009", str(tmp_path))
    assert (code, report["diagnostics"]) == (0, [])


@pytest.mark.parametrize(
    "councils",
    [
        "[Nottingham City Council, Nottinghamshire County Council]",
        "[Nottingham City Council, Nottinghamshire County Council, Bassetlaw District Council]",
    ],
)
def test_an_area_written_as_real_constitutions_write_it_matches_the_register(
    tmp_path: Path, councils: str
) -> None:
    path = tmp_path / "n.yaml"
    path.write_text(
        "kind: icb-constitution\nschema_version: 1\nicb:\n"
        "  name: NHS Nottingham & Nottinghamshire ICB\n"
        f"  area: {{local_authorities: {councils}}}\n",
        encoding="utf-8",
    )
    code, report = check_json("--select", "ICS010", str(path))
    assert (code, report["diagnostics"]) == (0, [])
    (rule,) = [r for r in report["files"][0]["rules"] if r["code"] == "ICS010"]  # type: ignore[index]
    assert rule["outcome"] == "passed"


def test_a_suppression_of_a_system_finding_is_not_unused_when_its_file_is_checked_alone(
    tmp_path: Path,
) -> None:
    text = (
        (CROSS / "partnership-terms-of-reference.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "establishing_parties:  # [ICS001]",
            "establishing_parties:  # icslint: disable=ICS001 -- Wyvern Vale joins in April",
        )
    )
    path = tmp_path / "partnership.yaml"
    path.write_text(text, encoding="utf-8")
    code, report = check_json("--fail-on", "info", str(path))
    assert (code, report["diagnostics"]) == (0, [])


def test_an_ignored_system_rule_is_not_selected_for_every_file() -> None:
    _, report = check_json("--ignore", "ICS001", str(ICB), str(ICP))
    for entry in report["files"]:  # type: ignore[union-attr]
        (rule,) = [r for r in entry["rules"] if r["code"] == "ICS001"]
        assert (rule["outcome"], rule["reason"]) == ("not-applicable", "not selected")


def test_a_system_finding_that_names_no_file_is_a_fault_of_the_rule(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "placeless.py").write_text(
        '''from icslint.api import SYSTEM, Citation, Contradiction, Level, NoOptions, Severity, rule


@rule(code="XYZ001", slug="placeless", applies_to=SYSTEM, level=Level.GUIDANCE,
      severity=Severity.WARNING, requires="conduct",
      citations=[Citation("A policy", "paragraph 1", "https://example.org/policy")])
def placeless(system, options: NoOptions):
    """A rule that forgets to say which file.

    Requirement: x.
    Provision: x.
    Why: x.
    Fix: x.
    Source: x.
    """
    for constitution in system.constitutions:
        yield Contradiction(("icb", "name"), "Something is wrong.")
''',
        encoding="utf-8",
    )
    code, report = check_json("--rules", str(pack), "--select", "XYZ001", str(ICB))
    (finding,) = report["diagnostics"]  # type: ignore[misc]
    assert finding["code"] == "ICL999"
    assert "XYZ001 (local rule pack" in finding["message"]
    assert "without naming a file of this run (path=): Something is wrong." in finding["message"]
    assert code == 1
