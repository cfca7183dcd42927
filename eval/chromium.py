"""Debian's Chromium as the browser tests and the browser benchmark start it (flags: stack-notes).

Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
"""
from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
