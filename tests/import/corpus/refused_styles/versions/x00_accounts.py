"""accounts

Revision ID: x00
Revises:
Create Date: 2024-06-01 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'x00'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'accounts',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('email', sa.String(120), nullable=False),
        sa.Column('balance', sa.Numeric(12, 2), nullable=False, server_default='0'),
        sa.Column('tier', sa.String(20), nullable=True),
    )


def downgrade():
    op.drop_table('accounts')
