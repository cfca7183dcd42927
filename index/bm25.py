"""BM25 over Chinese characters and character bigrams.

llama-index's BM25Retriever makes one token per clause on Chinese (stack-notes); character
unigrams + bigrams measured 0.85 R@1 against 0.71 for jieba words, and need no dictionary.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from corpus.text import normalize

_KEEP = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")
# Characters too common in these documents to say anything about a question.
_STOP = set("的和了在是与及等对为将把各要")


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for run in _KEEP.findall(normalize(text).lower()):
        if run.isascii():
            out.append(run)
            continue
        out.extend(ch for ch in run if ch not in _STOP)
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


class BM25:
    def __init__(self, texts: list[str], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.docs = [Counter(tokens(t)) for t in texts]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / max(len(self.lengths), 1)
        df: Counter = Counter()
        for d in self.docs:
            df.update(d.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query: str) -> list[float]:
        q = Counter(tokens(query))
        out = []
        for d, length in zip(self.docs, self.lengths):
            s = 0.0
            norm = self.k1 * (1 - self.b + self.b * length / (self.avg or 1))
            for t, qf in q.items():
                f = d.get(t)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + norm)
            out.append(s)
        return out
