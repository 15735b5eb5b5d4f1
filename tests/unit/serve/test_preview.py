"""Tests for briefwright.serve.preview: a real server, real HTTP, real edits, reload events."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from briefwright.errors import BriefError
from briefwright.serve.preview import MAX_PATH, RETRY_SECONDS, SVG_POLICY, Preview, make_server
from briefwright.settings import Project
from tests.conftest import FIXTURES, MakeProject


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode())


def _wait_for(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


@pytest.fixture
def server(project: MakeProject) -> Iterator[tuple[str, Path, subprocess.Popen[bytes]]]:
    """Start `briefwright serve` on a free port over a copy of the minimal fixture, in a
    project without a templates/ folder: the installed theme serves alone."""
    content = project("minimal")
    no_templates = content.parent / "templates"
    assert not no_templates.exists()
    port = _free_port()
    command = [str(Path(sys.executable).with_name("briefwright")), "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--content", str(content), "--templates", str(no_templates), "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so the teardown can stop its typesetting workers too
    )
    url = f"http://127.0.0.1:{port}"
    assert _wait_for(lambda: "brief.html" in _get(url + "/"), 15), "server did not start"
    yield url, content, process
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)  # stops as on Ctrl-C, removing its folders
    try:
        process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=20)


def _listen(url: str, events: list[str]) -> None:
    with urllib.request.urlopen(url + "/__events", timeout=20) as stream:
        for raw in stream:
            line = raw.decode().strip()
            if line.startswith("data:"):
                events.append(line)
                return


def test_edit_reaches_the_browser(server: tuple[str, Path, subprocess.Popen[bytes]]) -> None:
    """Pages are served with a reload script; an edit sends a reload event and new HTML."""
    url, content, _ = server
    page = _get(url + "/brief.html")
    assert "Minimal brief" in page and "EventSource" in page
    events: list[str] = []
    listener = threading.Thread(target=_listen, args=(url, events))
    listener.start()
    time.sleep(0.3)
    brief = content / "brief.yaml"
    brief.write_text(brief.read_text().replace("title: Minimal brief", "title: Edited brief"))
    listener.join(timeout=15)
    assert events, "no reload event arrived"
    assert _wait_for(lambda: "Edited brief" in _get(url + "/brief.html"), 5)
    assert _wait_for(lambda: _get(url + "/onepagers/only.html").count("</html>") == 1, 5)


def test_content_error_shows_in_the_page_until_fixed(
    server: tuple[str, Path, subprocess.Popen[bytes]],
) -> None:
    """A broken file turns every page into its diagnostics; fixing it brings the brief back."""
    url, content, process = server
    timeline = content / "timeline.yaml"
    original = timeline.read_text()
    timeline.write_text("events: [\n")
    assert _wait_for(lambda: "The content has problems" in _get(url + "/brief.html"), 10)
    assert "timeline.yaml:" in _get(url + "/brief.html") and "BW002" in _get(url + "/")
    assert process.poll() is None, "a content error must not stop the server"
    timeline.write_text(original)
    assert _wait_for(lambda: "Minimal brief" in _get(url + "/brief.html"), 10)


def test_pdfs_follow_and_ctrl_c_stops(server: tuple[str, Path, subprocess.Popen[bytes]]) -> None:
    """The PDFs appear in the background; SIGINT stops the server cleanly with exit 0."""
    url, _, process = server

    def pdf_served() -> bool:
        with urllib.request.urlopen(url + "/brief.pdf", timeout=5) as response:
            return bytes(response.read()).startswith(b"%PDF-")

    assert _wait_for(pdf_served, 30)
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=20)
    assert process.returncode == 0
    assert out.decode().strip().endswith("stopped")


def test_typesetting_error_shows_above_the_page_until_fixed(
    server: tuple[str, Path, subprocess.Popen[bytes]],
) -> None:
    """A one-pager that stops fitting (BW140) shows above every page; the HTML stays current.

    The content is valid, so the pages still render; the notice goes once the PDFs build.
    """
    url, content, process = server
    topic = content / "topics" / "only.yaml"
    original = topic.read_text()
    topic.write_text((FIXTURES / "onepager-too-long" / "topics" / "only.yaml").read_text())
    notice = "The PDFs could not be brought up to date"
    assert _wait_for(lambda: notice in _get(url + "/brief.html"), 60)
    page = _get(url + "/brief.html")
    assert "BW140" in page and "Minimal brief" in page
    topic.write_text(original)
    assert _wait_for(lambda: notice not in _get(url + "/brief.html"), 60)
    assert process.poll() is None


@pytest.fixture
def rendered_only(
    project: MakeProject, tmp_path: Path
) -> Iterator[tuple[Preview, int, Callable[..., tuple[int, dict[str, str], bytes]]]]:
    """A preview in this process whose HTML is rendered and served, and whose PDFs are never
    typeset: each request sees the first seconds of a `serve`."""
    preview = Preview(Project(project("minimal")), tmp_path / "out", jobs=1)
    port = _free_port()
    server = make_server(preview, port)
    preview.refresh()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def request(path: str, host: str = f"127.0.0.1:{port}", method: str = "GET") -> Any:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.putrequest(method, path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        answer = (response.status, dict(response.getheaders()), response.read())
        connection.close()
        return answer

    yield preview, port, request
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


Request = Callable[..., tuple[int, dict[str, str], bytes]]


def test_only_requests_for_localhost_are_answered(
    rendered_only: tuple[Preview, int, Request],
) -> None:
    """A Host naming anything but the loopback address or localhost with the served port
    (a page rebinding its own name to 127.0.0.1) gets 421, for GET and HEAD alike."""
    _, port, request = rendered_only
    for host in (f"rebind.attacker.example:{port}", f"127.0.0.1:{port + 1}", "localhost", ""):
        for method in ("GET", "HEAD"):
            status, _, body = request("/brief.html", host=host, method=method)
            assert status == 421 and b"Minimal brief" not in body, (host, method)
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        assert request("/brief.html", host=host)[0] == 200


def test_long_or_odd_paths_get_an_answer_not_a_traceback(
    rendered_only: tuple[Preview, int, Request], capfd: pytest.CaptureFixture[str]
) -> None:
    """A path of 300+ characters is 404, one over MAX_PATH 414, one holding a NUL byte 400:
    answered, and the server goes on (before, each closed the connection and printed a
    traceback: OSError, ValueError)."""
    _, _, request = rendered_only
    assert request("/" + "a" * 300 + ".html")[0] == 404
    assert request("/" + "a" * 300 + ".pdf")[0] == 404
    assert request("/" + "a" * (MAX_PATH + 1) + ".html")[0] == 414
    for nul in ("/x%00.pdf", "/assets/%00", "/brief.html%00"):
        assert request(nul)[0] == 400
    assert request("/" + "b" * 300 + "/x.css")[0] == 404
    assert request("/brief.html")[0] == 200
    assert "Traceback" not in capfd.readouterr().err


def test_the_index_links_what_is_made_and_a_pdf_being_built_says_so(
    rendered_only: tuple[Preview, int, Request],
) -> None:
    """The index links each document's page and PDF, no source page's PDF (none is made);
    a PDF not built yet is 503 with Retry-After and a page that reloads, not 404."""
    _, _, request = rendered_only
    index = request("/")[2].decode()
    assert 'href="brief.pdf"' in index and 'href="onepagers/only.pdf"' in index
    assert "sources/" not in index
    status, headers, body = request("/brief.pdf")
    assert status == 503 and headers["Retry-After"] == str(RETRY_SECONDS)
    assert b'http-equiv="refresh"' in body
    assert request("/sources/one.pdf")[0] == 404


def test_an_svg_is_served_with_a_policy_that_runs_nothing(
    rendered_only: tuple[Preview, int, Request],
) -> None:
    """Every answer carries nosniff; an SVG also a Content-Security-Policy with no script."""
    preview, _, request = rendered_only
    (preview.out_dir / "assets" / "logo.svg").write_bytes(b"<svg/>")
    _, headers, _ = request("/assets/logo.svg")
    assert headers["Content-Security-Policy"] == SVG_POLICY and "script" not in SVG_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_a_port_in_use_is_a_usage_error(rendered_only: tuple[Preview, int, Request]) -> None:
    """A second server on the same port is BW017 at --port, not an OSError traceback."""
    preview, port, _ = rendered_only
    with pytest.raises(BriefError) as raised:
        make_server(preview, port)
    assert str(raised.value) == f"--port:1:1: BW017 port {port} is in use; choose another --port"


def test_the_preview_serves_the_translated_edition_too() -> None:
    """The preview renders the Japanese edition in ja/, as a build lays it out, and its
    index lists the Japanese documents with the English ones."""
    from briefwright.serve.preview import render_html
    from tests.conftest import PROJECT

    files = render_html(PROJECT)
    assert "ja/brief.html" in files and "ja/onepagers/co-development.html" in files
    assert '<html lang="ja"' in files["ja/brief.html"].decode()
    assert 'href="ja/brief.pdf"' in files["index.html"].decode()
