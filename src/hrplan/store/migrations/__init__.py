"""Alembic revisions of the store's schema, one module per revision in `versions/` ('0001', '0002', ...).

Revision numbers are the schema version `hrplan store info` shows. A store made before Alembic
(the hand-rolled `schema_version` table at version N) is stamped at revision N and upgraded from there.
"""
