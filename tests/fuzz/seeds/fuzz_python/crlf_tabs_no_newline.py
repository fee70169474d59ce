"""crlf file

Revision ID: c0ffee
"""
from alembic import op
import sqlalchemy as sa

revision = 'c0ffee'
down_revision = None


def upgrade():
	op.add_column('t', sa.Column('c', sa.String(length=20), \
		nullable=True))
	if True: op.execute(r'SELECT \\d'); op.execute(b'x'.decode())


def downgrade():
	op.drop_column('t', 'c')