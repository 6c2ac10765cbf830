"""The light reader `status` uses on an up-to-date SQLite store gives what the full store gives."""
from __future__ import annotations

import sqlite3

import pytest

from conftest import sample_submissions
from hrplan.importer import import_files
from hrplan.store import SCHEMA_VERSION, SqliteReader, Store, open_reader, parse_store_url


@pytest.mark.sqlite_only
def test_the_reader_gives_the_stores_rows_in_the_stores_order(sample_ws) -> None:
    import_files(sample_ws, sample_submissions())  # the earlier SYT file is superseded by its correction
    with sample_ws.open_store() as store, open_reader(sample_ws.store_url) as reader:
        assert isinstance(reader, SqliteReader)
        assert reader.counts() == store.counts() and store.counts()["superseded"] == 1
        everything = store.submissions(include_superseded=True)
        assert reader.submissions(include_superseded=True) == everything and len(everything) == 18
        for r in everything:
            for query in ({"program": r.program}, {"program": r.program, "unit": r.unit},
                          {"program": r.program, "period": r.period}, {"unit": r.unit, "period": r.period}):
                assert reader.submissions(**query) == store.submissions(**query)
                assert (reader.submissions(**query, include_superseded=True)
                        == store.submissions(**query, include_superseded=True))
        assert reader.submissions("no such program") == []
        for programs in (["12-CTr/TU"], ["08-CTr/TU", "NA-LC/2011-2016"], ["no such program"], []):  # status -p
            assert reader.counts(programs) == store.counts(programs)
        assert store.counts(["12-CTr/TU"])["superseded"] == 1 and store.counts([]) == {"current": 0, "superseded": 0,
                                                                                      "values": 0}
        with reader.snapshot(), reader.snapshot():  # nested: one transaction
            assert reader.counts() == store.counts()


@pytest.mark.sqlite_only
def test_anything_but_an_up_to_date_sqlite_file_gets_the_full_store(tmp_path) -> None:
    missing = tmp_path / "new.sqlite"
    with open_reader(parse_store_url(missing)) as store:  # no file yet: the full store makes it, with its tables
        assert isinstance(store, Store) and store.schema_version() == SCHEMA_VERSION
    with open_reader(parse_store_url(missing)) as reader:
        assert isinstance(reader, SqliteReader)
    with open_reader(parse_store_url(f"sqlite:///{missing}?timeout=5")) as store:  # options: SQLAlchemy's to apply
        assert isinstance(store, Store)
    db = sqlite3.connect(missing)
    db.execute("DELETE FROM schema_version WHERE version = ?", (SCHEMA_VERSION,))  # not stamped as this hrplan's
    db.commit()
    db.close()
    with open_reader(parse_store_url(missing)) as store:  # the reader decides nothing: the full store does
        assert isinstance(store, Store)
