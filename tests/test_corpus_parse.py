"""The parser against corpus-notes: counts, hard items, spans, and no borrowed lead units."""
from __future__ import annotations

import time

import pytest

from corpus.parse import TASK_KINDS, load_corpus

EXPECTED = {  # doc_id: (task items, with a lead unit)   — from ../shared/corpus-notes.md
    "000": (76, 71),
    "001": (28, 20),
    # corpus-notes counts 39 but keeps 2022 (三) whole although it is written 一是/二是/三是; the
    # general rule (every run-in point is an item, corpus-notes' own rule for 002) gives 41.
    "002": (41, 0),
    "003": (35, 28),
    "004": (16, 16),
}


def tasks(corpus, doc_id):
    for doc, items in corpus:
        if doc.doc_id == doc_id:
            return [i for i in items if i.kind in TASK_KINDS]
    raise KeyError(doc_id)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_counts(corpus, doc_id):
    items = tasks(corpus, doc_id)
    total, with_lead = EXPECTED[doc_id]
    assert len(items) == total
    assert sum(1 for i in items if i.lead_units) == with_lead


def test_every_item_text_is_at_its_span(corpus):
    for doc, items in corpus:
        for item in items:
            start, end = item.span
            assert doc.text[start:end] == item.text, item.item_id
            assert item.text.strip(), item.item_id


def test_no_unit_line_is_an_item(items):
    for item in items:
        assert not item.text.startswith(("牵头单位", "责任单位", "责任部门", "参加单位")), item.item_id


def test_000_item_49(by_id):
    item = by_id["000-49"]
    assert item.section == "七、(二十) 49."
    assert item.lead_units == ("县司法局",)
    assert item.responsible_units == ("县委组织部", "县政府办公室", "县委编办")
    assert item.text.startswith("深化行政复议体制改革")
    assert "牵头单位" not in item.text


def test_000_bullets_are_items_with_inferred_numbers(by_id):
    item = by_id["000-50"]
    assert item.item_no == 50 and item.item_no_inferred
    assert item.section == "七、(二十) •[50]"
    assert not item.text.startswith("•")
    assert len(by_id["000-2"].lead_units) == 6  # a bullet item with six lead units


@pytest.mark.parametrize("no", [3, 26, 27, 38, 54])
def test_000_items_without_lead_do_not_borrow(by_id, no):
    item = by_id[f"000-{no}"]
    assert item.lead_units == ()
    assert item.responsible_units  # the responsible units are not promoted to lead


def test_000_participating_qualifier(by_id):
    item = by_id["000-25"]  # 县司法局按职责分工负责,县属相关部门参加
    assert "县司法局" in item.responsible_units
    assert item.participating_units == ("县属相关部门",)


def test_000_aliases_are_canonical(by_id):
    assert "县政务服务管理局" in by_id["000-65"].lead_units + by_id["000-65"].responsible_units
    assert "县政府办公室" in by_id["000-6"].responsible_units  # printed 县政府办


def test_001_pages_joined_and_item_11_inferred(corpus, by_id):
    doc = next(d for d, _ in corpus if d.doc_id == "001")
    assert "好差评" in doc.text and "四个平台一张网" in doc.text
    item = by_id["001-11"]
    assert item.item_no_inferred and item.section == "二、(六) [11]"
    assert item.text.startswith("依法平等保护企业产权和自主经营权")
    assert item.lead_units == ("市市场监管局绿园分局",)
    assert item.participating_units == ("各有关部门",)
    assert by_id["001-10"].lead_units == ("区委政法委", "区委依法治区办", "区司法局")


def test_001_truncated_item_28_has_unknown_units(by_id):
    item = by_id["001-28"]
    assert item.truncated and item.lead_units is None
    assert item.text.endswith("付出应")
    assert by_id["001-27"].lead_units == ()  # 责任单位 only


