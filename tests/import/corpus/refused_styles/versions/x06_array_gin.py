"""tags as an array with a GIN index

Revision ID: x06
Revises: x05
Create Date: 2024-06-07 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = 'x06'
down_revision = 'x05'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('accounts', sa.Column('tags', postgresql.ARRAY(sa.String(20)), nullable=True))
    op.create_index('ix_accounts_tags', 'accounts', ['tags'], postgresql_using='gin')
    try:
        op.execute("ANALYZE accounts")
    except Exception:
        pass


def downgrade():
    op.drop_index('ix_accounts_tags', table_name='accounts')
    op.drop_column('accounts', 'tags')
