"""Read a YAML data file (glossary, organisation, videos) keeping each key's line,
so schema errors point at the line to fix, exactly as for front matter."""
from __future__ import annotations

from pathlib import Path

import yaml

from kennisplein.content import frontmatter
from kennisplein.content.frontmatter import FrontMatterError, MarkdownDocument
from kennisplein.content.validation import validate_model
from kennisplein.problems import Problem


def read(path: Path, display_path: str | None = None) -> MarkdownDocument:
    """A MarkdownDocument whose meta is the whole YAML file (a mapping or a list) and whose body is empty."""
    shown = display_path or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FrontMatterError(Problem(shown, None, f"cannot read file: {exc.strerror}")) from None
    text = frontmatter.decode(raw, shown)
    try:
        node, data = frontmatter.compose_and_construct(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise FrontMatterError(Problem(shown, mark.line + 1 if mark else 1, f"not valid YAML: {exc.problem or exc.context}")) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(Problem(shown, 1, f"not valid YAML: {exc}")) from None
    # frontmatter's line map counts an opening '---' fence; a data file has none.
    lines = {loc: line - 1 for loc, line in frontmatter._line_map(node).items()} if node is not None else {}
    return MarkdownDocument(shown, data, "", 1, lines)


def read_model(path: Path, model, display_path: str | None = None):
    """The file checked against its schema (a pydantic model): (the model or None, the document or
    None, the problems located by line). Every data file loads this way."""
    try:
        document = read(path, display_path)
    except FrontMatterError as exc:
        return None, None, [exc.problem]
    result, problems = validate_model(document, model, {})
    return result, document, problems
