"""a flag only when there are accounts

Revision ID: x05
Revises: x04
Create Date: 2024-06-06 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'x05'
down_revision = 'x04'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('accounts', sa.Column('legacy', sa.Boolean(), nullable=False, server_default=sa.false()))
    conn = op.get_bind()
    count = conn.execute(sa.text("SELECT COUNT(*) FROM accounts")).scalar()
    if count > 0:
        op.execute("UPDATE accounts SET legacy = TRUE")


def downgrade():
    op.drop_column('accounts', 'legacy')
