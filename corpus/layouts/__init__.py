"""Readers for two quirks of the bundled corpus that no general rule should have to bear.

- `paged_inline` (001): a paged web preview joined back into one line, in which items, headings
  and unit labels run together with no line breaks and item numbers are damaged (`5,`, `7 `, one
  lost entirely).
- `bracket_notes` (003): paragraphs whose `(N)` markers are mostly lost or broken (`十一)`, `)`),
  so items are paragraphs counted in order with surviving numbers as checks, and unit notes in
  `〔〕` that lost one or both brackets.
`corpus.pipeline._quirk` picks one by what the text looks like; every other document, bundled or
added, goes through the general stages.
"""
