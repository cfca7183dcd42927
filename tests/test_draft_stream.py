"""A drafted answer streams token by token, but never shows half a fact or a not-found marker."""
from __future__ import annotations

import pytest

from assistant.core import Assistant
from assistant.draft import HoldBack

QUESTION = "乌鲁木齐县行政执法人员每年培训不少于多少学时?"


class PiecesLLM:
    """Yields the given pieces, as a real model yields tokens."""
    name = "fake-pieces"

    def __init__(self, pieces):
        self.pieces = pieces

    def stream(self, messages, max_tokens=256):
        yield from self.pieces


@pytest.fixture(scope="module")
def searcher(hash_index):
    from index.service import open_searcher
    return open_searcher(hash_index, embed_model="hash")


def shown_texts(events):
    """What the reader sees after each event."""
    text, seen = "", []
    for e in events:
        if e["type"] == "delta":
            text += e["text"]
        elif e["type"] == "replace":
            text = e["text"]
        else:
            continue
        seen.append(text)
    return seen


def test_text_shows_before_the_first_comma(searcher):
    from assistant.llm.fake import QuotingLLM

    llm = QuotingLLM(reply="乌鲁木齐县要求加大行政执法队伍培训力度,对行政执法人员每年开展不少于60学时的培训[1]。")
    events = list(Assistant(searcher, llm=llm).stream(QUESTION))
    first = next(e["text"] for e in events if e["type"] == "delta")
    assert first and "," not in first and "乌鲁木齐县要求加大行政执法队伍培训力度,".startswith(first)
    final = events[-1]["answer"]
    assert "60学时" in final.text and final.path == "llm"
    # Streaming only ever appended until the end: no take-backs for a sentence that passed.
    seen = shown_texts(events)
    assert all(b.startswith(a) for a, b in zip(seen, seen[1:-1]))


def test_a_number_is_never_shown_half_written(searcher):
    pieces = ["乌鲁木齐县", "每年", "培训", "不少于", "6", "0", "学时", "[1]", "。"]
    events = list(Assistant(searcher, llm=PiecesLLM(pieces)).stream(QUESTION))
    seen = shown_texts(events)
    assert not any(t.endswith("不少于6") for t in seen)  # "6" alone is not the value
    assert any("不少于60" in t for t in seen) and events[-1]["answer"].path == "llm"


def test_a_wrong_number_is_never_shown(searcher):
    pieces = ["乌鲁木齐县", "每年", "培训", "不少于", "9", "0", "学时", "的", "培训", "[1]", "。"]
    events = list(Assistant(searcher, llm=PiecesLLM(pieces)).stream(QUESTION))
    assert not any("90" in t for t in shown_texts(events))
    assert "90" not in events[-1]["answer"].text and "60学时" in events[-1]["answer"].text


def test_not_found_is_never_shown_as_an_answer(searcher):
    pieces = ["资料", "中", "未", "找到", "。"]
    events = list(Assistant(searcher, llm=PiecesLLM(pieces)).stream(QUESTION))
    assert not any("资料" in t for t in shown_texts(events)[:-1])
    assert "资料中未找到" not in events[-1]["answer"].text


def test_holdback_keeps_back_unfinished_names_and_values():
    hold = HoldBack({"县司法局", "县司法局长", "乌鲁木齐县", "资料中未找到"})
    assert hold.safe("由县司") == "由"  # may become 县司法局
    assert hold.safe("由县司法局") == "由"  # may still grow into 县司法局长
    assert hold.safe("由县司法局牵头") == "由县司法局牵头"
    assert hold.safe("乌鲁木齐") == "" and hold.safe("乌鲁木齐县的") == "乌鲁木齐县的"
    assert hold.safe("不少于6") == "不少于"
    assert hold.safe("2021年1") == ""
    assert hold.safe("见第[1") == "见第"
    assert hold.safe("资料中") == ""
    assert hold.safe("培训60学时") == "培训60学时"


def test_a_name_before_a_number_is_shown_with_the_number_held():
    hold = HoldBack({"伊犁州"})
    assert hold.safe("伊犁州2") == "伊犁州"
    assert hold.safe("伊犁") == "" and hold.safe("伊犁州") == "伊犁州"


def test_warm_up_primes_the_model_prefix(searcher):
    class Recording:
        name = "recording"

        def __init__(self):
            self.warmed = []

        def stream(self, messages, max_tokens=256):
            yield "资料中未找到。"

        def warm(self, messages):
            self.warmed.append(messages)

    llm = Recording()
    Assistant(searcher, llm=llm).warm_up()
    assert len(llm.warmed) == 1 and llm.warmed[0][0]["role"] == "system"


def test_a_sentence_announcing_a_list_brings_the_list(searcher):
    """'哪些…' is answered by the list after "下列…", which shares no words with the question."""
    answer = Assistant(searcher, llm=None).answer("阜康市哪些重大行政执法行为需要备案?")
    assert answer.status == "answered"
    assert "经听证程序作出的行政处罚" in answer.text and "重大行政许可事项" in answer.text


def test_excerpt_keeps_an_announced_list(searcher, by_id):
    from assistant.support import excerpt
    from assistant.understand import understand

    assistant = Assistant(searcher, llm=None)
    query = understand("阜康市哪些重大行政执法行为需要备案?", None, 2000, assistant.known_units, ("阜康市",))
    text = excerpt(assistant, query, by_id["004-13"], 100)  # the list itself would not fit
    assert "下列" in text and "经听证程序作出的行政处罚" in text


def test_a_failing_warm_up_is_only_logged(searcher, caplog):
    class Broken:
        name = "broken"

        def stream(self, messages, max_tokens=256):
            yield "资料中未找到。"

        def warm(self, messages):
            raise RuntimeError("model file went away")

    Assistant(searcher, llm=Broken()).warm_up()
    assert "warm-up skipped" in caplog.text


def test_an_answer_label_is_removed_with_either_colon():
    from assistant.draft import strip_label

    assert strip_label("答案：县司法局牵头") == strip_label("答案: 县司法局牵头") == "县司法局牵头"
    assert strip_label("Answer: 60学时") == "60学时" and strip_label("回答县司法局") == "回答县司法局"


def test_two_places_named_are_each_quoted_not_drafted(searcher):
    """A drafted sentence blurs whose figure is whose, or drops one place's half: two places named
    are answered from each place's own sentence, as when no place is named."""
    class Counting(PiecesLLM):
        calls = 0

        def stream(self, messages, max_tokens=256):
            Counting.calls += 1
            yield from super().stream(messages, max_tokens)

    llm = Counting(["乌鲁木齐县每年培训不少于60学时[1]。"])
    answer = Assistant(searcher, llm=llm).answer("乌鲁木齐县和新密市的行政执法人员培训各有什么要求?")
    assert Counting.calls == 0 and answer.path == "extractive"
    assert "乌鲁木齐县" in answer.text and "新密市" in answer.text
