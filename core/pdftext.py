"""The text of a PDF, read by pypdf in a child process that cannot outlast or outgrow its bounds.

A PDF is a program of sorts: a damaged or hostile file can make a parser loop or swell.
Reading it in a separate process lets the site stop it for good — a thread could not be
killed — after `TIMEOUT_SECONDS`, cap its memory and its CPU time (the child limits itself
before it opens the file), and keep only the first `MAX_PAGES` pages and `MAX_CHARACTERS`
characters, which is plenty for a search index.

Run as `python -m core.pdftext` it is that child: the PDF on standard input, the
text on standard output. It imports nothing of Django, so it starts in a fraction of a second.

Starting it still costs a quarter of a second, more than reading a small PDF. A run that reads
hundreds of PDFs (the WordPress import) opens `reusing_reader()`: one child (`--serve`) then
reads them one after the other, each within the same bounds (its CPU time counted per file),
and is replaced after a timeout, a crash or `SERVE_FILES` files.
"""

from __future__ import annotations

import io
import os
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
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
#: Files one serving child reads before it is replaced (memory a parser keeps stays bounded).
SERVE_FILES = 200
#: A serving child's answer: one status byte (0 or UNREADABLE), then the payload's length.
HEADER = 9


class ExtractionError(Exception):
    """The PDF's text could not be read: a damaged file, a timeout, a limit reached."""


def looks_like_pdf(head: bytes) -> bool:
    """PDF readers accept the signature anywhere in the first kilobyte."""
    return b"%PDF-" in head[:1024]


def extract_text(data: bytes, timeout: float = TIMEOUT_SECONDS) -> str:
    """The text of the PDF in `data`, within the bounds above; ExtractionError otherwise."""
    if len(data) > MAX_INPUT_BYTES:
        raise ExtractionError(f"fichier de plus de {MAX_INPUT_BYTES // (1024 * 1024)} Mo : non lu")
    reader = _reader.get()
    if reader is not None:
        return reader.read(data, timeout)
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


class Reader:
    """One child reading PDFs one after the other (`--serve`): the bytes of a file, its
    length first, on its standard input; the status and the text on its standard output."""

    def __init__(self, files: int = SERVE_FILES) -> None:
        self.files = files
        self.process: subprocess.Popen | None = None
        self.read_here = 0  # files the current child has read
        self.started = 0  # children started so far

    def start(self) -> subprocess.Popen:
        if self.process is not None and (self.process.poll() is not None or self.read_here >= self.files):
            self.stop()
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-E", "-s", "-m", "core.pdftext", "--serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # errors come back as answers; a crash is told by its exit code
                cwd=PROJECT_ROOT,
            )
            self.read_here = 0
            self.started += 1
        return self.process

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.stdin is not None:
            try:
                process.stdin.close()  # the child's end of input: it leaves on its own
            except OSError:
                pass
        try:
            process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def read(self, data: bytes, timeout: float = TIMEOUT_SECONDS) -> str:
        """The PDF's text, as `extract_text` gives it, by the serving child."""
        try:
            process = self.start()
        except OSError as error:
            raise ExtractionError(f"lecteur de PDF introuvable ({error})") from error
        self.read_here += 1
        deadline = time.monotonic() + timeout  # for the whole answer, as for a child of its own
        try:
            process.stdin.write(len(data).to_bytes(8, "big") + data)
            process.stdin.flush()
            header = self.receive(HEADER, deadline)
            status, length = header[0], int.from_bytes(header[1:], "big")
            payload = self.receive(length, deadline).decode("utf-8", "replace")
        except TimeoutError as error:
            self.process.kill()
            self.stop()
            raise ExtractionError(f"lecture interrompue après {timeout:g} s") from error
        except (OSError, EOFError) as error:  # the child died: a limit reached, or worse
            self.stop()
            raise ExtractionError(f"PDF illisible : le lecteur s'est arrêté (code {process.returncode})") from error
        if status != 0:
            raise ExtractionError(f"PDF illisible : {payload[:300]}")
        return payload

    def receive(self, size: int, deadline: float) -> bytes:
        """Exactly `size` bytes of the child's answer, before the deadline."""
        stream = self.process.stdout
        received = bytearray()
        with selectors.DefaultSelector() as selector:
            selector.register(stream, selectors.EVENT_READ)
            while len(received) < size:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise TimeoutError
                chunk = os.read(stream.fileno(), min(size - len(received), 1024 * 1024))
                if not chunk:
                    raise EOFError
                received += chunk
        return bytes(received)


_reader: ContextVar[Reader | None] = ContextVar("rameau_pdf_reader", default=None)


@contextmanager
def reusing_reader() -> Iterator[Reader]:
    """Inside, `extract_text` reads every PDF with one reused child (stopped on the way out)."""
    if _reader.get() is not None:
        yield _reader.get()
        return
    reader = Reader()
    reset = _reader.set(reader)
    try:
        yield reader
    finally:
        _reader.reset(reset)
        reader.stop()


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


def read_exactly(stream, size: int) -> bytes | None:
    """`size` bytes from the stream, or None at its end."""
    data = stream.read(size)
    return data if len(data) == size else None


def serve() -> int:
    """The reused child: one PDF after another until its input ends. Its memory is capped once;
    its CPU time is counted per file (the soft limit moved before each), up to `SERVE_FILES`
    files' worth in all."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    ceiling = CPU_SECONDS * (SERVE_FILES + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, ceiling))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (head := read_exactly(stdin, 8)) is not None:
        size = int.from_bytes(head, "big")
        data = read_exactly(stdin, size) if size <= MAX_INPUT_BYTES else None
        if data is None:
            return UNREADABLE
        usage = resource.getrusage(resource.RUSAGE_SELF)
        used = int(usage.ru_utime + usage.ru_stime) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (min(used + CPU_SECONDS, ceiling), ceiling))
        try:
            status, answer = 0, read_pdf(data)
        except Exception as error:  # told to the parent, which logs it
            status, answer = UNREADABLE, f"{error.__class__.__name__}: {error}"
        payload = answer.encode("utf-8")
        stdout.write(bytes([status]) + len(payload).to_bytes(8, "big") + payload)
        stdout.flush()
    return 0


def main() -> int:
    if sys.argv[1:] == ["--serve"]:
        return serve()
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
