"""archive paid fees, waive zero fees

Revision ID: a1000005
Revises: a1000004
Create Date: 2024-03-05 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1000005"
down_revision = "a1000004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "fee_archive",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fee_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(
        "INSERT INTO fee_archive (fee_id, amount) "
        "SELECT id, amount FROM fees WHERE status = 'paid'"
    )
    op.execute(
        "UPDATE fees SET status = CASE WHEN amount = 0 THEN 'waived' ELSE status END"
    )


def downgrade():
    op.execute("UPDATE fees SET status = 'pending' WHERE status = 'waived'")
    op.drop_table("fee_archive")
