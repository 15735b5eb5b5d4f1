"""Turn a brief's identity into how to cite it: the suggested citation its first page and
HTML edition print, CITATION.cff (Citation File Format 1.2.0), CSL-JSON for reference
managers, and the schema.org `Report` its HTML edition carries as JSON-LD.

Every one is made from the same value (`Identity`): the organisation and series the
brand names (else the metadata's), the title, the product id, the version, the date of this
version (the build's, so the same inputs give the same bytes), the DOI when the brief has
one and its web address when it says where it is published. Nothing here is fetched or
looked up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from briefwright.model.brief import Brief
from briefwright.render.editions import page_address
from briefwright.render.labels import Labels
from briefwright.render.typography import keep_dates_whole

CITATION_CFF = "CITATION.cff"
CSL_JSON = "citation.json"
CFF_VERSION = "1.2.0"
DOI_RESOLVER = "https://doi.org/"


@dataclass(frozen=True)
class Identity:
    """What a citation of one version of a brief names."""

    organisation: str
    authors: tuple[str, ...]
    title: str
    subtitle: str
    series: str | None
    product_id: str
    version: str
    issued: date
    language: str
    keywords: tuple[str, ...]
    abstract: str
    doi: str | None
    based_on: tuple[str, ...]
    """The addresses of the sources that give one, in the brief's order."""
    address: str | None = None
    """The HTML edition's address (its brief.html), when the brief has a `url`."""

    @property
    def doi_url(self) -> str | None:
        """Return the DOI as the address that resolves it, or None."""
        return f"{DOI_RESOLVER}{self.doi}" if self.doi else None

    @property
    def link(self) -> str | None:
        """Return the address a citation ends with: the DOI's (it outlives any web
        address), else the HTML edition's, else None."""
        return self.doi_url or self.address


def identity(brief: Brief, built: datetime) -> Identity:
    """Return a brief's identity as of its build time."""
    meta, brand = brief.metadata, brief.brand
    return Identity(
        organisation=brand.meta.name.full if brand.meta else meta.organisation,
        authors=meta.authors, title=meta.title, subtitle=meta.subtitle,
        series=brand.series or meta.series, product_id=meta.product_id, version=meta.version,
        issued=built.date(), language=meta.language, keywords=meta.keywords,
        abstract=brief.front.bottom_line.text, doi=meta.doi,
        based_on=tuple(s.url for s in brief.sources if s.url),
        address=page_address(brief, "brief.html"),
    )  # fmt: skip


def suggested_citation(who: Identity, t: Labels) -> str:
    """Return the suggested citation in the brief's language (without its address,
    `Identity.link`, which a template links and a Word document prints after it)."""
    key = "citation_text" if who.series else "citation_text_no_series"
    return t(key, authors=t("list_separator").join(who.authors), title=who.title,
             series=who.series or "", product_id=who.product_id, version=who.version,
             organisation=who.organisation, date=keep_dates_whole(t.date(who.issued)))  # fmt: skip


def citation_cff(who: Identity) -> bytes:
    """Return CITATION.cff (CFF 1.2.0): the brief as the work, a report as the preferred
    citation. Authors are entities (`name:`): a byline is not split into given and family
    names by guesswork. Dates are strings, as the format's schema asks."""
    authors = [{"name": author} for author in who.authors]
    report: dict[str, Any] = {
        "type": "report", "title": who.title, "authors": [dict(a) for a in authors],
        "institution": {"name": who.organisation}, "version": who.version,
        "date-published": who.issued.isoformat(),
    }  # fmt: skip
    if who.series:
        report["collection-title"] = who.series
    data: dict[str, Any] = {
        "cff-version": CFF_VERSION,
        "message": "If you cite this brief, please cite it as below.",
        "title": who.title, "version": who.version,
        "date-released": who.issued.isoformat(), "authors": authors,
        "abstract": who.abstract,
        "identifiers": [{"type": "other", "value": who.product_id,
                         "description": "Product identifier"}],
    }  # fmt: skip
    if who.keywords:
        data["keywords"] = list(who.keywords)
    if who.doi:
        data["doi"] = report["doi"] = who.doi
    if who.address:
        data["url"] = report["url"] = who.address
    data["preferred-citation"] = report
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    return text.encode("utf-8")


def csl_json(who: Identity) -> bytes:
    """Return the brief as CSL-JSON (one item, a report), as reference managers import it."""
    item: dict[str, Any] = {
        "id": f"{who.product_id}-{who.version}", "type": "report", "title": who.title,
        "author": [{"literal": author} for author in who.authors],
        "publisher": who.organisation, "number": who.product_id, "version": who.version,
        "issued": {"date-parts": [[who.issued.year, who.issued.month, who.issued.day]]},
        "language": who.language, "abstract": who.abstract,
    }  # fmt: skip
    if who.series:
        item["collection-title"] = who.series
    if who.doi:
        item["DOI"] = who.doi
    if who.link:
        item["URL"] = who.link
    return (json.dumps([item], indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def report_jsonld(who: Identity) -> dict[str, Any]:
    """Return the brief as a schema.org `Report` (the HTML edition's JSON-LD): name, version,
    date, author and publisher, language, and the sources' addresses it is based on."""
    organisation = {"@type": "Organization", "name": who.organisation}
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Report", "name": who.title,
        "alternativeHeadline": who.subtitle, "reportNumber": who.product_id,
        "version": who.version, "datePublished": who.issued.isoformat(),
        "inLanguage": who.language, "author": organisation, "publisher": organisation,
        "abstract": who.abstract,
    }  # fmt: skip
    if who.series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": who.series}
    if who.keywords:
        data["keywords"] = list(who.keywords)
    if who.based_on:
        data["isBasedOn"] = list(who.based_on)
    if who.address:
        data["url"] = who.address
    if who.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": who.doi}
        data["sameAs"] = who.doi_url
    return data
