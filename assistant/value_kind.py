"""What kind of value a question asks for, and whether the evidence can hold one.

Plans state targets and rules; they rarely state money, and never what was actually achieved.
A question asking for an amount of money, a ranking, or an actual result of a plan is answered
only when a cited sentence holds that kind of value; otherwise it is not_found, with the nearest
rule quoted as context ("文件没有写明…;相关的规定是:…"), instead of a nearby sentence that looks
like an answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import sentences


@dataclass(frozen=True)
class ValueKind:
    name: str
    asks: re.Pattern  # the question asks for it
    holds: re.Pattern  # a sentence that can answer it
    missing: str  # what the documents do not state, for the reply


# which leader is in charge ("是哪位县领导分管的?", "分管领导是谁"; 谁挂帅 asks who leads): also how understand knows
# a question about one task's leader is answered from its unit note
LEADER_ASK = re.compile(r"哪(位|个)[\u4e00-\u9fff]{0,3}领导|(分管|牵头|主管)[\u4e00-\u9fff]{0,2}领导(是|为)?(谁|哪)|谁(来)?(分管|主管)")

KINDS = (
    # (and what is counted in money: 追回多少欠薪, 罚没多少罚款)
    # an amount asked, not a topic that names money ("经费、装备保障那一项归哪个单位管?", "对多少个
    # 部门开展预算执行审计?": a count of what 多少 counts)
    ValueKind("money", re.compile(r"多少钱|钱[^?？,，。]{0,6}(多少|几)|投入了?多少|花了?多少|多少万|补贴多少|奖励多少|"
                                  r"(经费|资金|预算|拨款|拨付|金额|款项)[^?？,，。]{0,8}(多少|几)|(多少|几)(?![个家项名次件条人所批场])[^?？,，。]{0,6}(经费|资金|预算|拨款|金额)|"
                                  r"多少(欠薪|工资|罚款|罚没款|赔偿金?|补偿款?|奖金|税款|费用)|"
                                  # "能拿到多少奖励?": an amount, asked the other way round
                                  r"(多少|几)[^?？,，]{0,2}(奖励|奖金|补贴|补助|报酬)"),
              re.compile(r"\d+(\.\d+)?\s*(万|亿)?元|[一二三四五六七八九十百千万亿两]+元"), "金额"),
    ValueKind("rank", re.compile(r"排第几|排名|第几名|名次|排在第|排位|位次|得分最|分数最|"
                               # who came first ("考核谁排第一?"); "排第一的有几条" counts units listed first
                               r"(谁|哪个[\u4e00-\u9fff]{0,4}|哪家)排在?第[一二三\d]|第一名|头名|拿了?第一|(最高|最低)分"),
              re.compile(r"第[一二三四五六七八九十\d]+[名位]|排名第|位居|名列|排在第|跃居|位列"), "排名"),
    # which places ("那12个乡镇都叫啥名?"): a plan counts them ("全县12个乡镇"), it seldom lists them
    ValueKind("places", re.compile(r"(乡镇|乡|镇|街道|村|社区|县市|县区|园区)[^?,]{0,3}(都|分别|各)?(叫|是)(啥|什么|哪些|哪几个)(名字?)?|"
                                   r"(哪|哪几|哪些)个?(乡镇|街道|村|社区)"),
              re.compile(r"[\u4e00-\u9fff]{1,5}(乡|镇|街道|村|社区)[、和][\u4e00-\u9fff]{1,5}(乡|镇|街道|村|社区)"), "具体名称"),
    ValueKind("name", re.compile(r"叫什么(名字)?|叫啥名字?|什么名字|(名字|名称)(是|叫)(什么|啥)|名称叫|全称是|标题是什么|题目是什么|"
                                 r"(是|指)(个|一个|哪个|哪一个)(什么|啥)?项目"),
              re.compile(r"《[^》]{2,}》|“[^”]{2,}”"), "名称"),
    # who heads a body: a role ("以政府主要领导为组长") or a person the document names
    ValueKind("head", re.compile(r"(组长|副组长|主任|负责人|牵头领导)(是|由|叫)?谁|谁(当|任|担任|来当)(组长|副组长|主任)"),
              re.compile(r"(为|任|担任|由)[^。;；]{0,12}?(组长|主任)|(组长|主任)(为|由|是)|同志"), "负责人是谁"),
    # which units were picked for something: a plan often says only "选择部分执法部门开展试点"
    ValueKind("units", re.compile(r"(选|定|挑|确定|试点)[^,?]{0,4}哪(几|些)个?(部门|单位|乡镇|街道)"),
              re.compile(r"(县|市|区|州|乡|镇|省|自治区)[\u4e00-\u9fff]{1,10}?(局|委员会|委|办公室|办|院|所|中心|队|站)"),
              "具体是哪些单位"),
    # who the people are ("那50名监督员都有谁?", "法律顾问团都有哪些人?"): a plan gives a number, no names
    ValueKind("persons", re.compile(r"(员|代表|委员|专家|顾问|律师|成员)[团组队库]?(都|分别)?(有|是)(谁|哪些人)|"
                                    r"(员|代表|委员|专家|顾问|律师|成员)的?名单|姓名|叫什么名字|"
                                    # "具体有哪些专家,能给个名单吗": a list of people asked for outright
                                    r"(给|要|列|开)(个|一份|一下|出)?名单|名单(吗|呢|有没有)|"
                                    # "分管副县长是哪位,姓啥叫啥?": a person's own name, not a post
                                    r"姓(啥|什么)|叫(啥|什么)名|(是|叫)哪位同志"),
              re.compile(r"同志|名单(如下|附后)|[\u4e00-\u9fff]{2,3}(先生|女士)"), "具体人员名单"),
    # a total of people ("全市持证执法人员一共多少人?"): a figure each post or unit must have ("各执法
    # 岗位…保证3名", "每个司法所不少于2名") is not a total
    ValueKind("people_total", re.compile(r"(一共|总共|共有|总数|合计|全[市县州区旗]|全部)[^?？,，]{0,14}(多少|几)(名|个?人)(?!民)|"
                                         r"(人数|人员)总数(是|有)?(多少|几)"),
              re.compile(r"(^|[,，;；。:：])[^,，;；。:：各每]*?\d+\s*(余|多)?\s*(名|人)"), "总人数"),
    # the members of a group the document counts ("那26个试点领域具体是哪些?", "“三四五”具体是哪三、
    # 哪四、哪五?"): answered only by a sentence that lists them (包括…、…, …、…等3个, (…、…)); without a
    # count, "具体指哪些方面?" asks what a term covers, which a sentence explains without a list
    ValueKind("members", re.compile(r"(\d+|[两三四五六七八九十]+)(个|名|项|家|类|件|条|张|种|份|本)[^?？]{0,20}"
                                    r"((具体|分别|都)?(是|指|包括|在)|(具体|分别|都)有)(哪些|哪几)|"
                                    r"哪[一二三四五六七八九十]、?哪[一二三四五六七八九十]|是哪(\d+|[两三四五六七八九十]+)(个|名|项|家|类|件|条|张|种|份|本)|"
                                    # "…3个乡镇和5个县直部门，名单点出来了吗？分别是哪几家": the members asked
                                    # alone in a last question
                                    r"(\d+|[两三四五六七八九十]+)(个|名|项|家|类|件|条|张|种|份|本)[^?？]{0,20}[?？]"
                                    r"(具体|分别|都)(是|有)(哪些|哪几)(家|个|项|类|名)?[?？]?$"),
              re.compile(r"(包括|包含|分别(是|为)|即|如下|[:：])[^。;；]{0,30}、|、[^。;；、]{1,12}等[^。;；、\d]{0,8}?[\d一二三四五六七八九十]+[个项类种大张条家名件]|"
                         # "政务网、物联网、视联网三网融合": the members listed, then their count
                         r"、[^。;；、\d]{1,12}?[两三四五六七八九十\d]+[\u4e00-\u9fff]|"
                         r"[(（][^()（）]{0,30}、[^()（）]{0,30}[)）]|"
                         # named one by one by their titles ("贯彻落实《…规则》…贯彻落实《…办法》")
                         r"《[^》]{2,40}》[^《]{0,120}《[^》]{2,40}》"), "具体包括哪些"),
    # which leader is in charge of a task ("是哪位县领导分管的?"): only a task that names one (分管县领导:
    # 副县长X, 牵头领导:县长) can say; most name units only
    ValueKind("leader", LEADER_ASK,
              re.compile(r"领导|[县市区州旗]长|书记|同志"), "分管或牵头的领导"),
    # which firm builds or serves ("由哪家公司承建?", "中标单位是谁?"): a plan names the bodies that
    # lead and take part, not its contractors
    ValueKind("company", re.compile(r"(哪(家|些|几家)[\u4e00-\u9fff]{0,3}|哪个)(公司|企业|厂商|厂家|供应商|服务商|律师事务所|律所|第三方|中介机构|评估机构|咨询机构)|"
                                    r"(承建|中标|开发|运维|供应)(单位|方|公司|商|企业)(是|为)?(谁|哪)|"
                                    r"(谁|哪家)[^?？,，]{0,4}(承建|中标|开发的|运维的)"),
              re.compile(r"公司|有限责任|集团|律师事务所|中标|承建|委托[^。；;，,]{0,10}(第三方|机构)"), "承建、委托或服务的企业、机构"),
    # how to reach someone ("司法局的联系电话是多少?"): plans name units, seldom their numbers
    ValueKind("contact", re.compile(r"电话|联系方式|联系人|手机号|邮箱|办公地址|地址在哪|网址是|热线号码|在哪办公"),
              re.compile(r"\d{3,4}-\d{7,8}|(?<!\d)1\d{10}(?!\d)|@|www\.|https?://|地址[:：为]|位于"), "联系方式"),
    ValueKind("people", re.compile(r"(多少|几个?)人(?!民)|人数|多少名|编制(是|有)?多少|配备?了?多少|"
                                   # "每个队要配多少执法人员?": a count of a kind of staff
                                   r"多少[\u4e00-\u9fff]{0,4}(人员|干部|民警|队员|律师|调解员|网格员|志愿者|工作人员)"),
              re.compile(r"\d+\s*(余|多)?\s*(名|人)|[一二三四五六七八九十百千两]+(名|人)"), "人数"),
)
# "what was actually done" asked of a plan: a plan states what is to be done
_ACTUAL = re.compile(r"(实际|已经|目前|现在|截至目前|到目前为止)(?!过去|过了).{0,14}(多少|几[个项家件次名人所天日年月周]|怎么样|如何|哪些|哪几)|"
                     # "清理完,最后废止了几件?": what came out of a task, counted
                     # (结果 as a word of its own: not the 结果 of "抽查结果公示率定了多少")
                     r"(最后|最终|(?<![\u4e00-\u9fff])结果)(?!一)[^,?]{0,10}了(多少|几[个项家件次名人所条]|哪(几|些)[个项家件次名人所条]?)|"
                     # "两次都调完了没有?", "现在清理完了吗?": whether it is done by now
                     r"[\u4e00-\u9fff]完了?(没有?|吗|么|没)[?？]?$|(现在|目前|如今|眼下)[^,，?？]{0,20}(了没有?|了吗)[?？]?$|"
                     r"完成了多少|完成得怎么样|落实得怎么样|效果如何|取得了?(哪些|什么)成效|做了多少|办了多少|办结了多少|"
                     # "最后创成…了吗?": whether the target was met
                     r"(最后|最终|到底)(有没有|是否)?.{0,24}(了吗|了没有?|没有)|(有没有|是否已经?)(完成|实现|创成|建成|达到|达标)|"
                     # "评上…了吗?": whether an honour aimed at was won
                     r"(评上|评为|获评|获得|拿到|入选|创成|建成|通过验收|验收通过).{0,24}(了吗|了没有?)[?？]?$|"
                     r"(有没有|是否)(评上|获评|入选|拿到)|"
                     # "联合执法搞够12次没有?": whether a count aimed at was reached
                     r"(够|达到|完成|满)了?[^,，?？]{0,10}(没有?|了吗|了没有?)[?？]?$|"
                     # "一共查处了多少案件?": a count of what was done (a plan's items only set targets)
                     r"(查处|处理|办理|调解|培训|清理|审核|评查|受理|审结|检查|查|公开|化解|立案|处罚)了(多少|几|哪些|哪几)")
_REPORT_KINDS = ("报告", "总结", "情况")


# "责任单位包含各镇、街道办的是哪些?" asks which items give the towns a role, not their names or
# the members of a group
_ROLE = re.compile(r"责任单位|牵头|配合|协办|负责|参与")


def asked_kind(question: str) -> ValueKind | None:
    for kind in KINDS:
        if kind.asks.search(question) and not (kind.name in ("places", "members") and _ROLE.search(question)):
            return kind
    return None


def asks_actual_result(question: str) -> bool:
    return bool(_ACTUAL.search(question))


def holds(kind: ValueKind, items, question: str = "") -> bool:
    """A cited sentence can hold the value; a name only in the clause that says the thing named
    ("力争创成省级…示范项目1个" names no project, though “三项制度” is quoted two clauses before)."""
    obj = _NAMED_THING.search(question) if kind.name == "name" else None
    if obj:
        thing = obj.group("thing") or obj.group("thing2")
        for item in items:
            for s in sentences(item.text):
                clauses = _CLAUSE.split(s)
                # the clause that says it, and the one after ("制定规章2个,即《…》《…》")
                if any(thing in c and kind.holds.search("".join(clauses[n:n + 2])) for n, c in enumerate(clauses)):
                    return True
        return False
    # (a task's own fields count: a 牵头领导 column holds the leader its text never names)
    # (members named one by one may be so in sentences of their own: the item's whole text for them)
    whole = kind.name == "members"
    return any(kind.holds.search(s) for item in items
               for s in [*sentences(item.text), getattr(item, "units_raw", ""), *([item.text] if whole else [])])


# the thing whose name is asked: "是个什么项目" -> 项目, "那两个规章叫什么名字" -> 规章
_NAMED_THING = re.compile(r"(?:是|指)(?:个|一个|哪个|哪一个)(?:什么|啥)?(?P<thing>项目)|"
                          r"(?P<thing2>[\u4e00-\u9fff]{2})(?:都|分别|具体)?(?:叫什么|叫啥|的名字|的名称|名称)")
_CLAUSE = re.compile(r"[,，;；:：]")


def is_plan(item) -> bool:
    """A task of a plan, or a report's point under its plans for the coming year (四、2025年度…主要安排)."""
    if item.kind not in ("task", "point", "prose") or item.status or "\n进展情况:" in item.text:
        return False  # a ledger's row says how it stands: its 进展情况 is what was actually done
    # (a plan's prose that sets an aim, its 总体要求 or 工作目标, aims as its tasks do; a report's
    # prose says what was done)
    if item.kind == "prose" and not _AIM.search(item.text):
        return False
    name = item.doc_kind or item.title
    report = any(k in name for k in _REPORT_KINDS)
    if not report and not any(k in name for k in _PLAN_KINDS) and not _WILL.search(item.text):
        return False  # a page whose title says no kind (a news item, a report cut off) and whose item
        # says nothing is to be done tells what was done
    return not report or (item.kind != "prose" and bool(_PLANS.search(item.section_path)))


# what a plan's title calls it; and the modal words of work still to do
_PLAN_KINDS = ("方案", "要点", "规划", "计划", "意见", "安排", "办法", "措施", "清单", "分工", "任务", "目录",
               "通知", "纲要", "决定", "规定", "细则", "制度", "指标")
_WILL = re.compile(r"(?<![主重需纪摘提])要(?!求)|应当|应该|须|力争|确保|争取|将于|将要|计划|拟")


_AIM = re.compile(r"争创|力争|确保|目标|到20\d{2}年")


# a report's section of plans: 工作打算, 主要安排, 工作计划, 下一步工作 (not 安排落实情况)
_PLANS = re.compile(r"(打算|安排|计划|思路|下一步)(?![^>]{0,8}(情况|成效|落实))")


def missing_reason(question: str, items) -> str:
    """Why the cited items cannot answer, or "" when they might."""
    kind = asked_kind(question)
    if kind and not holds(kind, items, question):
        return f"文件没有写明{kind.missing}"
    if asks_actual_result(question) and items and all(is_plan(i) for i in items):
        return "文件是工作计划,只写了要做什么和目标,没有写实际完成情况"
    return ""
