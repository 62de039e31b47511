"""WordPress texts into the project's blocks: Gutenberg and the classic editor, shortcodes,
links to other items, and everything unsafe removed, each removal said."""

from __future__ import annotations

import pytest

from imports.content import Converter
from imports.links import Addresses, Target

SITE = "https://www.lerameau.fr"


@pytest.fixture
def converter() -> Converter:
    addresses = Addresses(SITE)
    addresses.remember(12, f"{SITE}/2019/03/article-un/")
    addresses.remember(30, f"{SITE}/?attachment_id=30", "2019/03/rapport.pdf")
    addresses.remember(31, "", "2019/03/photo.jpg")
    addresses.targets.update(
        {
            12: Target("page", 5, "/actualites/article-un/"),
            30: Target("document", 7, "/documents/7/rapport.pdf"),
            31: Target("image", 9, "/media/original_images/photo.jpg", "Une photo"),
        }
    )
    return Converter(
        addresses, {99: "<!-- wp:paragraph --><p>Bloc réutilisé</p><!-- /wp:paragraph -->"}, lambda wp_id: [31]
    )


def kinds(body) -> list[str]:
    return [block["type"] for block in body.blocks]


def test_gutenberg_blocks_become_ours(converter):
    body = converter.convert(
        "<!-- wp:heading --><h2>Un titre « guillemets » 🎉</h2><!-- /wp:heading -->"
        '<!-- wp:heading {"level":3} --><h3>Un sous-titre</h3><!-- /wp:heading -->'
        "<!-- wp:paragraph --><p>Un <strong>texte</strong> et <em>une emphase</em><sup>1</sup>.</p><!-- /wp:paragraph -->"
        "<!-- wp:list --><ul><li>un</li><li>deux</li></ul><!-- /wp:list -->"
        '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Faire alliance</p><cite>Le RAMEAU</cite></blockquote><!-- /wp:quote -->'
        '<!-- wp:block {"ref":99} /-->',
        1,
    )
    assert kinds(body) == ["heading", "heading", "paragraph", "quote", "paragraph"]
    assert body.blocks[0]["value"] == {"text": "Un titre « guillemets » 🎉", "level": "h2"}
    assert body.blocks[1]["value"]["level"] == "h3"
    assert "<b>texte</b>" in body.blocks[2]["value"] and "<i>une emphase</i>" in body.blocks[2]["value"]
    assert "<sup>1</sup>" in body.blocks[2]["value"] and "<li" in body.blocks[2]["value"]
    assert body.blocks[3]["value"] == {"text": "Faire alliance", "author": "Le RAMEAU", "role": ""}
    assert "Bloc réutilisé" in body.blocks[4]["value"]


def test_the_classic_editor_gets_paragraphs_and_its_video_lines(converter):
    body = converter.convert("Premier paragraphe\navec une ligne.\n\nhttps://vimeo.com/123456789\n\nSecond.", 1)
    assert kinds(body) == ["paragraph", "video", "paragraph"]
    assert "Premier paragraphe<br/>avec une ligne." in body.blocks[0]["value"]
    assert body.blocks[1]["value"] == {"video": "https://vimeo.com/123456789", "caption": ""}


@pytest.mark.parametrize(
    "href,expected",
    [
        (f"{SITE}/2019/03/article-un/", '<a linktype="page" id="5">'),
        ("http://lerameau.fr/2019/03/article-un", '<a linktype="page" id="5">'),  # another scheme, no www
        (f"{SITE}/?p=12", '<a linktype="page" id="5">'),
        ("/?page_id=12", '<a linktype="page" id="5">'),
        (f"{SITE}/wp-content/uploads/2019/03/rapport.pdf", '<a linktype="document" id="7">'),
        ("/?attachment_id=30", '<a linktype="document" id="7">'),
        (f"{SITE}/wp-content/uploads/2019/03/photo-300x200.jpg", 'href="/media/original_images/photo.jpg"'),
        ("https://www.economie.gouv.fr/", 'href="https://www.economie.gouv.fr/"'),
        ("mailto:info@lerameau.fr", 'href="mailto:info@lerameau.fr"'),
    ],
)
def test_links_to_imported_items_become_page_and_document_links(converter, href, expected):
    body = converter.convert(f'<p>Voir <a href="{href}" onclick="x()" style="color:red">ici</a>.</p>', 1)
    assert expected in body.blocks[0]["value"]
    assert "onclick" not in body.blocks[0]["value"] and "style" not in body.blocks[0]["value"]


