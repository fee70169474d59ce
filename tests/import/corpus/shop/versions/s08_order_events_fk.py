"""rename audit_log to order_events and tie it to orders

Revision ID: s08
Revises: s07
Create Date: 2024-05-08 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 's08'
down_revision = 's07'
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table('audit_log', 'order_events')
    with op.batch_alter_table('order_events') as batch_op:
        batch_op.create_foreign_key('fk_order_events_order', 'orders', ['order_id'], ['id'], ondelete='CASCADE')
        batch_op.alter_column('what', existing_type=sa.String(length=40), type_=sa.String(length=80),
                              existing_nullable=False)


def downgrade():
    with op.batch_alter_table('order_events') as batch_op:
        batch_op.alter_column('what', existing_type=sa.String(length=80), type_=sa.String(length=40),
                              existing_nullable=False)
        batch_op.drop_constraint('fk_order_events_order', type_='foreignkey')
    op.rename_table('order_events', 'audit_log')
