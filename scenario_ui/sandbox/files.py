"""Files sent to the sandbox inline: data URLs in requests, base64 in uploads."""

from __future__ import annotations

import base64
import binascii
import io
import mimetypes
import re
from dataclasses import dataclass, field
from typing import Final

from PIL import Image, UnidentifiedImageError

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.json_types import JsonObject

DATA_URL: Final = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)(?:;[\w.+-]+=[\w.+-]+)*;base64,")
# Images are opened to check them; the content type kept is the one Pillow recognised, never
# the one claimed, since the sandbox serves the bytes back from the app's own origin.
IMAGE_MIME_TYPES: Final = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
}
KIND_BY_MIME_TYPE: Final = {
    "model/gltf-binary": "3d",
    "model/gltf+json": "3d",
    "application/json": "json",
    "application/pdf": "document",
}
KIND_BY_MIME_FAMILY: Final = {"video": "video", "audio": "audio", "text": "text"}
# Types the platform's mimetypes table may not know.
EXTENSIONS: Final = {"audio/wav": ".wav", "model/gltf-binary": ".glb"}


@dataclass(frozen=True)
class FileContent:
    """A file about to become an asset."""

    kind: str
    mime_type: str
    name: str
    content: bytes
    properties: JsonObject = field(default_factory=dict)


def is_data_url(value: str) -> bool:
    return DATA_URL.match(value) is not None


def file_from_data_url(data_url: str, input_name: str) -> FileContent:
    """The file of a `data:<mime>;base64,...` URL sent for `input_name`."""
    match = DATA_URL.match(data_url)
    if match is None:
        raise SandboxApiError(400, f"Input {input_name} must be an asset id or a base64 data URL")
    mime_type = match["mime"].lower()
    content = decode_base64(data_url[match.end() :], f"input {input_name}")
    extension = EXTENSIONS.get(mime_type) or mimetypes.guess_extension(mime_type) or ""
    name = input_name + extension
    if mime_type.startswith("image/"):
        return image_file(content, name)
    kind = KIND_BY_MIME_TYPE.get(mime_type) or KIND_BY_MIME_FAMILY.get(mime_type.split("/")[0])
    return FileContent(kind=kind or "document", mime_type=mime_type, name=name, content=content)


def image_from_upload(image: str, name: str) -> FileContent:
    """The `image` of `POST /assets`: plain base64 or a data URL."""
    match = DATA_URL.match(image)
    encoded = image[match.end() :] if match else image
    return image_file(decode_base64(encoded, "image"), name)


def decode_base64(text: str, where: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise SandboxApiError(400, f"Invalid base64 data in {where}: {error}") from error


def image_file(content: bytes, name: str) -> FileContent:
    expected = ", ".join(IMAGE_MIME_TYPES)
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format, width, height = image.format, image.width, image.height
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as error:
        raise SandboxApiError(
            400, f"{name} is not an image; expected one of: {expected}"
        ) from error
    mime_type = IMAGE_MIME_TYPES.get(image_format or "")
    if mime_type is None:
        raise SandboxApiError(400, f"{name} is a {image_format} image; expected one of: {expected}")
    return FileContent(
        kind="image",
        mime_type=mime_type,
        name=name,
        content=content,
        properties={"width": width, "height": height},
    )
