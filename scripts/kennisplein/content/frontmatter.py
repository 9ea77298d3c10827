"""Read a Markdown file into front matter and body, keeping YAML line numbers.

PyYAML's node graph carries the line of every key; we keep it so that a schema
error on ``sources[1].year`` can point at the line an editor has to change.
"""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kennisplein.problems import Problem

FENCE = "---"


class FrontMatterError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class MarkdownDocument:
    path: str
    meta: dict[str, Any]
    body: str
    body_start_line: int  # 1-based line of the first body line in the file
    key_lines: dict[tuple, int] = field(default_factory=dict)  # YAML path -> 1-based line

    def line_of(self, loc: tuple) -> int:
        """Best line for a YAML path: the deepest known ancestor, else the opening fence."""
        loc = tuple(loc)
        while loc:
            if loc in self.key_lines:
                return self.key_lines[loc]
            loc = loc[:-1]
        return 1


def decode(raw: bytes, path: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FrontMatterError(Problem(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")) from None
    return text.removeprefix("\ufeff")


def _line_map(node: yaml.Node, prefix: tuple = (), seen: set[int] | None = None) -> dict[tuple, int]:
    lines: dict[tuple, int] = {}
    seen = set() if seen is None else seen
    if id(node) in seen:  # an alias (*name): its lines are mapped where the anchor is; `&a [*a]` would recurse forever
        return lines
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            loc = prefix + (key,)
            lines[loc] = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening fence
            lines.update(_line_map(value_node, loc, seen))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            loc = prefix + (index,)
            lines[loc] = item.start_mark.line + 2
            lines.update(_line_map(item, loc, seen))
    return lines


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 5x faster


class _UniqueKeyLoader(_BaseLoader):
    """SafeLoader that refuses duplicate keys: YAML silently keeps the last one."""

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                continue  # the base class reports "found unhashable key" with its line
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}' (first on line {seen[key] + 2})", key_node.start_mark
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node, deep=False):
        # An explicit tag on a value that does not fit it (`!!int twintig`) raises a plain
        # ValueError in PyYAML's constructors; report it as YAML, with its line.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, LookupError, AttributeError, OverflowError):
            value = node.value if isinstance(node, yaml.ScalarNode) else ""
            raise yaml.constructor.ConstructorError(
                None, None, f"{value!r} is not a valid {node.tag.rsplit(':', 1)[-1]}", node.start_mark
            ) from None

    def construct_yaml_timestamp(self, node):
        # 2026-02-30 looks like a date but is none: keep the text, so that the schema
        # reports "'2026-02-30' is not a real date" on the key's line instead of crashing.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", _UniqueKeyLoader.construct_yaml_timestamp)


def compose_and_construct(yaml_text: str):
    """Parse once: the node graph (for line numbers) and the Python data built from it."""
    loader = _UniqueKeyLoader(yaml_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse(text: str, path: str) -> MarkdownDocument:
    """Split front matter from body. Raises FrontMatterError with a located Problem."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise FrontMatterError(Problem(path, 1, "no front matter: the file must start with a line '---'"))
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == FENCE)
    except StopIteration:
        raise FrontMatterError(Problem(path, 1, "front matter is not closed: add a line '---' after the last key")) from None
    yaml_text = "\n".join(lines[1:end])
    try:
        node, meta = compose_and_construct(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1
        reason = exc.problem or exc.context or "invalid YAML"
        raise FrontMatterError(Problem(path, line, f"front matter is not valid YAML: {reason}")) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, such as an invisible control character
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        line = yaml_text[: max(yaml_text.find(chr(code)), 0)].count("\n") + 2
        raise FrontMatterError(Problem(path, line, f"front matter is not valid YAML: character #x{code:04x} is not allowed; delete it")) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(Problem(path, 1, f"front matter is not valid YAML: {exc}")) from None
    except (ValueError, TypeError, LookupError, AttributeError, OverflowError, RecursionError) as exc:
        raise FrontMatterError(Problem(path, 1, f"front matter cannot be read: {exc}")) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError(Problem(path, 2, "front matter must be a list of 'key: value' lines"))
    body = "\n".join(lines[end + 1 :])
    return MarkdownDocument(path, meta, body, end + 2, _line_map(node) if node is not None else {})


def read(path: Path, display_path: str | None = None) -> MarkdownDocument:
    shown = display_path or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FrontMatterError(Problem(shown, None, f"cannot read file: {exc.strerror}")) from None
    return parse(decode(raw, shown), shown)
