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
from django.utils import timezone

from scenario_ui.authoring.drafts import new_draft
from scenario_ui.authoring.models import DraftTestRun
from scenario_ui.generate.models import Generation
from scenario_ui.library.models import UploadedFile
from scenario_ui.sandbox.models import SandboxJob, SandboxWebhookEndpoint
from scenario_ui.scenario.uploads import upload_file
from scenario_ui.training.models import Training
from scenario_ui.web.attempts import TOKEN, new_token
from scenario_ui.worker.heartbeat import beat
from scenario_ui.worker.models import WebhookEndpoint
from tests.conftest import user_with_role
from tests.generate.support import png_bytes
from tests.sandbox.factories import AUTH_HEADERS


class Access(Enum):
    PUBLIC = "anyone"
    BROWSE = (
        "any user with a role (viewer, member, lead); anonymous callers are sent to sign in, "
        "a user with no role is refused (403)"
    )
    SPEND = "members and leads: it spends credits; a viewer (or no role) is refused (403)"
    OWNER = (
        "the member whose job or training it is, and the leads; 404 for any other member, "
        "refused (403 or 404) for a viewer"
    )
    PRIVATE = "the user whose draft it is alone; 404 for anyone else, leads included"
    LEAD = "leads alone; 403 for members and viewers"
    API_KEY = "the sandbox's own key pair; a 401 in the API's shape for anyone else"
    # The bytes of an asset, loaded by <img>: like the real API's signed URLs, its
    # unguessable id is the key.
    ASSET_BYTES = "anyone who knows the asset's id"
    # Scenario's webhook deliveries carry no session nor key: the URL's token is the check.
    HOOK_TOKEN = "anyone who knows the endpoint's token; 404 for a wrong one"
    # Storage, like the real API's signed part URLs: the secret in the URL is the key; a
    # 403 in the API's shape for anyone without it, whatever their credentials.
    PART_URL = "anyone holding the part URL's secret"


