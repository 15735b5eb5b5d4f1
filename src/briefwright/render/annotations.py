"""Turn a checked brief's citations into W3C Web Annotations (annotations.jsonld): one
annotation a cite, its body the statement (its id and text), its target the source (its
address, else its stored text named by SHA-256) with a TextQuoteSelector and a
TextPositionSelector in the stored text, so any tool can re-anchor the passage.

A quote that matches more than one passage (BW109) gets its exact words only: a prefix,
a suffix or a position would guess which passage the statement means.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import quote

from briefwright.evidence.passages import find_passage
from briefwright.model.annex import Actor, GlossaryEntry
from briefwright.model.brief import Brief, Cited
from briefwright.model.cited import Citation
from briefwright.model.source import Source

ANNOTATIONS = "annotations.jsonld"
"""The artifact's path, beside brief.html."""
CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def render_annotations(brief: Brief, built: datetime) -> bytes:
    """Return the brief's AnnotationCollection as JSON-LD, one annotation per cite."""
    base = _urn(brief)
    items = list(_annotations(brief, base, built))
    collection = {
        "@context": CONTEXT,
        "id": f"{base}:annotations",
        "type": "AnnotationCollection",
        "label": brief.metadata.title,
        "total": len(items),
        "first": {"id": f"{base}:annotations:page-1", "type": "AnnotationPage",
                  "startIndex": 0, "items": items},
    }  # fmt: skip
    return (json.dumps(collection, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _urn(brief: Brief) -> str:
    meta = brief.metadata
    return f"urn:briefwright:{quote(meta.product_id, safe='')}:{quote(meta.version, safe='')}"


def _annotations(brief: Brief, base: str, built: datetime) -> Iterator[dict[str, Any]]:
    for item in brief.cited():
        for number, citation in enumerate(item.cites, 1):
            source = brief.source(citation.source)
            assert source is not None, "checks run before rendering: every source exists"
            yield {
                "id": f"{base}:cite:{item.id}:{number}",
                "type": "Annotation",
                "motivation": "linking",
                "created": built.isoformat(),
                "body": {
                    "id": f"{base}:statement:{item.id}",
                    "type": "TextualBody",
                    "value": statement_text(item),
                    "format": "text/plain",
                    "language": brief.metadata.language,
                },
                "target": target(source, citation),
            }


def statement_text(item: Cited) -> str:
    """Return what a cited item states, in the brief's words."""
    if isinstance(item, Actor):
        return f"{item.name}, {item.office}"
    if isinstance(item, GlossaryEntry):
        return f"{item.term}: {item.definition}"
    return item.text


def target(source: Source, citation: Citation) -> dict[str, Any]:
    """Return the annotation's target: the source and the passage's selectors."""
    passage = find_passage(citation.quote, source.text)
    assert passage is not None, "checks run before rendering: every quote is in its source"
    quote_selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": passage.exact}
    selectors: list[dict[str, Any]] = [quote_selector]
    if not passage.ambiguous:
        quote_selector |= {"prefix": passage.prefix, "suffix": passage.suffix}
        selectors.append(
            {"type": "TextPositionSelector", "start": passage.start, "end": passage.end}
        )
    found: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source.url or stored_text_urn(source),
        "selector": selectors,
    }
    if source.retrieved is not None:
        found["state"] = {"type": "TimeState", "sourceDate": source.retrieved.isoformat()}
    return found


def stored_text_urn(source: Source) -> str:
    """Return the URN naming a source's stored text by its SHA-256 (the `hash` URN
    namespace of draft-thiemann-hash-urn)."""
    return f"urn:hash::sha256:{source.fingerprint}"
