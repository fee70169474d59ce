"""a status with a check, a renamed column, a type change

Revision ID: p02
Revises: p01
Create Date: 2024-07-02 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = 'p02'
down_revision = 'p01'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('events', sa.Column('status', sa.String(12), nullable=False, server_default='new'))
    op.create_check_constraint('ck_events_status', 'events', "status IN ('new', 'done')")
    op.alter_column('events', 'price', new_column_name='amount', existing_type=postgresql.DOUBLE_PRECISION())
    op.alter_column('events', 'amount', type_=sa.Numeric(12, 2), existing_type=postgresql.DOUBLE_PRECISION())
    with op.get_context().autocommit_block():
        op.create_index('ix_events_status', 'events', ['status'], postgresql_concurrently=True)


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index('ix_events_status', table_name='events', postgresql_concurrently=True)
    op.alter_column('events', 'amount', type_=postgresql.DOUBLE_PRECISION(), existing_type=sa.Numeric(12, 2))
    op.alter_column('events', 'amount', new_column_name='price')
    op.drop_constraint('ck_events_status', 'events', type_='check')
    op.drop_column('events', 'status')
