"""The 文件管理 tab of the chat page: log in with the admin token, upload and check a document before
it is indexed, correct units, replace / hide / delete documents, review the 有误 feedback.

Built only when a token is configured (ui.admin). Every handler checks the token again; every
string from a document, a file name or a user is escaped, so nothing uploaded is rendered as HTML.
"""
from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path

import gradio as gr

from corpus.errors import PolicyQAError
from index.library import SUFFIXES
from ui.admin import feedback_csv

ROLES = {"牵头单位": "lead_units", "责任单位": "responsible_units", "配合/参加单位": "participating_units"}
ADMIN_CSS = """
.pq-admin table{border-collapse:collapse;width:100%;font-size:13px}
.pq-admin th,.pq-admin td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
.pq-admin th{background:#f5f5f5}
.pq-admin tr.pq-warn td{background:#fff7e6}
.pq-admin tr.pq-focus td{background:#e6f4ff;font-weight:600}
.pq-admin .pq-w{color:#ad4e00;font-weight:600}
.pq-admin .pq-fix{background:#e6f4ff;color:#0958d9;border-radius:4px;padding:0 4px;font-size:12px}
.pq-admin .pq-orig{color:#999;text-decoration:line-through;font-size:12px}
.pq-admin .pq-docwarn{background:#fff7e6;border:1px solid #ffd591;border-radius:6px;padding:6px 10px;margin:6px 0}
"""


def _units(item: dict, field: str) -> str:
    value = item.get(field)
    shown = "(未知)" if value is None else "、".join(value)
    if field in item.get("corrected_fields", []):
        orig = (item.get("original") or {}).get(field)
        was = "(无)" if not orig else "、".join(orig)
        return f"{escape(shown)} <span class='pq-fix'>人工校正</span> <span class='pq-orig'>{escape(was)}</span>"
    return escape(shown)


def items_html(items: list[dict], warnings: list[str] | None = None, focus: str = "") -> str:
    head = "".join(f"<div class='pq-docwarn'>⚠ {escape(w)}</div>" for w in warnings or [])
    rows = []
    for n, item in enumerate(items, start=1):
        warn = item.get("warnings") or []
        rows.append(
            f"<tr class='{'pq-warn' if warn else ''}{' pq-focus' if item['item_id'] == focus else ''}' "
            f"data-item='{escape(item['item_id'])}'><td>{n}</td>"
            f"<td>{escape(item.get('item_number') or item.get('section') or '')}</td>"
            f"<td>{escape((item.get('heading') or item.get('text') or '')[:80])}</td>"
            f"<td>{_units(item, 'lead_units')}</td><td>{_units(item, 'responsible_units')}</td>"
            f"<td>{_units(item, 'participating_units')}</td><td>{escape(item.get('deadline') or '')}</td>"
            f"<td class='pq-w'>{escape(';'.join(warn))}</td></tr>")
    return (f"<div class='pq-admin' id='pq-admin-items-table'>{head}<div>共 {len(items)} 条</div><table><tr><th>#</th>"
            "<th>编号</th><th>内容</th><th>牵头</th><th>责任</th><th>配合</th><th>时限</th><th>提示</th></tr>"
            + "".join(rows) + "</table></div>")


def _attached(doc: dict) -> str:
    """An attachment read as part of its plan has no items of its own: say where they went."""
    return f"(附件,并入 <code>{escape(doc['attached_to'])}</code>)" if doc.get("attached_to") else ""


def docs_html(docs: list[dict]) -> str:
    source = {"bundled": "随软件", "added": "上传", "cli": "命令行"}
    rows = "".join(
        f"<tr><td><code>{escape(d['doc_id'])}</code></td><td>{escape(d.get('title') or '')}</td>"
        f"<td>{escape(d.get('locality') or '')}</td><td>{escape(d.get('date') or '')}</td><td>{d['items']}{_attached(d)}</td>"
        f"<td>{d['units']}</td><td>{escape(source.get(d['source'], d['source']))}"
        f"{'(已替换)' if d.get('replaced') else ''}{' · 已隐藏' if d['hidden'] else ''}</td>"
        f"<td>{escape(d.get('added_at') or '')} {escape(d.get('added_by') or '')}</td></tr>" for d in docs)
    return ("<div class='pq-admin' id='pq-admin-docs-table'><table><tr><th>编号</th><th>标题</th><th>地区</th><th>日期</th>"
            "<th>条目</th><th>单位</th><th>来源</th><th>添加</th></tr>" + rows + "</table></div>")


FEEDBACK_HEADERS = ["时间", "问题", "回答", "引用条目(点击打开)", "补充说明"]


def feedback_table(rows: list[dict]) -> list[list[str]]:
    return [[r["created"], r["question"], r["answer"][:300],
             " ".join(str(c.get("item_id") or "") for c in r["citations"]), r["comment"]] for r in rows]


