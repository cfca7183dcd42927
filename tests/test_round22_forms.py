"""Ordinary forms of round 22 (plans modelled on real published pages): a reprint whose sections are
one paragraph each, a plan printed in a newspaper (dated by its masthead, placed by the issuers
printed under its title), a portal's 发文日期 beside its 发布日期, a leader named by post and name as the guessed lead,
and a share said in words (三分之二) as the value asked (hash index, no LLM)."""
from __future__ import annotations

from corpus.flat_lines import restore_numbered_breaks
from corpus.metadata import read_metadata
from corpus.pipeline import parse_text
from tests.small_plans import assistant_over

RUN_ON = ("苈江市2026年法治政府建设重点任务清单\n"
          "市政府各部门：《苈江市2026年法治政府建设重点任务清单》已经市政府同意，现印发给你们，请认真贯彻执行。"
          "苈江市人民政府办公室二〇二六年三月十六日苈江市2026年法治政府建设重点任务清单为深入推进依法行政，制定本清单。"
          "一、政府职能依法全面履行（一）权责清单管理。1.动态调整市、镇两级权责清单，调整情况于每年6月底前向社会公布。"
          "（牵头单位：市委编办；配合单位：市直各部门）2.编制公布镇（街道）履行职责事项清单，清单事项实行动态管理。"
          "（牵头单位：市委编办、市司法局）（二）政务服务。3.推进政务服务标准化，高频事项“最多跑一次”比例达到99%。"
          "（牵头单位：市政务服务数据管理局）4.推行证明事项告知承诺制，不得索要无法律法规依据的证明材料。（责任单位：市直各部门）\n"
          "二、依法行政制度体系完备（一）规范性文件管理。5.严格执行规范性文件合法性审核，公开征求意见期限不少于30日。"
          "（牵头单位：市司法局）6.涉及群众切身利益的重大行政决策一律召开听证会，群众代表不少于三分之二。（牵头单位：市政府办公室）\n")


def test_a_reprint_run_together_is_cut_before_its_numbers_in_sequence():
    lines = restore_numbered_breaks(RUN_ON.split("\n"))
    assert "苈江市人民政府办公室" in lines and "二〇二六年三月十六日" in lines  # the signature cut out
    assert any(ln.startswith("2.编制公布") for ln in lines) and any(ln.startswith("5.严格执行") for ln in lines)
    assert any(ln.startswith("（二）政务服务。") for ln in lines)
    assert not any(ln.startswith(("99%", "30日")) for ln in lines)  # a figure is no number of an item
    tasks = [i for i in parse_text(RUN_ON, file="plan.txt").items if i.kind == "task"]
    assert [(i.item_no, i.lead_units) for i in tasks] == [
        (1, ("市委编办",)), (2, ("市委编办", "市司法局")), (3, ("市政务服务数据管理局",)), (4, ()),
        (5, ("市司法局",)), (6, ("市政府办公室",))]


def test_ordinary_paragraphs_are_left_as_they_are():
    text = ("（一）加强组织领导。各单位要高度重视，主要负责人亲自抓。2.明确分工。各部门要按职责推进。" * 3)
    assert restore_numbered_breaks([text]) == [text]  # short of a reprint's length: one paragraph


NEWSPAPER = """苈州日报 2026年6月3日 星期三 第1版 要闻
法治苈州建设规划（2026—2030年）
中共苈州市委　苈州市人民政府印发
为深入贯彻习近平法治思想，结合苈州实际，制定本规划。
一、深入学习宣传贯彻习近平法治思想
（一）深入学习贯彻习近平法治思想
1. 把习近平法治思想纳入市委理论学习中心组年度学习计划。
2. 将习近平法治思想列为市委党校主体班次必修课。
（牵头单位：市委宣传部、市委依法治市办；责任单位：市直各部门）
（二）强化宪法学习宣传教育
1. 认真组织做好每年“宪法宣传周”宣传活动。
2. 在全市建成宪法学习宣传教育基地不少于3个。
（牵头单位：市委宣传部、市司法局；责任单位：市教育局）
二、完善地方法规规章制度体系
（一）完善地方立法工作格局
1. 健全市委常委会审定立法规划的工作制度。
2. 建立基层立法联系点，到2028年达到15个。
（牵头单位：市人大常委会法工委；责任单位：市司法局）
（二）加强规范性文件备案审查
1. 规范性文件报备率达到100%。
2. 每两年开展一次规范性文件专项清理。
（责任单位：市司法局）
"""


def test_a_plan_printed_in_a_paper_is_dated_and_placed_by_its_head():
    meta = read_metadata(NEWSPAPER)
    assert (meta.locality, meta.date) == ("苈州市", "2026-06-03")  # not 法治苈州, a 州
    assert meta.issuer.startswith("中共苈州市委")


def test_a_portal_dates_a_document_by_its_issue_not_its_posting():
    meta = read_metadata("名称: 关于印发苈塘县实施方案的通知\t发布日期: 2026年05月12日\n有效性: 有效\t发文日期: 2026年04月09日\n"
                         "苈塘县提升行政执法质量三年行动实施方案\n")
    assert meta.date == "2026-04-09"


def test_a_notice_heading_without_guanyu_names_the_plan():
    meta = read_metadata("# 印发《苈江市2026年法治政府建设重点任务清单》的通知\n\n发布部门：市政府办公室\n")
    assert meta.title == "苈江市2026年法治政府建设重点任务清单"


def test_a_share_in_words_answers_and_a_leader_by_name_is_no_unit(tmp_path):
    a = assistant_over(tmp_path, plan_txt=RUN_ON, notes_txt=(
        "苈溪市法治政府建设规划\n一、深化改革\n1.深化行政审批制度改革，推行告知承诺制。\n"
        "牵头市领导：市委常委、常务副市长韦启明\n牵头单位：市行政审批局\n责任单位：市直有关部门\n"
        "2.推进政务公开，依申请公开按期答复率100%。\n牵头单位：市政府办公室\n"
        "3.规范行政执法，执法案卷评查每年1次。\n牵头单位：市司法局\n"))
    text = a.answer("苈江规定重大行政决策听证会上群众代表至少要占多大比例？").text
    assert "三分之二" in text, text
    text = a.answer("苈溪市规划里深化行政审批制度改革那条，是常务副市长韦启明牵头的吧？").text
    assert "市行政审批局牵头" in text and "不是单位" in text, text
