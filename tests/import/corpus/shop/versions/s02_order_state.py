"""order state enum

Revision ID: s02
Revises: s01
Create Date: 2024-05-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s02"
down_revision = "s01"
branch_labels = None
depends_on = None

STATES = ("new", "paid", "shipped")


def upgrade():
    # The type first: add_column does not create it.
    sa.Enum(*STATES, name="order_state").create(op.get_bind())
    op.add_column(
        "orders",
        sa.Column(
            "state",
            postgresql.ENUM(*STATES, name="order_state", create_type=False),
            nullable=False,
            server_default="new",
        ),
    )


def downgrade():
    op.drop_column("orders", "state")
    sa.Enum(name="order_state").drop(op.get_bind())
