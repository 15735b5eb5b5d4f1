"""Turn a loaded Brief into diagnostics: every rule the content must keep beyond its schema.

Each check is a small function `check_x(brief) -> Iterator[Diagnostic]` with its own stable
code, in the module of what it looks at (evidence, judgments, one-pagers, text, timeline,
brand, audience, length, corrections, translations); `CHECKS` lists them in order.
docs/checks.md documents every code.
"""

from __future__ import annotations

from briefwright.check.audience import (
    check_addressees_in_audience,
    check_audience_named,
    check_recommendations_addressed,
)
from briefwright.check.brand import check_brand
from briefwright.check.corrections import check_corrections_name_statements
from briefwright.check.evidence import (
    check_corroboration,
    check_grounding,
    check_grounding_language,
    check_quotes_found,
    check_quotes_unambiguous,
    check_sources_cited,
    check_sources_of_their_time,
    check_unknown_sources,
    check_variant_quotations,
)
from briefwright.check.judgments import (
    check_basis_exists,
    check_basis_given,
    check_facts_are_not_judgments,
    check_judgment_qualified,
    check_paragraphs_cited,
    check_predictions_have_likelihood,
    check_unique_ids,
)
from briefwright.check.length import check_word_budget
from briefwright.check.onepagers import (
    check_onepager_caveats,
    check_onepager_points,
    check_onepager_recommendations,
)
from briefwright.check.text import check_no_hidden_characters, check_text_is_plain
from briefwright.check.timeline import check_scheduled_ahead, check_timeline_order
from briefwright.check.translations import check_translations
from briefwright.check.where import Check
from briefwright.errors import Diagnostic
from briefwright.model.brief import Brief

CHECKS: tuple[Check, ...] = (
    check_text_is_plain,
    check_no_hidden_characters,
    check_unknown_sources,
    check_quotes_found,
    check_quotes_unambiguous,
    check_unique_ids,
    check_basis_exists,
    check_facts_are_not_judgments,
    check_basis_given,
    check_judgment_qualified,
    check_predictions_have_likelihood,
    check_sources_cited,
    check_sources_of_their_time,
    check_variant_quotations,
    check_paragraphs_cited,
    check_onepager_points,
    check_onepager_recommendations,
    check_onepager_caveats,
    check_grounding_language,
    check_grounding,
    check_corroboration,
    check_timeline_order,
    check_scheduled_ahead,
    check_brand,
    check_audience_named,
    check_recommendations_addressed,
    check_addressees_in_audience,
    check_word_budget,
    check_corrections_name_statements,
    check_translations,
)


def check_brief(brief: Brief) -> list[Diagnostic]:
    """Run every check and return all diagnostics, in check order."""
    return [diagnostic for check in CHECKS for diagnostic in check(brief)]
