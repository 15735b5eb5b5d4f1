"""Tests for briefwright.evidence.passages: quotes located in the stored text, their pages,
and quotes that could be more than one passage."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefwright.evidence.passages import find_passage, locate, normalise_with_offsets, pages_of
from briefwright.evidence.quotes import normalise, quote_parts
from briefwright.load.content import load_brief, load_source
from briefwright.render.notes import NoteIndex
from tests.conftest import CONTENT, MakeProject

# Locating quotes


def test_offsets_follow_normalise_on_every_real_source() -> None:
    """On each real source, every note's stored spans normalise back to its quote's parts."""
    brief = load_brief(CONTENT)
    notes = NoteIndex(brief)
    for note in notes.notes:
        text = normalise_with_offsets(note.source.text)
        spans = locate(note.quote, text)
        assert spans is not None, note.quote
        found = [normalise(note.source.text[start:end]) for start, end in spans]
        assert found == quote_parts(note.quote)


def test_spans_map_through_nfkc_marks_and_whitespace() -> None:
    """Ligatures, accents, curly quotes, dashes, odd spaces and deleted characters map back
    to exactly the stored characters the quote matched."""
    stored = "Le  \ufb01nal\u00a0\u201cca\u0301fe\u0301\u201d \u2014 com\u200bplete\ufffd!"
    text = normalise_with_offsets(stored)
    assert text.text == normalise(stored)
    cases = {
        "final": "\ufb01nal",
        '"ca\u0301fe\u0301"': "\u201cca\u0301fe\u0301\u201d",
        "- complete": "\u2014 com\u200bplete",
        "Le final": "Le  \ufb01nal",
    }
    for quote, expected in cases.items():
        spans = locate(quote, text)
        assert spans is not None, quote
        assert [stored[a:b] for a, b in spans] == [expected]


def test_elided_quote_has_one_span_per_part() -> None:
    """A quote with `...` (or `…`) locates each part on its own, in order."""
    stored = "Alpha beta gamma.\n\nDelta epsilon zeta."
    spans = locate("beta … epsilon", normalise_with_offsets(stored))
    assert spans is not None
    assert [stored[a:b] for a, b in spans] == ["beta", "epsilon"]
    assert locate("epsilon ... beta", normalise_with_offsets(stored)) is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab c.\n\t\u00a0\u2019\u201c\ufb01\u0301\u200b\ufffd\u1100\u1161e")
        ),
        min_size=1,
        max_size=40,
    ),
    st.data(),
)
def test_any_normalised_substring_maps_to_stored_text_holding_it(
    stored: str, data: st.DataObject
) -> None:
    """For any text, the normalised form is exactly normalise()'s, and each part of any
    passage of it maps to stored characters whose normalised form contains that part."""
    text = normalise_with_offsets(stored)
    words = [w for w in text.text.split(" ") if w]
    if not words:
        return
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    quote = " ".join(words[first : last + 1])
    # normalise() is not idempotent where a removed character separated a letter from its
    # accent; such a passage cannot be quoted at all, so it has nothing to map.
    assume(normalise(quote) == quote)
    spans = locate(quote, text)
    assert spans is not None
    for part, (start, end) in zip(quote_parts(quote), spans, strict=True):
        assert part in normalise(stored[start:end])


# Passages: context, ambiguity, pages


def test_passage_has_its_exact_text_and_context_around_it() -> None:
    """The exact stored text, up to 32 characters either side, and the place, agree."""
    stored = "x" * 40 + " He said \u201cwe agree\u201d today. " + "y" * 40
    passage = find_passage('said "we agree" today', stored)
    assert passage is not None and not passage.ambiguous
    assert passage.exact == "said \u201cwe agree\u201d today"
    assert len(passage.prefix) == len(passage.suffix) == 32
    whole = passage.prefix + passage.exact + passage.suffix
    assert stored[passage.start - 32 : passage.end + 32] == whole


def test_a_quote_found_twice_is_ambiguous() -> None:
    """A quote that also matches a later passage is marked ambiguous; a longer one is not."""
    stored = "The talks were useful. Later, the talks were useful again."
    short = find_passage("talks were useful", stored)
    longer = find_passage("talks were useful again", stored)
    assert short is not None and short.ambiguous
    assert longer is not None and not longer.ambiguous


def test_an_elided_quote_spans_what_it_leaves_out() -> None:
    """A quote with an ellipsis runs from its first part's start to its last part's end."""
    stored = "Alpha beta gamma delta."
    passage = find_passage("beta ... delta", stored)
    assert passage is not None
    assert passage.exact == "beta gamma delta"
    assert [stored[a:b] for a, b in passage.parts] == ["beta", "delta"]


def test_pages_are_read_from_the_lines_a_passage_runs_over(project: MakeProject) -> None:
    """A passage on one page gives that page; one across a page break gives both."""
    content = project("minimal")
    path = content / "sources" / "one.txt"
    text = "Page one line.\nStill page one, end of a\nsentence on page two.\nPage two.\n"
    front = path.read_text(encoding="utf-8").split("---\n")[1]
    pages = "pages:\n  - {page: '1', line: 1}\n  - {page: '2', line: 3}\n"
    path.write_text(f"---\n{front}{pages}---\n{text}", encoding="utf-8")
    source = load_source(path)
    on_one = find_passage("Still page one", source.text)
    across = find_passage("end of a sentence on page two", source.text)
    on_two = find_passage("Page two.", source.text)
    assert on_one and across and on_two
    assert pages_of(source, on_one) == ("1",)
    assert pages_of(source, across) == ("1", "2")
    assert pages_of(source, on_two) == ("2",)
