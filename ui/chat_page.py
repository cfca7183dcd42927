"""The Gradio page at /chat: the chat with cited sources and feedback, and the task-item browser."""
from __future__ import annotations

import csv
import tempfile
import time
from html import escape, unescape

import gradio as gr

from corpus.errors import PolicyQAError
from corpus.select import filter_items
from ui.render import PAGE_CSS, sources_html

EXAMPLES = [
    "行政复议体制改革由哪个单位牵头?",
    "县司法局牵头哪些任务?",
    "行政执法人员每年培训不少于多少学时?",
    "新密市政府督查工作谁牵头?",
    "阜康市重大行政执法决定多少日内要备案?",
]
ALL = "全部地区"
STREAM_EVERY_S = 0.25


def theme():
    # System fonts only: a Google font would make every page load call an outside host.
    return gr.themes.Soft(font=["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"],
                          font_mono=["Noto Sans Mono CJK SC", "monospace"])


def build_page(services) -> gr.Blocks:
    localities = [ALL] + services.localities

    def respond(message, chat, locality, last):
        message = (message or "").strip()
        chat = list(chat or [])
        if not message:
            yield chat, last, sources_html(last), "", gr.update()
            return
        history = [{"role": m["role"], "content": unescape(str(m.get("content", "")))}
                   for m in chat if m.get("role") in ("user", "assistant")]
        # Shown as text, never as HTML: a question may contain tags, a document `<反恐怖法>`.
        chat = chat + [{"role": "user", "content": escape(message)}, {"role": "assistant", "content": "…"}]
        yield chat, last, sources_html(None), "", gr.update(value="")
        text, shown_at = "", 0.0
        try:
            for event in services.assistant.stream(message, locality="" if locality == ALL else locality,
                                                   history=history):
                if event["type"] == "delta":
                    text += event["text"]
                elif event["type"] == "replace":
                    text = event["text"]
                else:
                    answer = event["answer"].to_dict()
                    chat[-1] = {"role": "assistant", "content": escape(answer["answer"])}
                    yield chat, answer, sources_html(answer), "", gr.update()
                    return
                # Tokens come every ~80 ms: one page update per STREAM_EVERY_S is as smooth to
                # read and leaves the two cores to the model (each update is diffed, sent and
                # re-rendered). The first text and the final answer are never held back.
                if shown_at and time.monotonic() - shown_at < STREAM_EVERY_S:
                    continue
                shown_at = time.monotonic()
                chat[-1] = {"role": "assistant", "content": escape(text) or "…"}
                yield chat, gr.skip(), gr.skip(), gr.skip(), gr.skip()
        except PolicyQAError as err:
            chat[-1] = {"role": "assistant", "content": escape(f"⚠️ {err}")}
            yield chat, None, sources_html(None), "", gr.update()

    def give_feedback(rating, comment, last):
        if not last:
            return "请先提问,再评价回答。"
        services.feedback.add(rating, last.get("question", ""), last.get("answer", ""),
                              last.get("citations"), comment or "", "page")
        return "已记录,谢谢反馈。" if rating == "up" else "已记录,我们会核查这条回答。"

    def browse(locality, unit, role, keyword):
        rows = filter_items(services.items, locality="" if locality == ALL else locality,
                            unit=(unit or "").strip(), role=role)
        if keyword:
            rows = [i for i in rows if keyword in i.text or keyword in i.section_path]
        table = [[i.locality, i.section, "、".join(i.lead_units) if i.lead_units is not None else "(未知)",
                  "、".join(i.responsible_units), i.text[:120]] for i in rows]
        return table, f"共 {len(rows)} 项", rows

    def export(rows):
        if not rows:
            return gr.update(value=None, visible=False)
        path = tempfile.NamedTemporaryFile(prefix="policyqa-items-", suffix=".csv", delete=False).name
        with open(path, "w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow(["地区", "条目", "牵头单位", "责任单位", "参加单位", "内容", "文件"])
            for i in rows:
                writer.writerow([i.locality, i.section, "、".join(i.lead_units or []), "、".join(i.responsible_units),
                                 "、".join(i.participating_units), i.text, i.doc])
        return gr.update(value=path, visible=True)

    with gr.Blocks(title="法治政府建设政策问答") as page:
        gr.Markdown("## 法治政府建设政策问答\n回答来自收录的政策文件,每条回答都标注来源条目,请点开右侧来源核对原文。")
        with gr.Tab("问答"):
            last = gr.State(None)
            with gr.Row():
                with gr.Column(scale=3):
                    locality = gr.Dropdown(localities, value=ALL, label="地区(问题里没写地区时使用)")
                    chat = gr.Chatbot(label="对话", height=460, elem_id="pq-chat", feedback_options=None)
                    with gr.Row():
                        box = gr.Textbox(placeholder="例如:行政复议体制改革由哪个单位牵头?", show_label=False,
                                         scale=5, max_lines=4, elem_id="pq-input")
                        send = gr.Button("发送", variant="primary", scale=1, elem_id="pq-send")
                    with gr.Row():
                        new = gr.Button("新对话", size="sm", elem_id="pq-new")
                    gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                with gr.Column(scale=2):
                    sources = gr.HTML(sources_html(None), elem_id="pq-sources")
                    with gr.Row():
                        up = gr.Button("有用", size="sm", elem_id="pq-up")
                        down = gr.Button("有误", size="sm", elem_id="pq-down")
                    comment = gr.Textbox(label="补充说明(可选)", max_lines=3, max_length=2000, elem_id="pq-comment")
                    thanks = gr.Markdown(elem_id="pq-thanks")
            status = gr.Markdown(visible=False)
            outputs = [chat, last, sources, status, box]
            # No progress overlay: the "…" bubble and the streamed text say it is working, and the
            # overlay's running timer repaints every frame (CPU the model needs on a small server).
            send.click(respond, [box, chat, locality, last], outputs, show_progress="hidden")
            box.submit(respond, [box, chat, locality, last], outputs, show_progress="hidden")
            new.click(lambda: ([], None, sources_html(None), "", ""), None, [chat, last, sources, thanks, comment])
            up.click(lambda c, l: give_feedback("up", c, l), [comment, last], thanks)
            down.click(lambda c, l: give_feedback("down", c, l), [comment, last], thanks)
        with gr.Tab("任务清单"):
            gr.Markdown("按地区、单位和角色查看任务条目,例如“我们局牵头哪些任务”。")
            with gr.Row():
                b_loc = gr.Dropdown(localities, value=ALL, label="地区")
                b_unit = gr.Textbox(label="单位(如 县司法局)", elem_id="pq-unit")
                b_role = gr.Radio(["lead", "responsible", "participating", "any"], value="any", label="角色",
                                  info="lead=牵头 responsible=责任 participating=参加 any=任一")
                b_kw = gr.Textbox(label="关键词")
            with gr.Row():
                go = gr.Button("查询", variant="primary", elem_id="pq-browse")
                csv_btn = gr.Button("导出 CSV")
            count = gr.Markdown()
            table = gr.Dataframe(headers=["地区", "条目", "牵头单位", "责任单位", "内容"], wrap=True,
                                 interactive=False)
            rows = gr.State([])
            file = gr.File(label="CSV", visible=False)
            go.click(browse, [b_loc, b_unit, b_role, b_kw], [table, count, rows])
            csv_btn.click(export, rows, file)
        if services.admin.enabled:  # no token configured: no tab, nothing of it in the page
            from ui.admin_page import admin_tab
            admin_tab(services)
        gr.Markdown(f"<small>数据更新于 {time.strftime('%Y-%m-%d')} · 回答仅依据收录文件,请以原文为准</small>")
    return page


def mount(app, services):
    page = build_page(services)
    from ui.admin_page import ADMIN_CSS

    css = PAGE_CSS + (ADMIN_CSS if services.admin.enabled else "")
    mounted = gr.mount_gradio_app(app, page, path="/chat", theme=theme(), css=css, ssr_mode=False,
                                  footer_links=[], show_error=False)
    calm_queue(page)
    return mounted


def calm_queue(page: gr.Blocks) -> None:
    """Gradio's queue polls every 1 ms while idle (and its progress loop every 10 ms): ~9% of a
    core on an idle server, and the wake-ups keep preempting the model's two threads, which made
    prompt evaluation 20-30% slower. Polling every 20 ms / 100 ms delays an event by at most 20 ms."""
    queue = getattr(page, "_queue", None)
    if queue is None:  # a Gradio without this attribute: nothing to tune
        return
    queue.sleep_when_free = 0.02
    queue.progress_update_sleep_when_free = 0.1
