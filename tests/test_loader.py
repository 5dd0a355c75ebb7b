"""Bad input: clear ICL001-ICL003 messages at the right line and column, never a traceback."""

from __future__ import annotations

from pathlib import Path

from conftest import check_json, run

HEAD = "kind: icb-constitution\nschema_version: 1\n"


def only(report: dict[str, object]) -> dict[str, object]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list) and len(diagnostics) == 1, diagnostics
    return diagnostics[0]


def test_duplicate_key_on_line_4_is_icl001_at_line_4(write) -> None:  # type: ignore[no-untyped-def]
    path = write(HEAD + "icb:\nicb:\n  name: NHS Test ICB\n")
    code, report = check_json(str(path))
    [d] = file_problems(report)
    assert (d["code"], d["line"], d["column"]) == ("ICL001", 4, 1)
    assert 'The key "icb" appears twice' in d["message"]
    assert "first on line 3" in d["message"]
    assert code == 1


def test_misspelt_key_on_line_3_is_icl002_at_line_3_with_a_suggestion(write) -> None:  # type: ignore[no-untyped-def]
    path = write(HEAD + "boad:\n  seats: []\n")
    code, report = check_json(str(path))
    [d] = file_problems(report)
    assert (d["code"], d["line"], d["column"]) == ("ICL002", 3, 1)
    assert d["message"] == (
        'Unknown key "boad" in the top level. Did you mean "board"? To record a fact icslint '
        'does not check, put it under "notes" or in a key starting "x-".'
    )
    assert code == 1
    # The rest of the document is still checked: with no board read, the Act's board rules
    # find no chair.
    assert ("ICB050", 1, "breach") in rule_findings(report)


def file_problems(report: object) -> list[dict[str, object]]:
    return [d for d in report["diagnostics"] if d["code"].startswith("ICL")]  # type: ignore[index]


def rule_findings(report: object) -> set[tuple[object, object, object]]:
    return {
        (d["code"], d["line"], d["outcome"])
        for d in report["diagnostics"]  # type: ignore[index]
        if not d["code"].startswith("ICL")
    }


def test_nested_misspelt_key_and_bad_value_each_get_icl002(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        HEAD
        + "board:\n  seats:\n    - id: chair\n      rol: chair\n"
        + "    - id: ceo\n      role: cheif_executive\n      voting: maybe\n"
    )
    code, report = check_json(str(path))
    messages = {(d["line"], d["column"], d["message"]) for d in file_problems(report)}
    assert messages == {
        (
            6,
            7,
            'Unknown key "rol" in board.seats[0]. Did you mean "role"? To record a fact '
            'icslint does not check, put it under "notes" or in a key starting "x-".',
        ),
        (
            8,
            7,
            '"cheif_executive" is not an allowed value for board.seats[1].role. Did you mean '
            '"chief_executive"? Use one of: chair, chief_executive, ordinary.',
        ),
        (9, 7, 'board.seats[1].voting must be true or false; found "maybe".'),
    }
    assert code == 1


def test_a_missing_required_key_is_reported_at_its_parent_mapping(write) -> None:  # type: ignore[no-untyped-def]
    path = write(HEAD + "board:\n  seats:\n    - title: Chair\n      role: chair\n")
    _, report = check_json(str(path))
    [d] = file_problems(report)
    assert (d["code"], d["line"], d["column"]) == ("ICL002", 5, 7)
    assert d["message"] == 'board.seats[0] is missing the key "id", which is required.'
    # The seat could not be read, so whether the board has a chair is not known: the rules
    # say so at the seat rather than report that there is no chair.
    chair = next(x for x in report["diagnostics"] if x["code"] == "ICB050")
    assert (chair["line"], chair["outcome"]) == (5, "not-stated")
    assert chair["message"].startswith("Not checked: board.seats[0] (line 5) could not be read")


def test_wrong_schema_version(write) -> None:  # type: ignore[no-untyped-def]
    path = write("kind: icb-constitution\nschema_version: 2\n")
    _, report = check_json(str(path))
    d = only(report)
    assert (d["code"], d["line"]) == ("ICL002", 2)
    assert "Use one of: 1." in d["message"]


