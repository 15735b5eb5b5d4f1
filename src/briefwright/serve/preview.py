"""Turn a project into a live preview: rebuild on every edit and reload the open browser.

Not a stage of the build but a server beside the CLI (`briefwright serve`), running the
pipeline's render step and its builds.

The HTML is rebuilt first (milliseconds, by the build's own render step) and the browser
told at once over server-sent events; the PDFs follow in a background thread with the same
incremental build as `build`. No error stops the server: a content error replaces every page
with its diagnostics until fixed, and a typesetting error (a one-pager that no longer fits,
a refused resource, a timeout) shows above every page until the next PDF build succeeds.
Only 127.0.0.1 is listened on.
"""

from __future__ import annotations

import errno
import html
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from briefwright.errors import BriefError, Interrupted, Location
from briefwright.output.write import write_artifacts
from briefwright.pipeline.checked import Checked
from briefwright.pipeline.clock import known_epoch
from briefwright.pipeline.outcome import RunOptions
from briefwright.pipeline.prepare import Rendered, render_site
from briefwright.pipeline.run import build_project
from briefwright.pipeline.scratch import enter_scratch
from briefwright.settings import Limits, Project
from briefwright.translate.apply import translated

EVENTS = "/__events"
#: The longest request path answered: the preview's own paths are far shorter, and a name
#: longer than the file system's limit must not reach it.
MAX_PATH = 1024
#: What a browser is told to wait before asking again for a PDF still being built.
RETRY_SECONDS = 2
#: An SVG opened on its own runs no script and loads nothing (its styles may be inline).
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
_BEING_BUILT = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    f'<meta http-equiv="refresh" content="{RETRY_SECONDS}"><title>Being built</title></head>'
    "<body><p>This PDF is being built; the page reloads by itself.</p></body></html>"
).encode()
_RELOAD = (
    f'<script>new EventSource("{EVENTS}").onmessage = () => location.reload();</script>'
).encode()

_BODY_OPENS = re.compile(rb"<body[^>]*>")

Say = Callable[[str], None]


class Preview:
    """The state of one preview: where it builds, the current version and any problems."""

    def __init__(self, project: Project, out_dir: Path, jobs: int) -> None:
        self.project, self.out_dir, self.jobs = project, out_dir, jobs
        self.version = 0
        self.problems: list[str] = []
        self.typeset_problems: list[str] = []
        self.changed = threading.Condition()
        self.stop = threading.Event()
        self.watching = threading.Event()
        self._pdfs_wanted = threading.Event()
        self._written: dict[str, bytes] = {}
        self.documents: frozenset[str] = frozenset()
        """The PDFs the preview makes (`brief.pdf`, `onepagers/<id>.pdf`), once rendered."""

    def refresh(self) -> float:
        """Rebuild the HTML (not the PDFs), tell the browsers, and return the seconds taken."""
        started = time.perf_counter()
        try:
            files = render_html(self.project)
            self.documents = frozenset(documents_of(files))
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
        self._publish(problems=problems)
        if not problems:
            self._pdfs_wanted.set()
        return time.perf_counter() - started

    def typeset_forever(self, say: Say) -> None:
        """Background thread: bring the PDFs up to date whenever the HTML changed."""
        while not self.stop.is_set():
            if not self._pdfs_wanted.wait(timeout=0.2):
                continue
            self._pdfs_wanted.clear()
            # Niced workers leave the CPU to the next HTML refresh.
            run = RunOptions(jobs=self.jobs, limits=Limits(niceness=10), web_fonts=False)
            try:
                build_project(self.project, self.out_dir, run=run)
                problems: list[str] = []
            except BriefError as error:
                problems = [str(diagnostic) for diagnostic in error.diagnostics]
                for problem in problems:
                    say(f"PDF not updated: {problem}")
            if problems != self.typeset_problems:
                self._publish(typeset_problems=problems)

    def watch_forever(self, on_refresh: Callable[[float], None]) -> None:
        """Background thread: refresh on every change under content/ and templates/.

        Sets `watching` once the watcher is armed (its first, possibly empty, yield), then
        refreshes once more, so an edit made while it was starting is not lost.
        """
        from watchfiles import watch

        changes_seen = watch(
            *self.project.roots, stop_event=self.stop, step=20, yield_on_timeout=True,
            rust_timeout=200,
        )  # fmt: skip
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

    def page(self, path: str) -> bytes | None:
        """Return the HTML to serve for a path: the page, with any problems shown, or None."""
        with self.changed:
            problems, typeset_problems = list(self.problems), list(self.typeset_problems)
        if problems:
            return _problems_page(problems)
        target = self.out_dir / path.lstrip("/")
        try:
            inside = target.resolve().is_relative_to(self.out_dir.resolve())
            body = target.read_bytes() if inside and target.is_file() else None
        except OSError:  # a name too long, a loop of symlinks: nothing the preview made
            return None
        if body is None:
            return None
        if typeset_problems:
            banner = _typeset_banner(typeset_problems)
            body = _BODY_OPENS.sub(lambda opening: opening.group(0) + banner, body, count=1)
        return body

    def _publish(self, **state: list[str]) -> None:
        with self.changed:
            for name, value in state.items():
                setattr(self, name, value)
            self.version += 1
            self.changed.notify_all()


