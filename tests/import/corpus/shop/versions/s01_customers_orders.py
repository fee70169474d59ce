"""customers and orders

Revision ID: s01
Revises:
Create Date: 2024-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = 's01'
down_revision = None
branch_labels = ('shop',)
depends_on = None

CUSTOMERS = 'customers'
ORDERS = 'orders'


def id_column():
    return sa.Column('id', sa.Integer(), primary_key=True)


def upgrade():
    op.create_table(
        CUSTOMERS,
        id_column(),
        sa.Column('name', sa.String(80), nullable=False),
        sa.Column('email', sa.String(120), nullable=False, unique=True),
    )
    op.create_table(
        ORDERS,
        id_column(),
        sa.Column('customer_id', sa.Integer(), sa.ForeignKey(CUSTOMERS + '.id'), nullable=False),
        sa.Column('total', sa.Numeric(10, 2), nullable=False, server_default='0'),
        sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    )
    op.create_index('ix_orders_customer_id', ORDERS, ['customer_id'])


def downgrade():
    op.drop_index('ix_orders_customer_id', table_name=ORDERS)
    op.drop_table(ORDERS)
    op.drop_table(CUSTOMERS)
