"""Moving content in and out: WordPress import, site bundles."""
