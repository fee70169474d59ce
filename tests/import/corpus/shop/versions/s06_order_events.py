"""order events, a check on totals

Revision ID: s06
Revises: s03
Create Date: 2024-05-06 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 's06'
down_revision = 's03'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('what', sa.String(length=40), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('CURRENT_TIMESTAMP'), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_audit_log'),
    )
    with op.batch_alter_table('orders') as batch_op:
        batch_op.create_check_constraint('ck_orders_total', 'total >= 0')


def downgrade():
    with op.batch_alter_table('orders') as batch_op:
        batch_op.drop_constraint('ck_orders_total', type_='check')
    op.drop_table('audit_log')
