"""Generated .docx work plans for the admin tests and the upload benchmark.

A plan is a title, an opening paragraph and a task table (序号 / 工作任务 / 牵头单位 / 责任单位 /
完成时限), the way offices send their 工作要点; the last row names no unit, so the preview must warn.
"""
from __future__ import annotations

from pathlib import Path

TOPICS = ["智慧普法云平台", "行政执法证件年审", "法律顾问聘任", "行政复议听证室", "合法性审查台账",
          "公共法律服务站", "执法案卷评查", "涉企检查备案", "政务公开目录", "重大决策目录"]


def topic(n: int, key_topic: str) -> str:
    return key_topic if n == 1 else f"{TOPICS[n % len(TOPICS)]}第{n}项"


def make_plan(path: str | Path, *, locality: str = "青禾县", year: str = "2026", items: int = 6,
              lead: str = "县司法局", key_topic: str = "智慧普法云平台", key_lead: str | None = None,
              version: str = "") -> Path:
    """Write the plan: row 1 is about `key_topic`, led by `key_lead` (default `lead`); rows 2… are
    led by `lead` (row n is about `topic(n, key_topic)`); the last row names no unit."""
    import docx

    d = docx.Document()
    d.add_paragraph(f"{locality}{year}年法治政府建设工作要点{version}")
    d.add_paragraph(f"为深入推进{locality}法治政府建设,现将{year}年重点任务分工如下。")
    table = d.add_table(rows=1, cols=5)
    for cell, head in zip(table.rows[0].cells, ("序号", "工作任务", "牵头单位", "责任单位", "完成时限")):
        cell.text = head
    for n in range(1, items + 1):
        row = table.add_row().cells
        row[0].text = str(n)
        row[1].text = f"推进{topic(n, key_topic)}建设,形成可复制经验"
        if n < items:
            row[2].text = (key_lead or lead) if n == 1 else lead
            row[3].text = "县人力资源和社会保障局、县财政局"
        row[4].text = f"{year}年{n % 12 + 1}月底前"
    path = Path(path)
    d.save(str(path))
    return path
