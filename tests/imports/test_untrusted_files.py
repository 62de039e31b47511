"""The export and the uploads come from another system: a hostile or broken file is refused
with a clear French message, and nothing is written."""

from __future__ import annotations

import os

import pytest
from django.core.management import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from imports import wxr
from imports.attachments import Refused, Uploads
from imports.models import ImportedItem

from .conftest import EXPORT, run_import

pytestmark = pytest.mark.django_db

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.1/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n<wp:wxr_version>1.1</wp:wxr_version>\n'
    "<wp:base_site_url>https://www.lerameau.fr</wp:base_site_url>\n"
)


def write(tmp_path, text: str):
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


def nothing_written(pages_before: int) -> None:
    assert Page.objects.count() == pages_before
    assert not ImportedItem.objects.exists()
    assert not Redirect.objects.exists()


def test_a_malformed_file_names_its_line_and_writes_nothing(tmp_path):
    sample = EXPORT.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(sample) if "<wp:post_id>36</wp:post_id>" in text)
    sample[line] = sample[line].replace("</wp:post_id>", "</wp:post>")  # the last item broken, far down the file
    export = write(tmp_path, "\n".join(sample))
    before = Page.objects.count()
    with pytest.raises(CommandError) as refusal:
        run_import(export=export)
    assert f"Fichier XML mal formé, ligne {line + 1}" in str(refusal.value)
    assert "rien n'a été importé" in str(refusal.value)
    nothing_written(before)


def test_entity_expansion_is_refused(tmp_path):
    laughs = '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'
    export = write(tmp_path, HEADER.replace("\n<rss", f"\n{laughs}<rss", 1) + "<title>&lol2;</title></channel></rss>")
    with pytest.raises(wxr.WXRError, match="DTD"):
        wxr.scan(export)


def test_external_entities_are_never_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe")
    xxe = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    export = write(tmp_path, HEADER.replace("\n<rss", f"\n{xxe}<rss", 1) + "<title>&xxe;</title></channel></rss>")
    before = Page.objects.count()
    with pytest.raises(CommandError, match="ligne 2"):
        run_import(export=export)
    nothing_written(before)


def test_a_file_that_is_not_a_wordpress_export_is_refused(tmp_path):
    feed = write(tmp_path, '<?xml version="1.0"?><rss version="2.0"><channel><title>Un flux</title></channel></rss>')
    with pytest.raises(wxr.WXRError, match="n'est pas un export WordPress WXR"):
        wxr.scan(feed)
    with pytest.raises(wxr.WXRError, match="ne commence pas par <rss>"):
        wxr.scan(write(tmp_path, "<html><body>404</body></html>"))


def test_wxr_1_1_is_read_and_items_without_id_are_reported(tmp_path):
    export = write(
        tmp_path,
        HEADER
        + "<item><title>Sans identifiant</title><wp:post_type>post</wp:post_type></item>"
        + "<item><title>Une page</title><wp:post_id>7</wp:post_id><wp:post_type>page</wp:post_type>"
        + "<wp:status>publish</wp:status><content:encoded><![CDATA[<p>Texte</p>]]></content:encoded></item>"
        + "</channel></rss>",
    )
    found = wxr.scan(export)
    assert found.version == "1.1" and list(found.items) == [7] and len(found.broken) == 1
    assert found.items[7].content == ""  # the index keeps no text…
    assert next(wxr.contents(export, [7])).content == "<p>Texte</p>"  # …the second pass streams it


def test_uploads_refuse_paths_that_leave_the_folder(tmp_path):
    uploads = tmp_path / "uploads"
    (uploads / "2020").mkdir(parents=True)
    (uploads / "2020" / "rapport.pdf").write_bytes(b"%PDF-1.4")
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4")
    os.symlink(outside, uploads / "2020" / "lien.pdf")
    folder = Uploads(uploads)
    assert folder.locate("2020/rapport.pdf") == (uploads / "2020" / "rapport.pdf").resolve()
    for path, reason in [
        ("../secret.pdf", "il sort du dossier"),
        ("2020/../../secret.pdf", "il sort du dossier"),
        (str(outside), "il sort du dossier"),
        ("2020/lien.pdf", "mène hors du dossier"),
        ("2020/absent.pdf", "fichier absent"),
    ]:
        with pytest.raises(Refused, match=reason):
            folder.locate(path)


def test_a_mapping_with_mistakes_is_refused_whole(tmp_path):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        '[posts]\nparent = "/nulle-part/"\n[categories.x]\ntype = "roman"\n[inconnu]\n', encoding="utf-8"
    )
    before = Page.objects.count()
    with pytest.raises(CommandError) as refusal:
        run_import(mapping=mapping)
    message = str(refusal.value)
    assert "posts.parent : aucune page à l'adresse /nulle-part/" in message
    assert "type « roman » inconnu" in message
    assert "clé inconnue « inconnu »" in message
    nothing_written(before)
