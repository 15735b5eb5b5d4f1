"""Tests for briefwright.render.citation: how to cite a brief, as a sentence, CITATION.cff,
CSL-JSON and schema.org JSON-LD, each valid against its published schema, read offline."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pyld import jsonld

from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from briefwright.render.citation import (
    citation_cff,
    csl_json,
    identity,
    report_jsonld,
    suggested_citation,
)
from briefwright.render.html import render_brief
from briefwright.render.labels import load_labels
from tests.conftest import CONTENT, FIXTURES, LAYERS, MakeProject

BUILT = datetime(2023, 3, 21, 9, 30, tzinfo=UTC)
SCHEMA = "http://schema.org/"
CFF_SCHEMA = FIXTURES / "citation" / "cff-1.2.0.schema.json"
CSL_SCHEMA = FIXTURES / "citation" / "csl-data-1.0.2.schema.json"
SCHEMA_ORG = json.loads((FIXTURES / "jsonld" / "schemaorg.jsonld").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brief() -> Brief:
    """The real brief, loaded once."""
    return load_brief(CONTENT)


@pytest.fixture(scope="module")
def with_doi(brief: Brief) -> Brief:
    """The real brief with a DOI."""
    meta = brief.metadata.model_copy(update={"doi": "10.5281/zenodo.1003150"})
    return brief.model_copy(update={"front": brief.front.model_copy(update={"metadata": meta})})


@pytest.fixture(scope="module")
def with_url(brief: Brief) -> Brief:
    """The real brief, saying where it is published."""
    meta = brief.metadata.model_copy(update={"url": "https://briefs.example.org/bw-1/"})
    return brief.model_copy(update={"front": brief.front.model_copy(update={"metadata": meta})})


def _validate(schema: Path, data: bytes, tmp_path: Path, name: str) -> None:
    """Validate a file with check-jsonschema against a bundled schema (YAML or JSON)."""
    (tmp_path / name).write_bytes(data)
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--schemafile", str(schema), "--default-filetype", "yaml",
         str(tmp_path / name)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_suggested_citation_names_the_version_and_its_date(brief: Brief) -> None:
    """Authors, title, series and product, version, organisation and the version's date
    (kept on one line)."""
    text = suggested_citation(identity(brief, BUILT), load_labels(LAYERS, "en-GB"))
    assert text == (
        "briefwright editorial team, India–Japan Defence-Industrial Cooperation, briefwright "
        f"Policy Briefs BW-2026-001, version {brief.metadata.version} (briefwright, "
        "21\u00a0March\u00a02023)."
    )
    japanese = suggested_citation(identity(brief, BUILT), load_labels(LAYERS, "ja"))
    assert "第" in japanese and "2023年3月21日" in japanese


@pytest.mark.parametrize("doi", [False, True], ids=["no-doi", "doi"])
def test_citation_cff_validates_against_cff_1_2_0(
    brief: Brief, with_doi: Brief, doi: bool, tmp_path: Path
) -> None:
    """CITATION.cff validates against the Citation File Format 1.2.0 schema, with and
    without a DOI; a report is its preferred citation; dates are strings."""
    data = citation_cff(identity(with_doi if doi else brief, BUILT))
    assert "url" not in yaml.safe_load(data)
    _validate(CFF_SCHEMA, data, tmp_path, "CITATION.cff")
    cff = yaml.safe_load(data)
    assert cff["cff-version"] == "1.2.0" and cff["date-released"] == "2023-03-21"
    assert cff["preferred-citation"]["type"] == "report"
    assert ("doi" in cff) is doi and (cff.get("doi") == "10.5281/zenodo.1003150") is doi
    assert b"&id" not in data  # no YAML anchors


def test_csl_json_validates_against_the_csl_data_schema(with_doi: Brief, tmp_path: Path) -> None:
    """The CSL-JSON is one report item, valid against CSL's csl-data schema 1.0.2."""
    data = csl_json(identity(with_doi, BUILT))
    _validate(CSL_SCHEMA, data, tmp_path, "citation.json")
    (item,) = json.loads(data)
    assert item["type"] == "report" and item["DOI"] == "10.5281/zenodo.1003150"
    assert item["issued"] == {"date-parts": [[2023, 3, 21]]}


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve the bundled schema.org context (release 30.0); refuse any other address."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise jsonld.JsonLdError(f"test loader fetches nothing: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG}


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.found.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._inside = False


