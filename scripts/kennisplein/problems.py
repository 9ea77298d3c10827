"""One way to report a content fault: ``path:line: message``.

Every check returns a list of ``Problem``; the CLI and the build print them
all at once, so an editor sees every fault in one run.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    severity: str = "error"  # "error" fails the build; "warning" is only reported

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "warning: " if self.severity == "warning" else ""
        # one problem is one line of the report, even when the message quotes a key or value with a line break
        message = self.message.replace("\r", "\\r").replace("\n", "\\n")
        return f"{where}: {prefix}{message}"

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.message)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def format_report(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in sorted(problems, key=Problem.sort_key))
