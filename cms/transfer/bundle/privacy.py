"""What counts as personal data in a bundle, and what leaves without it.

Without --include-personal-data a bundle holds no consent record, no private
detail of a storyteller, no supporter's contact, no form submission, no audit
entry naming a person and no user account. Stories leave with their public
text; see docs/site-bundle.md for what happens to them on arrival.
"""

from cms.models import StoryPage

# A consent record: who agreed, when, how, to what, and who wrote it down.
STORY_CONSENT = [
    "consent_given_on",
    "consent_method",
    "consent_recorded_by",
    "consent_withdrawn_on",
    "consent_web",
    "consent_social",
    "consent_print",
    "use_real_name",
    "photo_permission",
    "consent_review_by",
    "network_display",
]
# Contact details of people, in records a site owns: {model label: fields}.
CONTACT_FIELDS = {
    "groups.supportingorganisation": ["contact_name", "contact_email"],
    "home.endorsement": ["contact_name", "contact_email"],
}


def shown_story(data):
    """A story's serialised data reduced to what its public page shows."""
    story = StoryPage(**{k: data.get(k) for k in ("storyteller", "location")})
    story.hide_surname = data.get("hide_surname", True)
    story.hide_location = data.get("hide_location", True)
    data["storyteller"] = story.shown_name
    data["location"] = story.shown_location
    if data.get("hide_face", True) or not data.get("photo_permission"):
        data["portrait"] = None
        data["listing_image"] = None
    for name in STORY_CONSENT:
        data.pop(name, None)
    return data


def private_story_images(stories):
    """Pictures of storytellers who did not let their face be shown."""
    images = set()
    for story in stories:
        if story.hide_face or not story.photo_permission:
            images.update(
                pk for pk in (story.portrait_id, story.listing_image_id) if pk
            )
    return images


def without_contacts(label, data):
    for name in CONTACT_FIELDS.get(label, []):
        if name in data:
            data[name] = ""
    return data