def test_html_head_holds_a_schema_org_report_that_expands_offline(with_doi: Brief) -> None:
    """The brief's <head> holds one JSON-LD script; it expands, with the bundled schema.org
    context, to a Report with its name, version, date, author, language and sources."""
    html = render_brief(with_doi, LAYERS, BUILT)
    head = html.split("</head>", 1)[0]
    parser = _Scripts()
    parser.feed(head)
    (script,) = parser.found
    (report,) = jsonld.expand(json.loads(script), {"documentLoader": offline_loader})
    assert report["@type"] == [SCHEMA + "Report"]
    assert report[SCHEMA + "name"] == [{"@value": with_doi.metadata.title}]
    assert report[SCHEMA + "version"] == [{"@value": with_doi.metadata.version}]
    assert report[SCHEMA + "datePublished"] == [{"@type": SCHEMA + "Date", "@value": "2023-03-21"}]
    assert report[SCHEMA + "inLanguage"] == [{"@value": "en-GB"}]
    (author,) = report[SCHEMA + "author"]
    assert author["@type"] == [SCHEMA + "Organization"]
    based_on = {entry["@id"] for entry in report.get(SCHEMA + "isBasedOn", [])}
    assert based_on == {s.url for s in with_doi.sources if s.url}
    assert report[SCHEMA + "sameAs"] == [{"@id": "https://doi.org/10.5281/zenodo.1003150"}]


def test_json_ld_cannot_close_its_script(project: MakeProject) -> None:
    """A title holding `</script>` stays inside the JSON-LD, escaped."""
    content = project("minimal")
    brief_yaml = content / "brief.yaml"
    brief_yaml.write_text(
        brief_yaml.read_text().replace("title: Minimal brief", 'title: "x</script><b>y"')
    )
    html = render_brief(load_brief(content), LAYERS, BUILT)
    assert "</script><b>" not in html
    assert report_jsonld(identity(load_brief(content), BUILT))["name"] == "x</script><b>y"


def test_a_published_brief_is_cited_with_its_address_after_any_doi(
    brief: Brief, with_url: Brief, tmp_path: Path
) -> None:
    """With `metadata.url`, the citation ends with the HTML edition's address (the DOI's
    when there is one: it outlives any web address); CITATION.cff, the CSL-JSON and the
    JSON-LD give the address, each still valid against its schema."""
    address = "https://briefs.example.org/bw-1/brief.html"
    who = identity(with_url, BUILT)
    assert who.link == who.address == address
    assert identity(brief, BUILT).link is None
    both = with_url.metadata.model_copy(update={"doi": "10.5281/zenodo.1003150"})
    with_both = with_url.model_copy(update={"front": with_url.front.model_copy(
        update={"metadata": both})})  # fmt: skip
    assert identity(with_both, BUILT).link == "https://doi.org/10.5281/zenodo.1003150"
    cff = citation_cff(who)
    _validate(CFF_SCHEMA, cff, tmp_path, "CITATION.cff")
    assert (
        yaml.safe_load(cff)["url"] == yaml.safe_load(cff)["preferred-citation"]["url"] == address
    )
    csl = csl_json(who)
    _validate(CSL_SCHEMA, csl, tmp_path, "citation.json")
    assert json.loads(csl)[0]["URL"] == address
    (report,) = jsonld.expand(report_jsonld(who), {"documentLoader": offline_loader})
    assert report[SCHEMA + "url"] == [{"@id": address}]
    html = render_brief(with_url, LAYERS, BUILT)
    assert f'(briefwright, 21\u00a0March\u00a02023). <a href="{address}">{address}</a></p>' in html