def render_html(project: Project) -> dict[str, bytes]:
    """Return the HTML of every document and the assets, as a build would write them: the
    brief's, then each translated edition's in its folder (`ja/`)."""
    epoch = known_epoch(project.roots)
    rendered = render_site(project, None, epoch)
    files = _site_files(rendered)
    brief = rendered.checked.brief
    for language in brief.metadata.translations:
        edition = render_site(project, None, epoch, Checked(translated(brief, language), ()))
        files |= {f"{language}/{name}": data for name, data in _site_files(edition).items()}
    documents = [name.removesuffix(".pdf") for name in documents_of(files)]
    files["index.html"] = _index(brief.metadata.title, documents)
    return files


def _site_files(rendered: Rendered) -> dict[str, bytes]:
    pages = {f"{stem}.html": html.encode() for stem, html in rendered.pages.items()}
    pages |= {path: html.encode() for path, html in rendered.source_pages.items()}
    return pages | rendered.assets


def documents_of(files: dict[str, bytes]) -> list[str]:
    """Return the PDFs a preview's pages are typeset into: one for each document page (the
    brief, the one-pagers), none for the source pages."""
    return [
        f"{name.removesuffix('.html')}.pdf"
        for name in files
        if name.endswith(".html") and name != "index.html" and "sources/" not in name
    ]


def serve(project: Project, port: int, jobs: int, say: Say) -> None:
    """Preview the project on 127.0.0.1:port until interrupted (Ctrl-C or SIGTERM); BW017
    at once when the port cannot be listened on."""
    enter_scratch()
    with tempfile.TemporaryDirectory(prefix="briefwright-preview-") as folder:
        preview = Preview(project, Path(folder), jobs)
        with make_server(preview, port) as server:
            preview.refresh()
            for problem in preview.problems:
                say(problem)
            _run(preview, server, port, say)


