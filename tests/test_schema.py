"""Tests of the newslens/1 JSON Schema against real output."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newslens
from newslens.config import Config
from newslens.io import load
from newslens.model import COMPACT, CORE_FIELDS
from newslens.schema import check_span_texts, load_schema, validate
from newslens.testing.strategies import news_texts, texts

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
PIPELINE = newslens.Pipeline(backend="lite")


def analysed(source: Path) -> list[dict[str, Any]]:
    docs = [item for item in load(str(source), Config()) if isinstance(item, newslens.Document)]
    assert docs
    return [doc.to_dict() for doc in PIPELINE.pipe(docs)]


@pytest.fixture(scope="module")
def sample() -> dict[str, Any]:
    return analysed(FIXTURES / "bakery.json")[0]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_describes_exactly_the_core_fields() -> None:
    schema = load_schema()
    assert set(schema["properties"]) == set(CORE_FIELDS)
    assert schema["required"] == ["schema"]  # every other field may be omitted on request
    assert "description" in schema["additionalProperties"]  # plugin sections are allowed


@pytest.mark.parametrize("omit", [("tokens", "paragraphs"), tuple(COMPACT), ("entities", "text")])
def test_a_document_with_fields_omitted_still_fits_the_schema(omit: tuple[str, ...]) -> None:
    doc = newslens.analyze("Ms. Chen said it rained. Nobody was hurt.", backend="lite")
    data = doc.to_dict(omit=omit)
    validate(data)
    assert not set(omit) & set(data)
    assert set(data) == set(doc.to_dict()) - set(omit)


def test_schema_is_never_omitted() -> None:
    doc = newslens.analyze("It rained.", backend="lite")
    assert doc.to_dict(omit=set(CORE_FIELDS))["schema"] == "newslens/1"


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{path}.{name}", value
        for key, value in node.items():
            if key != "properties" or not isinstance(value, dict):
                yield from _properties(value, f"{path}/{key}")
            else:
                for name, sub in value.items():
                    yield from _properties(sub, f"{path}.{name}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{path}[{index}]")


def test_every_property_has_a_description() -> None:
    properties = list(_properties(load_schema()))
    assert len(properties) > 40  # the walk reaches the nested span, token and diagnostic fields
    assert not [path for path, value in properties if "description" not in value]


@pytest.mark.parametrize(
    "name",
    ["harbour-ferry.txt", "orchard-frost.txt", "council-vote.txt", "bakery.json", "wire.jsonl"],
)
def test_output_of_every_fixture_validates(name: str) -> None:
    for data in analysed(FIXTURES / name):
        validate(data)


def test_output_through_json_text_validates(sample: dict[str, Any]) -> None:
    validate(json.loads(json.dumps(sample, ensure_ascii=False)))


def test_plugin_sections_are_allowed_and_their_spans_checked(sample: dict[str, Any]) -> None:
    data = copy.deepcopy(sample)
    data["quotes"] = [{"start": 0, "end": 7, "text": data["text"][:7], "speaker": None}]
    validate(data)
    data["quotes"][0]["text"] = "nothing like it"
    with pytest.raises(ValueError, match=r"quotes\[0\]"):
        validate(data)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _delete(*path: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (_set(("schema",), "newslens/2"), "another schema version"),
        (_set(("text",), 5), "text not a string"),
        (_set(("published",), "14 March 2024"), "published not YYYY-MM-DD"),
        (_set(("id",), 7), "id not a string"),
        (_set(("layers",), ["tokens", "tokens"]), "repeated layer"),
        (_set(("meta",), []), "meta not an object"),
        (_set(("parts", 0, "name"), "footer"), "unknown part name"),
        (_set(("parts", 0, "start"), -1), "negative offset"),
        (_set(("tokens", 0, "end"), 1.5), "offset not an integer"),
        (_set(("tokens", 0, "colour"), "red"), "unknown token field"),
        (_set(("tokens", 0, "head"), -2), "negative head"),
        (_delete("sentences", 0, "token_end"), "sentence without token range"),
        (_set(("diagnostics",), [{"plugin": "x", "level": "fatal", "message": "m"}]), "bad level"),
        (_set(("diagnostics",), [{"plugin": "x", "level": "info"}]), "diagnostic w/o message"),
        (_set(("entities",), [{"start": 0, "end": 1, "text": "T"}]), "entity without label"),
    ],
)
def test_wrong_documents_fail_validation(
    sample: dict[str, Any], change: Callable[[dict[str, Any]], None], what: str
) -> None:
    data = copy.deepcopy(sample)
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())


def test_span_text_must_match_the_offsets(sample: dict[str, Any]) -> None:
    data = copy.deepcopy(sample)
    token = data["tokens"][0]
    token["text"] = token["text"] + "x"
    jsonschema.validate(data, load_schema())  # the schema alone cannot see it ...
    with pytest.raises(ValueError, match=r"tokens\[0\]"):
        check_span_texts(data)  # ... the span check does
    data = copy.deepcopy(sample)
    data["sentences"][0]["end"] = len(data["text"]) + 5
    with pytest.raises(ValueError, match=r"sentences\[0\]"):
        validate(data)


def test_every_span_in_real_output_matches_its_text(sample: dict[str, Any]) -> None:
    text = sample["text"]
    for field in ("parts", "paragraphs", "sentences", "tokens", "entities"):
        for span in sample[field]:
            assert text[span["start"] : span["end"]] == span["text"]


@given(
    body=st.one_of(news_texts(), texts()).filter(str.strip),
    headline=st.none() | st.text(max_size=60),
    published=st.none() | st.dates(),
)
def test_any_analysed_text_validates(
    body: str, headline: str | None, published: Any
) -> None:
    doc = PIPELINE(body, headline=headline, published=published)
    data = json.loads(doc.to_json())
    validate(data)
    assert data["published"] == (published.isoformat() if published else None)