ACCESS: dict[str, Access] = {
    "login": Access.PUBLIC,
    "logout": Access.PUBLIC,
    "theme": Access.BROWSE,
    "catalog:index": Access.BROWSE,
    "catalog:model_options": Access.BROWSE,
    "catalog:picked_model": Access.BROWSE,
    "catalog:model": Access.BROWSE,
    "catalog:model_definition": Access.BROWSE,
    # A live update redraws the preview: a viewer's form has no Generate button.
    "generate:revalidate": Access.BROWSE,
    "generate:estimate": Access.SPEND,
    "generate:submit": Access.SPEND,
    "generate:prompt_spark": Access.SPEND,
    "generate:jobs": Access.BROWSE,
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
    "training:add_images": Access.OWNER,
    "training:remove_image": Access.OWNER,
    # The studio runs drafts in the sandbox only, which spends no credits: viewers too.
    "authoring:index": Access.BROWSE,
    "authoring:new": Access.BROWSE,
    "authoring:open": Access.BROWSE,
    "authoring:import": Access.BROWSE,
    # An unshared draft and its test runs are its owner's (a shared one is read-only for
    # the team: tests/authoring).
    "authoring:studio": Access.PRIVATE,
    "authoring:definition": Access.PRIVATE,
    "authoring:preview": Access.PRIVATE,
    "authoring:compare": Access.PRIVATE,
    "authoring:save_version": Access.PRIVATE,
    "authoring:restore_version": Access.PRIVATE,
    "authoring:share": Access.PRIVATE,
    "authoring:rename": Access.PRIVATE,
    "authoring:copy": Access.PRIVATE,
    "authoring:delete": Access.PRIVATE,
    "authoring:export": Access.PRIVATE,
    "authoring:cost": Access.PRIVATE,
    "authoring:test_run": Access.PRIVATE,
    "authoring:run": Access.PRIVATE,
    "authoring:run_output": Access.PRIVATE,
    "team:budgets": Access.LEAD,
    "team:audit": Access.LEAD,
    "team:feed": Access.LEAD,
    "team:feed_csv": Access.LEAD,
    "team:feed_row": Access.LEAD,
    "team:audit_csv": Access.LEAD,
    "team:cancel": Access.LEAD,
    "team:resubmit": Access.LEAD,
    "team:dismiss_credit_alert": Access.LEAD,
    "team:spend": Access.LEAD,
    "team:spend_csv": Access.LEAD,
    "team:trainings": Access.LEAD,
    "team:trainings_csv": Access.LEAD,
    # For load balancers: says only whether the database, the cache and a worker work.
    "worker:healthz": Access.PUBLIC,
    # Scenario's deliveries: only the endpoint's unguessable token opens it (404 otherwise).
    "worker:scenario_hook": Access.HOOK_TOKEN,
    "sandbox:models-list": Access.API_KEY,
    "sandbox:models-get-bulk": Access.API_KEY,
    "sandbox:model-detail": Access.API_KEY,
    "sandbox:model-train": Access.API_KEY,
    "sandbox:model-train-action": Access.API_KEY,
    "sandbox:model-training-images": Access.API_KEY,
    "sandbox:model-training-image": Access.API_KEY,
    "sandbox:generate-custom": Access.API_KEY,
    "sandbox:generate-prompt": Access.API_KEY,
    "sandbox:jobs-list": Access.API_KEY,
    "sandbox:job-detail": Access.API_KEY,
    "sandbox:job-action": Access.API_KEY,
    "sandbox:assets-upload": Access.API_KEY,
    "sandbox:assets-get-bulk": Access.API_KEY,
    "sandbox:asset-detail": Access.API_KEY,
    "sandbox:asset-content": Access.ASSET_BYTES,
    "sandbox:webhook-endpoints": Access.API_KEY,
    "sandbox:webhook-endpoint": Access.API_KEY,
    "sandbox:webhook-events": Access.API_KEY,
    "sandbox:team-webhook-endpoints": Access.API_KEY,
    "sandbox:team-webhook-endpoint": Access.API_KEY,
    "sandbox:stats": Access.API_KEY,
    "sandbox:usages-list": Access.API_KEY,
    "sandbox:uploads-create": Access.API_KEY,
    "sandbox:upload-detail": Access.API_KEY,
    "sandbox:upload-action": Access.API_KEY,
    "sandbox:upload-part": Access.PART_URL,
    "sandbox:route-not-found": Access.API_KEY,
    "library:creations": Access.BROWSE,
    "library:use_as_input": Access.BROWSE,
    "library:picker": Access.BROWSE,
    "library:upload": Access.BROWSE,
    "library:upload_state": Access.PRIVATE,
    "library:preview": Access.BROWSE,
}
# Django's admin checks its own URLs (staff only): tested as one by test_the_admin_is_for_staff.
ADMIN = "admin"
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
            # Named groups: a path's converters, and a regex pattern's own groups.
            yield Route(name, tuple(pattern.pattern.regex.groupindex))


# A delete takes the owner's sample away from the URLs after it: deletes go last.
ALL_ROUTES = sorted(routes(), key=lambda route: (route.name.endswith(":delete"), route.name))
ROUTES = [route for route in ALL_ROUTES if not route.name.startswith(f"{ADMIN}:")]
ADMIN_ROUTES = [
    route
    for route in ALL_ROUTES
    if route.name.startswith(f"{ADMIN}:") and route.name != "admin:None"
]


def test_every_url_is_classified() -> None:
    unclassified = sorted({route.name for route in ROUTES} - set(ACCESS))
    assert unclassified == [], f"classify these URLs in ACCESS: {unclassified}"
    assert sorted(set(ACCESS) - {route.name for route in ROUTES}) == []


# Who signs in for each request: the owner of the samples and another member, a lead, a
# viewer and a user with no role.
ROLES = {"owner": "member", "other": "member", "lead": "lead", "viewer": "viewer", "no role": None}
ALL_SIGNED_IN = tuple(ROLES)


