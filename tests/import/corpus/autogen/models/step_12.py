"""samples parent key and unique index, shelves.title without default"""
import sqlalchemy as sa

metadata = sa.MetaData()

members = sa.Table(
    "members", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(120), nullable=False, index=True),
    sa.Column("email", sa.String(100), nullable=True),
    sa.Column("active", sa.Boolean, server_default=sa.true(), nullable=False),
    sa.UniqueConstraint("email", name="uq_members_email"),
)

shelves = sa.Table(
    "shelves", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), nullable=False),
    sa.Column("title", sa.String(200), nullable=True),
    sa.Column("created_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
)

samples = sa.Table(
    "samples", metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("small", sa.Integer),
    sa.Column("code", sa.CHAR(3)),
    sa.Column("parent_id", sa.BigInteger, sa.ForeignKey("samples.id", name="fk_samples_parent", onupdate="CASCADE", ondelete="RESTRICT")),
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
    sa.Index("ux_samples_code_label", "code", "label", unique=True),
)

loans = sa.Table(
    "loans", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("shelf_id", sa.Integer, sa.ForeignKey("shelves.id", ondelete="CASCADE"), nullable=False),
    sa.Column("member_id", sa.Integer, nullable=True),
    sa.Column("due", sa.Date, nullable=False, comment="the day the shelf comes back"),
    sa.ForeignKeyConstraint(["member_id"], ["members.id"], name="fk_loans_member", ondelete="SET NULL"),
    comment="who has which shelf",
)

