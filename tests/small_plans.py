"""Small plans written for tests, and an assistant over them (hash-embedded, no LLM)."""
from __future__ import annotations

from assistant.core import Assistant


def assistant_over(tmp_path, **files: str) -> Assistant:
    """An assistant over small documents of its own (name -> text), hash-embedded, no LLM."""
    from index.ingest import document_from_file, ingest
    from index.service import open_searcher, open_store

    docs = []
    for name, text in files.items():
        (tmp_path / name.replace("_", ".")).write_text(text, "utf-8")
        docs.append(document_from_file(tmp_path / name.replace("_", ".")))
    store = open_store(str(tmp_path / "data"), embed_model="hash")
    ingest(store, store.embedder, docs, progress=False)
    return Assistant(open_searcher(tmp_path / "data", embed_model="hash"), llm=None)


# a county's task table: two leads per unit, a unit that only takes part, an item with no lead
TASK_LIST = ("泽宁县2025年法治政府建设重点任务分工表\n"
         "序号\t重点任务\t牵头单位\t配合单位\n"
         "1\t推行涉企行政检查“白名单”制度，年内覆盖企业不少于300家。\t县司法局\t县市场监管局\n"
         "2\t严格控制涉企检查频次，跨部门联合检查占比不低于30%。\t县司法局\t各乡镇\n"
         "3\t加强政务诚信建设，拖欠民营企业账款动态清零。\t县发展改革局\t县财政局\n"
         "4\t健全营商环境监督员制度，选聘监督员不少于40名。\t县发展改革局\t县司法局、县工商联\n"
         "5\t严肃查处损害营商环境问题，典型案例定期通报。\t县纪委监委\t县发展改革局、县司法局\n"
         "6\t深化乡镇综合行政执法改革，完成执法队规范化建设验收。\t—\t县司法局、各乡镇\n")


# a task list in two titled parts, each with its own header row and a time-limit column
SECTIONED_LIST = ("荪汀县2025年法治政府建设重点任务清单\n"
              "一、优化营商环境\n"
              "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
              "1\t推行涉企行政检查“白名单”制度，年内覆盖企业不少于300家。\t县司法局\t县市场监督管理局\t2025年12月\n"
              "2\t清理妨碍公平竞争的政策措施，公开率达到100%。\t县市场监督管理局\t县司法局\t2025年6月\n"
              "二、行政执法\n"
              "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
              "3\t开展行政执法案卷评查，全年评查案卷不少于60卷。\t县司法局\t各乡镇人民政府\t2025年12月\n"
              "4\t深化乡镇综合行政执法改革，完成执法队规范化建设验收。\t县委编办、县司法局\t各乡镇人民政府\t2025年10月\n"
              "5\t推行包容审慎监管，新增免罚事项不少于15项。\t县市场监督管理局\t县司法局\t2025年12月\n")
