"""The schema version this hrplan writes: light, so that reading a store's version needs neither SQLAlchemy nor Alembic."""
from __future__ import annotations

SCHEMA_VERSION = 3  # the newest revision in migrations/versions/ (a test checks they agree)
