"""The `net` fixture: site A's roles and own objects, site B's objects to protect."""

from types import SimpleNamespace

import pytest

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from cms.access.roles import site_collection
from cms.models import (
    CharterStatement,
    SiteExport,
    SiteIdentity,
    StandardPage,
    WordPressImport,
)
from groups.models import SupportingOrganisation
from streams.models import AwardScheme
from tests.factories import make_member
from tests.isolation.common import (
    B_NAMES,
    OWN,
    SENTINEL,
    TAG,
    WORD,
    form_with_a_message_field,
)


@pytest.fixture
def net(group_site, other_group_site, site_editor, site_moderator, site_translator):
    a, b = group_site, other_group_site
    b_editor = make_member(b, "editor", username=B_NAMES[0])
    b_moderator = make_member(b, "moderator", username=B_NAMES[1])
    a_own = a.root_page.add_child(
        instance=StandardPage(title=f"Own {OWN} {WORD}", slug="own", live=False)
    )
    a_own.save_revision(user=site_editor)

    draft = b.root_page.add_child(
        instance=StandardPage(
            title=f"Draft {SENTINEL} {WORD}", slug="draft", live=False
        )
    )
    rev1 = draft.save_revision(user=b_editor)
    draft.title = f"Draft two {SENTINEL} {WORD}"
    rev2 = draft.save_revision(user=b_editor)
    workflow_state = b.root_page.get_workflow().start(draft, b_editor)
    Page.objects.filter(pk=draft.pk).update(
        locked=True, locked_by=b_moderator, locked_at=timezone.now()
    )
    published = b.root_page.add_child(
        instance=StandardPage(title=f"Published {SENTINEL} {WORD}", slug="published")
    )
    published.save_revision(user=b_moderator).publish(user=b_moderator)

    collection = site_collection(b)
    image = Image.objects.create(
        title=f"Photo {SENTINEL} {WORD}",
        file=get_test_image_file(),
        collection=collection,
    )
    image.tags.add(f"{TAG}-{SENTINEL}")
    own_image = Image.objects.create(
        title=f"Photo {OWN} {WORD}",
        file=get_test_image_file(),
        collection=site_collection(a),
    )
    own_image.tags.add(f"{TAG}-{OWN}")
    document = Document.objects.create(
        title=f"Leaflet {SENTINEL} {WORD}",
        file=ContentFile(b"leaflet", name="leaflet.txt"),
        collection=collection,
    )
    document.tags.add(f"{TAG}-{SENTINEL}")
    form = form_with_a_message_field(b)
    submission = FormSubmission.objects.create(
        page=form, form_data={"message": SENTINEL}
    )
    supporter = SupportingOrganisation.objects.create(
        site=b,
        name=f"Cafe {SENTINEL} {WORD}",
        contact_name=SENTINEL,
        contact_email="cafe@example.org",
    )
    scheme = AwardScheme.objects.create(site=b, name=f"Award {SENTINEL}")
    charter = CharterStatement.objects.create(
        title="Welcome", part="value", locale=Locale.get_default()
    )
    identity = SiteIdentity.for_site(b)
    identity.charity_number = SENTINEL
    identity.save()
    wordpress_run = WordPressImport.objects.create(
        site=b,
        status=WordPressImport.Status.DONE,
        report={"counts": {"news pages": 1}, "lines": [[7, SENTINEL]]},
    )
    b_export = SiteExport.objects.create(
        site=b, requested_by=b_moderator, status=SiteExport.Status.DONE
    )
    return SimpleNamespace(
        a=a,
        b=b,
        users={
            "editor": site_editor,
            "moderator": site_moderator,
            "translator": site_translator,
        },
        b_editor=b_editor,
        b_draft=draft,
        b_rev1=rev1,
        b_rev2=rev2,
        b_task_state=workflow_state.current_task_state,
        b_published=published,
        b_image=image,
        b_document=document,
        b_form=form,
        b_submission=submission,
        b_supporter=supporter,
        b_scheme=scheme,
        charter=charter,
        b_wordpress_run=wordpress_run,
        b_export=b_export,
    )
