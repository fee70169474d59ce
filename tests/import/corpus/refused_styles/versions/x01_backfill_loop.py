"""lower-case the e-mails, row by row

Revision ID: x01
Revises: x00
Create Date: 2024-06-02 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'x01'
down_revision = 'x00'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('accounts', sa.Column('email_lower', sa.String(120), nullable=True))
    conn = op.get_bind()
    for row in conn.execute(sa.text("SELECT id, email FROM accounts")).fetchall():
        conn.execute(
            sa.text("UPDATE accounts SET email_lower = :e WHERE id = :i"),
            {"e": row.email.lower(), "i": row.id},
        )


def downgrade():
    op.drop_column('accounts', 'email_lower')
