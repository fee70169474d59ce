"""fees foreign key on delete cascade

Revision ID: a1000006
Revises: a1000005
Create Date: 2024-03-06 09:00:00

The key was made without a name, so it is dropped by the name the engine
gave it. SQLite cannot drop a foreign key in place and keeps it as it is.
"""
from alembic import op
import sqlalchemy as sa

revision = "a1000006"
down_revision = "a1000005"
branch_labels = None
depends_on = None


def _engine_fk_name():
    name = op.get_bind().dialect.name
    if name == "mysql":
        return "fees_ibfk_1"
    if name == "postgresql":
        return "fees_student_id_fkey"
    return None


def upgrade():
    old = _engine_fk_name()
    if old is None:
        return
    op.drop_constraint(old, "fees", type_="foreignkey")
    op.create_foreign_key(None, "fees", "students", ["student_id"], ["id"], ondelete="CASCADE")


def downgrade():
    old = _engine_fk_name()
    if old is None:
        return
    op.drop_constraint(old, "fees", type_="foreignkey")
    op.create_foreign_key(None, "fees", "students", ["student_id"], ["id"])