@dataclass
class World:
    users: dict[str, User]
    samples: dict[str, dict[str, str]]


@pytest.fixture
def world(seeded_sandbox: None) -> World:
    beat()  # A worker runs: /healthz/ answers 200 (its 503 is tested in tests/worker).
    users = {actor: user_with_role(actor.replace(" ", "-"), role) for actor, role in ROLES.items()}
    owner = users["owner"]
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
    remote = SandboxWebhookEndpoint.objects.create(
        project_id="proj_sandbox", url="http://testserver/", secret="s", created_at=timezone.now()
    )
    hook = WebhookEndpoint.objects.create(
        endpoint_id=remote.id, token="a-long-unguessable-token", url="http://testserver/"
    )
    # The value each URL parameter takes, by the kind of URL: the owner's things.
    samples = {
        "app": {"model_id": MASCOT, "pk": str(generation.pk), "image_id": asset_id},
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
            "image_id": asset_id,
            "project_id": "proj_sandbox",
            "endpoint_id": remote.id,
            "team_id": "team_sandbox",
        },
        "team": {"table": "days", "kind": "generation"},
        "worker": {"token": hook.token},
        "library": {"model_id": LUMEN, "pk": str(uploaded.pk)},
    }
    return World(users=users, samples=samples)


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


def _allowed(actors: tuple[str, ...], statuses: dict[str, int], where: str) -> Iterator[str]:
    for actor in actors:
        if statuses[actor] in (403, 404):
            yield f"{actor}: {where} -> {statuses[actor]}"


def _refused(
    actors: tuple[str, ...], statuses: dict[str, int], where: str, codes: tuple[int, ...]
) -> Iterator[str]:
    for actor in actors:
        if statuses[actor] not in codes:
            yield f"{actor}: {where} -> {statuses[actor]}, not {' or '.join(map(str, codes))}"


def problems_of(access: Access, where: str, answers: dict[str, Any]) -> Iterator[str]:
    """What is wrong with the answers each actor got from one URL and method."""
    statuses = {actor: response.status_code for actor, response in answers.items()}
    for actor, status in statuses.items():
        if status >= 500:
            yield f"{actor}: {where} -> {status}"
    if access in (Access.PUBLIC, Access.ASSET_BYTES, Access.HOOK_TOKEN):
        refused = {actor: s for actor, s in statuses.items() if s in (401, 403)}
        if refused:
            yield f"{where} refused {refused}"
        return
    if access is Access.PART_URL:
        for actor, status in statuses.items():
            if status not in (403, 405) or set(answers[actor].json()) != {"reason"}:
                yield f"{actor}: {where} -> {status}, not a 403 or 405 in the API's shape"
        return
    if access is Access.API_KEY:
        for actor in (*ALL_SIGNED_IN, "anonymous", "wrong key"):
            if statuses[actor] != 401 or set(answers[actor].json()) != {"reason"}:
                yield f"{actor}: {where} -> {statuses[actor]}, not a 401 in the API's shape"
        if statuses["key holder"] == 401:
            yield f"key holder: {where} -> 401"
        return
    for actor in ("anonymous", "key holder", "wrong key"):
        if not is_sign_in_redirect(answers[actor]):
            yield f"{actor}: {where} -> {statuses[actor]}, not sent to sign in"
    for actor in ALL_SIGNED_IN:
        if is_sign_in_redirect(answers[actor]):
            yield f"{actor}: {where} sent to sign in"
    yield from _refused(("no role",), statuses, where, (403,))
    # A method the URL does not take is 405 for whoever gets that far, telling nothing.
    if statuses["owner"] == 405:
        if access in (Access.SPEND, Access.LEAD):
            yield from _refused(("viewer",), statuses, where, (403,))
        return
    match access:
        case Access.BROWSE:
            yield from _allowed(("owner", "other", "lead", "viewer"), statuses, where)
        case Access.SPEND:
            yield from _allowed(("owner", "other", "lead"), statuses, where)
            yield from _refused(("viewer",), statuses, where, (403,))
        case Access.OWNER:
            yield from _allowed(("owner", "lead"), statuses, where)
            yield from _refused(("other",), statuses, where, (404,))
            yield from _refused(("viewer",), statuses, where, (403, 404))
        case Access.PRIVATE:
            yield from _allowed(("owner",), statuses, where)
            yield from _refused(("other", "lead", "viewer"), statuses, where, (404,))
        case Access.LEAD:
            yield from _allowed(("lead",), statuses, where)
            yield from _refused(("owner", "other", "viewer"), statuses, where, (403,))


