"""The rules panel drawn in Python: every text escaped, each table written at once.

The panel is redrawn on every keystroke and every preview change; as HTML built
here it costs a fraction of the same markup through the template engine.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from scenario_ui.authoring.rules_explorer import InputRules, TruthRow

INTRO = (
    "When each input is required, from the form's own rule evaluator. Fill values in the "
    "preview: the row that holds now is marked."
)


def rules_panel(
    rules: Sequence[InputRules] | None, optional_labels: Sequence[str], *, out_of_band: bool
) -> SafeString:
    oob = mark_safe(' hx-swap-oob="true"') if out_of_band else ""
    if rules is None:
        body = mark_safe('<p class="empty">Fix the JSON to see the rules.</p>')
    else:
        articles = "".join(_article(item, index) for index, item in enumerate(rules, 1))
        body = mark_safe(articles or '<p class="hint">No input of this model has a rule.</p>')
        if optional_labels:
            body += format_html(
                '<p class="rules__optional"><strong>Always optional:</strong> {}</p>',
                ", ".join(optional_labels),
            )
    return format_html(
        '<div id="studio-rules"{}><h2 class="studio__panel-title">Rules explorer</h2>'
        '<p class="hint">{}</p>{}</div>',
        oob,
        INTRO,
        body,
    )


def _article(item: InputRules, index: int) -> str:
    now = (
        '<span class="rule__now rule__now--on">Required now</span>'
        if item.required_now
        else '<span class="rule__now">Not required now</span>'
    )
    parts: list[str] = [
        format_html(
            '<article class="rule{}" data-rule-for="{}" aria-labelledby="rule-{}">'
            '<h3 class="rule__title"><span id="rule-{}">{}</span> <code>{}</code> {}</h3>'
            '<p class="rule__words">{}</p>',
            " rule--now" if item.required_now else "",
            item.name,
            index,
            index,
            item.label,
            item.name,
            mark_safe(now),
            item.words.summary,
        )
    ]
    if item.message_now:
        parts.append(format_html('<p class="rule__message">Says: “{}”</p>', item.message_now))
    parts += [format_html('<p class="hint">{}</p>', note) for note in item.words.notes]
    if item.rows:
        parts.append(_table(item))
    parts.append("</article>")
    return "".join(parts)


def _table(item: InputRules) -> str:
    heads = "".join(f'<th scope="col">{escape(c.label)}</th>' for c in item.conditions)
    rows = "".join(_row(row) for row in item.rows)
    more = (
        f'<p class="hint">{item.truncated} more combinations not shown.</p>'
        if item.truncated
        else ""
    )
    return (
        '<div class="table-scroll"><table class="truth-table">'
        f'<caption class="visually-hidden">When {escape(item.label)} is required</caption>'
        f'<thead><tr>{heads}<th scope="col">Required?</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>{more}"
    )


def _row(row: TruthRow) -> str:
    cells = "".join(f"<td>{escape(state)}</td>" for state in row.states)
    verdict = "Yes" if row.required else "No"
    if row.is_now:
        return (
            f'<tr class="is-now" aria-current="true">{cells}<td class="truth-table__verdict">'
            f'{verdict} <span class="truth-table__now">(now)</span></td></tr>'
        )
    return f'<tr>{cells}<td class="truth-table__verdict">{verdict}</td></tr>'
