"""Write a new topic file with every field present and explained, ready to fill in.

The placeholders are chosen to fail `briefwright check` (a quote no source contains, an
unknown recommendation) until the editor replaces them, so an unfinished topic cannot be
published by accident.
"""

from __future__ import annotations

from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location

TOPIC_TEMPLATE = """\
# yaml-language-server: $schema=../../docs/schemas/topic.schema.json
# A topic of the brief; it also becomes the one-pager build/onepagers/{id}.pdf.
# Replace every REPLACE and replace-with-…: `briefwright check` lists each one; `check
# --strict` and `release` refuse to go on while any is left.
id: {id}
# Position among the topics, lowest first.
order: {order}
title: "{title}"
# One sentence: what the reader must take away. A judgment: give a confidence
# (low, moderate, high) or a likelihood (e.g. likely), and the facts it rests on.
bottom_line:
  id: {id}-bottom-line
  text: REPLACE with one sentence.
  confidence: moderate
  basis: [{id}-point-1]
# The facts, each citing a source id and a passage copied exactly from it.
key_points:
  - id: {id}-point-1
    text: REPLACE with a fact, in the brief's words.
    cites:
      - source: replace-with-a-source-id
        quote: REPLACE with a passage copied from that source
  - id: {id}-point-2
    text: REPLACE with a fact.
    cites:
      - source: replace-with-a-source-id
        quote: REPLACE with a passage copied from that source
  - id: {id}-point-3
    text: REPLACE with a fact.
    cites:
      - source: replace-with-a-source-id
        quote: REPLACE with a passage copied from that source
# The brief's own assessment of what the facts mean.
analysis:
  - id: {id}-analysis-1
    text: REPLACE with a judgment.
    confidence: moderate
    basis: [{id}-point-1, {id}-point-2]
# What to watch: the next development that would confirm or change the bottom line.
watch: REPLACE with what to watch.
# The one-pager shows 3 to 5 key points (by id; leave out to show all) and 1 or 2
# recommendations from brief.yaml (by id).
onepager:
  key_points: [{id}-point-1, {id}-point-2, {id}-point-3]
  recommendations: [replace-with-a-recommendation-id]
"""


def new_topic(topics_dir: Path, topic_id: str, title: str) -> Path:
    """Write topics_dir/<topic_id>.yaml from the template; refuse an id already in use."""
    target = topics_dir / f"{topic_id}.yaml"
    if target.exists():
        message = f"topic {topic_id} already exists; choose another id or edit {target}"
        raise BriefError([Diagnostic("BW010", message, Location(str(target)))])
    order = 1 + max((_order(path) for path in topics_dir.glob("*.yaml")), default=0)
    topics_dir.mkdir(parents=True, exist_ok=True)
    safe_title = title.replace("\\", "\\\\").replace('"', '\\"')
    target.write_text(TOPIC_TEMPLATE.format(id=topic_id, order=order, title=safe_title))
    return target


def _order(path: Path) -> int:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("order:") and line.split(":", 1)[1].strip().isdigit():
            return int(line.split(":", 1)[1])
    return 0
