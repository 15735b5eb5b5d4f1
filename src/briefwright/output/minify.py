"""Turn the HTML edition's stylesheets and scripts into the minified files it ships.

The theme's CSS and JavaScript stay readable in `templates/assets/` (and as `serve` shows
them); the build's HTML edition ships them without comments and layout whitespace. A
reader on a slow connection fetches the brief's six stylesheets and its script before the
first paint: minified, 44 kB become 28 kB (Lighthouse's "unminified CSS/JavaScript"
audits). Typesetting reads the stylesheets as written, so the PDFs do not change.

rcssmin and rjsmin (the minifiers django-compressor and webassets use) do the work: both
keep strings and regular expressions intact, keep `/*! ... */` notices, and are pure
functions of their input, so two builds ship the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping

import rcssmin
import rjsmin


def minified(assets: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return `assets` with each stylesheet (.css) and script (.js) minified; every other
    file as it is."""
    return {name: minify(name, data) for name, data in assets.items()}


def minify(name: str, data: bytes) -> bytes:
    """Return a .css or .js file minified (UTF-8 in and out), any other file unchanged."""
    if name.endswith(".css"):
        return str(rcssmin.cssmin(data.decode("utf-8"), keep_bang_comments=True)).encode("utf-8")
    if name.endswith(".js"):
        return str(rjsmin.jsmin(data.decode("utf-8"), keep_bang_comments=True)).encode("utf-8")
    return data
