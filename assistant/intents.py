"""What a question asks for, read from its wording: a unit's tasks, who leads or takes part in a
task, which document, a summary, a figure (rules, the first match wins; assistant.question_kinds
learns the same kinds from labelled questions, and assistant.understand weighs the two).
"""
from __future__ import annotations

import re

from assistant.topic import LEAD_WORDS
from corpus.units import LABELS

# "是县委组织部一家管吧?", "是不是县市场监管局负责?": a guess at who keeps a task, to be checked
_GUESSED_KEEPER = (r"(是|归)(不是)?[\u4e00-\u9fff()（）]{1,16}?(局|办|委|部|院|室|中心|政府|所|队|会|科|股|处|组|厅|站)"
                   r"(一家|单独|独家|自己)?(来)?(管|负责|主管|抓)(?!人)(的)?(吧|吗|么|嘛|呢|[?？]|$)")
# 主责单位 is responsible in a document that defines it so, but a person asking "主责部门是哪个" asks who leads
_OTHER_ROLE_WORDS = "|".join(sorted({w for w in LABELS["responsible"] if not w.startswith("主责")} | set(LABELS["participating"]),
                                    key=len, reverse=True))
# "我们是县市场监督管理局,", "我是市委编办的,", "我们苡林县政府办,": the asker names their unit first
SELF_INTRO = (r"(?:(?:(我们|咱们?|我)(是|这边是|单位是|单位)[^,，。?？]{2,24}|"
               r"(我们|咱们?)[^,，。?？]{2,20}?(局|办|委|院|部|中心|政府|办事处|所|队|科|股))的?[,，]|"
               # "我在县委网信办,…", "我市场监管局的,…": where the asker works, then the question
               r"(我们|咱们?|我)(在)?[^,，。?？是]{2,20}?(局|办|委|院|部|中心|政府|办事处|所|队|科|股)的?[,，]|"
               # "县金融服务中心问一下:…", "霁川的乡镇这边问下,…": the asker's unit, then 问一下
               r"^[^,，。?？:：]{2,20}?(局|办|委|院|部|中心|政府|办事处|所|队|科|股|乡镇|街道)(这边|这里)?"
               r"(问一下|问下|想问|咨询一下|请教一下)[,，:：])")
LEAD_ASK = re.compile(rf"{LEAD_WORDS}|[牵挑领]了?(哪些|哪几|几|多少)(个|项|条|件)?头")  # a unit_tasks question about what a unit leads
LIST_ASK = r"(哪些|哪几|啥|什么|几项|几条|几件|几处|多少项|多少条|多少件|多少处|有几个)"
TASK_WORDS = r"(任务|工作|事项|事情|事|活儿?|条目|项目|几项|几条|指标)"  # 指标: an assessment's items

# "这十几份材料里,哪几份是年度情况报告?": the documents of a kind (route_documents.documents lists them)
DOCUMENTS_OF_A_KIND = re.compile(r"(哪几份|哪些|几份)(材料|文件)?(是|属于|算)[^,，?？]{0,16}?(?P<kind>报告|方案|要点|清单|措施|分工表|台账)")

