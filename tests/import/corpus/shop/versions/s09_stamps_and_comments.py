"""updated_at stamps, a concurrent index, a table comment

Revision ID: s09
Revises: s08
Create Date: 2024-05-10 10:00:00.000000

"""
from alembic import context, op
import sqlalchemy as sa

revision = 's09'
down_revision = 's08'
branch_labels = None
depends_on = None

STAMPED = ['customers', 'orders']


def upgrade():
    for name in STAMPED:
        op.add_column(name, sa.Column('updated_at', sa.DateTime(), nullable=True))
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    with op.get_context().autocommit_block():
        op.create_index('ix_orders_updated_at', 'orders', ['updated_at'], postgresql_concurrently=True)
    if context.get_context().dialect.name != 'sqlite':
        op.create_table_comment('orders', "customer orders, one row per checkout")
    if str(op.get_bind().engine.url).startswith('sqlite'):
        op.execute("CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE state <> 'shipped'")


def downgrade():
    if str(op.get_bind().engine.url).startswith('sqlite'):
        op.execute("DROP VIEW open_orders")
    if context.get_context().dialect.name != 'sqlite':
        op.drop_table_comment('orders', existing_comment="customer orders, one row per checkout")
    with op.get_context().autocommit_block():
        op.drop_index('ix_orders_updated_at', table_name='orders', postgresql_concurrently=True)
    for name in reversed(STAMPED):
        op.drop_column(name, 'updated_at')
