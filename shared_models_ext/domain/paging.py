"""Pages of the catalog: how many entries one page may hold.

``EntryQuery`` (the ``limit`` of ``GET /entries``) and the store's own check both read
these, and ``GET /options`` serves them (``rules.page``).
"""

from __future__ import annotations

from typing import Final

MAX_PAGE_SIZE: Final = 200
DEFAULT_PAGE_SIZE: Final = 50
