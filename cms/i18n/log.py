"""How page histories and the dashboard word the start of a translation.

Wagtail's "Copied for translation from Root (English)" names the page tree's
root when a site's home is copied; volunteers read "Translation started from
the English version" instead.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_content_languages
from wagtail.log_actions import LogFormatter

ACTION = "wagtail.copy_for_translation"


class TranslationStarted(LogFormatter):
    label = _("Start a translation")

    def format_message(self, log_entry):
        code = (log_entry.data.get("source_locale") or {}).get("language_code")
        language = get_content_languages().get(code)
        if not language:
            return _("Translation started")
        return _("Translation started from the %(language)s version") % {
            "language": language
        }


def register_translation_actions(actions):
    """Replaces Wagtail's wording of the action, and its entry in the filters."""
    actions.choices[:] = [choice for choice in actions.choices if choice[0] != ACTION]
    actions.register_action(ACTION)(TranslationStarted)
