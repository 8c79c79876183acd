"""The Django admin's team pages. Roles are the groups of the built-in Users pages."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from scenario_ui.team.models import AuditEntry

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