def test_missing_path_exits_2() -> None:
    code, out, err = run("check", "no/such/file.yaml")
    assert code == 2
    assert "no/such/file.yaml: no such file or folder" in err
    assert out == ""


def test_empty_file_is_icl003(write) -> None:  # type: ignore[no-untyped-def]
    code, report = check_json(str(write("")))
    d = only(report)
    assert (d["code"], d["line"]) == ("ICL003", 1)
    assert d["message"].startswith("The file is empty, not an icslint document.")
    assert code == 1


def test_a_list_is_icl003(write) -> None:  # type: ignore[no-untyped-def]
    _, report = check_json(str(write("- kind: icb-constitution\n")))
    d = only(report)
    assert d["code"] == "ICL003"
    assert d["message"].startswith("The file is a list, not an icslint document.")


def test_unknown_kind_is_icl003_with_a_suggestion(write) -> None:  # type: ignore[no-untyped-def]
    _, report = check_json(str(write("schema_version: 1\nkind: icp-terms-of-refrence\n")))
    d = only(report)
    assert (d["code"], d["line"], d["column"]) == ("ICL003", 2, 1)
    assert (
        'Unknown kind "icp-terms-of-refrence". Did you mean "icp-terms-of-reference"?'
        in (d["message"])
    )


def test_missing_kind_is_icl003(write) -> None:  # type: ignore[no-untyped-def]
    _, report = check_json(str(write("schema_version: 1\nicb:\n  name: X\n")))
    assert only(report)["message"].startswith("The file has no `kind`.")


def test_python_tags_are_refused_not_executed(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "pwned"
    path = write(HEAD + f"icb: !!python/object/apply:os.system ['touch {marker}']\n")
    _, report = check_json(str(path))
    d = only(report)
    assert (d["code"], d["line"]) == ("ICL001", 3)
    assert "The tag !!python/object/apply:os.system is not allowed" in d["message"]
    assert not marker.exists()


def test_tabs_get_a_plain_message(write) -> None:  # type: ignore[no-untyped-def]
    _, report = check_json(str(write(HEAD + "icb:\n\tname: X\n")))
    d = only(report)
    assert (d["code"], d["line"]) == ("ICL001", 4)
    assert "Indent with spaces" in d["message"]


def test_unquoted_colon_in_a_value_gets_a_plain_message(write) -> None:  # type: ignore[no-untyped-def]
    _, report = check_json(str(write(HEAD + "icb:\n  name: NHS Test: ICB\n")))
    d = only(report)
    assert (d["code"], d["line"]) == ("ICL001", 4)
    assert "Put the whole value in quotes" in d["message"]


def test_not_utf8_is_icl001_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(HEAD.encode() + "icb:\n  name: Caf\xe9\n".encode("latin-1"))
    _, report = check_json(str(path))
    d = only(report)
    assert (d["code"], d["line"], d["column"]) == ("ICL001", 4, 12)


def test_alias_bomb_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    _, report = check_json(str(write(HEAD + "\n".join(lines) + "\n")))
    d = only(report)
    assert d["code"] == "ICL001"
    assert "expands to more than" in d["message"]


def test_two_documents_in_one_file(write) -> None:  # type: ignore[no-untyped-def]
    _, report = check_json(str(write(HEAD + "---\n" + HEAD)))
    d = only(report)
    assert (d["code"], d["line"]) == ("ICL001", 3)
    assert "more than one YAML document" in d["message"]


def test_no_input_prints_a_traceback(write) -> None:  # type: ignore[no-untyped-def]
    bad_inputs = [
        "",
        "- a\n",
        "just text\n",
        "kind: 12\n",
        "kind: [icb-constitution]\n",
        HEAD + "board: [1, 2]\n",
        HEAD + "board:\n  seats: {a: 1}\n",
        HEAD + "? [a, b]\n: c\n",
        HEAD + "definitions: [a]\n",
        "kind: icp-terms-of-reference\nschema_version: 1\nmembers:\n  - seat_title: X\n"
        "    appointed_by: the council\n",
        "\x00\x01",
        "a: *undefined\n",
    ]
    for text in bad_inputs:
        code, out, err = run("check", str(write(text)))
        assert code == 1, (text, out, err)
        assert "Traceback" not in out + err
