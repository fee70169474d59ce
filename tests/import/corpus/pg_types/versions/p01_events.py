"""events with PostgreSQL types

Revision ID: p01
Revises:
Create Date: 2024-07-01 08:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = 'p01'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    kind = postgresql.ENUM('click', 'view', 'buy', name='event_kind')
    kind.create(op.get_bind())
    op.create_table(
        'events',
        sa.Column('id', sa.BigInteger(), primary_key=True),
        sa.Column('token', postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column('kind', postgresql.ENUM(name='event_kind', create_type=False), nullable=False),
        sa.Column('body', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column('at', postgresql.TIMESTAMP(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('price', postgresql.DOUBLE_PRECISION(), nullable=True),
        sa.Column('raw', postgresql.BYTEA(), nullable=True),
        sa.UniqueConstraint('token', name='uq_events_token'),
        comment='what users did',
    )
    op.create_index('ix_events_buys', 'events', ['at'], postgresql_where=sa.text("kind = 'buy'"))
    op.alter_column('events', 'body', comment='the payload as sent')


def downgrade():
    op.drop_index('ix_events_buys', table_name='events')
    op.drop_table('events')
    postgresql.ENUM(name='event_kind').drop(op.get_bind())
