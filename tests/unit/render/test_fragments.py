"""Tests for briefwright.render.fragments: links to a passage on the publisher's page."""

from __future__ import annotations

from briefwright.evidence.passages import find_passage
from briefwright.render.fragments import encode_term, text_directive


def test_terms_percent_encode_comma_hyphen_ampersand_and_more() -> None:
    """`,`, `-` and `&` (the directive's own syntax) and spaces and non-ASCII are encoded."""
    assert encode_term("cost-sharing, R&D – 5%") == "cost%2Dsharing%2C%20R%26D%20%E2%80%93%205%25"
    assert encode_term("a.b:c;d=e?f@g_h~i!j$k'l(m)n*o+p/q") == "a.b:c;d=e?f@g_h~i!j$k'l(m)n*o+p/q"


def test_a_short_quote_is_one_term_with_its_neighbours() -> None:
    """A quote with `,`, `-` and `&` is one encoded term, with prefix- and -suffix words."""
    text = "The ministers agreed on co-development, R&D and trials of robots last year."
    passage = find_passage("co-development, R&D and trials", text)
    assert passage is not None
    assert text_directive(passage) == (
        "text=The%20ministers%20agreed%20on-,co%2Ddevelopment%2C%20R%26D%20and%20trials,"
        "-of%20robots%20last%20year."
    )


def test_a_long_or_multi_paragraph_quote_is_linked_by_its_first_and_last_words() -> None:
    """Over ten words, or over a paragraph break, the directive is start,end."""
    text = "Intro words here.\n\nAlpha beta gamma delta.\n\nEpsilon zeta eta theta. Done"
    passage = find_passage("Alpha beta gamma delta. Epsilon zeta eta theta.", text)
    assert passage is not None
    assert text_directive(passage) == (
        "text=Alpha%20beta%20gamma%20delta.,Epsilon%20zeta%20eta%20theta.,-Done"
    )
