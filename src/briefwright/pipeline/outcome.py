"""Name what a run of the pipeline is asked to do and what it returns: the options that do not
change the bytes (`RunOptions`), a build made in memory (`Produced`), and a build's outcome
(`UpToDate`, or `Built` with the files it wrote).

Plain values every step of the pipeline shares, so that none of them imports another step
for its types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.errors import Diagnostic
from briefwright.output.manifest import DocumentRecord
from briefwright.output.write import Artifacts
from briefwright.pipeline.incremental import up_to_date_notice
from briefwright.settings import Limits
from briefwright.typeset.pool import Progress

if TYPE_CHECKING:
    from briefwright.model.brief import Brief
    from briefwright.pipeline.checked import Checked
    from briefwright.pipeline.length import MainText


@dataclass(frozen=True)
class RunOptions:
    """How to run a build, none of which changes the bytes: which documents, how many
    processes, their limits, whether to reuse previous PDFs, whom to tell of progress."""

    only: str | None = None
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    force: bool = False
    progress: Progress | None = None
    briefs: tuple[str, ...] = ()
    """In a series, the briefs to build (all when empty)."""
    shard: tuple[int, int] | None = None
    """(K, N): typeset only the K-th of N shares of the documents (pipeline/shards.py)."""
    web_fonts: bool = True
    """Cut the HTML edition's fonts to WOFF2 subsets; `serve` keeps the full faces, so an
    edit that brings a new character needs no new subset."""
    allow_open_review: bool = False
    """Release even while review.yaml holds an open item (a warning, not an error)."""


@dataclass(frozen=True)
class Produced:
    """A build made in memory: every artifact by path, and what the reader should know."""

    checked: Checked | None
    """The brief's checked content (a series: its first rebuilt brief's, if any)."""
    built_at: datetime | None
    artifacts: Artifacts
    documents: dict[str, DocumentRecord]
    typeset: tuple[str, ...]
    reused: tuple[str, ...]
    docx_reused: tuple[str, ...]
    seconds: dict[str, float]
    timings: dict[str, float]
    warnings: tuple[Diagnostic, ...] = ()
    """The warnings the content raised (a series: every rebuilt brief's), and the length
    budget's (BW191) from the typeset PDF."""
    lengths: tuple[MainText, ...] = ()
    """Each typeset brief's main text: pages and words, against their budgets."""

    @property
    def remarks(self) -> tuple[str, ...]:
        """Return remarks for the build output, e.g. a one-pager that needed a smaller size."""
        return tuple(record.remark for record in self.documents.values() if record.remark)


@dataclass(frozen=True)
class UpToDate:
    """A build that had nothing to do: the output folder already holds it."""

    out_dir: Path

    @property
    def notice(self) -> str:
        """Return what to tell the reader."""
        return up_to_date_notice(self.out_dir)


@dataclass(frozen=True)
class Built:
    """What a build made and wrote: the files, in out_dir, the seconds writing took, and
    the files an earlier build made that this one removed (relative to out_dir)."""

    out_dir: Path
    written: tuple[Path, ...]
    produced: Produced
    write_seconds: float = 0.0
    retired: tuple[str, ...] = ()

    @property
    def brief(self) -> Brief:
        """Return the brief this build made (a series: its first rebuilt brief)."""
        assert self.produced.checked is not None, "this build loaded no brief"
        return self.produced.checked.brief

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the warnings the content raised."""
        return self.produced.warnings

    @property
    def timings(self) -> dict[str, float]:
        """Return the seconds each stage took, writing last (for `--verbose`)."""
        return {**self.produced.timings, "write": self.write_seconds}
