"""archive table named from a constant, by f-string

Revision ID: x04
Revises: x03
Create Date: 2024-06-05 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'x04'
down_revision = 'x03'
branch_labels = None
depends_on = None

ARCHIVE = 'accounts_archive'


def upgrade():
    op.create_table(
        ARCHIVE,
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('email', sa.String(120), nullable=False),
    )
    op.execute(f"INSERT INTO {ARCHIVE} (id, email) SELECT id, email FROM accounts WHERE balance = 0")


def downgrade():
    op.drop_table(ARCHIVE)
