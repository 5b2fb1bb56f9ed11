"""Topics of the stored articles (`propscope topics`), and each article's topic.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("label", sa.String(256), nullable=False),
        sa.Column("words", sa.Text, nullable=False),
    )
    op.create_table(
        "article_topics",
        sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True),
        sa.Column("topic", sa.Integer, nullable=False, index=True),
        sa.Column("weight", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("article_topics")
    op.drop_table("topics")
