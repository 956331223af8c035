"""Search on PostgreSQL: Wagtail's database backend, asked so its indexes serve.

Wagtail's PostgreSQL backend finds pages with `(title || body) @@ to_tsquery(…)`.
PostgreSQL evaluates that for every index entry on every search: it rebuilds
the joined vector of each entry (no index serves the join: Wagtail's GIN
indexes are on `title` and on `body`), and parses and stems the query again for
each row (`to_tsquery` without a fixed configuration is not a constant).

Here the query is parsed into its tsquery once per search, and a page matches,
exactly as before, when its title, its body, or (for words split between the
two) both together hold every word: PostgreSQL answers the first two from Wagtail's GIN
indexes and the third from ours (migration 0002), and reads the joined vector
only where the cheaper tests failed. Pages are still pre-filtered by the view
(site path, language, type) and ranked by Wagtail's expression (title first).

The view only ever asks for all of a query's words (`operator="and"`, no
syntax); any other query goes through Wagtail's code unchanged.
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchVectorExact,
)
from django.db import connection
from django.db.models import F, Func

from wagtail.search.backends.database import SearchBackend as DatabaseBackend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import PlainText


class ParsedOnce(SearchQuery):
    """A query's tsquery, parsed once per search rather than once per row.

    `to_tsquery` depends on the text search configuration, so PostgreSQL does
    not fold it into a constant; as a scalar subquery it runs once (an
    InitPlan), and its value still drives index scans.
    """

    def __init__(self, search_query):
        Func.__init__(self, search_query, output_field=SearchQueryField())
        self.config, self.invert = None, False

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(SELECT {sql})", params


class NetworkSearchQueryCompiler(PostgresSearchQueryCompiler):
    def handles(self):
        query = self.query
        return (
            self.fields is None
            and isinstance(query, PlainText)
            and query.operator == "and"
        )

    def build_tsquery(self, query, config=None):
        search_query = super().build_tsquery(query, config=config)
        if query is not self.query or search_query is None or not self.handles():
            return search_query
        return ParsedOnce(search_query)

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self.handles():
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return self.queryset.none()
        rank = self._build_rank_expression(
            self.get_search_vectors(search_query), config
        )
        # Expressions, not keyword lookups: the rank and all three share one join.
        title, body = F("index_entries__title"), F("index_entries__body")
        queryset = self.queryset.filter(
            SearchVectorExact(title, search_query)
            | SearchVectorExact(body, search_query)
            | SearchVectorExact(title._combine(body, "||", False), search_query)
        )
        return self._apply_ordering_and_scoring(
            queryset, rank, start, stop, score_field
        )


class NetworkSearchBackend(PostgresSearchBackend):
    query_compiler_class = NetworkSearchQueryCompiler


def SearchBackend(params):
    """This backend on PostgreSQL; Wagtail's database backend for the quick start."""
    if connection.vendor == "postgresql":
        return NetworkSearchBackend(params)
    return DatabaseBackend(params)
