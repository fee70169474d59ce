"""visits with MySQL types

Revision ID: m01
Revises:
Create Date: 2024-08-01 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql

revision = 'm01'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'visits',
        sa.Column('id', mysql.INTEGER(display_width=11), nullable=False, autoincrement=True),
        sa.Column('at', mysql.DATETIME(fsp=6), nullable=False),
        sa.Column('robot', mysql.TINYINT(display_width=1), nullable=False, server_default=sa.text("'0'")),
        sa.Column('path', mysql.VARCHAR(length=255), nullable=False),
        sa.Column('agent', mysql.TEXT(), nullable=True),
        sa.Column('meta', sa.JSON(), nullable=True),
        sa.Column('device', mysql.ENUM('desktop', 'phone'), nullable=True),
        sa.Column('cost', mysql.DECIMAL(precision=8, scale=3), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        mysql_engine='InnoDB',
        mysql_default_charset='utf8mb4',
    )
    op.create_index('ix_visits_at', 'visits', ['at'], unique=False)


def downgrade():
    op.drop_index('ix_visits_at', table_name='visits')
    op.drop_table('visits')
