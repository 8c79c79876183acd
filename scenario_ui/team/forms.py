"""The Budgets page's one form: a monthly budget for one row (the team or a user)."""

from __future__ import annotations

from django import forms

MAX_MONTHLY_CU = 10**9


class BudgetForm(forms.Form):
    monthly_cu = forms.DecimalField(
        label="Monthly budget (CU)",
        required=False,
        min_value=0,
        max_value=MAX_MONTHLY_CU,
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
