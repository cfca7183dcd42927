"""Wiring: an Assistant from Settings (the only place in `assistant` that sees Settings fields)."""
from __future__ import annotations

from assistant.core import Assistant
from assistant.llm.factory import make_llm


def build_assistant(settings, searcher=None, held_out=()) -> Assistant:
    """`held_out`: question texts the learned question kinds must not learn from (the set an
    evaluation scores)."""
    from assistant import question_kinds

    if searcher is None:
        from index.service import open_searcher
        searcher = open_searcher(settings.data_dir, settings.chroma_url, settings.embed_model, settings.threads)
    llm = make_llm(settings.llm, settings.model_cache, settings.threads, settings.llm_model)
    return Assistant(searcher, llm, max_question_chars=settings.max_question_chars,
                     generation_timeout_s=settings.generation_timeout_s,
                     kinds=question_kinds.load(held_out))
