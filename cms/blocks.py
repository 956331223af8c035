"""The one block library for body fields."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Text


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


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, label=_("Title"))
    answer = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Text")
    )


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/accordion_block.html"
        description = _("Questions and answers that open when clicked.")
        preview_value = {
            "items": [
                {
                    "question": "Do I need to speak English?",
                    "answer": "<p>No. Volunteers speak many languages.</p>",
                }
            ]
        }


# Media


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("Describe the picture for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        description = _("A picture with alternative text and an optional caption.")
        preview_value = {"alt_text": "Volunteers laying a long table for a meal"}


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("The address of the video, e.g. on YouTube."))
    title = blocks.CharBlock(max_length=200)
    transcript = blocks.TextBlock(
        required=False, help_text=_("What is said in the video, for everyone.")
    )

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        description = _("A video from a video site, with a title and transcript.")
        preview_value = {"title": "Our welcome café", "transcript": ""}


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_list_block.html"
        description = _("Files people can download, such as leaflets.")
        preview_value = {"title": "Downloads", "documents": []}


# Calls to action and figures


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label=_("or an address"))
    button = blocks.CharBlock(max_length=40, label=_("Button text"))

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"
        description = _("A box that invites people to do something, with a button.")
        preview_value = {
            "title": "Volunteer with us",
            "text": "We need drivers and cooks for our welcome meals.",
            "url": "https://example.org/",
            "button": "Offer your time",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            error = ValidationError(_("Choose a page or an address."))
            raise blocks.StructBlockValidationError(block_errors={"url": error})
        return value


class StatisticBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text=_("For example: 320+"))
    label = blocks.CharBlock(max_length=120)


class StatisticsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(StatisticBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "components/blocks/statistics_block.html"
        description = _("A few figures that show what has been achieved.")
        preview_value = {
            "title": "Our year",
            "items": [
                {"figure": "100", "label": "supporting organisations"},
                {"figure": "52", "label": "welcome meals"},
            ],
        }


class CharterValuesBlock(blocks.StructBlock):
    show = blocks.ChoiceBlock(
        choices=[
            ("value", _("The network values")),
            ("principle", _("The network principles")),
            ("declaration", _("The Birmingham Declaration")),
        ],
        default="value",
    )

    class Meta:
        icon = "tick-inverse"
        template = "components/blocks/charter_values_block.html"
        description = _("The network's shared values, kept up to date nationally.")
        preview_value = {"show": "value"}

    def get_context(self, value, parent_context=None):
        from cms.models.charter import charter_items

        context = super().get_context(value, parent_context)
        context["items"] = charter_items(value["show"])
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="components/blocks/paragraph_block.html",
        icon="pilcrow",
        description=_("Text with simple formatting and links."),
        preview_value="<p>Everyone is welcome at our Friday language café.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    statistics = StatisticsBlock()
    accordion = AccordionBlock()
    documents = DocumentListBlock()
    charter_values = CharterValuesBlock()