def test_unsafe_content_is_removed_and_said(converter):
    body = converter.convert(
        '<p>Avant</p><script>alert(1)</script><iframe src="https://publicite.example.com/x"></iframe>'
        '<p onmouseover="x()" style="color:red">Lire <a href="javascript:alert(1)">ceci</a> ou '
        '<a href="JaVaScRiPt:alert(2)">cela</a>.</p><form><input name="q"></form><style>p{}</style>'
        '<object data="x.swf"></object><p><a href="data:text/html,&lt;script&gt;">données</a></p>',
        1,
    )
    stored = " ".join(str(block["value"]) for block in body.blocks)
    for unsafe in (
        "<script",
        "alert",
        "iframe",
        "publicite",
        "onmouseover",
        "style",
        "javascript",
        "data:",
        "<form",
        "swf",
    ):
        assert unsafe not in stored.lower(), unsafe
    assert "Lire ceci ou cela." in stored and "données" in stored
    assert "script retiré" in body.notes and "iframe de publicite.example.com retirée" in body.notes
    assert "lien « javascript: » retiré (texte gardé)" in body.notes and "formulaire retiré" in body.notes


def test_shortcodes(converter):
    body = converter.convert(
        '[caption id="attachment_31" width="300"]<a href="x"><img class="wp-image-31" src="" alt="" /></a> Une légende[/caption]\n\n'
        "[gallery]\n\n[embed]https://www.youtube.com/watch?v=AAAAAAAAAAA[/embed]\n\n"
        '[contact-form-7 id="4"] [box]Texte gardé[/box] [sic] [mise à jour : 2019] [[caption]]',
        1,
    )
    assert kinds(body) == ["image", "image", "video", "paragraph"]
    assert body.blocks[0]["value"] == {"image": 9, "alt_text": "Une photo", "caption": "Une légende", "credit": ""}
    text = body.blocks[3]["value"]
    assert "Texte gardé" in text and "[sic]" in text and "[mise à jour : 2019]" in text and "[caption]" in text
    assert "contact-form-7" not in text and "[box]" not in text
    assert "code court [contact-form-7] retiré" in body.notes
    assert "code court [box] retiré (son texte est gardé)" in body.notes


def test_images_tables_and_embeds(converter):
    body = converter.convert(
        '<p><img class="alignleft wp-image-31" src="x.jpg" alt="Texte alternatif" />Le texte qui suit.</p>'
        '<p><img src="https://ailleurs.example.org/photo.jpg" alt=""></p>'
        '<figure class="wp-block-table"><table><tr><th>Année</th><th>Étape</th></tr>'
        '<tr><td>2006</td><td><a href="/?p=12">Création</a></td></tr><tr><td>2008</td></tr></table>'
        "<figcaption>Dates</figcaption></figure>"
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://twitter.com/x/status/1</div></figure>'
        '<iframe src="https://www.dailymotion.com/embed/video/x7abcde"></iframe>',
        1,
    )
    assert kinds(body) == ["image", "paragraph", "table", "paragraph", "video"]
    assert body.blocks[0]["value"]["alt_text"] == "Texte alternatif"
    table = body.blocks[2]["value"]
    assert table["caption"] == "Dates"
    assert table["columns"] == [{"type": "text", "heading": "Année"}, {"type": "rich_text", "heading": "Étape"}]
    assert table["rows"][0]["values"][0] == "2006" and 'linktype="page" id="5"' in table["rows"][0]["values"][1]
    assert table["rows"][1]["values"] == ["2008", ""]
    assert "https://twitter.com/x/status/1" in body.blocks[3]["value"]
    assert "image non reprise : https://ailleurs.example.org/photo.jpg" in body.notes
    assert "contenu intégré de twitter.com remplacé par un lien" in body.notes
