"""LLM backends behind one small protocol; `make_llm` picks one from a spec string."""
