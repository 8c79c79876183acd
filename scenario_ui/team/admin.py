"""The Django admin's team pages. Roles are the groups of the built-in Users pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from scenario_ui.team.models import AuditEntry, Budget
from scenario_ui.team.services import set_budget
from scenario_ui.web.users import signed_in_user

admin.site.site_header = "scenario-ui administration"
admin.site.site_title = "scenario-ui admin"
admin.site.index_title = "Users, roles (groups), budgets and the audit trail"


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic in the stubs only
    """Read only: entries are written by the services that make the changes."""

    list_display = ("created_at", "actor_name", "action", "summary")
    list_filter = ("action",)
    search_fields = ("actor_name", "summary")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic in the stubs only
    """Changes go through `set_budget`, so the audit trail records them as on /team/budgets/."""

    list_display = ("__str__", "monthly_cu", "updated_at")

    def get_readonly_fields(
        self, request: HttpRequest, obj: Budget | None = None
    ) -> tuple[str, ...]:
        # Whose budget it is stays; another person's budget is another row.
        return ("user",) if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: Budget, form: Any, change: bool) -> None:
        set_budget(actor=signed_in_user(request), user=obj.user, monthly_cu=obj.monthly_cu)
        saved = Budget.objects.get(user=obj.user)
        obj.pk, obj.updated_at = saved.pk, saved.updated_at

    def delete_model(self, request: HttpRequest, obj: Budget) -> None:
        set_budget(actor=signed_in_user(request), user=obj.user, monthly_cu=None)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Budget]) -> None:
        for budget in queryset:
            self.delete_model(request, budget)
