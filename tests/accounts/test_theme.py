from __future__ import annotations

from django.test import Client


def test_a_chosen_theme_is_kept_and_drawn_on_every_page(signed_in: Client) -> None:
    response = signed_in.post("/accounts/theme/", {"theme": "dark", "next": "/jobs/"})
    assert (response.status_code, response["Location"]) == (302, "/jobs/")
    assert response.cookies["theme"].value == "dark"
    assert '<html lang="en" data-theme="dark">' in signed_in.get("/jobs/").content.decode()


def test_system_forgets_the_choice(signed_in: Client) -> None:
    signed_in.post("/accounts/theme/", {"theme": "light"})
    response = signed_in.post("/accounts/theme/", {"theme": "system"})
    assert response.cookies["theme"].value == ""
    assert '<html lang="en">' in signed_in.get("/jobs/").content.decode()


def test_only_this_site_is_a_way_back(signed_in: Client) -> None:
    response = signed_in.post("/accounts/theme/", {"theme": "dark", "next": "https://evil.test/"})
    assert response["Location"] == "/"
    forged = Client()
    forged.cookies["theme"] = '"><script>'
    assert "data-theme" not in forged.get("/accounts/login/").content.decode()
