"""reports, a second branch that needs the customers

Revision ID: r01
Revises:
Create Date: 2024-05-09 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'r01'
down_revision = None
branch_labels = ('reports',)
depends_on = 's01'


def upgrade():
    op.create_table(
        'reports',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('customer_id', sa.Integer(), sa.ForeignKey('customers.id', ondelete='SET NULL'), nullable=True),
        sa.Column('body', sa.Text(), nullable=True),
        sa.Column('public', sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade():
    op.drop_table('reports')
