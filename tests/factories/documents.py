"""Documents: a minimal real PDF (or any bytes and name), measured as the admin's upload measures it."""

from __future__ import annotations

import factory
import wagtail_factories

from .images import root_collection

# One blank page, with the cross-reference table a PDF reader looks for first.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A one-page PDF; `file__filename` and `file__data` give another name or content."""

    title = factory.Sequence(lambda n: f"Document d'essai {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename=factory.Sequence(lambda n: f"document-essai-{n}.pdf"), data=MINIMAL_PDF)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs.setdefault("file_size", kwargs["file"].size)
        return super()._create(model_class, *args, **kwargs)


def text_pdf(*pages: str) -> bytes:
    """A valid PDF whose pages show these lines of text (Helvetica, ASCII and Latin-1), with a
    correct cross-reference table, as a word processor would write it."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>"]
    kids = " ".join(f"{4 + 2 * n} 0 R" for n in range(len(pages)))
    objects.append(f"<</Type/Pages/Kids[{kids}]/Count {len(pages)}>>".encode())
    objects.append(b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>")
    for number, text in enumerate(pages):
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = b"BT /F1 12 Tf 20 100 Td (" + escaped.encode("latin-1") + b") Tj ET"
        objects.append(
            f"<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 200]/Resources<</Font<</F1 3 0 R>>>>"
            f"/Contents {5 + 2 * number} 0 R>>".encode()
        )
        objects.append(b"<</Length " + str(len(stream)).encode() + b">>stream\n" + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj".encode() + body + b"endobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer<</Size {len(objects) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
