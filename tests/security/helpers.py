"""Helpers for the security tests: the real production settings, CSP parsing."""

import importlib.util
import re
import sys

import pytest

NONCE = re.compile(r"^'nonce-[A-Za-z0-9+/=]{16,}'$")
LOCAL_SOURCES = {"'self'", "'none'", "data:", "blob:", "'unsafe-inline'"}


def settings_module(name, monkeypatch, **env):
    """A fresh copy of cms.settings.<name> as it loads in the given environment."""
    monkeypatch.setenv("SECRET_KEY", "production-like-key-" + "k" * 40)
    if name == "production":
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    base = _load("cms.settings.base")
    monkeypatch.setitem(sys.modules, "cms.settings.base", base)
    return base if name == "base" else _load(f"cms.settings.{name}")


def _load(dotted):
    spec = importlib.util.find_spec(dotted)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def production(monkeypatch):
    return settings_module("production", monkeypatch)


def parse_csp(header):
    """{directive: [sources]} of a Content-Security-Policy header."""
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def third_party_sources(policy):
    return [
        source
        for sources in policy.values()
        for source in sources
        if source not in LOCAL_SOURCES and not NONCE.match(source)
    ]
