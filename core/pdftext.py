"""The text of a PDF, read by pypdf in a child process that cannot outlast or outgrow its bounds.

A PDF is a program of sorts: a damaged or hostile file can make a parser loop or swell.
Reading it in a separate process lets the site stop it for good — a thread could not be
killed — after `TIMEOUT_SECONDS`, cap its memory and its CPU time (the child limits itself
before it opens the file), and keep only the first `MAX_PAGES` pages and `MAX_CHARACTERS`
characters, which is plenty for a search index.

Run as `python -m core.pdftext` it is that child: the PDF on standard input, the
text on standard output. It imports nothing of Django, so it starts in a fraction of a second.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

MAX_PAGES = 300
MAX_CHARACTERS = 200_000
MAX_INPUT_BYTES = 60 * 1024 * 1024  # uploads stop at 50 MB (rameau_site.security.uploads)
TIMEOUT_SECONDS = 20.0
CPU_SECONDS = 15
MEMORY_BYTES = 1024 * 1024 * 1024
PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: Exit code of the child for a file pypdf could not open as a PDF at all.
UNREADABLE = 3


class ExtractionError(Exception):
    """The PDF's text could not be read: a damaged file, a timeout, a limit reached."""


def looks_like_pdf(head: bytes) -> bool:
    """PDF readers accept the signature anywhere in the first kilobyte."""
    return b"%PDF-" in head[:1024]


def extract_text(data: bytes, timeout: float = TIMEOUT_SECONDS) -> str:
    """The text of the PDF in `data`, within the bounds above; ExtractionError otherwise."""
    if len(data) > MAX_INPUT_BYTES:
        raise ExtractionError(f"fichier de plus de {MAX_INPUT_BYTES // (1024 * 1024)} Mo : non lu")
    try:
        result = subprocess.run(
            [sys.executable, "-E", "-s", "-m", "core.pdftext"],
            input=data,
            capture_output=True,
            timeout=timeout,
            cwd=PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionError(f"lecture interrompue après {timeout:g} s") from error
    except OSError as error:
        raise ExtractionError(f"lecteur de PDF introuvable ({error})") from error
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = reason[-1] if reason else f"code de sortie {result.returncode}"
        raise ExtractionError(f"PDF illisible : {detail[:300]}")
    return result.stdout.decode("utf-8", "replace")


def clean(text: str) -> str:
    """Words separated by single spaces: a search index needs no layout."""
    return " ".join(text.replace("\x00", " ").split())


def read_pdf(data: bytes, max_pages: int = MAX_PAGES, max_characters: int = MAX_CHARACTERS) -> str:
    """The text of the first pages, page by page; a page that fails is skipped, not fatal."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")  # readable without a password, or each page fails below
    parts: list[str] = []
    length = 0
    for number, page in enumerate(reader.pages):
        if number >= max_pages or length >= max_characters:
            break
        try:
            text = clean(page.extract_text() or "")
        except Exception:  # one broken page must not cost the others
            continue
        if text:
            parts.append(text)
            length += len(text) + 1
    return " ".join(parts)[:max_characters]


def limit_this_process() -> None:
    """Cap the child's memory and CPU time (POSIX); the parent's timeout stays the last word."""
    try:
        import resource
    except ImportError:  # not POSIX: the timeout alone bounds the child
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def main() -> int:
    limit_this_process()
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    try:
        text = read_pdf(data)
    except Exception as error:  # reported to the parent, which logs it
        sys.stderr.write(f"{error.__class__.__name__}: {error}\n")
        return UNREADABLE
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
