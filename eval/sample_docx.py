"""Generated .docx work plans for the admin tests and the upload benchmark.

A plan has numbered task paragraphs, each followed by a 牵头单位 / 责任单位 line (what today's generic
parser reads), one task without any unit (the parser must warn about it), and a task table
(序号 / 工作任务 / 牵头单位 / 完成时限) with other tasks, for parsers that read .docx tables.
"""
from __future__ import annotations

from pathlib import Path

TOPICS = ["智慧普法云平台", "行政执法证件年审", "法律顾问聘任", "行政复议听证室", "合法性审查台账",
          "公共法律服务站", "执法案卷评查", "涉企检查备案", "政务公开目录", "重大决策目录"]


def make_plan(path: str | Path, *, locality: str = "青禾县", year: str = "2026", items: int = 6,
              lead: str = "县司法局", key_topic: str = "智慧普法云平台", key_lead: str | None = None,
              version: str = "", table_rows: int = 3) -> Path:
    """Write the plan; item 1 is about `key_topic` and led by `key_lead` (default `lead`);
    the last paragraph item names no unit."""
    import docx

    d = docx.Document()
    d.add_paragraph(f"{locality}{year}年法治政府建设工作要点{version}")
    d.add_paragraph(f"为深入推进{locality}法治政府建设,现提出{year}年工作要点如下。")
    d.add_paragraph("一、重点任务")
    for n in range(1, items + 1):
        topic = key_topic if n == 1 else f"{TOPICS[n % len(TOPICS)]}第{n}项"
        d.add_paragraph(f"{n}. 推进{topic}建设,{year}年底前完成第{n}阶段目标,形成可复制经验。")
        if n < items:
            d.add_paragraph(f"牵头单位:{key_lead or lead if n == 1 else lead}")
            d.add_paragraph("责任单位:县人力资源和社会保障局、县财政局")
    if table_rows:
        d.add_paragraph("二、任务分工表")
        table = d.add_table(rows=1, cols=4)
        for cell, head in zip(table.rows[0].cells, ("序号", "工作任务", "牵头单位", "完成时限")):
            cell.text = head
        for n in range(1, table_rows + 1):
            row = table.add_row().cells
            row[0].text, row[1].text = str(n), f"完善{TOPICS[(n + 3) % len(TOPICS)]}配套制度第{n}项"
            row[2].text, row[3].text = "县司法局", f"{year}年{n + 5}月底前"
    path = Path(path)
    d.save(str(path))
    return path
