"""A real PostgreSQL server for the tests: initdb + pg_ctl into a temporary folder, unix socket only.

One server per test session; each test gets a fresh database (`PgServer.new_database`). Where no
server can be started (no binaries, initdb refused...) `PgServer.start` gives the reason instead,
and the PostgreSQL half of the suite is skipped with that reason.

HRPLAN_TEST_PG_BIN names another folder of PostgreSQL binaries (default: the Debian package's,
/usr/lib/postgresql/<newest>/bin, or those on PATH).
"""
from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy


def find_bin() -> Path | None:
    """Give the folder holding initdb and pg_ctl, or None."""
    wanted = os.environ.get("HRPLAN_TEST_PG_BIN")
    if wanted:  # only there (an empty or wrong folder shows what the suite does without a server)
        folder = Path(wanted)
        return folder if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file() else None
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name)
                         if p.parent.name.isdigit() else 0, reverse=True)
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


@dataclass
class PgServer:
    folder: Path
    bin: Path
    as_user: list[str]  # ['runuser', '-u', 'postgres', '--'] when the tests run as root
    port: int = 5432
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def start(cls) -> PgServer | str:
        """Start a server; give it, or the reason it could not be started."""
        bin_dir = find_bin()
        if bin_dir is None:
            where = os.environ.get("HRPLAN_TEST_PG_BIN") or "/usr/lib/postgresql/*/bin or PATH"
            return f"no PostgreSQL server binaries (initdb, pg_ctl) in {where}; install the 'postgresql' package"
        as_user: list[str] = []
        folder = Path(tempfile.mkdtemp(prefix="hrplan-pg-"))
        if os.geteuid() == 0:  # initdb refuses root: run the server as the 'postgres' system user
            try:
                import pwd

                pw = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(folder, ignore_errors=True)
                return "running as root and there is no 'postgres' user to run the server as"
            os.chown(folder, pw.pw_uid, pw.pw_gid)
            as_user = ["runuser", "-u", "postgres", "--"]
        folder.chmod(0o755)
        server = cls(folder, bin_dir, as_user)
        try:
            server._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                        "--locale=C.UTF-8", "--no-sync")
            options = f"-k {folder} -c listen_addresses='' -p {server.port} -c fsync=off -c max_connections=60"
            server._run("pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "log"), "-o", options, "-w",
                        "-t", "60", "start")
        except (OSError, subprocess.CalledProcessError) as exc:
            log = (folder / "log").read_text(errors="replace")[-500:] if (folder / "log").exists() else ""
            detail = getattr(exc, "stderr", None) or str(exc)
            server.stop()
            return f"the PostgreSQL server did not start: {str(detail).strip()[-300:]} {log}".strip()
        return server

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / tool), *args], check=True, capture_output=True, text=True,
                       timeout=120, cwd=self.folder)

    def url(self, database: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        """Give the store URL of a database on this server (unix socket)."""
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@/{database}?host={self.folder}&port={self.port}"

    def admin(self) -> sqlalchemy.Engine:
        return sqlalchemy.create_engine(self.url().replace("postgresql://", "postgresql+psycopg://"),
                                        isolation_level="AUTOCOMMIT", poolclass=sqlalchemy.pool.NullPool)

    def new_database(self) -> str:
        """Create an empty database; give its name."""
        name = f"t{os.getpid()}_{next(self._names)}"
        engine = self.admin()
        with engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return name

    def drop_database(self, name: str) -> None:
        engine = self.admin()
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()

    def stop(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
            except (OSError, subprocess.CalledProcessError):
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
