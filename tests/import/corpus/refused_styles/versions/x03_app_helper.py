"""tiers from the application's rules

Revision ID: x03
Revises: x02
Create Date: 2024-06-04 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

from billing.tiers import assign_default_tiers

revision = 'x03'
down_revision = 'x02'
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column('accounts', 'tier', existing_type=sa.String(20), nullable=False, server_default='basic')
    assign_default_tiers(op.get_bind())


def downgrade():
    op.alter_column('accounts', 'tier', existing_type=sa.String(20), nullable=True, server_default=None)
