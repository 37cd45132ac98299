#!/usr/bin/env python3
"""Write assets.css and inline-wasm.js: base64 blobs of deterministic noise, the worst case for
short key prefixes (images and wasm inlined into bundles). Run from this folder; the output is
committed, so this only documents how it was made."""
import base64, random, struct, zlib

rng = random.Random(20261123)

def png(w, h):
    raw = b"".join(b"\x00" + bytes(rng.getrandbits(8) for _ in range(w * 3)) for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b"")

with open("assets.css", "w") as f:
    for i, (w, h) in enumerate([(16, 16), (64, 48), (120, 90), (200, 150)]):
        f.write(".icon-%d{background-image:url(data:image/png;base64,%s)}\n" % (i, base64.b64encode(png(w, h)).decode()))

with open("inline-wasm.js", "w") as f:
    blob = b"\x00asm\x01\x00\x00\x00" + bytes(rng.getrandbits(8) for _ in range(96 * 1024))
    f.write('var wasmBinaryFile="data:application/wasm;base64,%s";\n' % base64.b64encode(blob).decode())
    f.write("export default wasmBinaryFile;\n")
