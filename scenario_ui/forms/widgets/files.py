"""The file control: asset ids (or a data URL) typed or pasted, or files to upload."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from scenario_ui.forms.bound import BoundInput, RenderOptions
from scenario_ui.forms.html import esc
from scenario_ui.forms.numbers import format_number
from scenario_ui.forms.uploads import describe_size
from scenario_ui.forms.widgets.base import (
    Widget,
    add_button,
    autofocus,
    item_buttons,
    item_suffix,
)

ACCEPT_BY_KIND = {
    "image": "image/*",
    "image-hdr": "image/*,.hdr,.exr",
    "video": "video/*",
    "audio": "audio/*",
    "3d": ".glb,.gltf,.obj,.fbx,.usdz,.stl,.ply",
    "document": ".pdf,.txt,.md,.doc,.docx",
    "json": "application/json,.json",
    "text": "text/*,.txt,.md,.csv,.json",
}


def accept_for(spec: Any) -> str:
    return ACCEPT_BY_KIND.get(str(getattr(spec, "kind", "") or ""), "")


def file_limits(bound: BoundInput) -> list[str]:
    """What the file must be, as short phrases shown under the upload field."""
    spec = bound.spec
    kind = getattr(spec, "kind", None)
    max_size = getattr(spec, "max_size", None)
    low, high = getattr(spec, "min_duration", None), getattr(spec, "max_duration", None)
    background = getattr(spec, "background_behavior", None)
    mask_from = getattr(spec, "mask_from", None)
    limits = [f"Kind: {kind}"] if kind else []
    if max_size:
        limits.append(f"Up to {describe_size(max_size)} each")
    if bound.field.multiple and bound.max_items:
        limits.append(f"At most {bound.max_items} files")
    if low or high:
        span = " ".join(
            part
            for part in (
                f"from {format_number(low)} s" if low else "",
                f"up to {format_number(high)} s" if high else "",
            )
            if part
        )
        limits.append(f"Duration {span}")
    if background:
        limits.append(f"Background: {background}")
    if mask_from:
        limits.append(f"Mask for the “{bound.input_labels.get(mask_from, mask_from)}” image")
    return limits


class FileWidget(Widget):
    """Asset ids (or a data URL), or a file to upload: `maxLength` items at most."""

    label_mode = "legend"

    def render(self, bound: BoundInput, options: RenderOptions) -> str:
        multiple = bound.field.multiple
        name = esc(bound.name)
        texts = bound.item_texts()
        items = []
        for index, text in enumerate(texts):
            control = (
                f'<input type="text" name="{name}" value="{esc(text)}" spellcheck="false" '
                f'placeholder="asset_… id" {bound.control_attrs(item_suffix(index))}'
                f"{autofocus(bound, index)}"
            )
            if multiple:
                control += (
                    f' aria-label="{esc(bound.label)} {index + 1}: asset id">'
                    + item_buttons(
                        options, target=bound.name, index=index, count=len(texts), noun="file"
                    )
                )
            else:
                control += ">"
            slot = _asset_slot(options, text, f"{bound.html_id}{item_suffix(index)}")
            items.append(f'<li class="item-list__item">{control}{slot}</li>')
        html_id = bound.html_id
        limits_id = f"{html_id}-limits"
        upload = ""
        if options.uploads:
            preview_id = f"{html_id}-preview"
            max_size = getattr(bound.spec, "max_size", None)
            # hx-preserve: a chosen file survives the form being redrawn by a row or preset button.
            upload = (
                f'<div class="upload"><label class="upload__label" for="{html_id}-upload">'
                f"Or upload {'files' if multiple else 'a file'}"
                f'<span class="visually-hidden"> for {esc(bound.label)}</span></label>'
                f'<input type="file" id="{html_id}-upload" hx-preserve name="{name}__upload" '
                f'accept="{esc(accept_for(bound.spec))}"{" multiple" if multiple else ""} '
                f'data-max-size="{max_size if max_size is not None else ""}" '
                f'data-preview="{preview_id}" aria-describedby="{limits_id} {bound.error_id}"'
                f"{_upload_target(options, bound)}>"
                f'<div class="upload__preview" id="{preview_id}" aria-live="polite" hx-preserve>'
                f"</div>{_picker(options, bound)}</div>"
            )
        limits = "".join(f"<li>{esc(limit)}</li>" for limit in file_limits(bound))
        more = add_button(options, bound, noun="file") if multiple and bound.can_add_item else ""
        return (
            f'<ol class="item-list">{"".join(items)}</ol>{upload}'
            f'<ul class="field__meta upload__limits" id="{limits_id}">{limits}</ul>{more}'
        )


def _upload_target(options: RenderOptions, bound: BoundInput) -> str:
    """Where the form's script uploads a chosen file at once, and which input it fills."""
    if not options.upload_url:
        return ""
    url = f"{options.upload_url}?{urlencode({'input': bound.name})}"
    return f' data-upload-url="{esc(url)}" data-fills="{esc(bound.name)}"'


def _asset_slot(options: RenderOptions, text: str, control_id: str) -> str:
    """An asset id's thumbnail or player, drawn once the page has loaded (it reads the API)."""
    if not options.asset_preview_url or not text.startswith("asset_"):
        return ""
    url = f"{options.asset_preview_url}?{urlencode({'asset': text, 'for': control_id})}"
    # Its own swap: the form's hx-swap="none" would be inherited.
    return (
        f'<div class="asset-slot" hx-get="{esc(url)}" hx-trigger="load" hx-swap="innerHTML"></div>'
    )


# An input's kind, as the kind of file the picker offers for it.
PICKED_KIND = {
    "image": "image",
    "image-hdr": "image",
    "video": "video",
    "audio": "audio",
    "3d": "3d",
}


def _picker(options: RenderOptions, bound: BoundInput) -> str:
    """Choose from the user's earlier outputs and uploads (drawn where uploads go at once)."""
    if not (options.upload_url and options.picker_url):
        return ""
    kind = PICKED_KIND.get(str(getattr(bound.spec, "kind", "") or ""), "")
    url = f"{options.picker_url}?{urlencode({'fills': bound.name, 'kind': kind})}"
    results = f"{bound.html_id}-picker"
    label = esc(bound.label)
    return (
        f'<div class="picker-box"><button type="button" class="button button--small" '
        f'hx-get="{esc(url)}" hx-target="#{results}" hx-swap="innerHTML">Choose from your files'
        f'<span class="visually-hidden"> for {label}</span></button>'
        f'<input type="search" class="picker-box__search" data-picker-search="{esc(url)}" '
        f'data-picker-target="{results}" placeholder="Search your files" '
        f'aria-label="Search your files for {label} by prompt or name">'
        f'<div class="picker-box__results" id="{results}" aria-live="polite"></div></div>'
    )
