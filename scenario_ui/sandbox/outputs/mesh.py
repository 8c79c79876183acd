"""Generated 3D: a unit cube as a glTF binary (.glb), coloured by the request."""

from __future__ import annotations

import json
import struct
from typing import Final

from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.outputs.drawing import Subject

GLB_MAGIC: Final = b"glTF"
GLB_VERSION: Final = 2
JSON_CHUNK: Final = b"JSON"
BIN_CHUNK: Final = b"BIN\x00"
FLOAT: Final = 5126
UNSIGNED_SHORT: Final = 5123
ARRAY_BUFFER: Final = 34962
ELEMENT_ARRAY_BUFFER: Final = 34963

# Each face: its outward normal and two axes spanning it, so that (axis1 x axis2) = normal
# and the corners below wind counter-clockwise seen from outside, as glTF expects.
FACES: Final = (
    ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    ((-1, 0, 0), (0, 0, 1), (0, 1, 0)),
    ((0, 1, 0), (0, 0, 1), (1, 0, 0)),
    ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
    ((0, 0, 1), (1, 0, 0), (0, 1, 0)),
    ((0, 0, -1), (0, 1, 0), (1, 0, 0)),
)
CORNERS: Final = ((-1, -1), (1, -1), (1, 1), (-1, 1))


def glb_cube(subject: Subject) -> FileContent:
    positions, normals, indices = _cube_geometry()
    position_bytes = struct.pack(f"<{len(positions)}f", *positions)
    normal_bytes = struct.pack(f"<{len(normals)}f", *normals)
    index_bytes = struct.pack(f"<{len(indices)}H", *indices)
    binary = position_bytes + normal_bytes + index_bytes
    red, green, blue = (channel / 255 for channel in subject.colour())
    vertex_count = len(positions) // 3
    views = [
        (0, len(position_bytes), ARRAY_BUFFER),
        (len(position_bytes), len(normal_bytes), ARRAY_BUFFER),
        (len(position_bytes) + len(normal_bytes), len(index_bytes), ELEMENT_ARRAY_BUFFER),
    ]
    document = {
        "asset": {"version": "2.0", "generator": "Scenario sandbox"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "name": subject.model_name}],
        "meshes": [
            {
                "primitives": [
                    {"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0}
                ]
            }
        ],
        "materials": [
            {
                "name": "sandbox",
                "pbrMetallicRoughness": {
                    "baseColorFactor": [red, green, blue, 1.0],
                    "metallicFactor": 0.0,
                    "roughnessFactor": 0.6,
                },
            }
        ],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": offset, "byteLength": length, "target": target}
            for offset, length, target in views
        ],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": FLOAT,
                "count": vertex_count,
                "type": "VEC3",
                "min": [-0.5, -0.5, -0.5],
                "max": [0.5, 0.5, 0.5],
            },
            {"bufferView": 1, "componentType": FLOAT, "count": vertex_count, "type": "VEC3"},
            {
                "bufferView": 2,
                "componentType": UNSIGNED_SHORT,
                "count": len(indices),
                "type": "SCALAR",
            },
        ],
    }
    return FileContent(
        kind="3d",
        mime_type="model/gltf-binary",
        name="output-1.glb",
        content=_glb(json.dumps(document, separators=(",", ":")).encode(), binary),
        properties={
            "vertexCount": vertex_count,
            "faceCount": len(indices) // 3,
            "hasNormals": True,
            "hasUVs": False,
            "format": "glb",
        },
    )


def _cube_geometry() -> tuple[list[float], list[float], list[int]]:
    positions: list[float] = []
    normals: list[float] = []
    indices: list[int] = []
    for normal, first_axis, second_axis in FACES:
        base = len(positions) // 3
        for along_first, along_second in CORNERS:
            positions += [
                0.5 * (n + along_first * a + along_second * b)
                for n, a, b in zip(normal, first_axis, second_axis, strict=True)
            ]
            normals += [float(component) for component in normal]
        indices += [base, base + 1, base + 2, base, base + 2, base + 3]
    return positions, normals, indices


def _glb(json_chunk: bytes, binary_chunk: bytes) -> bytes:
    """The GLB container: a header, then a JSON and a BIN chunk, each padded to 4 bytes."""
    json_chunk += b" " * (-len(json_chunk) % 4)
    binary_chunk += b"\x00" * (-len(binary_chunk) % 4)
    chunks = b"".join(
        struct.pack("<I4s", len(data), chunk_type) + data
        for chunk_type, data in ((JSON_CHUNK, json_chunk), (BIN_CHUNK, binary_chunk))
    )
    return struct.pack("<4sII", GLB_MAGIC, GLB_VERSION, 12 + len(chunks)) + chunks
