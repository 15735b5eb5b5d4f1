"""Turn a brand's SVG logo into one that is safe to publish: refused, at its line, when it
holds active content (a script, an event handler, a foreign object, a `javascript:` link),
refers outside itself, declares XML entities or has a shape no page can hold; otherwise cut
to an allow-list of SVG elements and attributes.

The logo is content, so untrusted, and it is published (`assets/brand/`, the .docx): a
browser that opens it runs any script it holds on the site's origin. Active content is
refused, not silently removed, because it is never an accident in a logo and the editor
should know. Everything else outside the allow-list (an editor's metadata, Inkscape's and
Illustrator's own attributes, animation, links) is left out of the published copy, as
DOMPurify's SVG profile and Cloudflare's svg-hush do: an allow-list fails safe where a
deny-list misses the next trick. A logo with nothing to leave out is published byte for
byte. lxml parses it without loading a DTD, resolving an entity or touching the network,
and gives each element's line for the message.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.render.svgrefs import SVG_NS, is_outside, style_references

XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XHTML_NS = "http://www.w3.org/1999/xhtml"
#: The widest (or tallest) a logo may be: 20 times its height gives 240 mm at the 12 mm the
#: documents set it, wider than any page, and bounds the Word edition's drawn PNG.
MAX_ASPECT = 20.0

#: Elements that run code or embed another document: refused, with their line.
ACTIVE_ELEMENTS = frozenset({"script", "foreignObject", "handler", "listener"})
#: Static SVG: shapes, text, paint servers, clipping, masking, filters, and their containers.
ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "switch", "title", "desc", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
        "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "pattern",
        "clipPath", "mask", "marker", "filter", "feBlend", "feColorMatrix",
        "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB",
        "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
        "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
        "feTurbulence",
    }
)  # fmt: skip
#: Geometry, presentation and accessibility attributes (no event handler, no link but href).
ATTRIBUTES = frozenset(
    {
        "id", "class", "style", "transform", "viewBox", "preserveAspectRatio", "width",
        "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
        "fr", "d", "points", "pathLength", "href", "version", "baseProfile", "role",
        "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable", "lang",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
        "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow",
        "clip", "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits",
        "maskContentUnits", "filter", "filterUnits", "primitiveUnits", "gradientUnits",
        "gradientTransform", "spreadMethod", "offset", "stop-color", "stop-opacity",
        "patternUnits", "patternContentUnits", "patternTransform", "markerWidth",
        "markerHeight", "markerUnits", "refX", "refY", "orient", "marker-start", "marker-mid",
        "marker-end", "font-family", "font-size", "font-size-adjust", "font-weight",
        "font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline",
        "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
        "text-decoration", "writing-mode", "direction", "unicode-bidi", "dx", "dy", "rotate",
        "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "shape-rendering", "text-rendering", "image-rendering", "color-rendering",
        "color-interpolation", "color-interpolation-filters", "vector-effect", "paint-order",
        "mix-blend-mode", "isolation", "flood-color", "flood-opacity", "lighting-color",
        "in", "in2", "result", "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4",
        "values", "type", "tableValues", "slope", "intercept", "amplitude", "exponent",
        "scale", "xChannelSelector", "yChannelSelector", "radius", "order", "kernelMatrix",
        "divisor", "bias", "targetX", "targetY", "edgeMode", "kernelUnitLength",
        "preserveAlpha", "surfaceScale", "specularConstant", "specularExponent",
        "diffuseConstant", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ",
        "limitingConeAngle", "baseFrequency", "numOctaves", "seed", "stitchTiles",
        "systemLanguage", "requiredExtensions", "requiredFeatures", "media",
    }
)  # fmt: skip
#: Attributes in a namespace that SVG defines.
NAMESPACED = frozenset({f"{{{XLINK_NS}}}href", f"{{{XLINK_NS}}}title", f"{{{XML_NS}}}space",
                        f"{{{XML_NS}}}lang"})  # fmt: skip
#: What makes an <a> a link: left out when it becomes a group.
_LINKING = frozenset({"href", "target", "download", "ping", "rel", "referrerpolicy"})
#: The pictures an <image> may hold inline: raster formats, which run nothing.
_RASTER_DATA = re.compile(r"^\s*data:image/(png|jpeg|gif|webp)[;,]", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(px)?\s*$", re.IGNORECASE)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False,
)  # fmt: skip


def safe_logo(data: bytes, path: str) -> bytes:
    """Return the logo to publish: the file itself when it holds only allowed SVG, else the
    allowed part of it; raise BW171 for every unsafe thing in it, each at its line."""
    root = _parse(data, path)
    problems = [*_active_content(root, path), *_aspect(root, path)]
    if problems:
        raise BriefError(problems)
    changed = _keep_allowed(root) | _has_outer_parts(root)
    return etree.tostring(root, encoding="utf-8") if changed else data


def _has_outer_parts(root: Any) -> bool:
    """Return True when the file holds more than its root element: a DOCTYPE, or a comment
    or processing instruction around it (`<?xml-stylesheet href=…?>` would load a style
    sheet, or an XSLT program, when the logo is opened). The published copy is the root."""
    tree = root.getroottree()
    return (
        bool(tree.docinfo.doctype)
        or root.getprevious() is not None
        or (root.getnext() is not None)
    )


def _parse(data: bytes, path: str) -> Any:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = f"the logo is not well-formed XML ({error.msg}); fix the file, or use a PNG"
        raise BriefError.of("BW171", message, Location(path, line, column)) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        message = "the logo is not an SVG document; fix the file, or use a PNG"
        raise BriefError.of("BW171", message, Location(path))
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        message = "the logo declares XML entities (<!ENTITY>); export it without a DTD"
        raise BriefError.of("BW171", message, Location(path))
    return root


def _active_content(root: Any, path: str) -> list[Diagnostic]:
    """Return a BW171 for each script, event handler, foreign object, element of another
    document type, and reference outside the logo."""
    found = []
    for node in root.iter(etree.Element):
        where = Location(path, node.sourceline or 1)
        name = etree.QName(node)
        if name.localname in ACTIVE_ELEMENTS or name.namespace == XHTML_NS:
            found.append(_refusal(f"holds a <{name.localname}> element", where, _ACTIVE))
            continue
        for attribute, value in node.attrib.items():
            local = etree.QName(attribute).localname
            if local.lower().startswith("on"):
                found.append(_refusal(f"holds an event handler ({local}=)", where, _ACTIVE))
            elif local == "href" and not _allowed_href(name.localname, value):
                found.append(_refusal(f"refers to {value.strip()[:80]!r} outside itself", where))
        for reference in style_references(node):
            found.append(_refusal(f"refers to {reference[:80]!r} outside itself", where))
    return found


def _allowed_href(element: str, value: str) -> bool:
    """Return True for a link to a fragment of the logo, or an inline raster picture."""
    if not is_outside(value):
        return value.strip().startswith("#") or (
            element in {"image", "feImage"} and bool(_RASTER_DATA.match(value))
        )
    return False


_ACTIVE = "a logo is a drawing, and a browser opening it would run this: remove it"
_OUTSIDE = "put the picture in the SVG (a PNG or JPEG data: URI), or use a PNG"


def _refusal(what: str, where: Location, remedy: str = _OUTSIDE) -> Diagnostic:
    return Diagnostic("BW171", f"the SVG logo {what}; {remedy}", where)


def _aspect(root: Any, path: str) -> list[Diagnostic]:
    """Return a BW171 when the logo is more than MAX_ASPECT times wider than high, or
    higher than wide: no page can hold it at the documents' logo height."""
    width, height = declared_size(root)
    if not width or not height:
        return []
    ratio = max(width / height, height / width)
    if ratio <= MAX_ASPECT:
        return []
    message = (
        f"the logo is {ratio:,.0f} times {'wider' if width > height else 'higher'} than it is "
        f"{'high' if width > height else 'wide'}; at most {MAX_ASPECT:g}: crop it"
    )
    return [Diagnostic("BW171", message, Location(path, root.sourceline or 1))]


