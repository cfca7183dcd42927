"""The battery manifest covers every question set, and a blind set's questions never get printed."""
import json

from eval import battery
from eval.battery import DATA, ROOT


def test_every_question_set_is_in_the_manifest_once_and_exists():
    groups, totals = battery.load_manifest()
    listed = [s for g in groups for s in g.sets]
    assert len(listed) == len(set(listed))
    on_disk = {p.stem for p in DATA.glob("*.jsonl")}
    assert set(listed) == on_disk
    for g in groups:
        for folder in g.docs:
            if "shared" not in folder.parts:  # ../shared sits beside the clone
                assert folder.is_dir(), folder
    assert all(n in listed for names in totals.values() for n in names)


def test_select_splits_tune_and_blind():
    groups, _ = battery.load_manifest()
    tune = [s for _, s in battery.select(groups, "tune")]
    blind = [s for _, s in battery.select(groups, "blind")]
    assert "dev" in tune and "blind3" in blind and "newdocs8-blind2" in blind
    assert not set(tune) & set(blind)
    assert [s for _, s in battery.select(groups, "tune21,blind5")] == ["blind5", "tune21"]


def _row(id, passed, answer="a"):
    return {"id": id, "type": "fact_text", "question": f"question {id}", "passed": passed,
            "answer": answer, "status": "answered", "citation_hit": passed, "citations": 1,
            "citations_correct": 1, "ungrounded": [], "path": "fields", "seconds": 0.0}


def test_compare_names_tune_questions_but_only_counts_blind_ones(tmp_path):
    old = {"t1": False, "t2": True}
    for name in ("tune9", "blind9"):
        rows = [_row(i, p) for i, p in old.items()]
        (tmp_path / f"{name}.json").write_text(json.dumps({"rows": rows}), "utf-8")
    now = {name: {"blind": battery.is_blind(name), "rows": [_row("t1", True), _row("t2", False, "b")]}
           for name in ("tune9", "blind9")}
    text = battery.compare(now, tmp_path)
    assert "tune9: +1 −1, 1 answers changed text" in text
    assert "blind9: +1 −1" in text
    assert text.count("question t1") == 1 and text.count("question t2") == 1  # the tune set's only


def test_summary_reports_totals_against_the_floors():
    rows = [_row("a", True), _row("b", False)]
    results = {"blind": {"rows": rows}, "blind2": {"rows": rows}}
    text = battery.summary(results, {"both": ["blind", "blind2"]})
    assert "| **both** | 2/4 (50.0%)" in text
    assert "overall 0.500 < 0.85" in text
    assert ROOT.joinpath("eval", "battery.toml").is_file()
