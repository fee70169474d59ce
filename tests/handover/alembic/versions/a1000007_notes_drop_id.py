"""notes lose their autoincrement key

Revision ID: a1000007
Revises: a1000006
Create Date: 2024-03-07 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1000007"
down_revision = "a1000006"
branch_labels = None
depends_on = None


def upgrade():
    name = op.get_bind().dialect.name
    if name == "sqlite":
        with op.batch_alter_table("notes") as batch:
            batch.drop_column("id")
        return
    if name == "postgresql":
        op.drop_constraint("notes_pkey", "notes", type_="primary")
    op.drop_column("notes", "id")


def downgrade():
    op.add_column("notes", sa.Column("id", sa.Integer(), nullable=False))
    op.create_primary_key("notes_pkey", "notes", ["id"])