def test_who_may_use_each_url(world: World) -> None:
    clients = {actor: Client() for actor in ALL_SIGNED_IN}
    problems: list[str] = []
    for route in ROUTES:
        url = url_of(route, world)
        for method in API_METHODS if route.name.startswith("sandbox:") else METHODS:
            answers = {}
            for actor, client in clients.items():
                # Signed in anew each time: a logout, say, must not leak into the next request.
                client.force_login(world.users[actor])
                answers[actor] = getattr(client, method)(url)
            answers |= {
                "anonymous": getattr(Client(), method)(url),
                "key holder": getattr(Client(), method)(url, headers=AUTH_HEADERS),
                "wrong key": getattr(Client(), method)(url, headers=WRONG_KEY),
            }
            problems += problems_of(ACCESS[route.name], f"{method.upper()} {url}", answers)
    assert problems == []


# The admin's, or (for a page Django's login middleware reaches first) the app's.
SIGN_IN_PAGES = ("/admin/login/", "/accounts/login/")


def test_the_admin_is_for_staff(world: World) -> None:
    """Every named admin URL: a sign-in page for anyone not staff, leads included."""
    admin_user = user_with_role("administrator", None)
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    owner_pk = str(world.users["owner"].pk)
    # The django_rq dashboard's pages (the scale-out worker's queues) take these too.
    samples = {
        "object_id": owner_pk,
        "id": owner_pk,
        "app_label": "team",
        "queue_index": "0",
        "scheduler_index": "0",
        "connection_index": "0",
        **dict.fromkeys(("job_id", "result_id", "key", "scheduler_name", "cron_job_name"), "x"),
        "token": "x",
    }
    superuser = Client()
    superuser.force_login(admin_user)
    assert superuser.get(reverse("admin:index")).status_code == 200
    problems: list[str] = []
    for route in ADMIN_ROUTES:
        if route.name in ("admin:logout", "admin:login", "admin:view_on_site"):
            continue
        # django_rq's dashboard (the RQ backend's queues) is its own: staff-only like the rest
        # (checked just below), but its pages answer made-up job ids and its placeholder model's
        # object pages (no table) with errors, so a superuser's visit is not judged here.
        third_party = route.name.startswith("admin:django_rq_")
        url = reverse(route.name, kwargs={name: samples[name] for name in route.parameters})
        for actor in (*ALL_SIGNED_IN, "anonymous"):
            client = Client()
            if actor != "anonymous":
                client.force_login(world.users[actor])
            answer = client.get(url)
            location = answer.get("Location", "")
            sent_to_sign_in = answer.status_code == 302 and location.startswith(SIGN_IN_PAGES)
            # django_rq's stats.json asks for its own API token instead (none is set).
            if not sent_to_sign_in and not (third_party and answer.status_code == 401):
                problems.append(f"{actor}: GET {url} -> {answer.status_code} {location}")
        # Staff get the page, or the admin's own refusal (the audit trail is read-only).
        status = 0 if third_party else superuser.get(url).status_code
        if status >= 500:
            problems.append(f"superuser: GET {url} -> {status}")
    assert problems == []


def test_a_webhook_with_a_wrong_token_is_not_found(world: World) -> None:
    for token in ("a-long-unguessable-tokem", "x"):
        assert (
            Client().post(f"/hooks/scenario/{token}/", "{}", "application/json").status_code == 404
        )
