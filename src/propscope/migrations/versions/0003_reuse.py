"""Text reuse results: aligned passages between article pairs, and their clusters.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "reuse_clusters",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("origin", sa.String(512)),
        sa.Column("boilerplate", sa.Boolean, nullable=False),
        sa.Column("members", sa.Text, nullable=False),
    )
    op.create_table(
        "reuse_passages",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("a", sa.String(512), nullable=False, index=True),
        sa.Column("a_start", sa.Integer, nullable=False),
        sa.Column("a_end", sa.Integer, nullable=False),
        sa.Column("b", sa.String(512), nullable=False, index=True),
        sa.Column("b_start", sa.Integer, nullable=False),
        sa.Column("b_end", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("cluster", sa.Integer),
        sa.Column("boilerplate", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("reuse_passages")
    op.drop_table("reuse_clusters")
