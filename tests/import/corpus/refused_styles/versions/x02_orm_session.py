"""a default account through the ORM

Revision ID: x02
Revises: x01
Create Date: 2024-06-03 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy import orm

revision = 'x02'
down_revision = 'x01'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_accounts_email', 'accounts', ['email'], unique=True)
    session = orm.Session(bind=op.get_bind())
    session.execute(sa.text("INSERT INTO accounts (email) VALUES ('root@example.com')"))
    session.commit()


def downgrade():
    op.drop_index('ix_accounts_email', table_name='accounts')
