"""Every gold record is well formed and every quote is an exact substring of its document."""
from __future__ import annotations

import pytest

from corpus.parse import documents_dir
from eval.gold import TYPES, load_set

SETS = {"dev": load_set("dev"), "own": load_set("own")}


@pytest.mark.parametrize("name", sorted(SETS))
def test_records_are_well_formed(name):
    questions = SETS[name]
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert q.question.strip() and q.type in TYPES
        if q.type == "unanswerable":
            assert not q.must_include
        else:
            assert q.must_include and q.sources, q.id


@pytest.mark.parametrize("name", sorted(SETS))
def test_quotes_are_exact_substrings(name):
    texts = {p.name: p.read_text("utf-8") for p in documents_dir().glob("*.txt")}
    for q in SETS[name]:
        for source in q.sources:
            assert source.quote in texts[source.doc], (q.id, source.quote)


def test_own_set_covers_every_type_and_document():
    own = SETS["own"]
    assert len(own) >= 80
    assert {q.type for q in own} >= {"lead_unit", "responsible_units", "fact_number", "fact_text", "which_doc",
                                     "cross_doc", "ambiguous", "summary", "multi_hop", "unanswerable",
                                     "follow_up", "adversarial"}
    assert {s.doc[:3] for q in own for s in q.sources} == {"000", "001", "002", "003", "004"}
    assert any(q.lang == "en" for q in own) and any(q.history for q in own)


def test_a_citation_is_its_gold_item_however_the_section_is_written():
    """Answers print "二、(一)" / "三、 7."; gold files write paths "二、 > （一）" / "三、 > 7"; a gold
    quote may be the item's unit note, kept apart from its text. Either way it is the same item."""
    from eval.gold import GoldSource
    from eval.metrics import item_matches_source

    cited = {"locality": "霁川县", "section": "二、(一)", "text": "推进“一件事一次办”集成改革。",
             "units_note": "县行政审批局牵头，县市场监管局配合"}
    assert item_matches_source(cited, GoldSource("zoo02.txt", "霁川县", "二、 > （一）", ""))
    assert item_matches_source(cited, GoldSource("zoo02.txt", "霁川县", "", "县行政审批局牵头，县市场监管局配合"))
    assert item_matches_source({"locality": "岚峪县", "section": "三、 7.", "text": ""}, GoldSource("", "岚峪县", "三、 > 7", ""))
    assert not item_matches_source({"locality": "岚峪县", "section": "二、 1.1", "text": ""}, GoldSource("", "岚峪县", "二、 > 11", ""))
    assert not item_matches_source(cited, GoldSource("zoo02.txt", "碧岑县", "二、 > （一）", ""))