def test_001_item_13_units_stop_at_the_glued_heading(by_id):
    assert by_id["001-13"].responsible_units == ("区财政局", "区民政局", "市市场监管局绿园分局")
    assert by_id["001-14"].section.startswith("三、(七)")


def test_002_points_have_no_units(corpus):
    points = tasks(corpus, "002")
    assert all(p.lead_units == () and not p.responsible_units for p in points)
    sections = [p.section for p in points]
    assert "一、(九) 三是" in sections and "一、(三) 5." in sections and "二、(六)" in sections


def test_003_item_17(by_id):
    item = by_id["003-17"]
    assert item.lead_units == ("市司法局", "市委编办")
    assert item.responsible_units == ("市财政局", "有关部门", "各乡(镇)、街道")
    assert item.text.startswith("积极发挥行政复议化解行政争议主渠道作用")
    assert "牵头" not in item.text


def test_003_markers_restored_and_continuation(by_id):
    assert by_id["003-3"].text.startswith("推进政府机构职能优化协同高效")
    assert by_id["003-3"].item_no_inferred
    cont = by_id["003-20b"]
    assert cont.section == "八、(二十) 续段"
    assert cont.lead_units == ("市纪委监委", "市委组织部")
    assert by_id["003-20"].lead_units == ()  # its own note has no 牵头


def test_003_damaged_and_glued_notes(by_id):
    garbled = by_id["003-2"]
    assert garbled.damaged and garbled.lead_units is None
    assert by_id["003-1"].lead_units == () and not by_id["003-1"].responsible_units
    assert by_id["003-7"].lead_units == ("市政府办公室", "市司法局", "市委巡察办", "市委组织部", "市审计局")
    assert by_id["003-18"].lead_units == ("市司法局", "市法院", "市检察院")


def test_004_label_variants_and_sub_list(by_id):
    item10 = by_id["004-10"]
    assert "市电子政务办" in item10.responsible_units  # from 责任部门:
    item13 = by_id["004-13"]
    assert "1.经听证程序作出的行政处罚" in item13.text and "3.其他影响较大" in item13.text
    assert item13.lead_units == ("市司法局",)
    assert by_id["004-3"].lead_units == ("市委组织部", "市人民政府办公室", "市司法局")


def test_parsing_is_fast():
    start = time.perf_counter()
    load_corpus()
    assert time.perf_counter() - start < 5  # a guard against a pathological regex, not a benchmark


def test_a_unit_followed_by_a_group_after_deng_is_that_unit():
    from corpus.units import parse_note

    units = parse_note("牵头单位:县政务服务管理局;责任单位:县委网信办、县建设局等相关部门", default_role="responsible")
    assert "县建设局" in units.responsible and not any("等" in u for u in units.responsible)


