"""The anonymous page cache and what keeps public pages cheap to render.

- `generations`: a counter per host and one for the whole network, in the shared
  cache; every key below carries them, so bumping a counter invalidates at once,
  in every process.
- `sites`: what every page of a site needs (its Site, home page in each language,
  identity, languages, menus), cached per host under those counters.
- `middleware`: `SiteDataMiddleware` hands that to the request;
  `AnonymousPageCacheMiddleware` stores and serves whole pages for anonymous
  visitors when `REDIS_URL` is set, with `Cache-Control` for a CDN.
- `triggers`: every event that changes what a page shows, and what it bumps.
- `frontend`: Wagtail's frontend cache purging (CDN), configured by environment.
"""
