"""Turn pydantic's validation errors into located ``Problem``s an editor can act on."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from kennisplein.content.frontmatter import MarkdownDocument
from kennisplein.problems import Problem


def dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(error: dict[str, Any], model: type[BaseModel]) -> str:
    loc = tuple(error["loc"])
    where = dotted(loc)
    kind = error["type"]
    if kind == "missing":
        return f"missing key '{where}'"
    if kind == "extra_forbidden":
        parent = model
        allowed = ", ".join(parent.model_fields) if len(loc) == 1 else None
        hint = f" (allowed keys: {allowed})" if allowed else ""
        return f"unknown key '{where}'{hint}"
    text = error["msg"].removeprefix("Value error, ")
    return f"{where}: {text}" if where else text


def validate_model(document: MarkdownDocument, model: type[BaseModel], context: dict) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(document.meta, context=context), []
    except ValidationError as exc:
        problems = [
            Problem(document.path, document.line_of(tuple(err["loc"])), _message(err, model))
            for err in exc.errors(include_url=False)
        ]
        return None, problems
