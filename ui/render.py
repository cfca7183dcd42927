"""HTML for cited sources, shared by the chat page. Everything from documents or users is escaped."""
from __future__ import annotations

from html import escape


def highlight(text: str, quote: str) -> str:
    """The item text, escaped, with the supporting sentence marked."""
    if quote and quote in text:
        before, _, after = text.partition(quote)
        return f"{escape(before)}<mark>{escape(quote)}</mark>{escape(after)}"
    return escape(text)


def _units(label: str, units) -> str:
    if units is None:
        return f"<div class='pq-units'><b>{label}</b>:未知(原文缺失)</div>"
    if not units:
        return ""
    return f"<div class='pq-units'><b>{label}</b>:{escape('、'.join(units))}</div>"


def sources_html(answer: dict | None) -> str:
    if not answer:
        return "<div class='pq-empty'>提问后,这里显示回答引用的任务条目,可展开核对原文。</div>"
    cites = answer.get("citations") or []
    if not cites:
        note = "未引用条目。" if answer.get("status") != "not_found" else "文件中没有找到答案。"
        return f"<div class='pq-empty'>{note}</div>"
    parts = [f"<div class='pq-head'>引用来源({len(cites)})</div>"]
    for c in cites:
        flags = "".join(f"<span class='pq-flag'>{t}</span>" for t, on in
                        (("文本截断", c.get("truncated")), ("原文受损", c.get("damaged"))) if on)
        parts.append(
            f"<details class='pq-source' {'open' if c['n'] == 1 else ''}>"
            f"<summary>[{c['n']}] {escape(c.get('locality') or '')} · {escape(c.get('section') or '')}{flags}</summary>"
            f"<div class='pq-title'>{escape(c.get('title') or '')}</div>"
            f"<div class='pq-path'>{escape(c.get('section_path') or '')}</div>"
            + _units("牵头单位", c.get("lead_units"))
            + _units("责任单位", c.get("responsible_units"))
            + _units("参加单位", c.get("participating_units"))
            + (f"<div class='pq-units'><b>完成时限</b>:{escape(c['deadline'])}</div>" if c.get("deadline") else "")
            + (f"<div class='pq-units'><b>分值</b>:{escape(c['score'])}</div>" if c.get("score") else "")
            + (f"<div class='pq-units'><b>完成状态</b>:{escape(c['status'])}</div>" if c.get("status") else "")
            + f"<div class='pq-text'>{highlight(c.get('text') or '', c.get('quote') or '')}</div>"
            f"<div class='pq-doc'>{escape(c.get('doc') or '')}</div></details>"
        )
    return "".join(parts)


PAGE_CSS = """
.pq-head{font-weight:600;margin:4px 0 8px}
.pq-empty{color:#666;padding:8px}
.pq-source{border:1px solid #ddd;border-radius:8px;padding:6px 10px;margin-bottom:8px;background:#fafafa}
.pq-source summary{cursor:pointer;font-weight:600}
.pq-title{font-size:13px;color:#333;margin-top:6px}
.pq-path{font-size:12px;color:#777;margin:2px 0 6px}
.pq-units{font-size:13px;margin:2px 0}
.pq-text{font-size:14px;line-height:1.7;margin-top:6px;white-space:pre-wrap}
.pq-text mark{background:#ffe58f;padding:0 2px}
.pq-doc{font-size:11px;color:#999;margin-top:4px}
.pq-flag{background:#fff1f0;color:#cf1322;border-radius:4px;font-size:11px;padding:0 4px;margin-left:6px}
"""
