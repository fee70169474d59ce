"""an index of the open orders

Revision ID: s05
Revises: s04
Create Date: 2024-05-05 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 's05'
down_revision = 's04'
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.create_index('ix_orders_open', 'orders', ['customer_id'],
                        postgresql_where=sa.text("state <> 'shipped'"))
    elif bind.dialect.name == 'mysql':
        op.create_index('ix_orders_open', 'orders', ['customer_id', 'state'])
        op.execute("ALTER TABLE orders ROW_FORMAT=DYNAMIC")
    else:
        op.create_index('ix_orders_open', 'orders', ['customer_id'],
                        sqlite_where=sa.text("state <> 'shipped'"))


def downgrade():
    op.drop_index('ix_orders_open', table_name='orders')
