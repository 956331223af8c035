"""Security tests: the admin crawler, the XSS corpus, headers, hosts, logins,
uploads, resilience and content rules (docs/security.md names each one's threat).
Cross-site isolation by admin surface lives in tests/isolation/."""
