"""The WordPress import at the size of a real site: 2,000 posts, 60 pages, 3,000 attachments.

Writes a synthetic export (Gutenberg and classic texts with headings, lists, images, captions,
galleries, tables, videos, links between posts and to files) and its uploads folder (2,500
pictures, 500 PDFs and office files), then runs `manage.py import_wordpress` twice with the
production settings: the first run imports everything, the second finds everything
unchanged. For each: wall time and the command's peak resident memory. Targets: 10 minutes
and 500 MB (README « Mise en ligne »).

`make bench` calls it on a copy of the seeded demo; alone, on a migrated and seeded database:
`DATABASE_URL=… python bench/wordpress_import.py` (`--prepare` migrates and seeds it first).
A scaled sample, to profile: BENCH_WP_POSTS, BENCH_WP_PAGES, BENCH_WP_PICTURES and
BENCH_WP_FILES set the counts (defaults: the sizes above).
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python") if (ROOT / ".venv/bin/python").exists() else sys.executable
# The sizes, smaller for a quick profile (BENCH_WP_POSTS=200 BENCH_WP_PICTURES=250 …); the
# targets hold for the defaults, a real site's size.
POSTS = int(os.environ.get("BENCH_WP_POSTS", 2_000))
PAGES = int(os.environ.get("BENCH_WP_PAGES", 60))
PICTURES = int(os.environ.get("BENCH_WP_PICTURES", 2_500))
FILES = int(os.environ.get("BENCH_WP_FILES", 500))
TARGETS = {"seconds": 600, "peak_mb": 500}
SITE = "https://www.lerameau.fr"
WORDS = (
    "alliance territoire association entreprise collectivité fondation recherche innovation partenariat "
    "bien commun intérêt général co-construction observatoire expérimentation capitalisation modèle "
    "engagement impact fragilité dialogue gouvernance réseau pionnier plateforme webinaire étude"
).split()


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng: random.Random, words: int = 18) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def pdf(number: int) -> bytes:
    text = f"Document de banc d'essai numero {number}".encode()
    stream = b"BT /F1 12 Tf 20 100 Td (" + text + b") Tj ET"
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[4 0 R]/Count 1>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 400 200]/Resources<</Font<</F1 3 0 R>>>>/Contents 5 0 R>>",
        b"<</Length " + str(len(stream)).encode() + b">>stream\n" + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{index} 0 obj".encode() + body + b"endobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer<</Size {len(objects) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def item(wp_id: int, post_type: str, title: str, slug: str, link: str, content: str = "", **extra) -> str:
    date = extra.get("date", "2020-01-01 10:00:00")
    parts = [
        f"<title>{cdata(title)}</title>",
        f"<link>{link}</link>",
        f"<dc:creator>{cdata('admin')}</dc:creator>",
        f'<guid isPermaLink="false">{SITE}/?p={wp_id}</guid>',
        f"<content:encoded>{cdata(content)}</content:encoded>",
        f"<excerpt:encoded>{cdata(extra.get('excerpt', ''))}</excerpt:encoded>",
        f"<wp:post_id>{wp_id}</wp:post_id>",
        f"<wp:post_date>{cdata(date)}</wp:post_date>",
        f"<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>",
        f"<wp:post_modified_gmt>{cdata(date)}</wp:post_modified_gmt>",
        f"<wp:post_name>{cdata(slug)}</wp:post_name>",
        f"<wp:status>{cdata(extra.get('status', 'publish'))}</wp:status>",
        f"<wp:post_parent>{extra.get('parent', 0)}</wp:post_parent>",
        f"<wp:post_type>{cdata(post_type)}</wp:post_type>",
        "<wp:post_password></wp:post_password>",
    ]
    if "attachment_url" in extra:
        parts.append(f"<wp:attachment_url>{cdata(extra['attachment_url'])}</wp:attachment_url>")
    for domain, nicename, name in extra.get("terms", ()):
        parts.append(f'<category domain="{domain}" nicename="{nicename}">{cdata(name)}</category>')
    for key, value in extra.get("meta", ()):
        parts.append(
            f"<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key><wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
        )
    return "<item>" + "".join(parts) + "</item>\n"


def build(folder: Path) -> tuple[Path, Path]:
    """The export and its uploads folder, the same every time (seeded randomness)."""
    rng = random.Random(2026)
    uploads = folder / "uploads"
    export = folder / "export.xml"
    attachments: list[tuple[int, str, str]] = []  # (wp_id, kind, relative path)
    first_attachment = 10_000
    for number in range(PICTURES + FILES):
        wp_id = first_attachment + number
        year, month = 2012 + number % 12, 1 + number % 12
        if number < PICTURES:
            relative = f"{year}/{month:02d}/photo-{number}.{'jpg' if number % 3 else 'png'}"
            path = uploads / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            picture = Image.new("RGB", (320, 200), (number % 255, (number * 7) % 255, (number * 13) % 255))
            picture.save(path, "JPEG" if number % 3 else "PNG")
            attachments.append((wp_id, "image", relative))
        else:
            extension = "pdf" if number % 10 else "xlsx"
            relative = f"{year}/{month:02d}/document-{number}.{extension}"
            path = uploads / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pdf(number) if extension == "pdf" else b"PK\x03\x04" + zlib.compress(str(number).encode()))
            attachments.append((wp_id, "document", relative))
    images = [entry for entry in attachments if entry[1] == "image"]
    documents = [entry for entry in attachments if entry[1] == "document"]
    with export.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Le RAMEAU</title>\n'
            f"<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>{SITE}</wp:base_site_url>\n"
            "<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>actualites</wp:category_nicename>"
            "<wp:category_parent></wp:category_parent><wp:cat_name>Actualités</wp:cat_name></wp:category>\n"
        )
        for wp_id, kind, relative in attachments:
            meta = [("_wp_attached_file", relative)] + (
                [("_wp_attachment_image_alt", sentence(rng, 6))] if kind == "image" else []
            )
            out.write(
                item(
                    wp_id,
                    "attachment",
                    f"Fichier {wp_id}",
                    f"fichier-{wp_id}",
                    f"{SITE}/?attachment_id={wp_id}",
                    status="inherit",
                    attachment_url=f"{SITE}/wp-content/uploads/{relative}",
                    meta=meta,
                )
            )
        for number in range(PAGES):
            wp_id = 100 + number
            parent = 100 + (number - 1) // 3 if number else 0
            body = "\n\n".join(sentence(rng, 30) for _ in range(4))
            out.write(
                item(wp_id, "page", f"Page {number}", f"page-{number}", f"{SITE}/page-{number}/", body, parent=parent)
            )
        for number in range(POSTS):
            wp_id = 1_000 + number
            year = 2012 + number % 12
            image = images[number % len(images)]
            document = documents[number % len(documents)]
            link = f"{SITE}/{year}/{1 + number % 12:02d}/article-{number}/"
            other = 1_000 + (number * 7) % POSTS
            blocks = [
                f'<!-- wp:paragraph --><p>{sentence(rng, 40)} <a href="{SITE}/?p={other}">Lire aussi</a>.</p><!-- /wp:paragraph -->',
                f"<!-- wp:heading --><h2>{sentence(rng, 6)}</h2><!-- /wp:heading -->",
                f"<!-- wp:list --><ul><li>{sentence(rng, 8)}</li><li>{sentence(rng, 8)}</li><li>{sentence(rng, 8)}</li></ul><!-- /wp:list -->",
                f'<!-- wp:image {{"id":{image[0]}}} --><figure class="wp-block-image"><img src="{SITE}/wp-content/uploads/{image[2]}" class="wp-image-{image[0]}" alt=""/><figcaption>{sentence(rng, 8)}</figcaption></figure><!-- /wp:image -->',
                f'<!-- wp:paragraph --><p>{sentence(rng, 40)} <a href="{SITE}/wp-content/uploads/{document[2]}">Télécharger</a>.</p><!-- /wp:paragraph -->',
            ]
            if number % 20 == 0:
                blocks.append(
                    '<!-- wp:table --><figure class="wp-block-table"><table><tr><th>Année</th><th>Valeur</th></tr>'
                    + "".join(f"<tr><td>{2010 + row}</td><td>{row * 10}</td></tr>" for row in range(8))
                    + "</table></figure><!-- /wp:table -->"
                )
            if number % 10 == 0:
                blocks.append(
                    '<!-- wp:embed --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://vimeo.com/123456789</div></figure><!-- /wp:embed -->'
                )
            content = "\n".join(blocks)
            if number % 4 == 0:  # the classic editor, with a caption shortcode
                content = "\n\n".join(sentence(rng, 35) for _ in range(4)) + (
                    f'\n\n[caption id="attachment_{image[0]}" width="300"]<img class="wp-image-{image[0]}" src="{SITE}/wp-content/uploads/{image[2]}" alt="" /> {sentence(rng, 6)}[/caption]'
                )
            out.write(
                item(
                    wp_id,
                    "post",
                    f"Article {number} : {sentence(rng, 5)}",
                    f"article-{number}",
                    link,
                    content,
                    date=f"{year}-{1 + number % 12:02d}-{1 + number % 27:02d} 10:00:00",
                    terms=[("category", "actualites", "Actualités")],
                    meta=[("_thumbnail_id", str(image[0]))],
                )
            )
        out.write("</channel>\n</rss>\n")
    return export, uploads


def measure(env: dict, export: Path, uploads: Path, report: Path) -> dict:
    """One run of the command in its own process: seconds, peak memory, the report's counts."""
    started = time.monotonic()
    command = [PYTHON, "manage.py", "import_wordpress", str(export), "--uploads", str(uploads), "--report", str(report)]
    wrapper = [
        PYTHON,
        "-c",
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)",
        *command,
    ]
    done = subprocess.run(wrapper, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    seconds = round(time.monotonic() - started, 1)
    # The largest of the wrapper's children: the import (the PDF reader's children are far smaller).
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    with report.open(encoding="utf-8-sig", newline="") as handle:
        counts = Counter(row["status"] for row in csv.DictReader(handle))
    return {
        "seconds": seconds,
        "peak_mb": round(peak_kb / 1024),
        "statuses": dict(counts),
        "summary": done.stdout.strip().splitlines()[:12],
    }


def run(env: dict) -> dict:
    """Both runs on the database of `env` (migrated, seeded): the results and their verdicts."""
    with tempfile.TemporaryDirectory(prefix="rameau-wp-bench-") as folder:
        started = time.monotonic()
        export, uploads = build(Path(folder))
        built = round(time.monotonic() - started, 1)
        export_mb = round(export.stat().st_size / 1e6, 1)
        first = measure(env, export, uploads, Path(folder) / "first.csv")
        second = measure(env, export, uploads, Path(folder) / "second.csv")
    results = {
        "items": {"posts": POSTS, "pages": PAGES, "pictures": PICTURES, "files": FILES},
        "export_mb": export_mb,
        "build_seconds": built,
        "first": first,
        "second": second,
        "targets": TARGETS,
    }
    results["held"] = all(run[key] <= limit for run in (first, second) for key, limit in TARGETS.items())
    return results


def main() -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if not env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("bench/wordpress_import.py needs DATABASE_URL on PostgreSQL (a migrated, seeded database).")
    env.setdefault("DJANGO_SETTINGS_MODULE", "rameau_site.settings.production")
    env.setdefault("SECRET_KEY", "banc-d-essai-" + "x" * 40)
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    env.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="rameau-wp-media-"))
    if "--prepare" in sys.argv:
        prepare = {**env, "DJANGO_SETTINGS_MODULE": "rameau_site.settings.dev"}
        for command in (["migrate", "--noinput", "-v0"], ["seed_demo", "-v0"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=prepare, check=True)
    results = run(env)
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
