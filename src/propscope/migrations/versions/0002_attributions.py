"""Attributions (who is cited for what) as rows, for per-outlet source counts and the API.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "attributions",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("source", sa.String(512), nullable=False),
        sa.Column("source_key", sa.String(512), nullable=False, index=True),
        sa.Column("cue", sa.String(128), nullable=False),
        sa.Column("source_start", sa.Integer, nullable=False),
        sa.Column("source_end", sa.Integer, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("attributions")
