"""Articles whose analysis raised: recorded with the reason so that one bad article never
blocks the queue (``analyze --db`` skips them until ``--retry-failed``).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "analysis_failures",
        sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
        sa.Column("model", sa.String(128), nullable=False, index=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("failed_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("analysis_failures")
