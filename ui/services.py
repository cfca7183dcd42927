"""What the server needs, built once from Settings: the assistant, the items, feedback, limits."""
from __future__ import annotations

import logging
import threading
from functools import cached_property

from ui.feedback import FeedbackStore
from ui.ratelimit import RateLimiter

log = logging.getLogger("policyqa.server")


class Services:
    def __init__(self, settings, searcher=None, llm=None):
        self.settings = settings
        self._searcher = searcher
        self._llm = llm
        self._build_lock = threading.Lock()
        self.feedback = FeedbackStore(settings.data_dir)
        self.limiter = RateLimiter(settings.rate_limit_per_minute)

    @cached_property
    def assistant(self):
        from assistant.core import Assistant
        from assistant.llm.factory import make_llm
        from assistant.llm.gate import GatedLLM
        from index.service import open_searcher

        with self._build_lock:
            searcher = self._searcher or open_searcher(self.settings.data_dir, self.settings.chroma_url,
                                                       self.settings.embed_model, self.settings.threads)
            llm = self._llm if self._llm is not None else make_llm(
                self.settings.llm, self.settings.model_cache, self.settings.threads, self.settings.llm_model)
            gated = GatedLLM(llm, wait_s=self.settings.generation_timeout_s / 2) if llm else None
            return Assistant(searcher, gated, max_question_chars=self.settings.max_question_chars,
                             generation_timeout_s=self.settings.generation_timeout_s)

    @cached_property
    def library(self):
        from index.library import Library
        return Library(self.settings.data_dir)

    @cached_property
    def admin(self):
        from ui.admin import Admin
        return Admin(self)

    def reload(self) -> None:
        """Serve the build just made: a new searcher and assistant, swapped in at once (requests
        already running finish on the old ones). Models are reused, never loaded again."""
        from assistant.core import Assistant
        from index.search import Searcher

        old = self.assistant
        searcher = Searcher(old.searcher.store, old.searcher.embedder)
        new = Assistant(searcher, old.llm, max_question_chars=old.max_question_chars,
                        generation_timeout_s=old.generation_timeout_s)
        try:  # fill the field-answer caches before anyone asks (the LLM is warm already)
            new.answer("行政复议体制改革由哪个单位牵头?")
        except Exception as exc:  # noqa: BLE001 - a cold cache only costs the first question time
            log.warning("warm-up after reload skipped: %s", exc)
        self.__dict__["assistant"] = new

    @property
    def items(self):
        return self.assistant.items

    @property
    def localities(self) -> list[str]:
        return self.assistant.searcher.localities

    def health(self) -> dict:
        searcher = self.assistant.searcher
        return {"status": "ok", "items": len(searcher.items), "chunks": len(searcher.chunk_ids),
                "build": searcher.build.get("name"), "embedder": searcher.build.get("embedder"),
                "llm": self.assistant.llm.name if self.assistant.llm else "none"}