def test_a_heading_over_a_paragraph_of_run_in_points_is_their_section(tmp_path):
    from corpus.pipeline import read_document

    text = ("某县人民政府关于2024年度法治政府建设情况的报告\n\n一、主要举措和成效\n（一）加强组织领导。一是建立机制。二是开展督察。\n"
            "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
            "　　县政府主要负责同志认真履行职责。一是带头尊法学法。全年讲授党课2次。二是带头依法决策。研究涉法议题31项。\n"
            "三、存在的不足和原因\n　　仍存在一些不足。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, "utf-8")
    points = [i for i in read_document(str(path), locality="某县").items if "带头" in i.text]
    assert [i.section for i in points] == ["二、 一是", "二、 二是"]
    assert all(i.section_path.startswith("二、党政主要负责人") for i in points)


def test_units_assigned_by_item_number_in_a_passage_of_their_own():
    """Tasks printed without notes, then a passage per section assigning them by number: ranges,
    lists, 分别 (the n-th item, the n-th unit), a later 其中 clause adding to an item; numbers that
    restart in every section go to the section's own items; the passage is not an item's text."""
    from corpus.pipeline import parse_text

    text = "\n".join([
        "栎阳县2025年依法行政工作要点",
        "一、完善依法行政制度体系",
        "1.开展规范性文件清理。9月底前公布清理结果。",
        "2.推进合法性审核全覆盖。",
        "3.编制重大行政决策目录。",
        "分工：第一至二项由县司法局牵头，县直各部门配合；第三项由县政府办公室负责。",
        "二、严格规范公正文明执法",
        "1.推行涉企检查扫码入企。",
        "2.开展执法案卷评查。",
        "3.落实轻微违法免罚清单。",
        "责任分工：第1项、第2项分别由县市场监管局、县司法局牵头，县直各执法部门按职责分工负责，其中第2项由县公安局配合；第3项：县司法局负责。",
    ])
    items = [i for i in parse_text(text, file="plan.txt", locality="栎阳县").items if i.kind == "task"]
    assert len(items) == 6
    a1, a2, a3, b1, b2, b3 = items
    assert a1.lead_units == ("县司法局",) and a2.participating_units == ("县直各部门",)
    assert a3.responsible_units == ("县政府办公室",) and a3.lead_units == ()
    assert b1.lead_units == ("县市场监管局",) and b1.participating_units == ()
    assert b2.lead_units == ("县司法局",) and b2.participating_units == ("县公安局",)
    assert b2.responsible_units == ("县直各执法部门",)
    assert b3.responsible_units == ("县司法局",) and b3.lead_units == ()
    assert all("分工" not in i.text for i in items)  # the passages are notes of their own


def test_item_numbers_of_an_assignment_reference():
    from corpus.assignments import numbers

    assert numbers("第4—5项") == [4, 5]
    assert numbers("第9至12项") == [9, 10, 11, 12]
    assert numbers("第13、14项") == [13, 14]
    assert numbers("第2项、第3项") == [2, 3]
    assert numbers("第（三）项") == [3]


def test_a_reports_run_in_results_stay_searchable_under_their_heading():
    """"（四）行政权力制约监督持续加强。全年收到行政复议申请138件…" above the numbered plans: the
    paragraph is prose under its heading (not only a heading of the path), the plans are the items."""
    from corpus.pipeline import parse_text

    text = "\n".join([
        "栎阳县2024年度法治政府建设情况的报告",
        "一、2024年度主要举措和成效",
        "（一）行政执法质量持续提升。全年办理行政处罚案件4218件，评查案卷480卷。",
        "（二）行政权力制约监督持续加强。全年收到行政复议申请138件，纠错率14.8%。",
        "二、2025年工作打算",
        "（一）提高依法决策水平",
        "1.规范重大行政决策程序。年度目录于3月底前向社会公布。（县政府办公室牵头，县司法局配合）",
        "2.提升执法人员素质。全年组织执法人员轮训不少于2轮。（县司法局牵头）",
        "3.加强规范性文件备案审查。报备率保持100%。（县司法局负责）",
    ])
    items = parse_text(text, file="report.txt", locality="栎阳县").items
    prose = [i for i in items if i.kind == "prose" and "纠错率14.8%" in i.text]
    assert len(prose) == 1 and "2024年度" in prose[0].section_path
    plans = [i for i in items if i.kind in ("task", "point")]
    assert [i.lead_units for i in plans] == [("县政府办公室",), ("县司法局",), ()]


def test_a_category_column_beside_the_tasks_own_name():
    """任务类别 / 重点任务 / 具体内容: the category groups the rows; 重点任务 is the task's own name."""
    from corpus.tables import header_roles

    roles = header_roles("序号	任务类别	重点任务	具体内容	牵头单位	责任单位	完成时限".split("\t"))
    assert roles[1] == "category" and roles[2] == "text" and roles[3] == "text"
    # without a category column, 工作任务 beside 具体措施 is the group's category
    assert header_roles("序号	工作任务	具体措施	牵头单位".split("\t"))[1] == "category"
