"""The Django admin under the app's strict Content-Security-Policy: styled, scripted, no
violation; roles are given there as groups."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_admin_works_under_the_strict_csp(
    page: Page, live_server: Any, transactional_db: None, csp_violations: list[str]
) -> None:
    from django.contrib.auth.models import Group

    from scenario_ui.team.roles import Role, role_of
    from tests.conftest import user_with_role

    admin = user_with_role("administrator", None)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    newcomer = user_with_role("newcomer", None)

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("administrator")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Users, roles (groups), budgets")).to_be_visible()
    # The admin's own stylesheet applies (its header is coloured, not the browser default).
    header_colour = page.locator("#header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header_colour not in ("rgba(0, 0, 0, 0)", "transparent")

    page.goto(f"{live_server.url}/admin/auth/user/{newcomer.pk}/change/")
    # The groups picker is the admin's script widget (SelectFilter): it runs under the CSP.
    page.locator("#id_groups_from").select_option(label="member")
    page.locator("#id_groups_add").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert role_of(newcomer) is Role.MEMBER
    assert list(newcomer.groups.all()) == [Group.objects.get(name="member")]

    for path in ("/admin/auth/group/", "/admin/team/auditentry/", "/admin/auth/user/add/"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("#content")).to_be_visible()
    assert csp_violations == []
