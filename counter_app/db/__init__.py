"""The counter's local SQLite store: typed models, the engine, migrations and queries."""
