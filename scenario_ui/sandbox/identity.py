"""Who owns what the sandbox makes: the one user and project of its demo catalog."""

from __future__ import annotations

from typing import Final

SANDBOX_USER_ID: Final = "user_sandbox-demo"
SANDBOX_OWNER_ID: Final = "proj_sandbox-demo"
