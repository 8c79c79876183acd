"""Files posted with a form, capped while they stream in.

Each file may hold at most its input's `maxSize`, and never more than the app's
`MAX_UPLOAD_BYTES`. Past that, nothing more of it is kept (in memory or on disk):
the rest of its bytes are read past so the form's other fields still arrive, and
the view gets an `OversizedFile` that knows only its name, type and size.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest

from scenario_ui.forms.uploads import UPLOAD_SUFFIX
from scenario_ui.schema import ModelDefinition

if TYPE_CHECKING:
    # django-stubs makes UploadedFile generic; at run time it is not subscriptable.
    _File = UploadedFile[bytes]
else:
    _File = UploadedFile


class OversizedFile(_File):
    """A file that passed its cap: its size is known, its bytes were not kept."""

    def __init__(self, name: str, content_type: str, size: int, limit: int) -> None:
        super().__init__(file=None, name=name, content_type=content_type, size=size)
        self.limit = limit

    def read(self, *args: Any, **kwargs: Any) -> bytes:
        raise ValueError(f"{self.name} was over its upload limit: its bytes were not kept.")


class CappedUploadHandler(FileUploadHandler):
    """First of the request's handlers: passes a file's chunks on until it passes its cap."""

    def __init__(self, request: HttpRequest, caps: Mapping[str, int]) -> None:
        super().__init__(request)
        self.caps = caps
        self.cap = 0
        self.over = False

    def new_file(self, field_name: str, *args: Any, **kwargs: Any) -> None:
        super().new_file(field_name, *args, **kwargs)
        self.cap = self.caps.get(field_name, settings.MAX_UPLOAD_BYTES)
        self.over = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > self.cap:
            self.over = True
        # None stops the chunk here: the handlers that store files never see it.
        return None if self.over else raw_data

    def file_complete(self, file_size: int) -> UploadedFile[bytes] | None:
        if not self.over:
            return None  # The next handler, which kept the bytes, answers.
        return OversizedFile(self.file_name or "file", self.content_type or "", file_size, self.cap)


def upload_caps(definition: ModelDefinition) -> dict[str, int]:
    """The most bytes each file input's posted file may hold."""
    ceiling: int = settings.MAX_UPLOAD_BYTES
    return {
        f"{spec.name}{UPLOAD_SUFFIX}": min(getattr(spec, "max_size", None) or ceiling, ceiling)
        for spec in definition.inputs
        if spec.type in ("file", "file_array")
    }


def cap_uploads(request: HttpRequest, definition: ModelDefinition) -> None:
    """Install the caps; call before anything reads `request.POST` or `request.FILES`."""
    request.upload_handlers.insert(0, CappedUploadHandler(request, upload_caps(definition)))
