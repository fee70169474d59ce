"""students grade

Revision ID: a1000003
Revises: a1000002
Create Date: 2024-03-03 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1000003"
down_revision = "a1000002"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("students", sa.Column("grade", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_students_grade"), "students", ["grade"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_students_grade"), table_name="students")
    op.drop_column("students", "grade")
