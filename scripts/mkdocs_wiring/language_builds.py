"""mkdocs wiring: build the other languages in their own processes, alongside the first.

mkdocs-static-i18n builds one language after the other in one process (the other
languages are nested in the first one's ``on_post_build``), so a two-language site costs
two builds end to end on a machine with cores to spare. Here, once the first language is
configured and the content validated (``on_pre_build``), the build forks one child per
other language (and, earlier, one for the readability gate: ``beside``). A child switches static-i18n to its language the way static-i18n's own
loop does (``current_language``, ``building``, then the ``config`` events again) and
carries on with the same build; the parent builds the default language, then waits for
the children in its ``on_post_build``, fails if one of them failed (their messages are
already on the terminal), and tells static-i18n the other languages are done.

The output is the same as a sequential build (a test compares them byte for byte). Only
``mkdocs build`` forks: ``mkdocs serve`` runs a web server in threads, and forking a
threaded process is not safe. ``KENNISPLEIN_PARALLEL=0`` turns it off.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass

from mkdocs import utils

log = logging.getLogger("mkdocs.hooks.kennisplein")
_command: tuple[str, bool] | None = None  # (command, dirty) from on_startup: only a clean `mkdocs build` forks


@dataclass
class Child:
    name: str  # a language, or a side job such as "readability"
    pid: int


def note_command(command: str, dirty: bool) -> None:
    global _command
    _command = (command, dirty)


def serving() -> bool:
    """Is this `mkdocs serve` (which rebuilds after every edit)?"""
    return _command is not None and _command[0] == "serve"


_detached: dict[str, subprocess.Popen] = {}  # this module stays loaded across serve's rebuilds


def run_detached(name: str, command: list[str]) -> None:
    """Start ``command`` and do not wait for it (`mkdocs serve`: the edited page is served at
    once, slower derived files such as the search index follow a few seconds later). A run
    still going from the previous edit is stopped first: its result is already out of date.
    A process rather than a thread: a thread would hold the interpreter while the next edit
    is being built."""
    previous = _detached.pop(name, None)
    if previous is not None:
        _stop(previous)
    _detached[name] = subprocess.Popen(command, stdout=subprocess.DEVNULL)


def stop_detached() -> None:
    for process in _detached.values():
        _stop(process)
    _detached.clear()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait()


def wanted(i18n) -> bool:
    return (
        _command == ("build", False)
        and os.environ.get("KENNISPLEIN_PARALLEL", "1") != "0"
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and i18n is not None
        and not i18n.building
        and len(i18n.build_languages) > 1
    )


def clean_site_once(config) -> None:
    """Empty the site folder now, before any process writes into it, and stop mkdocs (and
    static-i18n's nested builds) from emptying it again later in this build."""
    utils.clean_directory(config.site_dir)
    utils.clean_directory = _keep_directory


def start(config, i18n) -> list[Child] | None:
    """Fork one build per other language. Returns the children in the parent, None in a child."""
    children = []
    for language in i18n.build_languages:
        if language == i18n.current_language:
            continue
        _flush()
        pid = os.fork()
        if pid == 0:
            switch_language(config, i18n, language)
            return None
        children.append(Child(language, pid))
    return children


def switch_language(config, i18n, language: str):
    """Configure the build for ``language`` the way static-i18n's own loop does between its
    nested builds: its ``current_language``, then the ``config`` events again."""
    i18n.current_language = language
    i18n.building = True  # static-i18n: "a nested language build", so no loop of its own
    config = config.plugins.on_config(config)
    config.theme.dirs[:] = list(dict.fromkeys(config.theme.dirs))  # static-i18n adds its sitemap folder at every call
    return config


def beside(name: str, job) -> Child:
    """Run ``job()`` (returns an exit status) in a forked process while the build goes on:
    for a check that only reads the content, such as the readability gate."""
    _flush()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            status = job()
        except BaseException:  # noqa: BLE001 - the parent reports the failure; a traceback helps here
            log.exception(f"{name} failed")
        finally:
            _flush()
            os._exit(status)
    return Child(name, pid)


def finish(children: list[Child], i18n) -> list[str]:
    """Wait for the children; returns the names of those that failed."""
    failed = []
    for child in children:
        _, status = os.waitpid(child.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(child.name)
    utils.clean_directory = _CLEAN_DIRECTORY
    i18n.building = True  # the other languages are built: static-i18n's own loop must not run
    return failed


_CLEAN_DIRECTORY = utils.clean_directory


def _keep_directory(directory: str) -> None:
    return None


def _flush() -> None:
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
