from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from scenario_ui.team.roles import ROLE_NAMES, UnknownRole, parse_role, role_of, set_role


class Command(BaseCommand):
    help = "Team roles: `team add USER --role ROLE` gives an existing user a role; `team list`."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Give USER a role (it replaces any other role).")
        add.add_argument("username", metavar="USER")
        add.add_argument("--role", required=True, help=f"One of: {ROLE_NAMES}.")
        actions.add_parser("list", help="Every user and their role.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for user in get_user_model().objects.order_by("username"):
                self.stdout.write(f"{user.get_username()}\t{role_of(user) or 'no role'}")
            return
        try:
            role = parse_role(options["role"])
        except UnknownRole as error:
            raise CommandError(str(error)) from None
        username = options["username"]
        found = get_user_model().objects.filter(username=username).first()
        if found is None:
            raise CommandError(
                f'There is no user "{username}". Create it first: manage.py createsuperuser, '
                "or the admin's Users page."
            )
        set_role(user=found, role=role, actor=None)
        self.stdout.write(self.style.SUCCESS(f"{username} is now a {role}."))
