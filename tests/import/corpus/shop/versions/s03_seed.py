"""seed customers and orders

Revision ID: s03
Revises: s02
Create Date: 2024-05-03 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.sql import table, column

revision = 's03'
down_revision = 's02'
branch_labels = None
depends_on = None

customers = table(
    'customers',
    column('id', sa.Integer),
    column('name', sa.String),
    column('email', sa.String),
)


def upgrade():
    op.bulk_insert(customers, [
        {'id': 1, 'name': 'Ada', 'email': 'ada@example.com'},
        {'id': 2, 'name': "O'Brien", 'email': 'ob@example.com'},
        {'id': 3, 'name': 'Zoë', 'email': 'zoe@example.com'},
    ])
    op.execute(
        "INSERT INTO orders (id, customer_id, total, state) "
        "VALUES (1, 1, 12.50, 'paid'), (2, 2, 3.00, 'new')"
    )
    op.execute(sa.text("""
        UPDATE orders SET state = 'shipped'
         WHERE total > 10
    """))


def downgrade():
    op.execute("DELETE FROM orders")
    op.execute(sa.text("DELETE FROM customers WHERE id IN (1, 2, 3)"))
