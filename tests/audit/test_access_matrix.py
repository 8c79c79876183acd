"""Who may use every URL: two users and an anonymous client, against every URL pattern of
the app and of the sandbox API, read from the resolver.

A URL missing from ACCESS fails the suite: a new app classifies each of its URLs with
one line here (and names a sample value for a new URL parameter in SAMPLES).
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from scenario_ui.authoring.drafts import new_draft
from scenario_ui.authoring.models import DraftTestRun
from scenario_ui.generate.models import Generation
from scenario_ui.library.models import UploadedFile
from scenario_ui.sandbox.models import SandboxJob
from scenario_ui.scenario.uploads import upload_file
from scenario_ui.training.models import Training
from scenario_ui.web.attempts import TOKEN, new_token
from tests.generate.support import png_bytes
from tests.sandbox.factories import AUTH_HEADERS


class Access(Enum):
    PUBLIC = "anyone"
    SIGNED_IN = "any signed-in user; anonymous callers are sent to sign in"
    OWNER = "the user whose job or training it is; 404 for any other user"
    API_KEY = "the sandbox's own key pair; a 401 in the API's shape for anyone else"
    # The bytes of an asset, loaded by <img>: like the real API's signed URLs, its
    # unguessable id is the key.
    ASSET_BYTES = "anyone who knows the asset's id"
    # Storage, like the real API's signed part URLs: the secret in the URL is the key; a
    # 403 in the API's shape for anyone without it, whatever their credentials.
    PART_URL = "anyone holding the part URL's secret"


ACCESS: dict[str, Access] = {
    "login": Access.PUBLIC,
    "logout": Access.PUBLIC,
    "theme": Access.SIGNED_IN,
    "catalog:index": Access.SIGNED_IN,
    "catalog:model_options": Access.SIGNED_IN,
    "catalog:model": Access.SIGNED_IN,
    "catalog:model_definition": Access.SIGNED_IN,
    "generate:revalidate": Access.SIGNED_IN,
    "generate:estimate": Access.SIGNED_IN,
    "generate:submit": Access.SIGNED_IN,
    "generate:jobs": Access.SIGNED_IN,
    "generate:job": Access.OWNER,
    "generate:job_poll": Access.OWNER,
    "generate:job_cancel": Access.OWNER,
    "generate:job_look_up": Access.OWNER,
    "training:train": Access.OWNER,
    "training:revalidate": Access.OWNER,
    "training:review": Access.OWNER,
    "training:start": Access.OWNER,
    "training:progress": Access.OWNER,
    "training:cancel": Access.OWNER,
    "authoring:index": Access.SIGNED_IN,
    "authoring:new": Access.SIGNED_IN,
    "authoring:open": Access.SIGNED_IN,
    "authoring:import": Access.SIGNED_IN,
    # An unshared draft and its test runs are its owner's (a shared one is read-only for
    # the team: tests/authoring).
    "authoring:studio": Access.OWNER,
    "authoring:definition": Access.OWNER,
    "authoring:preview": Access.OWNER,
    "authoring:compare": Access.OWNER,
    "authoring:save_version": Access.OWNER,
    "authoring:restore_version": Access.OWNER,
    "authoring:share": Access.OWNER,
    "authoring:rename": Access.OWNER,
    "authoring:copy": Access.OWNER,
    "authoring:delete": Access.OWNER,
    "authoring:export": Access.OWNER,
    "authoring:cost": Access.OWNER,
    "authoring:test_run": Access.OWNER,
    "authoring:run": Access.OWNER,
    "authoring:run_output": Access.OWNER,
    "sandbox:models-list": Access.API_KEY,
    "sandbox:models-get-bulk": Access.API_KEY,
    "sandbox:model-detail": Access.API_KEY,
    "sandbox:model-train": Access.API_KEY,
    "sandbox:model-train-action": Access.API_KEY,
    "sandbox:generate-custom": Access.API_KEY,
    "sandbox:jobs-list": Access.API_KEY,
    "sandbox:job-detail": Access.API_KEY,
    "sandbox:job-action": Access.API_KEY,
    "sandbox:assets-upload": Access.API_KEY,
    "sandbox:assets-get-bulk": Access.API_KEY,
    "sandbox:asset-detail": Access.API_KEY,
    "sandbox:asset-content": Access.ASSET_BYTES,
    "sandbox:uploads-create": Access.API_KEY,
    "sandbox:upload-detail": Access.API_KEY,
    "sandbox:upload-action": Access.API_KEY,
    "sandbox:upload-part": Access.PART_URL,
    "sandbox:route-not-found": Access.API_KEY,
    "library:creations": Access.SIGNED_IN,
    "library:use_as_input": Access.SIGNED_IN,
    "library:picker": Access.SIGNED_IN,
    "library:upload": Access.SIGNED_IN,
    "library:upload_state": Access.OWNER,
    "library:preview": Access.SIGNED_IN,
}
LUMEN = "model_demo-lumen-xl"
MASCOT = "model_demo-my-mascot-flux"
METHODS = ("get", "post")
API_METHODS = ("get", "post", "put")
WRONG_KEY = {"Authorization": "Basic " + base64.b64encode(b"key:guessed").decode("ascii")}


@dataclass(frozen=True)
class Route:
    name: str
    parameters: tuple[str, ...]


def routes(patterns: list[Any] | None = None, namespace: str = "") -> Iterator[Route]:
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield Route(name, tuple(pattern.pattern.converters))


# A delete takes the owner's sample away from the URLs after it: deletes go last.
ROUTES = sorted(routes(), key=lambda route: (route.name.endswith(":delete"), route.name))


def test_every_url_is_classified() -> None:
    unclassified = sorted({route.name for route in ROUTES} - set(ACCESS))
    assert unclassified == [], f"classify these URLs in ACCESS: {unclassified}"
    assert sorted(set(ACCESS) - {route.name for route in ROUTES}) == []


@dataclass
class World:
    owner: User
    other: User
    samples: dict[str, dict[str, str]]


@pytest.fixture
def world(seeded_sandbox: None, django_user_model: Any) -> World:
    owner = django_user_model.objects.create_user("owner", password="a-long-password")
    other = django_user_model.objects.create_user("other", password="a-long-password")
    client = Client()
    client.force_login(owner)
    submitted = client.post(f"/models/{LUMEN}/generate/", {"prompt": "p", TOKEN: new_token()})
    assert submitted.status_code == 302
    generation = Generation.objects.get(user=owner)
    Training.objects.create(user=owner, model_id=MASCOT, outcome=Training.Outcome.STARTED)
    image = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    asset = Client().post(
        "/sandbox/v1/assets",
        {"name": "a.png", "image": image},
        content_type="application/json",
        headers=AUTH_HEADERS,
    )
    asset_id = asset.json()["asset"]["id"]
    upload = upload_file(name="a.png", content=png_bytes(), content_type="image/png", kind="image")
    uploaded = UploadedFile.objects.create(
        user=owner,
        model_id=LUMEN,
        input_name="image",
        file_name="a.png",
        content_type="image/png",
        size=len(png_bytes()),
        upload_id=upload.upload_id,
        asset_id=str(upload.asset_id),
    )
    draft = new_draft(owner=owner)
    run = DraftTestRun.objects.create(
        draft=draft, user=owner, asset_ids=[asset_id], status="success"
    )
    # The value each URL parameter takes, by the kind of URL: the owner's things.
    samples = {
        "app": {"model_id": MASCOT, "pk": str(generation.pk)},
        "authoring": {
            "draft_id": str(draft.pk),
            "number": "1",
            "pk": str(run.pk),
            "asset_id": asset_id,
        },
        "catalog": {"model_id": LUMEN},
        "sandbox": {
            "model_id": LUMEN,
            "job_id": SandboxJob.objects.get().id,
            "asset_id": asset_id,
            "upload_id": upload.upload_id,
            "number": "1",
        },
        "library": {"model_id": LUMEN, "pk": str(uploaded.pk)},
    }
    return World(owner=owner, other=other, samples=samples)


def url_of(route: Route, world: World) -> str:
    group = route.name.split(":")[0]
    values = world.samples.get(group, {}) if group in world.samples else {}
    values = {**world.samples["app"], **values}
    missing = [name for name in route.parameters if name not in values]
    assert missing == [], f"name a sample value for {missing} (URL {route.name})"
    return reverse(route.name, kwargs={name: values[name] for name in route.parameters})


def is_sign_in_redirect(response: Any) -> bool:
    location: str = response.get("Location", "")
    return response.status_code == 302 and location.startswith("/accounts/login/")


def problems_of(access: Access, where: str, answers: dict[str, Any]) -> Iterator[str]:
    """What is wrong with the answers each actor got from one URL and method."""
    statuses = {actor: response.status_code for actor, response in answers.items()}
    for actor, status in statuses.items():
        if status >= 500:
            yield f"{actor}: {where} -> {status}"
    match access:
        case Access.PUBLIC | Access.ASSET_BYTES:
            refused = {actor: s for actor, s in statuses.items() if s in (401, 403)}
            if refused:
                yield f"{where} refused {refused}"
        case Access.SIGNED_IN | Access.OWNER:
            for actor in ("anonymous", "key holder", "wrong key"):
                if not is_sign_in_redirect(answers[actor]):
                    yield f"{actor}: {where} -> {statuses[actor]}, not sent to sign in"
            for actor in ("owner", "other"):
                if is_sign_in_redirect(answers[actor]):
                    yield f"{actor}: {where} sent to sign in"
            # A method the URL does not take is 405 for everyone, telling nothing.
            wrong_method = statuses["owner"] == statuses["other"] == 405
            if access is Access.OWNER and not wrong_method:
                if statuses["other"] != 404:
                    yield f"other user: {where} -> {statuses['other']}, not 404"
                if statuses["owner"] == 404:
                    yield f"owner: {where} -> 404"
        case Access.API_KEY:
            for actor in ("owner", "other", "anonymous", "wrong key"):
                if statuses[actor] != 401 or set(answers[actor].json()) != {"reason"}:
                    yield f"{actor}: {where} -> {statuses[actor]}, not a 401 in the API's shape"
            if statuses["key holder"] == 401:
                yield f"key holder: {where} -> 401"
        case Access.PART_URL:
            for actor, status in statuses.items():
                if status not in (403, 405) or set(answers[actor].json()) != {"reason"}:
                    yield f"{actor}: {where} -> {status}, not a 403 or 405 in the API's shape"


def test_who_may_use_each_url(world: World) -> None:
    clients = {"owner": Client(), "other": Client()}
    problems: list[str] = []
    for route in ROUTES:
        url = url_of(route, world)
        for method in API_METHODS if route.name.startswith("sandbox:") else METHODS:
            # Signed in anew each time: a logout, say, must not leak into the next request.
            clients["owner"].force_login(world.owner)
            clients["other"].force_login(world.other)
            answers = {
                "owner": getattr(clients["owner"], method)(url),
                "other": getattr(clients["other"], method)(url),
                "anonymous": getattr(Client(), method)(url),
                "key holder": getattr(Client(), method)(url, headers=AUTH_HEADERS),
                "wrong key": getattr(Client(), method)(url, headers=WRONG_KEY),
            }
            problems += problems_of(ACCESS[route.name], f"{method.upper()} {url}", answers)
    assert problems == []
