"""`manage.py build_payload FILE --values VALUES`: the request body, or what stops it."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.authoring.values_file import (
    read_values_file,
    unknown_name_lines,
)
from scenario_ui.catalog.definition_file import read_definition_file
from scenario_ui.catalog.json_file import JsonFileError
from scenario_ui.forms import build_payload, evaluate, values_from_json

PROBLEMS_FOUND = 1
UNREADABLE_FILE = 2


class Command(BaseCommand):
    help = (
        "Build the body of POST /generate/custom/{modelId} from a model definition (a "
        "GET /models/{id} record or a bare model object) and VALUES (a JSON object of input "
        "name -> value, as a user enters it). Prints the body as JSON and exits 0, or one "
        '"<input name>: <message>" line per problem and exits 1; exits 2 when FILE or VALUES '
        "is not readable JSON."
    )
    # Building a body from files needs neither the database nor a sound project.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path to the JSON definition")
        parser.add_argument(
            "--values",
            required=True,
            help="path to a JSON object of input name -> value, as a user enters it",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            definition = read_definition_file(options["file"])
            entries = read_values_file(options["values"])
        except JsonFileError as error:
            raise CommandError(error.message, returncode=UNREADABLE_FILE) from error
        values = values_from_json(definition, entries)
        state = evaluate(definition, values)
        lines = [
            *unknown_name_lines(definition, values),
            *(f"{issue.input_name}: {issue.form_message}" for issue in state.all_issues()),
        ]
        if lines:
            for line in lines:
                self.stdout.write(line)
            raise CommandError(
                f"{options['values']}: {_count(len(lines), 'problem')}", returncode=PROBLEMS_FOUND
            )
        self.stdout.write(json.dumps(build_payload(state), indent=2, ensure_ascii=False))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
