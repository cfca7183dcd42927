"""A computation's plan made into an answer: the result first with its citation marks, then the
sentences its operands come from. A plan is (item, text, steps, quotes[, other items])."""
from __future__ import annotations

from typing import Callable, Iterator

from assistant.compute import Computed, Number
from assistant.understand import Query
from assistant.verify import unsupported_values
from corpus.types import TaskItem


def places_plan(found: list[tuple[TaskItem, Number]], head: str, steps: list[Computed]):
    """A result from one figure of each of two places, each figure named with its place."""
    (first, x), (second, y) = found
    label = f"{first.locality}{x.text}{x.unit},{second.locality}{y.text}{y.unit}。"
    return first, f"{head}。{label}计算:{steps[0].working}", steps, [x.sentence, y.sentence], [second]


def answer(plan) -> Callable | None:
    return answer_all([plan])


def answer_all(plans) -> Callable | None:
    """One answer for one or more computations: each result with its citation marks, then the
    sentences its operands come from."""
    plans = list({plan[1]: plan for plan in plans}.values())  # two parts answered by one result: once
    cited: list[tuple[TaskItem, str]] = []
    lines, quoted, steps = [], [], []
    for item, text, plan_steps, quotes, *rest in plans:
        own = [(item, quotes[0] if quotes else item.text[:80])]
        own += [(other, quotes[n] if len(quotes) > n else other.text[:80]) for n, other in enumerate(rest[0] if rest else [], start=1)]
        marks = ""
        for pair in own:
            known = next((k for k, (c, _) in enumerate(cited, start=1) if c.item_id == pair[0].item_id), 0)
            if not known:
                cited.append(pair)
                known = len(cited)
            marks += f"[{known}]"
        lines.append(f"{text}{marks}。")
        quoted += quotes
        steps += plan_steps
    if len({c.locality for c, _ in cited}) == 1:
        lines[0] = f"{cited[0][0].locality}:{lines[0]}"
    else:  # several places: a result from one place's item says which place it is
        # (a result that names its places itself keeps its words; one that does not says whose it is)
        lines = [f"{plan[0].locality}:{line}" if not (plan[4:] and plan[4]) or plan[0].locality not in line else line
                 for plan, line in zip(plans, lines)]
    for quote in dict.fromkeys(quoted):
        owner = next((k for k, (c, _) in enumerate(cited, start=1) if quote in c.text), 1)
        lines.append(f"原文:“{' '.join(quote.split())}”[{owner}]")
    body = "\n".join(lines)
    if unsupported_values(body, [c for c, _ in cited], steps):
        return None  # never: operands are read from these items; the check keeps it so

    def answer(a, query: Query, hits, timings) -> Iterator[dict]:
        yield {"type": "delta", "text": body}
        yield a.final(query, body, "answered", cited, "computed", computed=tuple(steps))

    return answer
