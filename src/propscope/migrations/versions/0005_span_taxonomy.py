"""Spans remember their taxonomy: the same name can mean different things in PTC-14 and
SemEval-2023 (their Doubt and Repetition are not defined alike), and a store can hold analyses
of both. Spans stored before this migration came from PTC-14 models.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.add_column("spans", sa.Column("taxonomy", sa.String(64), nullable=False, server_default="ptc14"))


def downgrade() -> None:
    with op.batch_alter_table("spans") as batch:
        batch.drop_column("taxonomy")
