"""Page statements built once per shape of query, and run on the driver.

A page of ``GET /entries`` is one statement (``listing.page``, its capped count riding
along). Building it as SQLAlchemy expressions for every request, computing its cache
key and running each of its rows through the result machinery cost more than the
database's own work: of the 1.4 ms the store took for the first page of 100,000
entries on SQLite, the query itself took 0.15. So a page statement is built and
compiled once per :class:`Shape` (what decides its SQL: scope, which filters, how many
search words, sort, order, whether it starts after a cursor, which index the planner
drives it from), and each page runs its SQL through ``Connection.exec_driver_sql`` with the
query's own values (``listing.values``). SQLAlchemy still connects, wraps driver errors
and fires its events; the statement is the one SQLAlchemy compiled, so both paths say
the same SQL.

The parameters a query varies are named (``bindparam`` in ``listing`` and ``search``);
every other parameter of a statement is a constant of its shape (the spaces between a
search's words, the count's cap). :func:`prepare` refuses a statement with a named
parameter that ``listing.values`` does not give, so a new one cannot be left at the
value of the first query that built the shape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

from ..domain.vocabulary import Scope, SortKey, SortOrder
from .cursor import Position
from .listing import FILTERS, StoreQuery
from .search import query_words


@dataclass(frozen=True)
class Shape:
    """What decides the SQL of a page statement; two queries of one shape differ only
    in their values."""

    dialect: str
    scope: Scope
    filters: tuple[str, ...]
    canvas_only: bool
    words: int
    sort: SortKey
    order: SortOrder
    after: bool
    from_matches: bool
    from_filters: bool


def shape_of(
    query: StoreQuery,
    dialect_name: str,
    position: Position | None,
    *,
    from_matches: bool,
    from_filters: bool = False,
) -> Shape:
    return Shape(
        dialect=dialect_name,
        scope=query.scope,
        filters=tuple(name for name in FILTERS if getattr(query, name) is not None),
        canvas_only=query.canvas_only,
        words=len(query_words(query.text)),
        sort=query.sort,
        order=query.order,
        after=position is not None,
        from_matches=from_matches,
        from_filters=from_filters,
    )


Processor = Callable[[Any], Any]


@dataclass(frozen=True)
class Prepared:
    """A compiled page statement: its SQL, how to lay out its parameters, and how to
    read its sort key (the last column) as SQLAlchemy would."""

    sql: str
    #: The parameters' names in the order of the SQL's placeholders; None when the
    #: driver takes them by name (psycopg).
    order: tuple[str, ...] | None
    constants: dict[str, Any]
    processors: dict[str, Processor]
    dialect: Dialect
    key_type: TypeEngine[Any]
    #: How to read the sort key, by the driver's type code for it (known once run).
    keys: dict[Any, Processor | None] = field(default_factory=dict)

    def rows(self, connection: Connection, values: dict[str, Any]) -> list[tuple[Row[Any], Any]]:
        """The statement's rows for ``values`` (``listing.values``), each with its sort
        key read back."""
        given = dict(self.constants)
        for name, processor in self.processors.items():
            given[name] = processor(values[name])
        parameters: Sequence[Any] | dict[str, Any] = (
            given if self.order is None else tuple(given[name] for name in self.order)
        )
        result = connection.exec_driver_sql(self.sql, parameters)
        code = result.cursor.description[-1][1]
        if code in self.keys:
            key = self.keys[code]
        else:
            key = self.key_type.dialect_impl(self.dialect).result_processor(self.dialect, code)
            self.keys[code] = key
        if key is None:
            return [(row, row[-1]) for row in result]
        return [(row, key(row[-1])) for row in result]


def prepare(statement: Select[Any], values: dict[str, Any], dialect: Dialect) -> Prepared:
    """Compile ``statement`` (built by ``listing.page`` for a query whose named values
    are ``values``) for any query of its shape."""
    compiled = statement.compile(dialect=dialect)
    if "POSTCOMPILE" in compiled.string:
        raise AssertionError("a page statement must not expand its parameters")
    processors: dict[str, Processor] = {}
    constants: dict[str, Any] = {}
    for parameter, name in compiled.bind_names.items():
        process = parameter.type.dialect_impl(dialect).bind_processor(dialect)
        if parameter.unique:  # a constant: SQLAlchemy named it
            value = compiled.params[name]
            constants[name] = value if process is None else process(value)
        elif name in values:
            processors[name] = process or _same
        else:
            raise AssertionError(f"the page parameter {name!r} has no value in listing.values")
    *_, sort_key = statement.selected_columns
    return Prepared(
        sql=compiled.string,
        order=tuple(compiled.positiontup or ()) if compiled.positional else None,
        constants=constants,
        processors=processors,
        dialect=dialect,
        key_type=sort_key.type,
    )


def _same(value: Any) -> Any:
    return value
