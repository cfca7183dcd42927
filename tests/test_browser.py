"""Real Chromium (Debian's, driven by playwright) against a live server on loopback: the chat page,
the widget on the demo portal, feedback stored, no script injection, no request leaving the server.
Screenshots go to test-artifacts/."""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from eval.chromium import ARGS, CHROMIUM
from eval.live_server import LiveServer, free_port

pytestmark = pytest.mark.slow
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">谁牵头?"


def start_server(searcher, llm, data_dir):
    from ui.services import Services
    from ui.settings import load

    port = free_port()
    settings = load({"data_dir": str(data_dir), "llm": "local" if llm else "none",
                     "port": port, "rate_limit_per_minute": 1000})
    services = Services(settings, searcher=searcher, llm=llm)
    services.assistant.warm_up()
    return LiveServer(services, port).start(), services


@pytest.fixture(scope="module")
def live_server(real_searcher, tmp_path_factory):
    server, services = start_server(real_searcher, None, tmp_path_factory.mktemp("server-data"))
    yield server.base, services
    server.stop()


@pytest.fixture(scope="module")
def live_llm_server(real_searcher, local_llm, tmp_path_factory):
    server, services = start_server(real_searcher, local_llm, tmp_path_factory.mktemp("llm-server-data"))
    yield server.base, services
    server.stop()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: `make test` installs it (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, url, ready="#pq-input, #policyqa-widget"):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="load")  # Gradio keeps a stream open: never "networkidle"
    page.wait_for_selector(ready, timeout=30000)
    return page, requests


def assert_all_local(requests, base):
    host = urlparse(base).netloc
    outside = [u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).netloc != host]
    assert outside == []


def test_chat_page_streams_an_answer_with_sources(browser, live_server):
    base, _ = live_server
    page, requests = open_page(browser, f"{base}/chat/")
    page.locator("#pq-input textarea").fill("行政复议体制改革由哪个单位牵头?")
    page.locator("#pq-send").click()
    page.wait_for_function("document.querySelector('#pq-sources').innerText.includes('引用来源')", timeout=30000)
    chat = page.locator("#pq-chat").inner_text()
    assert "县司法局" in chat and "市司法局" in chat
    sources = page.locator("#pq-sources")
    assert "牵头单位" in sources.inner_text() and sources.locator("mark").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "chat-page.png"), full_page=True)
    assert_all_local(requests, base)


def test_chat_page_runs_no_injected_script(browser, live_server):
    base, _ = live_server
    page, _ = open_page(browser, f"{base}/chat/")
    page.locator("#pq-input textarea").fill(XSS)
    page.locator("#pq-send").click()
    page.wait_for_timeout(4000)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#pq-chat img[src='x']").count() == 0


def test_item_browser_filters_by_unit(browser, live_server):
    base, _ = live_server
    page, _ = open_page(browser, f"{base}/chat/")
    page.get_by_role("tab", name="任务清单").click()
    page.locator("#pq-unit textarea, #pq-unit input").first.fill("县司法局")
    page.locator("#pq-browse").click()
    page.wait_for_function("document.body.innerText.includes('共 ')", timeout=20000)
    assert "共 " in page.inner_text("body")


def test_widget_on_the_demo_portal(browser, live_server):
    base, services = live_server
    page, requests = open_page(browser, f"{base}/demo/portal.html")
    host_button = page.evaluate("getComputedStyle(document.querySelector('nav a')).color")
    assert host_button  # the portal renders
    page.locator("#policyqa-widget .btn").click()
    page.locator("#policyqa-widget textarea").fill("新密市政府督查工作谁牵头?")
    page.locator("#policyqa-widget .send").click()
    page.locator("#policyqa-widget .fb button").first.wait_for(timeout=30000)
    assert "市委市政府督查局" in page.locator("#policyqa-widget .log").inner_text()
    page.locator("#policyqa-widget .src summary").first.click()
    assert page.locator("#policyqa-widget .src mark").count() >= 1
    # the portal's aggressive `button{background:lime!important}` does not reach inside the widget
    color = page.evaluate("getComputedStyle(document.querySelector('#policyqa-widget').shadowRoot"
                          ".querySelector('.send')).backgroundColor")
    assert color != "rgb(0, 255, 0)"
    page.screenshot(path=str(ARTIFACTS / "widget-portal.png"))
    before = len(services.feedback.all())
    page.locator("#policyqa-widget .fb button").first.click()
    page.wait_for_function("document.querySelector('#policyqa-widget').shadowRoot.querySelector('.fb')"
                           ".innerText.includes('已记录')", timeout=10000)
    rows = services.feedback.all()
    assert len(rows) == before + 1 and rows[-1]["source"] == "widget" and rows[-1]["rating"] == "up"
    assert "督查" in rows[-1]["question"]
    assert_all_local(requests, base)


def test_widget_runs_no_injected_script(browser, live_server):
    base, _ = live_server
    page, _ = open_page(browser, f"{base}/demo/portal.html")
    page.locator("#policyqa-widget .btn").click()
    page.locator("#policyqa-widget textarea").fill(XSS)
    page.locator("#policyqa-widget .send").click()
    page.wait_for_timeout(4000)
    assert page.evaluate("window.__xss") is None


def test_widget_script_is_small(live_server):
    import urllib.request

    base, _ = live_server
    body = urllib.request.urlopen(f"{base}/widget.js").read()
    assert len(body) < 30 * 1024


NEWEST_ANSWER = {
    "chat": "(() => { const b = document.querySelectorAll('#pq-chat [data-testid=\"bot\"]');"
            " return b.length ? b[b.length - 1].innerText.trim() : ''; })()",
    "widget": "(() => { const b = document.querySelector('#policyqa-widget').shadowRoot.querySelectorAll('.msg.bot');"
              " return b.length ? b[b.length - 1].innerText.trim() : ''; })()",
}


@pytest.mark.parametrize("surface", ["chat", "widget"])
def test_a_drafted_answer_streams_into_the_page(browser, live_llm_server, surface):
    """The real model's answer appears piece by piece (not all at once at the end), and ends with
    the verified value and its source sentence."""
    base, _ = live_llm_server
    if surface == "chat":
        page, requests = open_page(browser, f"{base}/chat/")
        box, send = "#pq-input textarea", "#pq-send"
    else:
        page, requests = open_page(browser, f"{base}/demo/portal.html")
        page.locator("#policyqa-widget .btn").click()
        box, send = "#policyqa-widget textarea", "#policyqa-widget .send"
    page.locator(box).fill("伊犁州向那拉提旅游景区管委会赋权了多少项?")
    page.locator(send).click()
    seen: list[str] = []
    deadline = time.time() + 90
    while time.time() < deadline:
        text = page.evaluate(NEWEST_ANSWER[surface])
        if text and text not in ("…",) and (not seen or seen[-1] != text):
            seen.append(text)
        if "原文" in text:
            break
        page.wait_for_timeout(30)
    assert seen and "60" in seen[-1] and "原文" in seen[-1], seen[-3:]
    # Streamed: several partial texts before the final one, each growing the one before.
    partial = [t for t in seen if "原文" not in t]
    assert len(partial) >= 3, seen
    assert all(b.startswith(a) for a, b in zip(partial, partial[1:])), partial
    assert_all_local(requests, base)