def _run(preview: Preview, server: ThreadingHTTPServer, port: int, say: Say) -> None:
    """Watch, serve and typeset in threads until Ctrl-C or SIGTERM, then stop them all."""
    threads = [
        threading.Thread(
            target=preview.watch_forever,
            args=(lambda seconds: _report_refresh(preview, seconds, say),),
            daemon=True,
        ),
        threading.Thread(target=server.serve_forever, daemon=True),
        threading.Thread(target=preview.typeset_forever, args=(say,), daemon=True),
    ]
    threads[0].start()
    preview.watching.wait(timeout=10)  # serve nothing an unwatched edit could make stale
    for thread in threads[1:]:
        thread.start()
    say(f"serving http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    try:
        while True:
            threading.Event().wait(3600)
    except (KeyboardInterrupt, Interrupted):  # Ctrl-C, or SIGTERM (cli/launch.py)
        preview.stop.set()
        server.shutdown()
        for thread in threads:
            thread.join(timeout=10)
        say("stopped")


def _report_refresh(preview: Preview, seconds: float, say: Say) -> None:
    if preview.problems:
        say(f"content has errors ({len(preview.problems)}); the preview shows them")
    else:
        say(f"rebuilt the HTML in {seconds:.2f} s")


def _index(title: str, documents: Iterable[str]) -> bytes:
    """Return the preview's index: each document's HTML and its PDF (being built, until the
    first PDF build is done: the PDF link answers "being built" until then)."""
    links = "".join(
        f'<li><a href="{quote(stem)}.html">{html.escape(stem)}</a> · '
        f'<a href="{quote(stem)}.pdf">PDF</a></li>'
        for stem in sorted(documents)
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


def _typeset_banner(problems: list[str]) -> bytes:
    """Return a notice for the top of a page: the PDFs could not be brought up to date."""
    items = "".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in problems)
    return (
        '<div role="alert" id="briefwright-typesetting-problems" style="background:#fff3cd;'
        'color:#1b1f24;border:2px solid #8a4b08;padding:0.5rem 1rem;font:14px sans-serif">'
        "<strong>The PDFs could not be brought up to date</strong> (the HTML below is "
        f"current):<ul>{items}</ul></div>"
    ).encode()


class _Handler(SimpleHTTPRequestHandler):
    preview: Preview
    port: int

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the terminal for build messages."""

    def end_headers(self) -> None:
        """Send every answer with nosniff; an SVG (the brand's logo) also with a policy that
        runs nothing in it, should one be opened on its own."""
        self.send_header("X-Content-Type-Options", "nosniff")
        if urlsplit(self.path).path.lower().endswith(".svg"):
            self.send_header("Content-Security-Policy", SVG_POLICY)
        super().end_headers()

    def do_GET(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self.send_error(*refusal)
            return
        path = urlsplit(self.path).path
        if path == EVENTS:
            self._events()
            return
        if path == "/":
            path = "/index.html"
        if path.endswith(".html"):
            body = self.preview.page(path)
            if body is None:
                self.send_error(404)
            else:
                self._send_html(body)
            return
        if self._being_built(path):
            self._send_being_built()
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self.send_error(*refusal)
            return
        super().do_HEAD()

    def _refusal(self) -> tuple[int, str] | None:
        """Return the error to answer a request with that names another host (DNS
        rebinding: a web page's script reaching the preview under its own name) or has a
        path longer than any the preview serves."""
        if (self.headers.get("Host") or "").lower() not in allowed_hosts(self.port):
            return 421, "Misdirected Request: the preview answers only to localhost"
        if len(self.path) > MAX_PATH:
            return 414, "URI Too Long"
        if "\0" in unquote(self.path):
            return 400, "Bad Request: a NUL byte in the path"
        return None

    def send_head(self) -> Any:
        """Serve a file of the preview's folder; 404 for a name the file system refuses."""
        try:
            return super().send_head()
        except (OSError, ValueError):
            self.send_error(404)
            return None

    def _being_built(self, path: str) -> bool:
        """Return True for a PDF the preview makes that its first build has not made yet."""
        name = unquote(path).lstrip("/")
        return name in self.preview.documents and not (self.preview.out_dir / name).is_file()

    def _send_being_built(self) -> None:
        body = _BEING_BUILT
        self.send_response(503)
        self.send_header("Retry-After", str(RETRY_SECONDS))
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

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


def allowed_hosts(port: int) -> frozenset[str]:
    """Return the Host values the preview answers: the loopback address or `localhost`,
    with the port (without it only on port 80, as browsers send it)."""
    names = ("127.0.0.1", "localhost")
    return frozenset({f"{name}:{port}" for name in names} | (set(names) if port == 80 else set()))


def make_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Return an HTTP server on 127.0.0.1:port serving the preview's folder; BW017 (a
    usage error) when the port cannot be listened on."""
    handler = type("PreviewHandler", (_Handler,), {"preview": preview, "port": port})
    try:
        server = ThreadingHTTPServer(
            ("127.0.0.1", port), partial(handler, directory=str(preview.out_dir))
        )
    except OSError as error:
        reason = "is in use" if error.errno == errno.EADDRINUSE else f"cannot be used ({error})"
        message = f"port {port} {reason}; choose another --port"
        raise BriefError.of("BW017", message, Location("--port")) from None
    server.daemon_threads = True
    return server
