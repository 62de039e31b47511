"""The body of publications and articles: text with its sources, no page-layout blocks."""

from wagtail import blocks

from pages.blocks import HeadingBlock, ImageBlock, KeyFiguresBlock, ParagraphBlock, QuoteBlock, SourcesBlock, VideoBlock


class ResearchTextBlock(blocks.StreamBlock):
    """Research writing: headings, paragraphs (superscript note calls), figures and a sources list."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    video = VideoBlock()
    sources = SourcesBlock()
