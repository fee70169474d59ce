"""index on fees status

Revision ID: a1000008
Revises: a1000005
Create Date: 2024-03-08 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1000008"
down_revision = "a1000005"
branch_labels = ("reports",)
depends_on = None


def upgrade():
    op.create_index(op.f("ix_fees_status"), "fees", ["status"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_fees_status"), table_name="fees")
