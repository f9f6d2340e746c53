"""Pages of the catalog: how many entries one page may hold, and how far a page counts.

``EntryQuery`` (the ``limit`` of ``GET /entries``) and the store's own check both read
these, and ``GET /options`` serves them (``rules.page``).

A page's ``total`` is exact up to ``MAX_EXACT_TOTAL``; beyond it the store stops
counting (the count costs as much as the matches it walks, so it would grow with the
catalog instead of with the page) and says ``total_is_exact: false`` with ``total`` =
the cap: "1,000+ results".
"""

from __future__ import annotations

from typing import Final

MAX_PAGE_SIZE: Final = 200
DEFAULT_PAGE_SIZE: Final = 50
MAX_EXACT_TOTAL: Final = 1000
