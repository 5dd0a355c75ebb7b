"""`icslint init`: a complete draft from the model, whose only findings are its blanks."""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner, Result

from conftest import ROOT, check_json, run
from icslint import cli, drafting
from icslint.models.base import LocalAuthorityType

KINDS = ["icb-constitution", "icp-terms-of-reference"]


def codes(path: Path) -> set[str]:
    _, report = check_json(str(path))
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return {d["code"] for d in diagnostics}


@pytest.mark.parametrize("kind", KINDS)
def test_no_input_draft_has_only_placeholder_findings(kind: str, tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    code, _, err = run("init", "--kind", kind, "-o", str(output), "--no-input")
    assert code == 0, err
    assert f"Wrote {output.as_posix()}" in err
    assert codes(output) == {"ICL004"}
    exit_code, _, _ = run("check", str(output))
    assert exit_code == 1  # a draft with blanks cannot pass as finished


@pytest.mark.parametrize("kind", KINDS)
def test_draft_starts_with_kind_and_explains_itself(kind: str, tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    assert run("init", "--kind", kind, "-o", str(output), "--no-input")[0] == 0
    text = output.read_text(encoding="utf-8")
    assert text.startswith("#")
    data = YAML(typ="safe").load(text)
    assert data["kind"] == kind and data["schema_version"] == 1
    assert "<<" in text
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) >= 20


@pytest.mark.parametrize("kind", KINDS)
def test_init_never_overwrites(kind: str, tmp_path: Path) -> None:
    output = tmp_path / "constitution.yaml"
    output.write_bytes(b"our approved text\n")
    code, _, err = run("init", "--kind", kind, "-o", str(output), "--no-input")
    assert code == 2
    assert err == f"icslint: error: {output.as_posix()} already exists; use --force to replace it\n"
    assert output.read_bytes() == b"our approved text\n"
    assert [p.name for p in tmp_path.iterdir()] == [output.name]  # no schema written either


def test_force_replaces_the_draft(tmp_path: Path) -> None:
    output = tmp_path / "constitution.yaml"
    output.write_bytes(b"an abandoned draft\n")
    code, _, err = run("init", "--kind", KINDS[0], "-o", str(output), "--no-input", "--force")
    assert code == 0, err
    assert "kind: icb-constitution" in output.read_text(encoding="utf-8")


# --- The JSON Schema beside the draft, for editors ------------------------------------------

MODELINE = "# yaml-language-server: $schema={}"
NEXT = "Replace each <<...>> placeholder; `icslint check {0}` lists what is left.\n"


def schema_of(kind: str) -> bytes:
    """The schema icslint ships (tests/test_schema.py keeps it equal to `icslint schema`)."""
    return (ROOT / "schemas" / f"{kind}.schema.json").read_bytes()


@pytest.mark.parametrize("kind", KINDS)
def test_init_writes_the_schema_beside_the_draft(kind: str, tmp_path: Path) -> None:
    output = tmp_path / "governance" / "draft.yaml"
    output.parent.mkdir()
    code, _, err = run("init", "--kind", kind, "-o", str(output), "--no-input")
    assert code == 0, err
    schema = output.parent / f"{kind}.schema.json"
    assert err == (
        f"Wrote {output.as_posix()}, and beside it {schema.as_posix()}, the schema its first "
        f"line points at.\n" + NEXT.format(output.as_posix())
    )
    # A path in the first line is read relative to the document: the file beside it.
    assert output.read_text(encoding="utf-8").splitlines()[0] == MODELINE.format(schema.name)
    assert schema.read_bytes() == schema_of(kind)
    assert sorted(p.name for p in output.parent.iterdir()) == sorted([output.name, schema.name])


def test_a_second_draft_uses_the_schema_already_there(tmp_path: Path) -> None:
    first, second = tmp_path / "icb.yaml", tmp_path / "icb-next.yaml"
    assert run("init", "--kind", KINDS[0], "-o", str(first), "--no-input")[0] == 0
    schema = tmp_path / "icb-constitution.schema.json"
    before = schema.stat().st_mtime_ns
    code, _, err = run("init", "--kind", KINDS[0], "-o", str(second), "--no-input")
    assert code == 0, err
    assert err == (
        f"Wrote {second.as_posix()}; its first line points editors at {schema.as_posix()}, "
        "already there.\n" + NEXT.format(second.as_posix())
    )
    assert schema.stat().st_mtime_ns == before


@pytest.mark.parametrize("force", [False, True], ids=["new-draft", "force"])
def test_a_different_schema_file_is_left_as_it_is(force: bool, tmp_path: Path) -> None:
    output = tmp_path / "icp.yaml"
    if force:
        output.write_text("an old draft\n", encoding="utf-8")
    schema = tmp_path / "icp-terms-of-reference.schema.json"
    ours = b'{"title": "our own schema, from an older icslint"}\n'
    schema.write_bytes(ours)
    args = ["init", "--kind", KINDS[1], "-o", str(output), "--no-input"]
    code, _, err = run(*args, *(["--force"] if force else []))
    assert code == 0, err
    assert err == (
        f"Wrote {output.as_posix()}; its first line points editors at {schema.as_posix()}, "
        "which was already there and is not this icslint's schema, so it was left as it is. To "
        f"replace it: `icslint schema --kind icp-terms-of-reference -o {schema.as_posix()}`.\n"
        + NEXT.format(output.as_posix())
    )
    assert schema.read_bytes() == ours
    assert output.read_text(encoding="utf-8").splitlines()[0] == MODELINE.format(schema.name)


def test_a_schema_that_cannot_be_written_leaves_the_draft_and_says_how(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(kind: str, folder: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(drafting, "copy_schema", refused)
    output = tmp_path / "icb.yaml"
    code, _, err = run("init", "--kind", KINDS[0], "-o", str(output), "--no-input")
    assert code == 0, err
    schema = (tmp_path / "icb-constitution.schema.json").as_posix()
    assert err == (
        f"Wrote {output.as_posix()}, but could not write {schema} beside it for editors "
        f"(Permission denied); write it with `icslint schema --kind icb-constitution -o "
        f"{schema}`.\n" + NEXT.format(output.as_posix())
    )
    assert output.read_text(encoding="utf-8").startswith(MODELINE.format(Path(schema).name))


def test_schema_option_points_elsewhere_and_writes_no_schema(tmp_path: Path) -> None:
    output = tmp_path / "icb.yaml"
    url = "https://schemas.example.org/icslint/icb-constitution.schema.json"
    code, _, err = run("init", "--kind", KINDS[0], "-o", str(output), "--no-input", "--schema", url)
    assert code == 0, err
    assert err == (
        f"Wrote {output.as_posix()}; its first line points editors at {url}.\n"
        + NEXT.format(output.as_posix())
    )
    assert output.read_text(encoding="utf-8").splitlines()[0] == MODELINE.format(url)
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


def test_schema_option_names_a_path_that_does_not_exist_yet(tmp_path: Path) -> None:
    output = tmp_path / "governance" / "icp.yaml"
    output.parent.mkdir()
    code, _, err = run(
        "init", "--kind", KINDS[1], "-o", str(output), "--no-input", "--schema", "../s.json"
    )
    assert code == 0, err
    target = (output.parent / "../s.json").as_posix()
    assert err == (
        f"Wrote {output.as_posix()}; its first line points editors at ../s.json, which does "
        f"not exist yet: write it with `icslint schema --kind icp-terms-of-reference -o "
        f"{target}`.\n" + NEXT.format(output.as_posix())
    )
    assert output.read_text(encoding="utf-8").splitlines()[0] == MODELINE.format("../s.json")


@pytest.mark.parametrize("location", ["my schemas/icb.json", "icb.json\nkind: other", ""])
def test_a_schema_location_editors_cannot_read_is_refused(location: str, tmp_path: Path) -> None:
    output = tmp_path / "icb.yaml"
    args = ["init", "--kind", KINDS[0], "-o", str(output), "--no-input", "--schema", location]
    code, _, err = run(*args)
    assert code == 2
    assert err == (
        f"icslint: error: --schema {location!r}: give a URL or a path with no spaces or line "
        "breaks (editors read the schema's address up to the first space)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_draft_on_stdout_says_where_its_schema_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("init", "--kind", KINDS[1], "-o", "-", "--no-input")
    assert code == 0, err
    assert out.splitlines()[0] == MODELINE.format("icp-terms-of-reference.schema.json")
    assert err == (
        "The draft's first line points editors at icp-terms-of-reference.schema.json in the "
        "draft's folder; write it there with `icslint schema --kind icp-terms-of-reference -o "
        "icp-terms-of-reference.schema.json`.\n"
    )
    assert list(tmp_path.iterdir()) == []  # nothing written but the draft, to stdout


def test_unknown_kind_exits_2(tmp_path: Path) -> None:
    code, _, err = run("init", "--kind", "icb", "-o", str(tmp_path / "x.yaml"), "--no-input")
    assert code == 2
    assert "icb-constitution" in err


def test_prompts_fill_in_the_essentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "icb.yaml"
    answers = "\n".join(
        [
            "Wessex",
            "Wessex County Council",
            "county",
            "Portbury City Council",
            "metropolitan",  # not a type: asked again
            "unitary",
            "Downland District Council",
            "shire_district",
            "",
            "Wessex Hospitals NHS Foundation Trust",
            "Portbury NHS Trust",
            "",
        ]
    )
    result = run_with_input(["init", "--kind", "icb-constitution", "-o", str(output)], answers)
    assert result == 0
    data = YAML(typ="safe").load(output.read_text(encoding="utf-8"))
    assert data["icb"]["name"] == "NHS Wessex Integrated Care Board"
    assert [c["name"] for c in data["local_authorities"]] == [
        "Wessex County Council",
        "Portbury City Council",
        "Downland District Council",
    ]
    assert data["partner_trusts"][:2] == [
        "Wessex Hospitals NHS Foundation Trust",
        "Portbury NHS Trust",
    ]
    assert codes(output) <= {"ICL004"}


def test_answers_with_yaml_and_template_syntax_stay_literal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "icp.yaml"
    area = 'St Mary\'s: "North" {{ x }} <script>'
    answers = "\n".join([area, "St Mary's Council: #1", "unitary", ""])
    assert (
        run_with_input(["init", "--kind", "icp-terms-of-reference", "-o", str(output)], answers)
        == 0
    )
    data = YAML(typ="safe").load(output.read_text(encoding="utf-8"))
    assert data["icp"]["name"] == f"{area} Integrated Care Partnership"
    assert data["local_authorities"][0]["name"] == "St Mary's Council: #1"


def run_with_input(args: list[str], answers: str) -> int:
    return prompted(args, answers).exit_code


def prompted(args: list[str], answers: str) -> Result:
    """Run `icslint ARGS` answering its questions with `answers`, one a line; the result's
    output is what the user sees: the prompts, the answers echoed and the messages."""
    result = CliRunner().invoke(cli.app, args, input=answers + "\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


# Council types: what the user is shown before the first council's type is asked.
MENU = """\
  Council types:
    1  county: a county council
    2  district: a district council in a two-tier area (shire district)
    3  unitary: a unitary council
    4  metropolitan district: a metropolitan district (metropolitan borough) council
    5  London borough: a London borough council
    6  City of London: the City of London Corporation
    7  Isles of Scilly: the Council of the Isles of Scilly
    ?  not sure: the type is left as a <<placeholder>> to fill in later (Enter does the same)
"""
NOT_UNDERSTOOD = (
    '  "parish" is not a council type icslint knows. Answer with a number or a name: 1 county, '
    "2 district, 3 unitary, 4 metropolitan district, 5 London borough, 6 City of London, "
    "7 Isles of Scilly; or ? if not sure.\n"
)
BLANK_TYPE = "    type: null  # <<replace null with this council's type>>"


def type_prompt(name: str) -> str:
    return f"  Type of {name} (1-7 or a name from the list; ? or Enter if not sure): "


def init_answering(kind: str, output: Path, councils: list[str]) -> Result:
    """`icslint init` for the Wessex area, answering the council questions with `councils`
    (names and types, then an empty answer to finish) and leaving the trusts blank."""
    args = ["init", "--kind", kind, "-o", str(output)]
    result = prompted(args, "\n".join(["Wessex", *councils, "", ""]))
    assert result.exit_code == 0, result.output
    return result


def load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


COUNTY = {"name": "Wessex County Council", "type": "county", "social_care_responsible": True}
DISTRICT = {
    "name": "Downland District Council",
    "type": "shire_district",
    "social_care_responsible": False,
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_district_council_is_never_responsible_for_social_care(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "draft.yaml"
    councils = ["Wessex County Council", "county", "Downland District Council", "district"]
    result = init_answering(kind, output, councils)
    assert result.output.count(MENU) == 1
    assert (
        type_prompt("Downland District Council")
        + "district\n  Downland District Council: a district council in a two-tier area "
        "(shire district), not responsible for social care.\n"
    ) in result.output
    data = load(output)
    assert data["local_authorities"] == [COUNTY, DISTRICT]
    if kind == "icb-constitution":
        # Only the county makes up the area and nominates the local authority partner member.
        assert data["icb"]["area"]["local_authorities"] == ["Wessex County Council"]
        seats = {seat["id"]: seat for seat in data["board"]["seats"]}
        assert seats["partner_local_authorities"]["nominating_bodies"] == ["Wessex County Council"]
    else:
        # Not a statutory party, no limb (b) appointment: a member the partnership appoints.
        assert data["establishing_parties"] == [
            "NHS Wessex Integrated Care Board",
            "Wessex County Council",
        ]
        limb_b = [m["organisation"] for m in data["members"] if m["statutory_limb"] == "b"]
        assert limb_b == ["Wessex County Council"]
        district = [m for m in data["members"] if m.get("organisation") == DISTRICT["name"]]
        assert district == [
            {
                "seat_title": "<<post of the member from Downland District Council, for "
                "example its leader>>",
                "organisation": "Downland District Council",
                "appointed_by": "icp",
                "statutory_limb": "c",
                "role_tags": ["district_council", "elected_member"],
            }
        ]
    assert codes(output) == {"ICL004"}


@pytest.mark.parametrize("kind", KINDS)
def test_a_district_alone_still_asks_for_its_county(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "draft.yaml"
    init_answering(kind, output, ["Downland District Council", "shire district"])
    assert load(output)["local_authorities"] == [
        DISTRICT,
        {
            "name": "<<name of the county or unitary council for the area>>",
            "type": "unitary",
            "social_care_responsible": True,
        },
    ]
    assert codes(output) == {"ICL004"}


def test_every_everyday_answer_names_its_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    answers = {
        "County": "county",
        "county council": "county",
        "1": "county",
        "district": "shire_district",
        "Shire District": "shire_district",
        "District Council": "shire_district",
        "shire_district": "shire_district",
        "2": "shire_district",
        "UNITARY": "unitary",
        "3": "unitary",
        "metropolitan district": "metropolitan_district",
        "Met district": "metropolitan_district",
        "metropolitan_district": "metropolitan_district",
        "4": "metropolitan_district",
        "London borough": "london_borough",
        "london_borough": "london_borough",
        "5": "london_borough",
        "City of London": "city_of_london",
        "city_of_london": "city_of_london",
        "6": "city_of_london",
        "Isles of Scilly": "isles_of_scilly",
        "isles_of_scilly": "isles_of_scilly",
        "7": "isles_of_scilly",
        "not sure": None,
        "Not sure": None,
        "don't know": None,
        "Don\u2019t know": None,
        "?": None,
        "": None,
    }
    output = tmp_path / "icp.yaml"
    councils = [line for n, answer in enumerate(answers) for line in (f"Council {n}", answer)]
    init_answering("icp-terms-of-reference", output, councils)
    recorded = load(output)["local_authorities"]
    assert [c["name"] for c in recorded] == [f"Council {n}" for n in range(len(answers))]
    assert [c.get("type") for c in recorded] == list(answers.values())
    assert [c.get("social_care_responsible") for c in recorded] == [
        None if t is None else t != "shire_district" for t in answers.values()
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_not_sure_leaves_the_type_as_a_placeholder(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "draft.yaml"
    councils = ["Wessex County Council", "county", "Chalkford Council", "not sure"]
    result = init_answering(kind, output, councils)
    assert (
        type_prompt("Chalkford Council")
        + "not sure\n  Left the type of Chalkford Council as a <<placeholder>> to fill in "
        "later.\n"
    ) in result.output
    data = load(output)
    # No type, and nothing said about social care: neither a type nor true is ever guessed.
    assert data["local_authorities"] == [COUNTY, {"name": "Chalkford Council", "type": None}]
    text = output.read_text(encoding="utf-8")
    # Named only there: not a party, nominator or member on a guess.
    assert text.count("Chalkford Council") == 1
    lines = text.splitlines()
    line = lines.index(BLANK_TYPE) + 1
    # The blank is in Chalkford Council's entry: the last name above it is the council's.
    name_line = [n for n, t in enumerate(lines[:line], 1) if t.startswith("  - name:")][-1]
    assert lines[name_line - 1] == '  - name: "Chalkford Council"'
    _, report = check_json(str(output))
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    at_the_council = [
        (d["code"], d["line"], d["column"], d["outcome"], d["message"])
        for d in diagnostics
        if name_line <= d["line"] <= line
    ]
    blank = (
        "ICL004",
        line,
        19,
        "breach",
        "<<replace null with this council's type>>: the value on this line is a stand-in "
        "from `icslint init`. Confirm or correct it, then delete this comment.",
    )
    if kind == "icb-constitution":
        assert at_the_council == [blank]
        assert {d["code"] for d in diagnostics} == {"ICL004"}
    else:
        # ICP001 also asks for the type: it decides whether the council is a statutory party.
        assert at_the_council == [
            (
                "ICP001",
                name_line,
                5,
                "not-stated",
                "Chalkford Council is in the partnership's area but not among the establishing "
                "parties, and the terms of reference do not say what kind of council it is. If "
                "it is a county or unitary council, a metropolitan district, a London borough, "
                "the City of London or the Isles of Scilly, section 116ZA(1) requires it to join "
                "in establishing the partnership; a district council in a two-tier area does "
                "not. Give its type under local_authorities (name: Chalkford Council).",
            ),
            blank,
        ]
        assert {d["code"] for d in diagnostics} == {"ICL004", "ICP001"}


def test_a_wrong_answer_gets_a_message_and_the_next_answer_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "icb.yaml"
    councils = ["Downland District Council", "parish", "district"]
    result = init_answering("icb-constitution", output, councils)
    prompt = type_prompt("Downland District Council")
    assert (
        f"{prompt}parish\n{NOT_UNDERSTOOD}{prompt}district\n"
        "  Downland District Council: a district council in a two-tier area (shire district), "
        "not responsible for social care.\n"
    ) in result.output
    assert load(output)["local_authorities"][0] == DISTRICT


def test_no_answer_never_picks_a_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    output = tmp_path / "icp.yaml"
    result = init_answering("icp-terms-of-reference", output, ["Chalkford Council", ""])
    prompt = type_prompt("Chalkford Council")
    assert (
        f"{prompt}\n  Left the type of Chalkford Council as a <<placeholder>> to fill in later.\n"
    ) in result.output
    data = load(output)
    assert data["local_authorities"][0] == {"name": "Chalkford Council", "type": None}
    # Not made a statutory party or member on a guess either.
    assert "Chalkford Council" not in data["establishing_parties"]
    assert all(m.get("organisation") != "Chalkford Council" for m in data["members"])
    assert output.read_text(encoding="utf-8").count(BLANK_TYPE) == 1


def test_the_menu_offers_every_schema_type_and_only_a_district_is_not_responsible() -> None:
    assert [c.type for c in drafting.COUNCIL_TYPE_CHOICES] == [
        "county",
        "shire_district",
        "unitary",
        "metropolitan_district",
        "london_borough",
        "city_of_london",
        "isles_of_scilly",
    ]
    assert {c.type for c in drafting.COUNCIL_TYPE_CHOICES} == set(get_args(LocalAuthorityType))
    assert (
        drafting.Council("Downland District Council", "shire_district").social_care_responsible
        is False
    )
    assert drafting.Council("Chalkford Council", None).social_care_responsible is None
    assert all(
        drafting.Council("x", t).social_care_responsible is (t != "shire_district")
        for t in get_args(LocalAuthorityType)
    )
    with pytest.raises(ValueError, match="'parish' is not a council type"):
        drafting.Council("Chalkford Parish Council", "parish")
    with pytest.raises(drafting.UnknownCouncilType):
        drafting.council_type("8")


def test_placeholder_findings_point_at_the_blank(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "kind: icp-terms-of-reference\nschema_version: 1\nicp:\n"
        "  name: <<partnership name>> Partnership\n"
    )
    code, report = check_json(str(path))
    assert code == 1
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    placeholders = [d for d in diagnostics if d["code"] == "ICL004"]
    assert [(d["line"], d["column"]) for d in placeholders] == [(4, 3)]
    assert placeholders[0]["message"].startswith("<<partnership name>> is a placeholder")


def test_a_blank_in_a_comment_marks_a_stand_in_value(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "kind: icb-constitution\nschema_version: 1\nmeta:\n"
        "  nhse_approved_on: 2026-04-01  # <<the date NHS England approves>>\n"
        "  version: '1.0'  # an ordinary comment\n"
        "  published_url: 'https://x.example/#<<not a comment>>'\n"
    )
    _, report = check_json(str(path), "--select", "ICB006")
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    assert [(d["code"], d["line"], d["column"]) for d in diagnostics] == [
        ("ICL004", 4, 35),
        ("ICL004", 6, 3),
    ]
    assert "stand-in" in diagnostics[0]["message"]
