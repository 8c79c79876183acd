"""`manage.py render_form FILE [--values VALUES]`: the form's HTML, as the model page embeds it."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string

from scenario_ui.authoring.values_file import (
    read_values_file,
    unknown_name_lines,
)
from scenario_ui.catalog.definition_file import read_definition_file
from scenario_ui.catalog.json_file import JsonFileError
from scenario_ui.forms import values_from_json
from scenario_ui.forms.render import FormView, Moment, form_view
from scenario_ui.generate.form_page import first_form, form_urls
from scenario_ui.schema import ModelDefinition

NO_MODEL_ID = 1
UNREADABLE_FILE = 2
FORM_PARTIAL = "forms/model_form.html#form"


class Command(BaseCommand):
    help = (
        "Print the generation form of a model definition (a GET /models/{id} record or a "
        "bare model object) as the model page embeds it: the first render, or with --values "
        "the form re-rendered with those values and every error, as after a submit. "
        "Exits 1 when the definition has no id, 2 when FILE or VALUES is not readable JSON."
    )
    # Rendering a file needs neither the database nor a sound project.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path to the JSON definition")
        parser.add_argument(
            "--values", help="path to a JSON object of input name -> value, as a user enters it"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            definition = read_definition_file(options["file"])
        except JsonFileError as error:
            raise CommandError(error.message, returncode=UNREADABLE_FILE) from error
        if not definition.id:
            # The form posts to URLs made of the id; without one there is no page to mimic.
            raise CommandError(
                f"{options['file']}: the definition has no id, which the form's URLs need",
                returncode=NO_MODEL_ID,
            )
        if "/" in definition.id:
            raise CommandError(
                f'{options["file"]}: the definition\'s id "{definition.id}" contains "/", '
                "which the form's URLs cannot carry (Scenario's ids never do)",
                returncode=NO_MODEL_ID,
            )
        values_path: str | None = options["values"]
        if values_path is None:
            form = first_form(definition, base_url="")
        else:
            form = self._submitted(definition, values_path)
        # No request here, so {{ csrf_token }} renders empty: no token is made up.
        # No submission token: the page adds a fresh one, the command stays repeatable.
        context = {"form": form, **form_urls(definition.id)}
        self.stdout.write(render_to_string(FORM_PARTIAL, context), ending="")

    def _submitted(self, definition: ModelDefinition, values_path: str) -> FormView:
        try:
            entries = read_values_file(values_path)
        except JsonFileError as error:
            raise CommandError(error.message, returncode=UNREADABLE_FILE) from error
        values = values_from_json(definition, entries)
        # The form has no field for these: say so on stderr rather than drop them silently.
        for line in unknown_name_lines(definition, values):
            self.stderr.write(line)
        return form_view(definition, values, moment=Moment.SUBMIT)
