"""rename customers.name, add a phone

Revision ID: s04
Revises: s03
Create Date: 2024-05-04 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 's04'
down_revision = 's03'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.alter_column('name', new_column_name='full_name',
                              existing_type=sa.String(length=80), existing_nullable=False)
        batch_op.add_column(sa.Column('phone', sa.String(length=20), nullable=True))
        batch_op.create_index(batch_op.f('ix_customers_phone'), ['phone'], unique=False)


def downgrade():
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_phone'))
        batch_op.drop_column('phone')
        batch_op.alter_column('full_name', new_column_name='name',
                              existing_type=sa.String(length=80), existing_nullable=False)
