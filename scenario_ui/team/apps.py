from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db.models.signals import post_delete, post_migrate, post_save


def _sync_role_groups(*, apps: Apps = global_apps, **_: Any) -> None:
    """`migrate` passes the migrated state's apps; `flush` passes none."""
    from scenario_ui.team.roles import sync_role_groups

    sync_role_groups(apps)


class TeamConfig(AppConfig):
    name = "scenario_ui.team"
    label = "team"
    verbose_name = "Team"

    def ready(self) -> None:
        # After every migrate, and after a test database flush (which empties the groups
        # the data migration made), the groups hold what `roles.py` says again.
        post_migrate.connect(_sync_role_groups, sender=self)
        from scenario_ui.team.budgets import forget_budgets
        from scenario_ui.team.models import Budget
        from scenario_ui.team.permission_cache import connect_invalidation

        connect_invalidation()
        for signal in (post_save, post_delete):
            signal.connect(forget_budgets, sender=Budget, dispatch_uid=f"forget-budgets-{signal}")
