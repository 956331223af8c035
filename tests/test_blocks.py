"""The block library: every block renders through its own accessible template."""

import json
from pathlib import Path

import pytest

from django.conf import settings
from django.core.exceptions import ValidationError

from wagtail.blocks import StreamBlockValidationError

from cms.blocks import BodyBlock, CallToActionBlock, ImageBlock
from cms.models import CharterStatement, StandardPage
from tests import content

HOST = "sheffield.localhost"
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_every_block_has_icon_template_description_and_preview():
    for name, block in BodyBlock().child_blocks.items():
        meta = block.meta
        assert meta.icon and meta.description, name
        assert (TEMPLATES / meta.template).is_file(), name
        assert block.get_preview_value() is not None, name


def test_there_is_no_raw_html_block():
    kinds = {type(block).__name__ for block in BodyBlock().child_blocks.values()}
    assert "RawHTMLBlock" not in kinds


@pytest.fixture
def full_page(group_site):
    CharterStatement.objects.create(part="value", title="Integrity")
    image = content.make_image("Volunteers", size=(1600, 900))
    document = content.make_document("Leaflet")
    body = [
        {"type": "heading", "value": {"text": "How we help", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Plain words.</p>"},
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Volunteers", "caption": "2024"},
        },
        {"type": "quote", "value": {"quote": "I felt at home.", "attribution": "A"}},
        {
            "type": "call_to_action",
            "value": {
                "title": "Volunteer",
                "text": "",
                "page": None,
                "url": "https://example.org/",
                "button": "Offer time",
            },
        },
        {
            "type": "video",
            "value": {
                "video": "https://video.example.org/1",
                "title": "Our café",
                "transcript": "Hello and welcome.",
            },
        },
        {
            "type": "statistics",
            "value": {"title": "", "items": [{"figure": "320+", "label": "orgs"}]},
        },
        {
            "type": "accordion",
            "value": {"items": [{"question": "Who?", "answer": "<p>Anyone.</p>"}]},
        },
        {"type": "documents", "value": {"title": "Files", "documents": [document.pk]}},
        {"type": "charter_values", "value": {"show": "value"}},
    ]
    page = StandardPage.objects.child_of(group_site.root_page).get()
    page.body = json.dumps(body)
    page.save_revision().publish()
    return page


def test_every_block_renders_its_content(client, full_page):
    main = content.soup(client.get(full_page.url, HTTP_HOST=HOST)).main
    assert main.find("h2", string="How we help")
    assert main.select_one(".rich-text p").get_text() == "Plain words."
    picture = main.select_one("figure.image picture")
    webp = picture.select_one("source[type='image/webp']")
    assert len(webp["srcset"].split(",")) == 3
    assert picture.img["alt"] == "Volunteers"
    assert main.select_one("figure.image figcaption").get_text() == "2024"
    assert (
        main.select_one(".quote blockquote").get_text(strip=True) == "I felt at home."
    )
    cta = main.select_one("aside.cta a.button")
    assert (cta["href"], cta.get_text()) == ("https://example.org/", "Offer time")
    video = main.select_one("figure.video")
    assert video.figcaption.a["href"] == "https://video.example.org/1"
    assert video.details.summary.get_text() == "Transcript"
    assert main.select_one(".statistics dd").get_text() == "320+"
    details = main.select_one(".accordion details")
    assert details.summary.get_text() == "Who?"
    assert "Anyone." in details.get_text()
    assert main.select_one(".documents a[download]").get_text() == "Leaflet"
    assert main.select_one(".charter-values li strong").get_text() == "Integrity"


def test_image_block_requires_alternative_text():
    with pytest.raises(ValidationError):
        ImageBlock().clean({"image": None, "alt_text": "", "caption": ""})


def test_call_to_action_needs_a_page_or_an_address():
    value = CallToActionBlock().to_python(
        {"title": "Join", "text": "", "page": None, "url": "", "button": "Go"}
    )
    with pytest.raises(ValidationError) as error:
        CallToActionBlock().clean(value)
    assert "Choose a page or an address." in str(error.value.as_json_data())


def test_body_refuses_an_image_without_alt_text(group_site):
    image = content.make_image("Alt-less")
    block = BodyBlock()
    value = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}}]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)
