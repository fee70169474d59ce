"""merge reports

Revision ID: a1000009
Revises: a1000007, a1000008
Create Date: 2024-03-09 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "a1000009"
down_revision = ("a1000007", "a1000008")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
