"""Stories of sanctuary beyond their model: the safeguarding workflow
(safeguarding.py), translated stories' review (translation_review.py and its
view), erasure (erasure.py and its view), and what their admin actions share
(actions.py). Consent itself lives on the model (cms/models/story_consent.py)."""
