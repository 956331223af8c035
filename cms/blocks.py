"""The one block library for body fields."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = _("A heading that starts a new section of the page.")
        preview_value = {"text": "How we welcome people", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote or testimony"))
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        description = _("Words someone said, in their own voice.")
        preview_value = {
            "quote": "The first meal together felt like coming home.",
            "attribution": "A member of our welcome café",
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="components/blocks/paragraph_block.html",
        icon="pilcrow",
        description=_("Text with simple formatting and links."),
        preview_value="<p>Everyone is welcome at our Friday language café.</p>",
    )
    image = ImageBlock(
        template="components/blocks/image_block.html",
        description=_("A picture with alternative text for people who cannot see it."),
    )
    quote = QuoteBlock()
