"""Sections from the items' heading paths, and which one a question names."""
from __future__ import annotations

import re

from assistant import sections
from corpus.types import TaskItem


def item(n: int, path: str, lead=("县司法局",), kind="task") -> TaskItem:
    return TaskItem(item_id=f"d-{n}", doc_id="d", doc="d.txt", title="某县2024年工作要点", locality="某县",
                    section=path.replace(" > ", " "), section_path=path, text=f"第{n}项任务的内容。", span=(n, n + 1),
                    heading=f"任务{n}", lead_units=lead, kind=kind)


ITEMS = (
    item(0, "一、总体要求", kind="prose"),
    item(1, "二、健全行政决策制度体系 > (一)严格落实重大行政决策程序 > 1"),
    item(2, "二、健全行政决策制度体系 > (一)严格落实重大行政决策程序 > 2", lead=()),
    item(3, "二、健全行政决策制度体系 > (二)加强行政决策执行和评估"),
    item(4, "三、2025年工作安排 > 一是"),
    item(5, "三、2025年工作安排 > 二是"),
    item(6, "四、重点任务 > 复议应诉 > 12"),
    item(7, "四、重点任务 > 复议应诉 > 13"),
)


def bigram_cover(topic: str, text: str) -> float | None:
    grams = {topic[i:i + 2] for i in range(len(topic) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", topic[i:i + 2])}
    return sum(g in text for g in grams) / len(grams) if grams else None


def find(question: str):
    match = sections.find(question, sections.outline(ITEMS), bigram_cover, ("d",), ("某县",))
    return match and (match.how, match.section.path[-1], len(match.section.items))


def test_outline_counts_task_items_only_and_groups_parts():
    top = {s.path: s for s in sections.outline(ITEMS)}
    assert ("一、总体要求",) not in top  # no task item under it
    decisions = top[("二、健全行政决策制度体系",)]
    assert len(decisions.items) == 3 and decisions.marker == "二、" and decisions.title == "健全行政决策制度体系"
    assert [(h, len(its)) for h, its in decisions.parts()] == [
        ("(一)严格落实重大行政决策程序", 2), ("(二)加强行政决策执行和评估", 1)]
    assert sections.section_number(top[("四、重点任务", "复议应诉")]) == "四、"


def test_a_section_is_named_by_number():
    assert find("某县第二部分有几项任务?") == ("number", "二、健全行政决策制度体系", 3)
    assert find("某县二、下面讲了啥?") == ("number", "二、健全行政决策制度体系", 3)
    assert find("某县(一)下面有几条?") == ("number", "(一)严格落实重大行政决策程序", 2)
    assert find("某县第九部分有几项?") is None


def test_a_section_is_named_by_its_heading_words():
    assert find("某县行政决策执行和评估那块有哪些措施?")[:2] == ("heading", "(二)加强行政决策执行和评估")
    assert find("某县复议应诉这一类有几项任务?") == ("heading", "复议应诉", 2)
    assert find("某县安全生产方面有哪些任务?") is None  # no heading says it


def test_a_heading_the_asker_quotes_names_its_section():
    assert find("某县“严格落实重大行政决策程序”这个小标题底下排了哪几条?牵头的各是谁?") == (
        "heading", "(一)严格落实重大行政决策程序", 2)


def test_a_numbered_section_narrows_to_the_part_its_words_name():
    assert find("某县第二部分最后一块讲执行和评估的,说了啥?")[:2] == ("number", "(二)加强行政决策执行和评估")
    # words that restate the numbered section's own heading keep the whole of it
    assert find("某县第二部分行政决策那块一共几项?") == ("number", "二、健全行政决策制度体系", 3)


def test_all_the_words_in_a_long_heading_name_it():
    long_heading = ITEMS + (item(8, "五、健全依法行政制度体系,加快推进政府治理规范化程序化法治化 > 14"),
                            item(9, "五、健全依法行政制度体系,加快推进政府治理规范化程序化法治化 > 15"))
    match = sections.find("某县依法行政制度那一大块包括哪几项?", sections.outline(long_heading), bigram_cover, ("d",), ("某县",))
    assert match and match.section.marker == "五、"


def test_a_section_is_named_by_the_period_it_plans():
    assert find("某县2025年打算干哪些事?") == ("period", "三、2025年工作安排", 2)
    assert find("某县2030年打算干哪些事?") is None
    assert find("某县2025年完成了几大项信息化建设项目?") is None  # one thing in that year, not the year


def test_only_questions_about_contents_ask_for_a_section():
    assert sections.asks_contents("第三部分下面有几条任务?")
    assert sections.asks_contents("2022年有啥打算?")
    assert not sections.asks_contents("行政复议体制改革由哪个单位牵头?")



def test_a_part_named_by_one_word_is_the_heading_with_most_items_holding_it():
    items = (item(1, "三、严格规范公正文明执法 > 8"), item(2, "三、严格规范公正文明执法 > 9"),
             item(3, "三、严格规范公正文明执法 > 11"), item(4, "四、强化监督 > 12"))
    items = items[:2] + (TaskItem(**{**vars(items[2]), "heading": "加强行政执法监督"}),) + items[3:]
    match = sections.find("某县要点里执法那部分都讲了哪些事?", sections.outline(items), bigram_cover, ("d",), ("某县",))
    assert match and match.section.path == ("三、严格规范公正文明执法",) and len(match.section.items) == 3
