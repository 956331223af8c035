"""Generation counters in the shared cache: one per host, one for the network.

Every cached page and per-site bundle is keyed with the counters it depends on;
bumping a counter makes those keys unreachable in every process at once. A
counter starts at the current time in milliseconds, so one lost (evicted or
restarted) counter never returns to a value an older key was made with.
"""

import time

from django.core.cache import cache
from django.db import transaction

NETWORK_KEY = "cms:gen:network"
HOST_KEY = "cms:gen:host:{}"


def host_key(hostname):
    return HOST_KEY.format(hostname.lower())


def current(hostname):
    """(network, host) counters, or None when the shared cache does not answer."""
    keys = [NETWORK_KEY, host_key(hostname)]
    found = cache.get_many(keys)
    values = []
    for key in keys:
        value = found.get(key)
        if value is None:
            value = _start(key)
            if value is None:
                return None
        values.append(value)
    return tuple(values)


def _start(key):
    cache.add(key, int(time.time() * 1000), timeout=None)
    return cache.get(key)


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:  # never set, or evicted: start afresh, above any old value
        _start(key)


def bump(key):
    """Now, for this transaction's own reads, and again once it commits: a page
    another process rendered from the data before the commit is never served."""
    _bump(key)
    transaction.on_commit(lambda: _bump(key))


def bump_hosts(hostnames):
    for key in {host_key(hostname) for hostname in hostnames}:
        bump(key)


def bump_network():
    bump(NETWORK_KEY)
