"""Online-only environment of the autogenerate corpus (tests/import/make_autogen.sh).

The database is RETORT_CORPUS_URL; the models, for `alembic revision
--autogenerate`, the module file RETORT_CORPUS_MODEL (models/step_N.py).
SQLite gets render_as_batch, as the Alembic docs advise for it.
"""
import importlib.util
import os

from alembic import context
from sqlalchemy import create_engine, pool

target_metadata = None
model = os.environ.get("RETORT_CORPUS_MODEL")
if model:
    spec = importlib.util.spec_from_file_location("corpus_models", model)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target_metadata = module.metadata

engine = create_engine(os.environ["RETORT_CORPUS_URL"], poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        compare_server_default=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
