"""Serve a live preview of the brief: rebuild on every edit and reload the open browser.

The HTML is rebuilt first (milliseconds) and the browser told at once over server-sent
events; the PDFs follow in a background thread with the same incremental build as `build`.
A content error does not stop the server: every page shows the diagnostics until fixed.
Only 127.0.0.1 is listened on.
"""

from __future__ import annotations

import contextlib
import html
import threading
import time
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from briefwright.build import Options, build, load_and_check, read_assets, render_target
from briefwright.clock import build_time
from briefwright.errors import BriefError
from briefwright.isolate import Limits
from briefwright.targets import select_targets
from briefwright.write import write_artifacts

EVENTS = "/__events"
_RELOAD = (
    f'<script>new EventSource("{EVENTS}").onmessage = () => location.reload();</script>'
).encode()


class Preview:
    """The state of one preview: where it builds, the current version and any problems."""

    def __init__(self, content_dir: Path, templates_dir: Path, out_dir: Path, jobs: int) -> None:
        self.content_dir, self.templates_dir, self.out_dir = content_dir, templates_dir, out_dir
        self.jobs = jobs
        self.version = 0
        self.problems: list[str] = []
        self.changed = threading.Condition()
        self.stop = threading.Event()
        self.watching = threading.Event()
        self._pdfs_wanted = threading.Event()
        self._written: dict[str, bytes] = {}

    def refresh(self) -> float:
        """Rebuild the HTML (not the PDFs), tell the browsers, and return the seconds taken."""
        started = time.perf_counter()
        try:
            files = render_html(self.content_dir, self.templates_dir)
            # Only what changed: rewriting megabytes of unchanged fonts costs more than the
            # whole HTML build.
            changed = {
                name: data for name, data in files.items() if self._written.get(name) != data
            }
            if changed:
                write_artifacts(self.out_dir, changed)
                self._written |= changed
            problems: list[str] = []
        except BriefError as error:
            problems = [str(diagnostic) for diagnostic in error.diagnostics]
        with self.changed:
            self.problems = problems
            self.version += 1
            self.changed.notify_all()
        if not problems:
            self._pdfs_wanted.set()
        return time.perf_counter() - started

    def typeset_forever(self) -> None:
        """Background thread: bring the PDFs up to date whenever the HTML changed."""
        while not self.stop.is_set():
            if not self._pdfs_wanted.wait(timeout=0.2):
                continue
            self._pdfs_wanted.clear()
            # Niced workers leave the CPU to the next HTML refresh; content problems are
            # already on the page, so a failed PDF build says nothing more.
            options = Options(jobs=self.jobs, limits=Limits(niceness=10))
            with contextlib.suppress(BriefError):
                build(self.content_dir, self.templates_dir, self.out_dir, options)

    def watch_forever(self, on_refresh: Callable[[float], None]) -> None:
        """Background thread: refresh on every change under content/ and templates/.

        Sets `watching` once the watcher is armed (its first, possibly empty, yield), then
        refreshes once more, so an edit made while it was starting is not lost.
        """
        from watchfiles import watch

        folders = (self.content_dir, self.templates_dir)
        changes_seen = watch(
            *folders, stop_event=self.stop, step=20, yield_on_timeout=True, rust_timeout=200
        )
        for changes in changes_seen:
            if not self.watching.is_set():
                self.watching.set()
                on_refresh(self.refresh())
            elif changes:
                on_refresh(self.refresh())

    def wait_for_change(self, seen: int, timeout: float) -> int:
        """Block until the version passes `seen` (or timeout); return the current version."""
        with self.changed:
            self.changed.wait_for(lambda: self.version > seen or self.stop.is_set(), timeout)
            return self.version


def render_html(content_dir: Path, templates_dir: Path) -> dict[str, bytes]:
    """Return the HTML of every document and the assets, as a build would write them."""
    checked = load_and_check(content_dir)
    brief = checked.brief
    built_at = build_time(brief.metadata.as_of, (content_dir, templates_dir))
    pages = {
        f"{target.stem}.html": render_target(brief, target, templates_dir, built_at).encode()
        for target in select_targets(brief, None, content_dir)
    }
    pages["index.html"] = _index(brief.metadata.title, pages)
    return pages | read_assets(templates_dir)


def _index(title: str, pages: dict[str, bytes]) -> bytes:
    links = "".join(
        f'<li><a href="{name}">{html.escape(name)}</a> · '
        f'<a href="{name[: -len(".html")]}.pdf">PDF</a></li>'
        for name in sorted(pages)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Preview: '
        f"{html.escape(title)}</title></head><body><h1>Preview: {html.escape(title)}</h1>"
        f"<ul>{links}</ul></body></html>"
    ).encode()


def _problems_page(problems: list[str]) -> bytes:
    items = "".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in problems)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Content problems'
        "</title></head><body><h1>The content has problems</h1><p>Fix them and this page "
        f"reloads by itself.</p><ul>{items}</ul></body></html>"
    ).encode()


class _Handler(SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the terminal for build messages."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            self._events()
            return
        if path == "/":
            path = "/index.html"
        if path.endswith(".html"):
            with self.preview.changed:
                problems = list(self.preview.problems)
            target = self.preview.out_dir / path.lstrip("/")
            if problems:
                self._send_html(_problems_page(problems))
            elif target.is_file() and target.resolve().is_relative_to(self.preview.out_dir):
                self._send_html(target.read_bytes())
            else:
                self.send_error(404)
            return
        super().do_GET()

    def _send_html(self, body: bytes) -> None:
        body = body.replace(b"</body>", _RELOAD + b"</body>", 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.preview.version
        try:
            while not self.preview.stop.is_set():
                version = self.preview.wait_for_change(seen, timeout=10)
                message = f"data: {version}\n\n" if version > seen else ": keep-alive\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                seen = version
        except (BrokenPipeError, ConnectionResetError):
            return


def make_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Return an HTTP server on 127.0.0.1:port serving the preview's folder."""
    handler = type("PreviewHandler", (_Handler,), {"preview": preview})
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), partial(handler, directory=str(preview.out_dir))
    )
    server.daemon_threads = True
    return server
