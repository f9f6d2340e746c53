"""Server-side secrets (the cursor key), and user names in their canonical form.

``store_secrets`` holds secrets every server sharing the store must agree on (the
HMAC key of page cursors), created on first use.

User names are now compared NFKC-normalised and case-folded (see
``shared_models_ext/domain/identity.py``): the owners of entries and launches and the users
of named shares written before are rewritten in that form, so "Bob" shared earlier
is bob's now. A rename that would collide with an existing row (a launch, a share
listed twice under two spellings) keeps the one row already in canonical form.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _canonical(name: str) -> str:
    # A frozen copy of identity.canonical_username as of this revision.
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold()).strip()


def upgrade() -> None:
    op.create_table(
        "store_secrets",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_store_secrets"),
    )
    bind = op.get_bind()
    entries = sa.table("entries", sa.column("owner", sa.String))
    for (owner,) in bind.execute(sa.select(entries.c.owner).distinct()).all():
        if _canonical(owner) != owner:
            bind.execute(
                entries.update().where(entries.c.owner == owner).values(owner=_canonical(owner))
            )

    shares = sa.table("entry_shares", sa.column("entry_id", sa.String), sa.column("username"))
    pairs: set[tuple[str, str]] = {
        (entry_id, username)
        for entry_id, username in bind.execute(sa.select(shares.c.entry_id, shares.c.username))
    }
    for entry_id, username in sorted(pairs):
        canonical = _canonical(username)
        if canonical == username:
            continue
        match = (shares.c.entry_id == entry_id) & (shares.c.username == username)
        bind.execute(shares.delete().where(match))
        pairs.discard((entry_id, username))
        if (entry_id, canonical) not in pairs:
            bind.execute(shares.insert().values(entry_id=entry_id, username=canonical))
            pairs.add((entry_id, canonical))

    launches = sa.table(
        "launches",
        sa.column("id", sa.Integer),
        sa.column("owner", sa.String),
        sa.column("kind", sa.String),
        sa.column("region", sa.String),
        sa.column("name", sa.String),
    )
    columns = (launches.c.id, launches.c.owner, launches.c.kind, launches.c.region, launches.c.name)
    rows = bind.execute(sa.select(*columns)).all()
    keys = {(owner, kind, region, name) for _, owner, kind, region, name in rows}
    for launch_id, owner, kind, region, name in rows:
        canonical = _canonical(owner)
        if canonical != owner and (canonical, kind, region, name) not in keys:
            bind.execute(
                launches.update().where(launches.c.id == launch_id).values(owner=canonical)
            )
            keys.discard((owner, kind, region, name))
            keys.add((canonical, kind, region, name))


def downgrade() -> None:
    op.drop_table("store_secrets")
