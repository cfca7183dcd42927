"""One parser per document layout. Each module has `clean(raw) -> str` (the cleaned text every
span points into) and `parse(doc) -> list[TaskItem]`. `corpus.parse.PARSERS` maps layout names
(as written in the manifest) to modules; `generic` is the fallback for a new, unknown file."""
