"""seed students and fees

Revision ID: a1000004
Revises: a1000003
Create Date: 2024-03-04 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1000004"
down_revision = "a1000003"
branch_labels = None
depends_on = None

students = sa.table(
    "students",
    sa.column("name", sa.String),
    sa.column("email", sa.String),
    sa.column("grade", sa.Integer),
)
fees = sa.table(
    "fees",
    sa.column("student_id", sa.Integer),
    sa.column("amount", sa.Numeric),
    sa.column("status", sa.String),
)


def upgrade():
    op.bulk_insert(
        students,
        [
            {"name": "Ada", "email": "ada@example.org", "grade": 3},
            {"name": "Brian", "email": "brian@example.org", "grade": None},
        ],
    )
    op.bulk_insert(
        fees,
        [
            {"student_id": 1, "amount": 120, "status": "paid"},
            {"student_id": 1, "amount": 0, "status": "pending"},
            {"student_id": 2, "amount": 80, "status": "pending"},
        ],
    )


def downgrade():
    op.execute("DELETE FROM fees")
    op.execute("DELETE FROM students")
