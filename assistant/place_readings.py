"""What a question comparing places asks of each place.

"压涉企检查,檀峰第二条和墨川要点各怎么量化的?" asks 檀峰 about "压涉企检查 … 第二条" and 墨川
about "压涉企检查 … 墨川要点…": the words said before every place are said of each, and the words
said of one place alone (from its mention to the next place's) are that place's own. Judging 墨川's
items by the whole question counts 檀峰's "第二条" against them; judging them by their own
reading does not.
"""
from __future__ import annotations

from dataclasses import replace

from assistant.topic import place_words, topic_of, words_before_places
from assistant.understand import Query


def own_readings(query: Query) -> dict[str, list[Query]]:
    """For each place a question compares, the queries that read it alone, most specific first:
    the shared words with the place's own, then the shared words alone ("X,棠川和新密各是谁牵头?
    棠川要…,新密…" asks X of both). Empty when fewer than two places are named or a place's own
    words are not found."""
    if len(query.localities) < 2:
        return {}
    shared = words_before_places(query.original, query.localities)
    own = place_words(query.original, query.localities)
    readings: dict[str, list[Query]] = {}
    for loc, mine in zip(query.localities, own):
        if not mine:
            return {}
        texts = dict.fromkeys(t for t in (f"{shared} {mine}".strip(), shared) if t)
        subs = [replace(query, text=t, original=t, topic=topic_of(t, query.localities)) for t in texts]
        readings[loc] = [s for s in subs if s.topic]
    return readings
