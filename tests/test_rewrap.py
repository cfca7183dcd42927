"""Text copied out of a PDF viewer, one visual line per line: rejoined into paragraphs."""
from __future__ import annotations

from corpus.clean import clean
from corpus.pipeline import parse_text

PARAGRAPHS = [
    "泽宁县人民政府办公室关于印发泽宁县2025年法治政府建设工作要点的通知",
    "泽政办发〔2025〕6号",
    "各乡镇人民政府，县政府各部门：",
    "《泽宁县2025年法治政府建设工作要点》已经县政府同意，现印发给你们，请认真贯彻落实。",
    "泽宁县人民政府办公室",
    "2025年3月12日",
    "泽宁县2025年法治政府建设工作要点",
    "一、深化行政执法体制改革",
    "1.推进乡镇综合行政执法规范化建设。年内完成对下放乡镇的42项执法事项承接情况评估，每个村（社区）明确1名执法联络员。（县委编办牵头，县司法局、各乡镇人民政府配合）",
    "2.规范涉企行政检查。推行“综合查一次”，同一部门对同一企业的年度行政检查原则上不超过2次，涉企现场检查次数同比下降15%以上。（县司法局牵头，县直各行政执法部门配合）",
    "二、加强行政复议和应诉工作",
    "3.发挥行政复议主渠道作用。行政复议案件法定期限内审结率达到100%，对案情复杂的案件举行听证审理不少于5件。（县司法局负责）",
    "4.提高行政应诉质量。行政机关负责人出庭应诉率保持100%，行政诉讼败诉率控制在5%以下。（县司法局牵头，县直各部门配合）",
    "5.推进与镇（街道）综合行政执法队执法协作。年内开展联合执法行动不少于12次，纳入“白名单”的企业不少于100家。（县综合行政执法局牵头，县市场监管局配合）",
]


def _wrapped(paragraphs: list[str], width: int = 30, page_lines: int = 12) -> str:
    """Cut every paragraph at `width` characters; a page number and a running header every
    `page_lines` lines, as a PDF viewer's copy leaves them."""
    lines, page = [], 1
    for para in paragraphs:
        for k in range(0, len(para), width):
            lines.append(para[k:k + width] + (" " if k % 60 == 0 else ""))
            if len(lines) % (page_lines + 2) == page_lines:
                lines += [f"- {page} -", "泽宁县2025年法治政府建设工作要点"]
                page += 1
    return "\n".join(lines)


def test_a_wrapped_text_reads_as_its_paragraphs():
    doc = parse_text(_wrapped(PARAGRAPHS), file="zening.txt")
    by_number = {i.item_no: i for i in doc.items if i.item_no}
    assert sorted(by_number) == [1, 2, 3, 4, 5]
    assert "每个村（社区）明确1名执法联络员" in by_number[1].text  # a bracket mid-sentence goes on
    assert by_number[1].lead_units == ("县委编办",)
    assert by_number[1].participating_units == ("县司法局", "各乡镇人民政府")
    assert "法定期限内审结率达到100%" in by_number[3].text  # a figure cut by the wrap reads whole
    assert "纳入“白名单”的企业不少于100家" in by_number[5].text  # a closed quote ends no sentence
    assert by_number[5].lead_units == ("县综合行政执法局",)
    assert not any("- 1 -" in i.text or "工作要点" in i.text for i in by_number.values())  # page furniture gone
    assert doc.doc.doc_no == "泽政办发〔2025〕6号" and doc.doc.date == "2025-03-12"


def test_a_text_with_a_paragraph_per_line_is_left_as_it_is():
    text = "\n".join(PARAGRAPHS)
    assert clean(text) == clean(text, plain_text=False)


def test_only_a_text_files_lines_can_be_wrapped_lines():
    wrapped = _wrapped(PARAGRAPHS)
    assert len(clean(wrapped).splitlines()) < len(clean(wrapped, plain_text=False).splitlines())


def test_run_in_points_go_on_only_where_they_ran_in():
    report = [
        "某县2024年度法治政府建设情况报告",
        "一、主要工作",
        # 31 characters up to 二是: the wrap falls right after a sentence's end
        "（一）多元化解矛盾纠纷。一是发挥行政复议主渠道作用。全年五件。二是提升行政应诉水平。全县一审行政诉讼案件64件，"
        "行政机关负责人出庭应诉64件，出庭应诉率100%；败诉3件，败诉率4.7%。三是加强调解工作。全县调处行政调解案件1218件。",
        "（二）自觉接受监督，规范行政权力运行。一是主动接受人大监督和政协民主监督。办理县人大代表建议137件、县政协委员提案"
        "162件，办复率均达到100%。二是全面推进政务公开。主动公开政府信息4236条，依申请公开按期答复率100%。",
        "二、2025年工作安排",
        "2025年，重点做好以下工作：",
        "一是持续优化法治化营商环境，涉企行政检查次数再压减10%以上，全面推行。（责任单位：县司法局）",
        "二是提升乡镇综合行政执法能力，组织乡镇执法人员集中培训不少于40学时。（责任单位：县委编办）",
        "三是加强行政复议和行政应诉工作，力争行政复议纠错率下降至10%以内。（责任单位：县司法局）",
    ]
    lines = clean(_wrapped(report, width=31, page_lines=40)).splitlines()
    # the first section's points ran in after its heading: one paragraph again
    assert any(ln.startswith("（一）多元化解") and "二是提升行政应诉水平" in ln for ln in lines)
    # the plans each started a line of their own: they stay apart
    assert sum(ln.startswith(("一是持续", "二是提升乡镇", "三是加强")) for ln in lines) == 3


def test_a_page_copied_with_a_blank_line_after_every_line_reads_as_single_spaced():
    from corpus.clean import _single_spaced

    lines = [f"第{n}行" for n in range(12)]
    spaced = [x for ln in lines for x in (ln, "")]
    assert _single_spaced(spaced) == lines
    with_break = spaced[:8] + ["", ""] + spaced[8:]  # a paragraph break: several blank lines stay as one
    assert _single_spaced(with_break) == lines[:4] + [""] + lines[4:]
    assert _single_spaced(lines[:6] + [""] + lines[6:]) == lines[:6] + [""] + lines[6:]  # single-spaced: as is
