"""merge the index and the events branches

Revision ID: s07
Revises: s05, s06
Create Date: 2024-05-07 10:00:00.000000

"""
revision = 's07'
down_revision = ('s05', 's06')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
