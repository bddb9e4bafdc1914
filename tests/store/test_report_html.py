"""The HTML report as a curator sees it: rendered by a real browser (headless Chromium), on a phone.

Chromium is the Debian package ``chromium`` (.ci/run installs it). Outside CI a machine without
it skips these tests and says why; in CI (``CI=true``) a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from bot.store.database import LoggedExchange
from bot.store.report import build_report
from bot.store.report_html import BAR_COLOUR, INTENT_COLOUR, LINE_COLOUR
from tests.store.test_report import ACCEPT, DAY1, ROWS, row
from tests.test_cli import run_bot

PHONE = (390, 2600)  # CSS pixels: a common phone's width; tall enough for the whole page
#: Flags for a quiet, private, offline run as root (CI runs as root, hence --no-sandbox).
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0")
HOSTILE = 'giá xăng <script>console.error("xss")</script>"><img src=x onerror=alert(1)>'
OVERFLOW_MARK = (255, 0, 255)


@pytest.fixture(scope="module")
def chromium() -> str:
    """The browser's path; a failure in CI, a skip with the reason elsewhere."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: .ci/run must install the Debian package 'chromium'")
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium); CI installs it")
    return found


def _rows() -> list[LoggedExchange]:
    """Two weeks of questions with a rising fallback rate, hostile and unbreakable text included."""
    days = []
    for day in range(14):
        ts = DAY1 + day * 86400
        days += [row(intent="event_date", kind="answer", score=90.0, ts=ts)] * (3 + day % 5)
        days += [row("giá vàng hôm nay", ts=ts)] * (day // 3)
    return [*ROWS, *days, row(HOSTILE), row("x" * 300, kind="refusal", intent="refuse_weather")]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(build_report(_rows(), ACCEPT, "html", "since 2023-11-14 00:00 UTC"), encoding="utf-8")
    return path


def _screenshot(chromium: str, page: Path, out: Path, tmp: Path) -> str:
    """Render ``page`` at a phone's size into ``out``; Chromium's log (console messages included)."""
    profile = tmp / f"profile-{out.stem}"  # a fresh profile each time: nothing cached or remembered
    result = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={PHONE[0]},{PHONE[1]}",
                             f"--screenshot={out}", page.as_uri()],
                            capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert out.is_file(), result.stderr[-3000:]
    return result.stderr


def _pixels_like(image: Image.Image, colour: str | tuple[int, int, int], tolerance: int = 8) -> int:
    """How many pixels have ``colour`` (give or take anti-aliasing's rounding)."""
    rgb = colour if isinstance(colour, tuple) else tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return sum(all(abs(p - c) <= tolerance for p, c in zip(pixel, rgb, strict=True))
               for pixel in image.convert("RGB").get_flattened_data())


@pytest.fixture(scope="module")
def rendered(chromium: str, page: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Image.Image, str]]:
    tmp = tmp_path_factory.mktemp("shots")
    log = _screenshot(chromium, page, tmp / "report.png", tmp)
    with Image.open(tmp / "report.png") as image:
        yield image.copy(), log


class _Elements(HTMLParser):
    """The page's tags, attributes, style sheet and text, as a browser parses them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_page_is_self_contained_and_shows_what_users_typed_as_text(page: Path) -> None:
    parsed = _Elements(page.read_text(encoding="utf-8"))
    assert not parsed.tags & {"script", "img", "link", "iframe", "object", "embed", "image", "use"}, parsed.tags
    assert not parsed.attributes & {"src", "href", "srcset", "xlink:href", "onerror", "onload"}
    style = "".join(parsed.text)
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert HOSTILE in parsed.text   # the question, shown as typed, as text


def test_the_browser_draws_every_chart(rendered: tuple[Image.Image, str]) -> None:
    image, _ = rendered
    assert image.size == PHONE
    assert len(set(image.convert("RGB").get_flattened_data())) > 50, "the page rendered blank"
    assert _pixels_like(image, BAR_COLOUR) > 2000, "no bars for questions per day"
    assert _pixels_like(image, LINE_COLOUR) > 300, "no line for the fallback rate per day"
    assert _pixels_like(image, INTENT_COLOUR) > 1000, "no bars for the top intents"


def test_the_page_logs_nothing_to_the_console(rendered: tuple[Image.Image, str]) -> None:
    _, log = rendered
    console = [line for line in log.splitlines() if ":CONSOLE" in line]
    assert not console, "\n".join(console)


def test_the_console_check_would_see_a_page_that_loads_something(chromium: str, page: Path,
                                                                  tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.html"
    leaky.write_text(page.read_text(encoding="utf-8").replace(
        "</main>", '<img src="https://example.invalid/x.png"></main>'), encoding="utf-8")
    log = _screenshot(chromium, leaky, tmp_path / "leaky.png", tmp_path)
    assert any(":CONSOLE" in line and "Content Security Policy" in line for line in log.splitlines()), log[-2000:]


def test_nothing_is_wider_than_a_phone(chromium: str, page: Path, tmp_path: Path) -> None:
    # A copy with a script (the real page has none and its policy forbids one) that paints the
    # page magenta if anything is wider than the screen, forcing a sideways scroll.
    probe = tmp_path / "probe.html"
    html = page.read_text(encoding="utf-8")
    html = html[:html.index("<meta http-equiv")] + html[html.index(">", html.index("<meta http-equiv")) + 1:]
    probe.write_text(html.replace("</main>", "</main><script>if (document.documentElement.scrollWidth > "
                                  "innerWidth) { document.documentElement.style.background = '#ff00ff'; "
                                  "document.body.style.background = 'transparent'; }</script>"), encoding="utf-8")
    _screenshot(chromium, probe, tmp_path / "probe.png", tmp_path)
    with Image.open(tmp_path / "probe.png") as image:
        assert _pixels_like(image, OVERFLOW_MARK, tolerance=0) == 0, "something is wider than the phone's screen"


def test_report_command_writes_the_html_file(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    assert run_bot("console", stdin="ai chu tri hoi nghi\ngiá vàng hôm nay\n",
                   env={"BOT_DB_PATH": str(db)}).returncode == 0
    out = tmp_path / "report.html"
    result = run_bot("report", "--format", "html", "--output", str(out), env={"BOT_DB_PATH": str(db)})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and str(out) in result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "event_chair" in html and "giá vàng hôm nay" in html
    unwritable = run_bot("report", "--format", "html", "--output", str(tmp_path / "no" / "such" / "dir.html"),
                         env={"BOT_DB_PATH": str(db)})
    assert unwritable.returncode == 2 and "Traceback" not in unwritable.stderr
