# -*- coding: utf-8 -*-
"""merge heads

Revision ID: 9d8c7b
Revises: ('a1b2c3', 'b2c3d4')
Create Date: 2024-02-01 08:30:00.000001

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9d8c7b'
down_revision = ('a1b2c3', 'b2c3d4')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
