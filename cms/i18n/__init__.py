"""Translation of the network's sites, built on wagtail-localize: the languages,
their names and writing direction (languages.py), each site's home page in
each of its languages (homes.py), who may translate what (access.py),
wagtail-localize's views replaced by scoped ones (views.py, admin_urls.py), live
words kept until a translation is published (live_words.py), the status board
(status.py, admin_views.py) and what the public sees of a site's languages
(public.py, middleware.py)."""