def declared_size(root: Any) -> tuple[float, float]:
    """Return an SVG's width and height in its own units: its viewBox, else its width and
    height attributes (unitless or px); zeros when it declares neither."""
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            width, height = float(box[2]), float(box[3])
        except ValueError:
            width = height = 0.0
        if width > 0 and height > 0:
            return width, height
    found = [_NUMBER.match(root.get(name) or "") for name in ("width", "height")]
    if found[0] and found[1]:
        return float(found[0].group(1)), float(found[1].group(1))
    return 0.0, 0.0


def _keep_allowed(root: Any) -> bool:
    """Remove, in place, every element and attribute outside the allow-lists (an element
    with its content); return True when anything was removed."""
    changed = False
    for node in list(root.iter()):
        if isinstance(node.tag, str) and node.tag == f"{{{SVG_NS}}}a":
            node.tag, changed = f"{{{SVG_NS}}}g", True  # a link's drawing stays, not the link
            for name in [a for a in node.attrib if etree.QName(a).localname in _LINKING]:
                del node.attrib[name]
        if not isinstance(node.tag, str) or not _is_allowed_element(node):
            changed = True
            _remove(node)
            continue
        for attribute in list(node.attrib):
            if attribute not in ATTRIBUTES and attribute not in NAMESPACED:
                del node.attrib[attribute]
                changed = True
    if changed:
        etree.cleanup_namespaces(root)
    return changed


def _is_allowed_element(node: Any) -> bool:
    name = etree.QName(node)
    return name.namespace == SVG_NS and name.localname in ELEMENTS


def _remove(node: Any) -> None:
    """Remove a node with its content, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)