def admin_tab(services) -> None:
    """Adds the tab to the page being built (call inside `gr.Blocks`)."""
    admin = services.admin

    def guarded(fn):
        """Runs `fn(who, *args)` when the token is right; an error becomes the message output."""
        def run(token, *args):
            try:
                return fn(admin.who(token or ""), *args)
            except PolicyQAError as err:
                return error_result(str(err))
        run.__name__ = fn.__name__
        return run

    def error_result(message: str):
        raise gr.Error(message, print_exception=False)

    def login(token):
        try:
            who = admin.who(token or "")
        except PolicyQAError as err:
            return gr.update(visible=False), f"⚠️ {err}", "", docs_html([])
        return gr.update(visible=True), f"已登录:{escape(who)}", "", docs_html(admin.documents())

    def show(view: dict, queue: list, note: str = ""):
        doc = view["document"]
        left = f"(还有 {len(queue)} 个文件待预览)" if queue else ""
        what = f"替换 {view['replaces']}" if view.get("replaces") else "新文件"
        return (view, queue, gr.update(visible=True), doc["title"], doc["locality"], doc.get("level") or "",
                doc.get("date") or "", doc.get("doc_number") or "",
                items_html(view["items"], view["warnings"]),
                f"预览:{escape(view['file'])}({what}){left}。核对后点“确认入库”,或“取消”。{note}")

    def start_preview(who, files, locality, title, replaces):
        paths = [f if isinstance(f, str) else getattr(f, "name", str(f)) for f in (files or [])]
        if not paths:
            raise gr.Error("请先选择要上传的文件。", print_exception=False)
        pending = [{"path": p, "locality": locality or "", "title": title or "", "replaces": (replaces or "").strip()}
                   for p in paths]
        return (*show(*_next_preview(who, pending)), None)  # the file box is emptied for the next upload

    def _next_preview(who, pending):
        first, rest = pending[0], pending[1:]
        data = Path(first["path"]).read_bytes()
        name = Path(first["path"]).name
        view = admin.preview(data, name, who, locality=first["locality"], title=first["title"],
                             replaces=first["replaces"])
        return view, rest

    def correct(who, view, row, role, units):
        if not view:
            raise gr.Error("没有正在预览的文件。", print_exception=False)
        try:
            n = int(str(row).strip()) - 1
            item = view["items"][n]
            assert n >= 0
        except (ValueError, IndexError, AssertionError):
            raise gr.Error(f"条目序号应为 1–{len(view['items'])}。", print_exception=False) from None
        admin.correct(item["item_id"], {ROLES[role]: units or ""}, who, view["preview_id"])
        fresh = services.library.preview_view(view["preview_id"])
        return fresh, items_html(fresh["items"], fresh["warnings"]), f"已校正第 {n + 1} 条的{role}(人工校正,原值保留)。"

    def finish(who, view, queue, message):
        docs = docs_html(admin.documents())
        if queue:
            return (*show(*_next_preview(who, queue), note=f" 上一个:{message}"), docs)
        return (None, [], gr.update(visible=False), "", "", "", "", "", "", message, docs)

    def confirm(who, view, queue, title, locality, level, date, doc_no):
        if not view:
            raise gr.Error("没有正在预览的文件。", print_exception=False)
        doc = admin.confirm(view["preview_id"], {"title": title, "locality": locality, "level": level,
                                                  "date": date, "doc_no": doc_no}, who)
        return finish(who, view, queue, f"✅ 已入库:{escape(doc['title'])}({doc['items']} 条),现在即可提问。")

    def cancel(who, view, queue):
        if view:
            services.library.cancel(view["preview_id"])
        return finish(who, view, queue, "已取消,没有任何改动。")

    def doc_action(who, doc_id, action):
        doc_id = (doc_id or "").strip()
        if action == "delete":
            admin.delete(doc_id)
            message = f"已删除 {escape(doc_id)}。"
        elif action == "items":
            return docs_html(admin.documents()), items_html(admin.items_of(doc_id)), f"文件 {escape(doc_id)} 正在提供的条目。"
        else:
            doc = admin.document(doc_id)
            admin.hide(doc_id, not doc["hidden"])
            message = f"已{'恢复' if doc['hidden'] else '隐藏'} {escape(doc_id)}。"
        return docs_html(admin.documents()), "", message

    def review(who, locality, since, until):
        rows = admin.feedback((locality or "").strip(), (since or "").strip(), (until or "").strip())
        path = tempfile.NamedTemporaryFile(prefix="policyqa-feedback-", suffix=".csv", delete=False).name
        Path(path).write_text(feedback_csv(rows), "utf-8")
        return feedback_table(rows), rows, gr.update(value=path, visible=True)

    def open_cited(who, rows, evt: gr.SelectData):
        """One click on a feedback row: its (first) cited item, shown in its document's item list."""
        row = rows[evt.index[0]] if rows and evt.index and evt.index[0] < len(rows) else None
        ids = [c.get("item_id") for c in (row or {}).get("citations", []) if c.get("item_id")]
        clicked = str(evt.value or "")
        item_id = next((i for i in ids if i in clicked), ids[0] if ids else "")
        item = next((i for i in services.items if i.item_id == item_id), None)
        if item is None:
            return gr.skip(), "这条反馈引用的条目已不在索引中(文件可能已被替换或删除)。"
        return (items_html(admin.items_of(item.doc_id), focus=item_id),
                f"文件 {escape(item.doc_id)} 的条目,高亮的是这条反馈引用的 {escape(item.section)}。")

    with gr.Tab("文件管理", elem_id="pq-admin-tab"):
        token = gr.State("")
        with gr.Row():
            box = gr.Textbox(label="管理口令", type="password", elem_id="pq-admin-token", scale=4)
            enter = gr.Button("登录", elem_id="pq-admin-login", scale=1)
        status = gr.Markdown(elem_id="pq-admin-status")
        with gr.Column(visible=False, elem_id="pq-admin-panel") as panel:
            gr.Markdown("### 上传文件\n.docx .doc .wps .pdf .ofd .xlsx .xls .et .csv .txt .md .html .jpg .png .tif(扫描件、图片自动识别文字),可一次拖入多个;先预览、核对,再确认入库。"
                        "填写“替换的文件编号”即上传新版本替换该文件(新版本入库前旧版本照常提供)。")
            files = gr.File(file_count="multiple", file_types=list(SUFFIXES),
                            label="文件", elem_id="pq-admin-upload")
            with gr.Row():
                up_loc = gr.Textbox(label="地区(可选,文件里没写时填)", elem_id="pq-admin-up-locality")
                up_title = gr.Textbox(label="标题(可选)")
                up_replaces = gr.Textbox(label="替换的文件编号(可选)", elem_id="pq-admin-replaces")
            parse = gr.Button("解析预览", variant="primary", elem_id="pq-admin-preview")
            message = gr.Markdown(elem_id="pq-admin-msg")
            view, queue = gr.State(None), gr.State([])
            with gr.Column(visible=False) as preview_box:
                with gr.Row():
                    m_title = gr.Textbox(label="标题", elem_id="pq-admin-title")
                    m_loc = gr.Textbox(label="地区", elem_id="pq-admin-locality")
                    m_level = gr.Textbox(label="层级")
                    m_date = gr.Textbox(label="日期")
                    m_no = gr.Textbox(label="文号")
                with gr.Row():
                    c_row = gr.Textbox(label="条目序号(表格 # 列)", elem_id="pq-admin-row", scale=1)
                    c_role = gr.Radio(list(ROLES), value="牵头单位", label="单位类别", elem_id="pq-admin-role", scale=2)
                    c_units = gr.Textbox(label="正确的单位(多个用、分隔)", elem_id="pq-admin-units", scale=3)
                    c_go = gr.Button("校正", elem_id="pq-admin-correct", scale=1)
                with gr.Row():
                    ok = gr.Button("确认入库", variant="primary", elem_id="pq-admin-confirm")
                    no = gr.Button("取消", elem_id="pq-admin-cancel")
            items = gr.HTML(elem_id="pq-admin-items")
            gr.Markdown("### 文件列表")
            docs = gr.HTML(elem_id="pq-admin-docs")
            with gr.Row():
                d_id = gr.Textbox(label="文件编号", elem_id="pq-admin-docid")
                d_items = gr.Button("查看条目", elem_id="pq-admin-view")
                d_hide = gr.Button("隐藏 / 恢复", elem_id="pq-admin-hide")
                d_del = gr.Button("删除", variant="stop", elem_id="pq-admin-delete")
            gr.Markdown("### 有误反馈")
            with gr.Row():
                f_loc = gr.Textbox(label="地区")
                f_since = gr.Textbox(label="起始日期 YYYY-MM-DD")
                f_until = gr.Textbox(label="截止日期 YYYY-MM-DD")
                f_go = gr.Button("查询", elem_id="pq-admin-feedback")
            f_rows = gr.State([])
            f_table = gr.Dataframe(headers=FEEDBACK_HEADERS, wrap=True, interactive=False,
                                   elem_id="pq-admin-feedback-list")
            f_file = gr.File(label="CSV", visible=False)

        enter.click(lambda t: t, box, token).then(login, token, [panel, status, box, docs])
        preview_outputs = [view, queue, preview_box, m_title, m_loc, m_level, m_date, m_no, items, message]
        parse.click(guarded(start_preview), [token, files, up_loc, up_title, up_replaces], preview_outputs + [files])
        c_go.click(guarded(correct), [token, view, c_row, c_role, c_units], [view, items, message])
        ok.click(guarded(confirm), [token, view, queue, m_title, m_loc, m_level, m_date, m_no],
                 preview_outputs + [docs])
        no.click(guarded(cancel), [token, view, queue], preview_outputs + [docs])
        for button, action in ((d_items, "items"), (d_hide, "hide"), (d_del, "delete")):
            button.click(guarded(lambda who, d, a=action: doc_action(who, d, a)), [token, d_id],
                         [docs, items, message])
        f_go.click(guarded(review), [token, f_loc, f_since, f_until], [f_table, f_rows, f_file])
        def on_select(token_value, rows, evt: gr.SelectData):  # Gradio passes the click by annotation
            return guarded(open_cited)(token_value, rows, evt)

        f_table.select(on_select, [token, f_rows], [items, message])
