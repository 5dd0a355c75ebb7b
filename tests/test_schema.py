"""`icslint schema`: the JSON Schema editors use, checked against the examples and the models."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT, run

KINDS = ("icb-constitution", "icp-terms-of-reference")
VALID = {
    "icb-constitution": EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml",
    "icp-terms-of-reference": EXAMPLES / "valid" / "severnmoor-icp-terms-of-reference.yaml",
}
SCHEMAS = ROOT / "schemas"
# The two keys every document starts with; their meaning is fixed by their constant value.
UNDESCRIBED = {"kind", "schema_version"}


def printed_schema(kind: str | None) -> dict[str, Any]:
    args = ("schema",) if kind is None else ("schema", "--kind", kind)
    code, out, err = run(*args)
    assert code == 0, err
    schema = json.loads(out)
    assert isinstance(schema, dict)
    return schema


@pytest.fixture(scope="module")
def schemas() -> dict[str | None, dict[str, Any]]:
    return {kind: printed_schema(kind) for kind in (None, *KINDS)}


def as_editors_see_it(path: Path) -> Any:
    """The YAML as a language server sees it: plain JSON values, dates as ISO strings."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


def errors(schema: dict[str, Any], instance: Any) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator.iter_errors(instance), key=lambda e: e.json_path)
    ]


@pytest.mark.parametrize("kind", [None, *KINDS], ids=["either-kind", *KINDS])
def test_schema_is_a_valid_draft_2020_12_schema(kind: str | None) -> None:
    schema = printed_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema.get("title")


@pytest.mark.parametrize("kind", KINDS)
def test_valid_example_validates(kind: str, schemas: dict[str | None, dict[str, Any]]) -> None:
    document = as_editors_see_it(VALID[kind])
    assert errors(schemas[kind], document) == []
    assert errors(schemas[None], document) == []


def test_a_document_of_one_kind_does_not_fit_the_other(
    schemas: dict[str | None, dict[str, Any]],
) -> None:
    icb = as_editors_see_it(VALID["icb-constitution"])
    assert errors(schemas["icp-terms-of-reference"], icb)


@pytest.mark.parametrize("kind", [None, "icb-constitution"], ids=["either-kind", "icb"])
def test_misspelt_key_fails(kind: str | None, schemas: dict[str | None, dict[str, Any]]) -> None:
    text = VALID["icb-constitution"].read_text(encoding="utf-8")
    assert "\nboard:\n" in text
    document = YAML(typ="safe").load(text.replace("\nboard:\n", "\nbord:\n"))
    found = errors(schemas[kind], json.loads(json.dumps(document, default=str)))
    assert found, "a misspelt top-level key must not validate"
    assert any("bord" in message for message in found), found


@pytest.mark.parametrize(
    ("kind", "path", "wrong"),
    [
        ("icb-constitution", ("local_authorities", 0, "type"), "parish_council"),
        ("icp-terms-of-reference", ("icp", "legal_form"), "limited_company"),
    ],
)
def test_wrong_enum_value_fails(
    kind: str,
    path: tuple[str | int, ...],
    wrong: str,
    schemas: dict[str | None, dict[str, Any]],
) -> None:
    document = as_editors_see_it(VALID[kind])
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    assert target[path[-1]] != wrong
    target[path[-1]] = wrong
    for schema in (schemas[kind], schemas[None]):
        found = errors(schema, changed)
        assert found, f"{'.'.join(map(str, path))}: {wrong!r} must not validate"


def undescribed_properties(schema: dict[str, Any]) -> list[str]:
    """Every property, here and in $defs, that has no description (except kind, schema_version)."""
    missing: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                for name, sub in properties.items():
                    if name not in UNDESCRIBED and not (
                        isinstance(sub, dict) and sub.get("description")
                    ):
                        missing.append(f"{where}/properties/{name}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema, "#")
    return missing


def test_every_property_has_a_description() -> None:
    # The either-kind schema holds every model of both kinds in its $defs.
    missing = undescribed_properties(printed_schema(None))
    assert not missing, (
        f"{len(missing)} properties have no description; give each field an attribute "
        "docstring in src/icslint/models/:\n  " + "\n  ".join(missing)
    )


def test_the_check_for_descriptions_sees_missing_ones() -> None:
    schema = {
        "properties": {"kind": {}, "a": {"description": "A."}, "b": {"$ref": "#/$defs/B"}},
        "$defs": {"B": {"properties": {"c": {"type": "string"}}}},
    }
    assert undescribed_properties(schema) == ["#/properties/b", "#/$defs/B/properties/c"]


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_matches_the_models(kind: str) -> None:
    committed = SCHEMAS / f"{kind}.schema.json"
    regenerate = f"icslint schema --kind {kind} -o schemas/{kind}.schema.json"
    assert committed.is_file(), f"{committed.relative_to(ROOT)} is missing; run `{regenerate}`"
    code, fresh, err = run("schema", "--kind", kind)
    assert code == 0, err
    assert committed.read_text(encoding="utf-8") == fresh, (
        f"schemas/{kind}.schema.json is out of date with the models in src/icslint/models/. "
        f"Regenerate it with `{regenerate}` and commit the result."
    )


def test_schemas_folder_holds_one_schema_per_kind() -> None:
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(
        f"{kind}.schema.json" for kind in KINDS
    )


@pytest.mark.parametrize("kind", KINDS)
def test_init_points_editors_at_the_schema_it_writes(kind: str, tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    code, _, err = run("init", "--kind", kind, "-o", str(draft), "--no-input")
    assert code == 0, err
    first = draft.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first == f"{prefix}{kind}.schema.json"
    # The language server reads a path relative to the document: the schema of this kind,
    # offline, and one the draft's own example document fits.
    schema = json.loads((draft.parent / first.removeprefix(prefix)).read_text(encoding="utf-8"))
    assert schema["title"] == printed_schema(kind)["title"]
    assert errors(schema, as_editors_see_it(VALID[kind])) == []


def test_the_package_ships_the_schemas_folder() -> None:
    from icslint.json_schema import packaged_schema

    for kind in KINDS:
        assert packaged_schema(kind) == (SCHEMAS / f"{kind}.schema.json").read_bytes()


@pytest.mark.parametrize("kind", KINDS)
def test_schema_output_file(kind: str, tmp_path: Path) -> None:
    target = tmp_path / f"{kind}.schema.json"
    code, _, err = run("schema", "--kind", kind, "-o", str(target))
    assert code == 0, err
    assert json.loads(target.read_text(encoding="utf-8")) == printed_schema(kind)
