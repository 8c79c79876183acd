from __future__ import annotations

import json
import struct

from scenario_ui.sandbox.outputs.mesh import glb_cube
from tests.sandbox.outputs.subjects import SUBJECT


def chunks(content: bytes) -> list[tuple[bytes, bytes]]:
    found = []
    offset = 12
    while offset < len(content):
        length, chunk_type = struct.unpack_from("<I4s", content, offset)
        found.append((chunk_type, content[offset + 8 : offset + 8 + length]))
        offset += 8 + length
    return found


def test_3d_is_a_valid_glb_cube() -> None:
    file = glb_cube(SUBJECT)
    magic, version, length = struct.unpack_from("<4sII", file.content)
    assert (magic, version, length) == (b"glTF", 2, len(file.content))
    assert len(file.content) % 4 == 0
    assert (file.kind, file.mime_type, file.name) == ("3d", "model/gltf-binary", "output-1.glb")
    [(json_type, json_chunk), (bin_type, bin_chunk)] = chunks(file.content)
    assert (json_type, bin_type) == (b"JSON", b"BIN\x00")
    document = json.loads(json_chunk)
    assert document["asset"]["version"] == "2.0"
    assert document["buffers"] == [{"byteLength": len(bin_chunk)}]
    position, normal, index = document["accessors"]
    assert (position["count"], normal["count"], index["count"]) == (24, 24, 36)
    assert file.properties["vertexCount"] == 24
    assert file.properties["faceCount"] == 12


def test_faces_wind_counter_clockwise_seen_from_outside() -> None:
    file = glb_cube(SUBJECT)
    [_, (_, binary)] = chunks(file.content)
    positions = struct.unpack_from("<72f", binary, 0)
    normals = struct.unpack_from("<72f", binary, 288)
    indices = struct.unpack_from("<36H", binary, 576)
    for first, second, third in zip(indices[::3], indices[1::3], indices[2::3], strict=True):
        a, b, c = (positions[3 * i : 3 * i + 3] for i in (first, second, third))
        edge1 = [b[k] - a[k] for k in range(3)]
        edge2 = [c[k] - a[k] for k in range(3)]
        cross = (
            edge1[1] * edge2[2] - edge1[2] * edge2[1],
            edge1[2] * edge2[0] - edge1[0] * edge2[2],
            edge1[0] * edge2[1] - edge1[1] * edge2[0],
        )
        normal = normals[3 * first : 3 * first + 3]
        assert sum(cross[k] * normal[k] for k in range(3)) > 0
