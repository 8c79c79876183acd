"""The form's sections besides its inputs: the request preview and the live answer.

A live answer carries only what may have changed, as out-of-band swaps: the
message element of every input that shows or showed one, the list of shown
messages, the polite announcement, and the request preview when the body it
shows changed (the page posts the digest of the body it shows).
"""

from __future__ import annotations

from django.utils.safestring import SafeString

from scenario_ui.forms.html import esc, safe
from scenario_ui.forms.live import SHOWN
from scenario_ui.forms.render import PREVIEW_DIGEST, FormView

OUT_OF_BAND = ' hx-swap-oob="true"'


def preview_html(form: FormView, *, out_of_band: bool = False) -> SafeString:
    preview = form.preview
    problems = "" if form.state.is_valid else ", as it stands (the form still has problems)"
    return safe(
        '<section id="request-preview" class="card request-preview" '
        f'aria-labelledby="request-preview-title"{OUT_OF_BAND if out_of_band else ""}>'
        '<h2 id="request-preview-title">Request preview</h2>'
        # Posted with each live update: the answer leaves this section out while the
        # body is the same.
        f'<input type="hidden" name="{PREVIEW_DIGEST}" form="model-form" '
        f'value="{form.preview_digest}">'
        f'<p class="hint">The body of <code>POST /generate/custom/{esc(form.definition.id)}</code>'
        f"{problems}.</p>"
        f'<pre class="code" id="preview-body"><code>{esc(preview.body_json)}</code></pre>'
        f'<details class="snippet"><summary>cURL</summary><pre class="code" id="preview-curl">'
        f"<code>{esc(preview.curl)}</code></pre>"
        '<button type="button" class="button button--small" data-copy="preview-curl">'
        "Copy cURL</button></details>"
        '<details class="snippet"><summary>Python (official SDK)</summary>'
        f'<pre class="code" id="preview-python"><code>{esc(preview.python)}</code></pre>'
        '<button type="button" class="button button--small" data-copy="preview-python">'
        "Copy Python</button></details></section>"
    )


def live_html(form: FormView, *, with_preview: bool) -> SafeString:
    """The out-of-band swaps answering a live update that kept the form's shape."""
    parts = [bound.error_html(out_of_band=True) for bound in form.refreshed_inputs]
    parts.append(
        f'<input type="hidden" id="form-shown" name="{SHOWN}" value="{esc(form.shown_text)}"'
        f"{OUT_OF_BAND}>"
    )
    parts.append(f'<div id="form-announcer" hx-swap-oob="innerHTML">{esc(form.announcement)}</div>')
    if with_preview and form.preview_changed:
        parts.append(preview_html(form, out_of_band=True))
    return safe("".join(parts))
