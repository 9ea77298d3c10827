"""Curated audience routes, from ``docs/_data/routes.yml``.

An audience hub that lists every product by topic buries what a reader came for: a
relative on a phone scrolled past sex-work and policy items to reach the conversation
guide. Editors choose, per audience, the few products to begin with and the order of the
reader's tasks (talking, boundaries, relationships, ...); every other product finds its
task by its topics, so a new product needs no entry here. The file is validated like
front matter: a mistake is reported as ``path:line: message``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kennisplein.content import datafile
from kennisplein.content.frontmatter import FrontMatterError
from kennisplein.content.validation import validate_model
from kennisplein.problems import Problem

ROUTES_FILE = "routes.yml"
OTHER = "other"  # the task of a product whose topics belong to no task


class Labels(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    nl: str = Field(min_length=2)
    en: str = Field(min_length=2)


class Task(Labels):
    topics: list[str] = Field(default_factory=list)
    products: list[str] = Field(default_factory=list)


class RouteModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: str = Field(pattern=r"^(standaard|makkelijk)$")
    start: list[str] = Field(min_length=2, max_length=4)
    tasks: list[str] = Field(min_length=1)
    filters: bool = False
    elsewhere: Labels

    @field_validator("start")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("names a product twice")
        return value


class RoutesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tasks: dict[str, Task] = Field(min_length=1)
    other: Labels
    routes: dict[str, RouteModel]


@dataclass(frozen=True)
class Route:
    audience: str
    level: str
    start: tuple[str, ...]
    tasks: tuple[str, ...]
    filters: bool
    elsewhere: dict[str, str]
    start_lines: tuple[int | None, ...] = ()


@dataclass
class Routes:
    """The routes per audience and the reader's tasks, with their labels per language."""

    routes: dict[str, Route] = field(default_factory=dict)
    task_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    task_topics: dict[str, tuple[str, ...]] = field(default_factory=dict)
    task_products: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ROUTES_FILE

    def task_label(self, task: str, language: str) -> str:
        labels = self.task_labels.get(task, {})
        return labels.get(language) or labels.get("nl") or task

    def task_of(self, slug: str, topics: list[str]) -> str:
        """The task a product belongs to: named outright, else by its topics in their order."""
        for task, products in self.task_products.items():
            if slug in products:
                return task
        for topic in topics:
            for task, task_topics in self.task_topics.items():
                if topic in task_topics:
                    return task
        return OTHER


def load(data_dir: Path, vocabulary, product_slugs: set[str]) -> tuple[Routes, list[Problem]]:
    """Read and check the routes file; without one every hub is a plain list by task."""
    path = data_dir / ROUTES_FILE
    if not path.exists():
        return Routes(), []
    shown = f"{data_dir.parent.name}/{data_dir.name}/{ROUTES_FILE}"
    try:
        document = datafile.read(path, shown)
    except FrontMatterError as exc:
        return Routes(), [exc.problem]
    if not isinstance(document.meta, dict):
        return Routes(), [Problem(shown, 1, "expected keys 'tasks', 'other' and 'routes'")]
    model, problems = validate_model(document, RoutesFile, {})
    if model is None:
        return Routes(), problems

    def problem(loc: tuple, message: str) -> None:
        problems.append(Problem(shown, document.line_of(loc), message))

    topics = set(vocabulary.keys("topics"))
    audiences = vocabulary.keys("audiences")
    for key, task in model.tasks.items():
        for i, topic in enumerate(task.topics):
            if topic not in topics:
                problem(("tasks", key, "topics", i), f"unknown topic '{topic}' (topics are listed in vocabulary.yml)")
        for i, slug in enumerate(task.products):
            if slug not in product_slugs:
                problem(("tasks", key, "products", i), f"no product '{slug}' in docs/producten/")
    for audience, route in model.routes.items():
        if audience not in audiences:
            problem(("routes", audience), f"unknown audience '{audience}' (allowed: {', '.join(audiences)})")
        for i, slug in enumerate(route.start):
            if slug not in product_slugs:
                problem(("routes", audience, "start", i), f"no product '{slug}' in docs/producten/")
        for i, task in enumerate(route.tasks):
            if task not in model.tasks:
                problem(("routes", audience, "tasks", i), f"unknown task '{task}' (tasks: {', '.join(model.tasks)})")
    for audience in audiences:
        if audience not in model.routes:
            problem(("routes",), f"no route for audience '{audience}'")
    routes = Routes(
        {a: Route(a, r.level, tuple(r.start), tuple(r.tasks), r.filters, r.elsewhere.model_dump(),
                  tuple(document.line_of(("routes", a, "start", i)) for i in range(len(r.start))))
         for a, r in model.routes.items()},
        {**{k: {"nl": t.nl, "en": t.en} for k, t in model.tasks.items()}, OTHER: model.other.model_dump()},
        {k: tuple(t.topics) for k, t in model.tasks.items()},
        {k: tuple(t.products) for k, t in model.tasks.items()},
        shown,
    )
    return routes, problems


def audience_problems(routes: Routes, products) -> list[Problem]:
    """A product under "Begin hier" that is not written for that audience would not show there."""
    by_slug = {p.slug: p for p in products}
    found = []
    for audience, route in routes.routes.items():
        for slug, line in zip(route.start, route.start_lines):
            product = by_slug.get(slug)
            if product and not any(audience in v.meta.audiences for v in product.versions.values()):
                found.append(Problem(routes.path, line, f"'{slug}' is not written for '{audience}' (no version lists it in audiences): it will not show under Begin hier", "warning"))
    return found
