"""Any OpenAI-compatible chat server (vLLM, llama.cpp's server, llama-cpp-python's server, Ollama):
`--llm openai:URL`, on the `openai` package.

This is how a deployment puts a bigger model on a GPU box. Streams; a connect and a read timeout
keep a silent server from holding a question past the generation deadline; connection failures,
429 and 5xx are retried by the client (`max_retries`); the API key comes from the environment
(`POLICYQA_OPENAI_API_KEY`, else `OPENAI_API_KEY`; a local server needs none). Every failure —
down, slow, an error status, a stream that is not the protocol — is one `BackendError`, and the
caller answers extractively.
"""
from __future__ import annotations

import os
from typing import Iterator

from corpus.errors import BackendError

CONNECT_TIMEOUT_S = 5.0


def api_key_from_env(environ=None) -> str:
    env = os.environ if environ is None else environ
    return env.get("POLICYQA_OPENAI_API_KEY") or env.get("OPENAI_API_KEY") or ""


def _v1(base_url: str) -> str:
    url = base_url.rstrip("/")
    return url if url.endswith("/v1") else url + "/v1"


class OpenAICompatLLM:
    def __init__(self, base_url: str, model: str = "", timeout: float = 15.0, max_retries: int = 1,
                 api_key: str | None = None):
        import openai

        self.base_url = _v1(base_url)
        self.model = model or "default"
        self.name = f"openai:{self.base_url} ({self.model})"
        self.timeout = timeout
        # A placeholder key: the client insists on one, a local server ignores it.
        key = api_key if api_key is not None else api_key_from_env()
        self._client = openai.OpenAI(
            base_url=self.base_url, api_key=key or "no-key", max_retries=max_retries,
            timeout=openai.Timeout(timeout, connect=min(CONNECT_TIMEOUT_S, timeout)))

    def stream(self, messages, max_tokens: int = 256) -> Iterator[str]:
        import openai

        try:
            response = self._client.chat.completions.create(
                model=self.model, messages=messages, max_tokens=max_tokens, temperature=0, stream=True)
            with response:
                for chunk in response:
                    if not getattr(chunk, "choices", None):
                        continue
                    delta = chunk.choices[0].delta
                    if delta is not None and delta.content:
                        yield delta.content
        except openai.APIStatusError as exc:
            raise BackendError(f"The LLM server at {self.base_url} answered {exc.status_code}: "
                               f"{str(exc.message)[:200]}") from exc
        except openai.APITimeoutError as exc:
            raise BackendError(f"The LLM server at {self.base_url} did not answer within "
                               f"{self.timeout:.0f}s.") from exc
        except openai.APIConnectionError as exc:
            raise BackendError(f"Cannot reach the LLM server at {self.base_url}: {exc}") from exc
        except (openai.OpenAIError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # A 200 whose body is not an OpenAI stream (JSON errors are ValueErrors).
            raise BackendError(f"The LLM server at {self.base_url} sent something that is not an "
                               f"OpenAI chat stream ({exc.__class__.__name__}).") from exc
