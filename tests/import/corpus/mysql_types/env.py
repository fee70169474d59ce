"""Online-only environment: the URL is RETORT_CORPUS_URL."""
import os

from alembic import context
from sqlalchemy import create_engine, pool

engine = create_engine(os.environ["RETORT_CORPUS_URL"], poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
