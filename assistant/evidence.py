"""How well a text covers what a question is about: IDF-weighted character-bigram coverage.

Used to gate answers (is the best item really about this?), to choose each locality's answer,
and to pick the supporting sentence. A bigram the corpus never uses (有效期 when no document
gives one) weighs the most, so a question about something absent scores low.
"""
from __future__ import annotations

import re

from corpus.text import normalize, sentences

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NUMBER = re.compile(r"\d|[一二三四五六七八九十百两]+(个|项|次|年|天|日|期|名|人|学时|小时|家|大项|%)")


def bigrams(text: str) -> list[str]:
    out: list[str] = []
    for run in _CJK_RUN.findall(normalize(text)):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        if len(run) == 1:
            out.append(run)
    return list(dict.fromkeys(out))


class Evidence:
    def __init__(self, idf: dict[str, float]):
        self.idf = idf
        self.unseen = max(idf.values(), default=1.0) * 1.2

    def weight(self, gram: str) -> float:
        return self.idf.get(gram, self.unseen)

    def coverage(self, topic: str, text: str) -> float | None:
        """Share of the topic's weight found in `text`, 0..1; None when the topic has no Chinese."""
        grams = bigrams(topic)
        if not grams:
            return None
        hay = normalize(text)
        total = sum(self.weight(g) for g in grams)
        return sum(self.weight(g) for g in grams if g in hay) / total

    def item_relevance(self, topic: str, item) -> float | None:
        return self.coverage(topic, f"{item.section_path}{item.heading}{item.text}")

    def best_sentences(self, topic: str, item, want_number: bool = False, n: int = 1) -> list[tuple[float, str]]:
        scored = []
        for sentence in sentences(item.text):
            score = self.coverage(topic, sentence) or 0.0
            if want_number and _NUMBER.search(sentence):
                score += 0.15
            scored.append((score, sentence.strip()))
        scored.sort(key=lambda pair: -pair[0])
        return scored[:n]


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))
