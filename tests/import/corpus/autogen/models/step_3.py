"""drop body, position, pinned, rating and extra"""
import sqlalchemy as sa

metadata = sa.MetaData()

members = sa.Table(
    "members", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(50), nullable=False),
    sa.Column("email", sa.String(100)),
)

shelves = sa.Table(
    "shelves", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("title", sa.String(200)),
    sa.Column("opened_on", sa.Date),
    sa.Column("created_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
)

samples = sa.Table(
    "samples", metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("small", sa.SmallInteger),
    sa.Column("code", sa.CHAR(3)),
    sa.Column("label", sa.Unicode(40)),
    sa.Column("notes", sa.UnicodeText),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("born", sa.Date),
    sa.Column("seen_at", sa.DateTime),
    sa.Column("seen_tz", sa.DateTime(timezone=True)),
    sa.Column("opens", sa.Time),
    sa.Column("price", sa.Numeric(10, 2)),
    sa.Column("weight", sa.Float),
    sa.Column("payload", sa.JSON),
    sa.Column("picture", sa.LargeBinary),
)
