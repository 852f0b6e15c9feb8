"""Alembic environment for the server: migrations run on the connection the server hands over."""

from alembic import context

from sync.server.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
