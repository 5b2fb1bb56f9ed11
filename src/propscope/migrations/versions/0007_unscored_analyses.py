"""An analysis that measured nothing keeps no score: an article in a language the model does not
read gets a note, no sentences and no spans, and its score of 0 was counted in every outlet's,
month's and topic's mean as if the article had been read and found clean. Such analyses stored
before this migration get their score set to NULL.

Revision ID: 0007
Revises: 0006
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.alter_column("score", existing_type=sa.Float, nullable=True)
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT article_pk, data FROM analyses WHERE score = 0")).fetchall()
    unscored = []
    for pk, data in rows:
        d = json.loads(data)
        if d.get("notes") and not d.get("sentences") and not d.get("spans"):  # ``Analysis.scored``, from its JSON
            unscored.append({"pk": pk})
    if unscored:
        conn.execute(sa.text("UPDATE analyses SET score = NULL WHERE article_pk = :pk"), unscored)


def downgrade() -> None:
    op.execute("UPDATE analyses SET score = 0 WHERE score IS NULL")
    with op.batch_alter_table("analyses") as batch:
        batch.alter_column("score", existing_type=sa.Float, nullable=False)
