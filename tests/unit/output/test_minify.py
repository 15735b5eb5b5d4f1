"""The HTML edition's stylesheets and scripts, minified as shipped."""

from __future__ import annotations

from typing import Any

import tinycss2

from briefwright.output.minify import minified, minify
from briefwright.settings import default_theme


def test_a_stylesheet_loses_comments_and_layout_but_keeps_its_strings() -> None:
    css = (
        "/* why the rule is here */\n"
        '.note-quote::before {\n    content: "“ /* kept */ ";\n}\n'
        "/*! licence notice */\n"
        "@media print {\n  .a , .b > .c { margin : 0 1em ; }\n}\n"
    )
    out = minify("assets/brief.css", css.encode()).decode()
    assert out == (
        '.note-quote::before{content:"“ /* kept */ "}/*! licence notice */'
        "@media print{.a,.b>.c{margin:0 1em}}"
    )


def test_a_script_loses_comments_and_layout_but_keeps_strings_and_regexps() -> None:
    js = (
        "// the reader\n"
        "const pattern = /#note-(\\d+)/;  /* a note link */\n"
        'const label = "a  //  b";\n'
        "function f(x) {\n    return x + 1;\n}\n"
    )
    out = minify("assets/reader.js", js.encode()).decode()
    assert out == 'const pattern=/#note-(\\d+)/;const label="a  //  b";function f(x){return x+1;}'


def test_other_files_are_shipped_as_they_are() -> None:
    data = b"  <svg>  <!-- a comment -->  </svg>  "
    assets = {"assets/brand/logo.svg": data, "assets/fonts/README.md": b"# Fonts  \n"}
    assert minified(assets) == assets


def test_the_themes_stylesheets_and_script_shrink_and_keep_every_declaration() -> None:
    """Every theme file minifies to a fifth fewer bytes or more, and each stylesheet keeps
    its rules and their declarations (as tinycss2, which WeasyPrint parses with, reads them;
    whitespace aside)."""
    assets = default_theme() / "assets"
    for path in [*sorted(assets.glob("*.css")), assets / "reader.js"]:
        data = path.read_bytes()
        out = minify(path.name, data)
        assert len(out) < 0.8 * len(data), path.name
        if path.suffix == ".css":
            assert _declarations(out.decode()) == _declarations(data.decode()), path.name


def _declarations(css: str) -> list[tuple[str, ...]]:
    """Return each rule's declarations (name: value, whitespace dropped), in order, rules in
    blocks (@media) included."""
    out: list[tuple[str, ...]] = []

    def walk(rules: list[Any]) -> None:
        for rule in rules:
            if rule.type not in ("qualified-rule", "at-rule") or rule.content is None:
                continue
            items = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
            found = tuple(
                f"{d.lower_name}:{''.join(tinycss2.serialize(d.value).split())}"
                for d in items
                if d.type == "declaration"
            )
            out.append(found)
            walk([item for item in items if item.type in ("qualified-rule", "at-rule")])

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return out
