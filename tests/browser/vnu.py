"""The Nu Html Checker (npm vnu-jar, run with Debian's Java) over the whole built site in one
JVM: starting Java costs seconds, so every HTML file goes to one invocation, started in the
background (conftest.vnu_run) while the browser tests run.

Templates are fixed rather than messages filtered. FALSE_POSITIVES lists only messages that are
known to be wrong, each with its reason; it is empty today.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (regular expression over the message, reason it is a false positive)
FALSE_POSITIVES: list[tuple[str, str]] = []


@dataclass
class Message:
    file: str
    line: int | None
    message: str
    extract: str

    def report(self) -> str:
        return f"{self.file}:{self.line or '?'}: {self.message}\n    {self.extract.strip()[:200]}"


class VnuRun:
    """One background run of vnu.jar over a directory; messages() waits for it."""

    def __init__(self, site: Path):
        self.site = site
        self.problem = None
        self.process = None
        java = shutil.which("java")
        if not java:
            self.problem = "Java is missing: apt-get install default-jre-headless (the Nu Html Checker runs on Java)"
        elif not VNU_JAR.exists():
            self.problem = f"{VNU_JAR} is missing: run `npm ci --prefix tests/browser` (make test does)"
        else:
            self.process = subprocess.Popen(
                [java, "-Xss16m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def messages(self) -> list[Message]:
        if self.problem:
            raise RuntimeError(self.problem)
        out, err = self.process.communicate(timeout=600)
        try:
            data = json.loads(err or out)
        except json.JSONDecodeError as error:
            raise RuntimeError(f"vnu.jar gave no JSON (exit {self.process.returncode}): {(err or out)[:2000]}") from error
        found = []
        for m in data.get("messages", []):
            if m.get("type") not in ("error", "non-document-error"):
                continue
            if any(re.search(pattern, m.get("message", "")) for pattern, _ in FALSE_POSITIVES):
                continue
            url = m.get("url", "")
            file = url.split(str(self.site), 1)[-1].lstrip("/") if str(self.site) in url else url
            found.append(Message(file, m.get("lastLine"), m.get("message", ""), m.get("extract", "")))
        return found

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
