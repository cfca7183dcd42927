"""What kind of question this is, learned from how the project's labelled questions are worded.

The rules in assistant.understand read intent from lists of phrases, and every new way of asking
needs a new entry. This model learns the kinds instead: a logistic regression over character
1–3-grams (scikit-learn) fitted on every labelled question the project may tune on (each
`eval/data/*.jsonl` set except the blind ones: about 2,400 questions in thirteen kinds, lead_unit,
unit_tasks, multi_hop, unanswerable, …). Fitting takes half a second, so it is done when the
assistant is built and never stored; an evaluation holds out the questions it scores
(`build_assistant(held_out=…)`), so no set is scored by a model that has read it.

The rules stay first; the model is a backstop where the rules are known to be brittle
(understand.understand says where it is consulted and why).
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable

log = logging.getLogger("policyqa.question_kinds")

LABELLED = Path(__file__).resolve().parents[1] / "eval" / "data"


def labelled_questions(folder: Path = LABELLED, held_out: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(question, kind) from every labelled set but the blind ones, the `held_out` texts and their
    rewordings (a record's `orig_question` names the question it rewords)."""
    skip = set(held_out)
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        if "blind" in path.name:  # never learned from: they measure the product
            continue
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            question, kind = record.get("question"), record.get("type")
            if (isinstance(question, str) and isinstance(kind, str) and question not in skip
                    and record.get("orig_question") not in skip):  # a rewording of a held-out question
                rows.append((question, kind))
    return rows


class QuestionKinds:
    def __init__(self, rows: list[tuple[str, str]]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.size = len(rows)
        self._vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2)
        features = self._vectorizer.fit_transform([q for q, _ in rows])
        self._model = LogisticRegression(C=4, max_iter=3000).fit(features, [k for _, k in rows])

    def probabilities(self, question: str) -> dict[str, float]:
        row = self._model.predict_proba(self._vectorizer.transform([question]))[0]
        return {kind: float(p) for kind, p in zip(self._model.classes_, row)}

    def probability(self, question: str, *kinds: str) -> float:
        """How likely the question is of any of `kinds`."""
        probabilities = self.probabilities(question)
        return sum(probabilities.get(k, 0.0) for k in kinds)


def load(held_out: Iterable[str] = (), folder: Path = LABELLED) -> QuestionKinds | None:
    """None when there is nothing to learn from (an installed copy without eval/data, one kind
    only): the rules then decide alone."""
    try:
        rows = labelled_questions(folder, held_out)
        if len({k for _, k in rows}) < 2:
            return None
        return QuestionKinds(rows)
    except (OSError, ValueError, ImportError) as exc:
        log.warning("question kinds not learned, the rules decide alone: %s", exc)
        return None
