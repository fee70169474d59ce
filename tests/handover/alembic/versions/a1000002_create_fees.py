"""create fees and notes

Revision ID: a1000002
Revises: a1000001
Create Date: 2024-03-02 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1000002"
down_revision = "a1000001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "fees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="pending", nullable=False),
        sa.CheckConstraint("amount >= 0"),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fee_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("notes")
    op.drop_table("fees")