INTENT_PATTERNS = [  # order matters: the first match wins
    ("unit_tasks", re.compile(rf"({LEAD_WORDS}|负责|参与|参加|承担|配合|协办)[)”\"]*(了|干|做|抓|开展|承担|的)?(有|是|都有|都是)?{LIST_ASK}(?!单位|部门|机构){TASK_WORDS}?|"
                              rf"({LEAD_WORDS}|负责|参与|参加|承担|配合|协办)的{TASK_WORDS}(有|是|都有|一共|共)?({LIST_ASK}|多少|几)|"
                              rf"(我们|我|本|咱)(局|单位|部门|委|办)[^?？]{{0,12}}{LIST_ASK}|"
                              # "我们是县市场监督管理局,…我们牵头的都有哪些事?": the asker names their unit first
                              rf"{SELF_INTRO}(?=.{{0,50}}({LEAD_WORDS}|负责|参与|参加|承担|配合|协办|责任单位|配合单位))"
                              r"(?=.{0,50}(哪些|哪几|几项|几条|多少项|多少条))|"
                              r"[牵挑领]了?(哪些|哪几|几|多少)(个|项|条|件)?头|"  # 牵头 split by its object: "牵了哪些头"
                              # "挂了几项牵头任务", "哪些条款是X挂主办的": the tasks counted or listed by a role
                              rf"(几|多少|哪些|哪几)[项条个件]?({LEAD_WORDS}){TASK_WORDS}|"
                              rf"{LIST_ASK}(条款|{TASK_WORDS})[^?]{{0,20}}({LEAD_WORDS})的|"
                              # "跟我们有关的任务是哪几条?"
                              rf"(跟|和|与)(我们|咱们?|我|本单位|本局)(有关|相关)的{TASK_WORDS}|"
                              # "哪些活儿点了我们牵头?": the tasks first, the asker's role after
                              rf"{LIST_ASK}{TASK_WORDS}[^?]{{0,10}}(我们|咱们?|我|本)(单位|局|部门)?[^?]{{0,4}}({LEAD_WORDS}|负责|参与|配合)|"
                              # "市司法局当牵头(单独或者合牵)的占几成?": the share of the tasks it leads
                              rf"({LEAD_WORDS}|负责|配合|参与)[^?？,，]{{0,12}}的[^?？,，]{{0,6}}(占(了)?(几成|多少|百分之|比例|比重|全部|总数)|占比|比例|比重)|"
                              r"which tasks|what tasks", re.I)),
    ("responsible", re.compile(rf"{_OTHER_ROLE_WORDS}|还有哪些(部门|单位|科室)|涉及到?(哪些|哪几个?|哪几家)(部门|单位|科室)|哪些(部门|单位|科室)(要|来|需要|在)?(负责|配合|参与|参加|协办)|"
                               # "具体是哪些单位来落实?", "谁来承担?": who carries an item out
                               r"(哪些|哪几个?|哪几家)(部门|单位|科室)(具体)?(来|去|要|负责)(落实|承担|实施|执行|干|办)|谁(具体)?来(落实|承担|实施|执行|干|办)|"
                               r"(谁|哪些单位|哪些部门|哪几个单位|哪几家)(来|要|需要|负责)?(配合|协办|参与|参加|协助)|(配合|协办|参与|参加|协助)的?(是|有)?(谁|哪些|哪几)|(配合|协办|参与|参加|协助)[^,，。?？]{0,6}(部门|单位|科室)|"
                               # "执法大队要参与吗?", "司法所是负责还是配合?": a unit's part in one item
                               r"(要|需要|是否)(参与|参加|配合|协助|协办)(吗|么|[?？]|$)|(要不要|用不用|有没有)(参与|参加|配合|协助|协办)|"
                               r"是(负责|牵头)还是(配合|参与|负责)|"
                               # "这事落到哪些单位头上?": several units asked, so more than the lead
                               r"(落到|落在|交给|压到)了?(哪些|哪几个?|哪几家)(单位|部门)|"
                               # "那一条几个单位是怎么分工的?": the item's division, every role
                               r"(怎么|如何|怎样|是怎样|咋)(分工|分的工|分配)|分工(是|情况)?(怎么|如何|怎样|咋)|"
                               # "除了市司法局,点名要负责的还有谁?": the units besides one named
                               r"除了牵头|除了[^?]{1,24}还有(谁|哪些|哪几|哪家)|responsible units?|participat|"
                               # "括号里排第一的是司法局,后面还有哪些?": the others of the note
                               r"(后面|其余|剩下|其他)的?(还有|还|是|有)+(哪些|哪几|谁|哪家)|"
                               # "市司法局之外还点名了哪些负责单位?": 之外 / 以外 say 除了
                               r"(之外|以外)[,，]?(还|另外)?(点名了?|列了?|写了?|有)?(哪些|哪几|谁|哪家)|"
                               # "…按职责分工负责的有哪些单位?": the units of an item, several asked
                               r"(负责|点名|列了|写了)的?(都|还|一共|总共)?(有|是|包括)(哪些|哪几个?|哪几家)(单位|部门|机构)|"
                               # "负责单位包括哪些?", "负责的部门有谁?": people say 负责单位 for the
                               # documents' 责任单位; several asked, so more than the lead
                               r"负责的?(单位|部门|机构)(都|还)?(有|是|包括|含)?(哪些|哪几|谁)|"
                               # "负责落实的是不是A加B?", "我们也在责任单位里吗?": a check of who carries it out
                               r"(负责落实|负责|落实|责任单位|责任部门|配合单位|协办单位)的?(单位|部门)?(是不是|是否|算不算|有没有)|"
                               r"在(责任|配合|协办|参与)(单位|部门)(里|中|之列|名单)|"
                               # "…那项,单位栏写的是谁?": the item's unit column, whatever its roles
                               r"(单位|部门)(一?栏|那一?栏)(里|上)?(写|填|列|注)了?的?(是|有)?(谁|哪|啥|什么)", re.I)),
    # "哪个单位要是拖了后腿,会有什么后果?" asks what follows, not who: no unit intent
    ("other", re.compile(r"(什么|啥|哪些)(后果|处理|处分)|会(怎么样|怎样|如何)|(怎么|如何)(处理|问责|追责)")),
    ("lead", re.compile(rf"{LEAD_WORDS}|[牵挑领带打]的头|{_GUESSED_KEEPER}|谁(来)?负责|由谁|归谁|落到谁|谁(的)?(头|身)上|(责任|落实|负责)(?!人)[^，,。？?]{{0,6}}在谁|谁(来)?落实|谁(来)?管|谁(来)?抓|谁来|谁的(活|事|工作|任务)|找谁|"
                        # (not "…是哪个单位发的?": who issued the document)
                        r"哪个(单位|部门|科室?|股室?|处室?|机构)(?!(印|下)?发的|发布的|出的)|(科室|股室|处室)是哪(个|一个)|哪家(?!的(材料|文件|方案|报告|要点|安排))|主管|\blead|in charge|who (is )?responsible|"
                        r"主導|担当|どの(部門|部署|機関)|주관|담당", re.I)),
    ("doc_info", re.compile(r"(文件|工作要点|要点|方案|报告|工作安排|清单|措施|分工表)(是|为)?(哪一年|哪年|哪个年度)|"
                            r"(文件|工作要点|要点|方案|报告|工作安排|清单|措施|分工表)是什么时候(的|发的|印发的|出的)|(文件|材料)的?(标题|名称|全称|题目)|"
                            r"文号|发文(单位|机关|日期|字号)|谁(发|印发|出)的|哪个(单位|部门|机关)(发|印发)的|(什么时候|何时|哪天|哪一天|几月几[号日]?|几号)(印发|发布|下发|签发|发|出)的|"
                            r"(谁|哪[两几些]?家|哪(个|几个|些)(单位|部门|机关))(联合|一起|共同)(发|印发|下发|发布|制定)的?|"
                            r"收录了?(哪些|几份|多少份?)(文件|材料)|which documents|"
                            r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d+号.{0,6}(是|指)?(个|一份)?(啥|什么|哪个|哪份)|"
                            r"是(个|一份)?(啥|什么)(文件|材料)|(什么|啥)(性质|类型|状态)的(文件|材料)|"
                            # the documents of a kind: "这十几份材料里,哪几份是年度情况报告?"
                            + DOCUMENTS_OF_A_KIND.pattern + "|"
                            # what kind of text it is: "那个方案是正式印发稿吗?", "是不是征求意见稿?"
                            r"(文件|要点|方案|报告|安排|清单|分工表)[^,，?？]{0,4}(是|算)(不是)?(正式(印发|发布|出台)?的?(稿|版|文件|文本)?|征求意见稿|草案|送审稿|讨论稿|定稿)|"
                            # whom a document goes to (主送), asked of the document
                            r"(文件|要点|方案|报告|安排|清单|分工表?|通知)的?(是)?(发|报|送|下发|印发|报送)(给|到)(谁|哪)|主送|"
                            r"落款|"
                            # "这份要点是依据什么文件制定的?": what the document rests on
                            r"(文件|要点|方案|报告|安排|清单|措施|分工表)[^?,]{0,6}(根据|依据|按照|依照|按)[^?,]{0,10}(哪个|哪份|什么|啥)(文件|精神|要求)", re.I)),
    ("which_doc", re.compile(r"哪(个|份|一份)(地方|文件|材料|方案|报告|县|市|区|州)|哪里(提|要求|规定)|(出自|来自|是)(谁家|哪家|哪里|哪儿)|谁家的(文件|材料)|which (document|place|county|city)", re.I)),
    ("summary", re.compile(r"有哪些(任务|措施|要求|安排|工作)|哪几项|哪些(任务|方面|措施|要求)|主要内容|概括|总结|"
                           r"(方面|上)有什么安排|summar|what measures", re.I)),
    ("number", re.compile(r"多少|(?<!哪)几[个项次轮届年天期名人家大件条份批类户所支场位起篇部台]|几月|哪个月|哪一?年(?!度)|多久|多长|(什么|啥)时(候|间)|何时|多会儿?|哪会儿|哪天|哪几天|哪些天|[几多]号|比例|百分之|学时|时限|期限|"
                          r"how (many|much|long|often)|when|deadline|percent", re.I)),
]


def detect_intent(text: str, skip: tuple[str, ...] = ()) -> str:
    for name, pattern in INTENT_PATTERNS:
        if name not in skip and pattern.search(text) and not (name == "doc_info" and CITED_DOCUMENT.search(text)):
            return name
    return "other"


# a document an item cites, named by a higher issuer ("贯彻的是国务院办公厅哪个意见?文号是多少"): its
# title and number are in the item's text, not in the plan's own fields
CITED_DOCUMENT = re.compile(r"(国务院|国办|中共中央|中办|党中央|中央|[省部]委?|自治区|上级)(办公厅)?[^,，?？]{0,6}"
                            r"(哪个|哪份|哪一个|什么|啥)(意见|通知|文件|办法|规定|决定|条例|方案|纲要)")
