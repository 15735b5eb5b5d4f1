"""Write a new topic file with every field present and explained, ready to fill in.

The placeholders are chosen to fail `briefwright check` (a quote no source contains, an
unknown recommendation) until the editor replaces them, so an unfinished topic cannot be
published by accident.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefwright.authoring.writing import new_files
from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_regular
from briefwright.model.base import id_problem
from briefwright.model.characters import describe, forbidden_characters

TOPIC_TEMPLATE = """\
# yaml-language-server: $schema=../../docs/schemas/topic.schema.json
# A topic of the brief; it also becomes the one-pager build/onepagers/{id}.pdf.
# Replace every REPLACE and replace-with-…: `briefwright check` lists each one; `check
# --strict` and `release` refuse to go on while any is left.
id: {id}
# Position among the topics, lowest first.
order: {order}
title: {title}
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
    """Write topics_dir/<topic_id>.yaml from the template; refuse an id that is no id or is
    already in use, and a title the file could not hold faithfully."""
    refuse_bad_topic(topic_id, title)
    target = topics_dir / f"{topic_id}.yaml"
    if target.exists() or target.is_symlink():
        message = f"topic {topic_id} already exists; choose another id or edit {target}"
        raise BriefError([Diagnostic("BW010", message, Location(str(target)))])
    order = 1 + max((_order(path) for path in _topics(topics_dir)), default=0)
    with new_files() as files:
        return files.write(target, topic_text(topic_id, title, order).encode("utf-8"))


def refuse_bad_topic(topic_id: str, title: str) -> None:
    """Refuse an id that breaks the content's id rule (BW003) and a title with a control,
    direction-changing or XML-forbidden character, or none at all (BW154, BW003)."""
    problem = id_problem(topic_id)
    if problem:
        message = f"topic id {topic_id[:100]!r} is not an id: {problem}"
        raise BriefError.of("BW003", message, Location("ID"))
    for index, char in forbidden_characters(title, multiline=False):
        message = f"--title holds {describe(char)} at character {index + 1}; remove it"
        raise BriefError.of("BW154", message, Location("--title"))
    if not title.strip():
        raise BriefError.of(
            "BW003", "--title is empty; give the topic's heading", Location("--title")
        )


def topic_text(topic_id: str, title: str, order: int) -> str:
    """Return a new topic file's text: the template with its id, place and title (a JSON
    string is a YAML double-quoted scalar, so any title stays one value)."""
    quoted = json.dumps(title, ensure_ascii=False)
    return TOPIC_TEMPLATE.format(id=topic_id, order=order, title=quoted)


def _topics(topics_dir: Path) -> list[Path]:
    return sorted(topics_dir.glob("*.yaml")) if topics_dir.is_dir() else []


def _order(path: Path) -> int:
    """Return a topic file's `order:`, read as any input is (a FIFO or a symlink leading out
    counts as 0: `check` reports it)."""
    try:
        text = read_regular(path, path.parent).decode("utf-8", errors="replace")
    except BriefError:
        return 0
    found = re.search(r"^order:\s*([0-9]{1,9})\s*$", text, re.MULTILINE)
    return int(found.group(1)) if found else 0
