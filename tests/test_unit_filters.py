"""Items filtered by how many units they list in a role (assistant.unit_filters), as askers say it."""
from __future__ import annotations

from assistant.unit_filters import clause_filters, count_filter, empty_filter
from corpus.types import TaskItem


def _item(lead=(), responsible=(), participating=(), n=1):
    return TaskItem(item_id=f"x{n}", doc_id="d", doc="d.txt", title="t", locality="某县", section=f"一、 {n}.",
                    section_path="一、", text="t", span=(n, n + 1), lead_units=lead, responsible_units=responsible,
                    participating_units=participating)


ONE, TWO, THREE = _item(lead=("a",)), _item(lead=("a", "b")), _item(lead=("a", "b", "c"))


def _kept(question, items=(ONE, TWO, THREE)):
    keep, said, *_ = count_filter(question)
    return [len(i.lead_units) for i in items if keep(i)], said


def test_the_count_and_its_comparison_in_either_order():
    assert _kept("乌县方案里,有几条的牵头单位不少于三家?") == ([3], "牵头单位有三家及以上")
    assert _kept("有几项的牵头单位正好是两个?") == ([2], "牵头单位正好有两家")
    assert _kept("绿园方案里牵头单位一栏写了3家的有几项?") == ([3], "牵头单位正好有三家")
    assert _kept("两个单位搭伙牵头的是哪几项?") == ([2], "牵头单位正好有两家")
    assert _kept("碧岑清单里两家单位并排当牵头的,数下来有几项?")[0] == [2]
    assert _kept("三个以上部门共同牵头的有哪些?")[0] == [3]
    assert _kept("有几条是好几家单位一起挂牵头的?")[0] == [2, 3]
    assert _kept("牵头单位超过两家的有几项?")[0] == [3]


def test_any_role_counted_when_only_单位_is_said():
    lone = _item(responsible=("县司法局",))
    pair = _item(lead=("a",), participating=("b",))
    keep, said = count_filter("只列了一个单位、由它自己负责落实的任务有几项?")
    assert keep(lone) and not keep(pair) and said == "只写了一个单位"
    keep, _ = count_filter("括号里只写了一个单位的是哪几条?")
    assert keep(ONE) and not keep(TWO)
    assert count_filter("这条有三个单位吗?") is None  # no 只/正好: not a filter
    # units besides one named are no count of the items'
    assert count_filter("县司法局和另外两家单位一起牵头的是哪项?") is None


def test_a_role_left_empty():
    keep, said = empty_filter("有没有哪条压根没写协办单位")
    assert said == "没有写协办单位" and keep(ONE) and not keep(_item(participating=("b",)))
    keep, said = empty_filter("有没有压根没括号的")
    assert keep(_item()) and not keep(ONE)
    assert empty_filter("没写牵头单位的有几项?") is None  # route_counts.NO_LEAD's, which names who is responsible


def test_each_clause_asked_is_a_filter_and_the_most_is_of_the_whole_document():
    pool = [ONE, TWO, THREE, _item(participating=("x", "y", "z", "w"), n=4)]
    found = clause_filters("有没有哪条压根没写协办单位?协办单位写得最多的是哪条、几家", pool)
    assert [said for _, said, *_ in found] == ["没有写协办单位", "协办单位最多(共4家)"]
    assert [i.section for i in pool if found[1][0](i)] == ["一、 4."]
    assert found[1][2].result == "4"  # the count computed, for the grounding check
    found = clause_filters("鹤汀那21条里头,括号里只写了一个单位的是哪几条?有没有压根没括号的", pool)
    assert len(found) == 2
    # "哪个单位牵头的最多" ranks units, not items
    assert clause_filters("哪个单位牵头的最多?", pool) == []


def test_a_unit_leading_alone_is_no_count_of_leads():
    assert count_filter("阜康市要点里市司法局自己一家牵头的有几项?") is None


def test_one_items_units_asked_are_no_filter_of_items():
    pool = [ONE, TWO, THREE]
    assert clause_filters("行政调解那条牵头单位有两家吧,都有哪些?", pool) == []
    assert len(clause_filters("三个以上部门共同牵头的有哪些?", pool)) == 1


def test_items_whose_units_leave_out_the_words_quoted():
    from assistant.unit_filters import left_out_filter

    keep, said = left_out_filter("单位括注中没把“各乡（镇）、街道”写进去的是哪几条？")
    with_towns = _item(responsible=("有关部门", "各乡(镇)、街道"))
    assert keep(ONE) and not keep(with_towns) and said == "单位中没有写所问单位"  # the asker's words are not the citations'
