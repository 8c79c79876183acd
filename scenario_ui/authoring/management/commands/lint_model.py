"""`manage.py lint_model FILE`: check a model definition, for model authors and CI."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.catalog.definition_file import read_definition_file
from scenario_ui.catalog.json_file import JsonFileError
from scenario_ui.schema import DefinitionProblem, lint_definition

ERRORS_FOUND = 1
UNREADABLE_FILE = 2


class Command(BaseCommand):
    help = (
        "Check a model definition (a GET /models/{id} record or a bare model object). "
        'Prints one "<severity> <json-pointer>: <message>" line per finding; exits 0 '
        "without errors (warnings allowed), 1 with errors, 2 when FILE is not readable JSON."
    )
    # Linting a file needs neither the database nor a sound project, so CI can
    # run it on its own.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path to the JSON definition")

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        try:
            definition = read_definition_file(path)
        except JsonFileError as error:
            raise CommandError(error.message, returncode=UNREADABLE_FILE) from error
        problems = lint_definition(definition)
        for problem in problems:
            self.stdout.write(format_problem(problem))
        errors = sum(problem.severity == "error" for problem in problems)
        if errors:
            warnings = len(problems) - errors
            raise CommandError(
                f"{path}: {_count(errors, 'error')}, {_count(warnings, 'warning')}",
                returncode=ERRORS_FOUND,
            )


def format_problem(problem: DefinitionProblem) -> str:
    # The root pointer is the empty string, which would print as nothing.
    return f"{problem.severity} {problem.pointer or '/'}: {problem.message}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
