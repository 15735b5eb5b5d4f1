"""Tests for briefwright.render.annotations: one W3C Web Annotation per cite, valid JSON-LD
read offline, each selector pointing at the passage in the stored text."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyld import jsonld

from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from briefwright.render.annotations import CONTEXT, render_annotations, statement_text
from tests.conftest import CONTENT, FIXTURES, MakeProject

BUILT = datetime(2023, 3, 20, tzinfo=UTC)
OA = "http://www.w3.org/ns/oa#"
ANNO_CONTEXT = json.loads((FIXTURES / "jsonld" / "anno.jsonld").read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve the bundled Web Annotation context; refuse any other address."""
    if url != CONTEXT:
        raise jsonld.JsonLdError(f"test loader fetches nothing: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": ANNO_CONTEXT}


def _collection(brief: Brief) -> dict[str, Any]:
    data = json.loads(render_annotations(brief, BUILT))
    assert isinstance(data, dict)
    return data


def test_annotations_expand_as_json_ld_offline_one_per_cite() -> None:
    """The real brief's annotations expand with the bundled context: one oa:Annotation per
    cite, each with a body and a target carrying both selectors."""
    brief = load_brief(CONTENT)
    expanded = jsonld.expand(_collection(brief), {"documentLoader": offline_loader})
    (collection,) = expanded
    assert collection["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    page = collection["http://www.w3.org/ns/activitystreams#first"][0]
    items = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    cites = sum(len(item.cites) for item in brief.cited())
    assert len(items) == cites > 100
    for item in items:
        assert item["@type"] == [OA + "Annotation"]
        (target,) = item[OA + "hasTarget"]
        kinds = {s["@type"][0] for s in target[OA + "hasSelector"]}
        assert kinds == {OA + "TextQuoteSelector", OA + "TextPositionSelector"}
        assert item[OA + "hasBody"][0]["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"]


def test_each_selector_is_found_at_its_position_in_the_stored_text() -> None:
    """prefix + exact + suffix occur in the stored text exactly where the position says."""
    brief = load_brief(CONTENT)
    by_urn = {f"urn:hash::sha256:{source.fingerprint}": source for source in brief.sources}
    for item in _collection(brief)["first"]["items"]:
        target = item["target"]
        text = by_urn[target["source"]].text
        quote, position = target["selector"]
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        assert text[start - len(quote["prefix"]) : end + len(quote["suffix"])] == whole
        assert len(quote["prefix"]) <= 32 and len(quote["suffix"]) <= 32


def test_body_is_the_statement_and_output_is_stable() -> None:
    """The body carries the statement's id and text; rendering twice gives the same bytes."""
    brief = load_brief(CONTENT)
    first = _collection(brief)["first"]["items"][0]
    fact = next(iter(brief.cited()))
    assert first["body"]["id"].endswith(f":statement:{fact.id}")
    assert first["body"]["value"] == statement_text(fact)
    assert render_annotations(brief, BUILT) == render_annotations(brief, BUILT)


def test_an_ambiguous_quote_carries_no_guess(project: MakeProject) -> None:
    """A quote found twice gets its exact words only: no prefix, suffix or position."""
    brief = load_brief(project("ambiguous-quote"))
    items = _collection(brief)["first"]["items"]
    (ambiguous,) = [i for i in items if i["id"].endswith(":cite:fact-one:1")]
    assert ambiguous["target"]["selector"] == [{"type": "TextQuoteSelector", "exact": "the"}]


def test_a_source_with_an_address_is_the_target(project: MakeProject) -> None:
    """A source with a url is the target's source, dated by when it was retrieved."""
    content = project("minimal")
    path = content / "sources" / "one.txt"
    text = path.read_text(encoding="utf-8").replace(
        "kind: news-report\n",
        "kind: news-report\nurl: https://example.org/one\nretrieved: 2026-12-07T09:30:00+00:00\n",
    )
    Path(path).write_text(text, encoding="utf-8")
    target = _collection(load_brief(content))["first"]["items"][0]["target"]
    assert target["source"] == "https://example.org/one"
    assert target["state"] == {"type": "TimeState", "sourceDate": "2026-12-07T09:30:00+00:00"}
