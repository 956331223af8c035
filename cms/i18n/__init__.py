"""Translation of the network's sites, built on wagtail-localize."""
