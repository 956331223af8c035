"""The production stack on loopback: PostgreSQL, Redis, gunicorn and nginx.

Used by the CI smoke test (.ci/production), `make bench` (bench/run.py) and the
load and fault drill (bench/drill.py). Every server listens on 127.0.0.1 on a
free port and is stopped when the stack closes, whatever happened.
"""

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
MIGRATIONS = sorted(ROOT.glob("*/migrations/*.py")) + sorted(
    ROOT.glob("cms/network/*.py")
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process=None, timeout=60, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            tail = Path(log).read_text()[-3000:] if log else ""
            raise RuntimeError(f"exited with {process.returncode}:\n{tail}")
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def postgres_url(server_url, name):
    return server_url.rstrip("/") + "/" + name


def connect(server_url, name="postgres"):
    url = urlsplit(server_url)
    server = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname=name,
    )
    server.autocommit = True
    return server


class Stack(contextlib.ExitStack):
    """A temporary directory and the processes started in it."""

    def __init__(self, name="stack"):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix=f"sanctuary-{name}-"))
        self.dir.chmod(0o755)  # nginx's workers read the static files in it
        self.callback(shutil.rmtree, self.dir, ignore_errors=True)
        # Stopped by SIGTERM (a CI timeout): still stop every server on the way out.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    def start(self, args, log, env=None, cwd=ROOT):
        """A process in its own session, ended with SIGTERM (then SIGKILL) at close."""
        output = open(self.dir / log, "w")  # noqa: SIM115
        process = subprocess.Popen(
            args,
            env=env,
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.callback(stop, process)
        self.callback(output.close)
        return process

    # PostgreSQL ---------------------------------------------------------------

    def database(self, server_url, prepare, label="smoke"):
        """A fresh database on server_url, copied from a migrated template.

        Migrating from nothing takes minutes, so the migrated database (after
        running the `prepare` snippet in it) is kept as a template named after
        the snippet and the migrations; each run copies it in a second. When
        migrations change, the previous template is copied and migrated
        forward, as production is (from nothing if that fails).
        """
        prepared = hashlib.sha256(prepare.encode()).hexdigest()[:8]
        digest = hashlib.sha256((ROOT / "requirements.txt").read_bytes())
        for path in MIGRATIONS:
            digest.update(path.read_bytes())
        template = f"sanctuary_{label}_template_{prepared}_{digest.hexdigest()[:8]}"
        name = f"sanctuary_{label}_{os.getpid()}"
        server = connect(server_url)
        with server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if not cursor.fetchone():
                build_template(server_url, template, prepare, label, prepared)
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        server.close()
        self.callback(drop_database, server_url, name)
        return postgres_url(server_url, name)

    def postgres_cluster(self):
        """A throwaway PostgreSQL cluster of our own, on a free port (for faults)."""
        data = self.dir / "pgdata"
        data.mkdir()
        port = free_port()
        as_postgres = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(data, "postgres")
            as_postgres = ["runuser", "-u", "postgres", "--"]
        subprocess.run(
            [*as_postgres, PG_BIN / "initdb", "-D", data, "-U", "postgres"]
            + ["--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True,
            capture_output=True,
        )
        options = (
            f"-p {port} -h 127.0.0.1 -k {data} -c fsync=off -c max_connections=200"
        )
        pg_ctl = [*as_postgres, PG_BIN / "pg_ctl", "-D", data, "-o", options]
        log = data / "server.log"
        subprocess.run([*pg_ctl, "-l", log, "-w", "start"], check=True)
        self.callback(
            subprocess.run,
            [*pg_ctl, "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        cluster = Cluster(pg_ctl, log, f"postgres://postgres@127.0.0.1:{port}")
        return cluster

    # Redis --------------------------------------------------------------------

    def redis(self):
        port = free_port()
        args = ["redis-server", "--bind", "127.0.0.1", "--port", str(port)]
        args += ["--save", "", "--appendonly", "no", "--dir", str(self.dir)]
        process = self.start(args, "redis.log")
        wait_for_port(port, process, log=self.dir / "redis.log")
        return RedisServer(process, port, f"redis://127.0.0.1:{port}/0")

    # gunicorn and nginx -------------------------------------------------------

    def manage(self, env, *command):
        """Run a manage.py command under the stack's settings; fail on error."""
        subprocess.run(
            [sys.executable, "manage.py", *command], env=env, cwd=ROOT, check=True
        )

    def gunicorn(self, env, workers=2, threads=1, log="gunicorn.log", app=None):
        port = free_port()
        env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_THREADS": str(threads),
        }
        args = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
        args += [app] if app else []  # instead of the config's cms.wsgi
        process = self.start(args, log, env=env)
        wait_for_port(port, process, log=self.dir / log)
        return Server(process, port)

    def nginx(self, app_port, static_root, media_root):
        """deploy/nginx.conf with only its addresses, paths and certificate changed."""
        https, http = free_port(), free_port()
        key, certificate = self.dir / "tls.key", self.dir / "tls.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec"]
            + ["-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"]
            + ["-subj", "/CN=sanctuary.test", "-keyout", key, "-out", certificate],
            check=True,
            capture_output=True,
        )
        site = (ROOT / "deploy" / "nginx.conf").read_text()
        replacements = {
            "server 127.0.0.1:8000": f"server 127.0.0.1:{app_port}",
            "listen 443 ": f"listen 127.0.0.1:{https} ",
            "listen 80 ": f"listen 127.0.0.1:{http} ",
            "/etc/ssl/sanctuary/fullchain.pem": str(certificate),
            "/etc/ssl/sanctuary/privkey.pem": str(key),
            "/srv/sanctuary/staticfiles/": f"{static_root}/",
            "/srv/sanctuary/media/": f"{media_root}/",
        }
        for old, new in replacements.items():
            if old not in site:
                raise RuntimeError(f"deploy/nginx.conf no longer has {old!r}")
            site = site.replace(old, new)
        site = "\n".join(line for line in site.splitlines() if "[::]" not in line)
        (self.dir / "site.conf").write_text(site)
        (self.dir / "nginx.conf").write_text(
            NGINX_MAIN.format(
                dir=self.dir, user="user nobody nogroup;" if os.geteuid() == 0 else ""
            )
        )
        args = ["nginx", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")]
        process = self.start(args, "nginx.log")
        wait_for_port(https, process, log=self.dir / "nginx.log")
        return Proxy(process, https, http)


NGINX_MAIN = """
daemon off;
{user}
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {dir}/nginx-access.log;
    client_body_temp_path {dir}/nginx-body;
    proxy_temp_path {dir}/nginx-proxy;
    fastcgi_temp_path {dir}/nginx-fastcgi;
    uwsgi_temp_path {dir}/nginx-uwsgi;
    scgi_temp_path {dir}/nginx-scgi;
    gzip on;
    include {dir}/site.conf;
}}
"""


class Server:
    def __init__(self, process, port):
        self.process, self.port = process, port
        self.url = f"http://127.0.0.1:{port}"


class RedisServer(Server):
    def __init__(self, process, port, url):
        super().__init__(process, port)
        self.url = url


class Proxy:
    def __init__(self, process, https, http):
        self.process, self.https, self.http = process, https, http


class Cluster:
    def __init__(self, pg_ctl, log, url):
        self.pg_ctl, self.log, self.url = pg_ctl, log, url

    def restart(self):
        subprocess.run(
            [*self.pg_ctl, "-l", self.log, "-m", "fast", "-w", "restart"],
            check=True,
            capture_output=True,
        )


def stop(process):
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def drop_database(server_url, name):
    server = connect(server_url)
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.close()


FOREIGN_MIGRATIONS = (
    "from django.db.migrations.loader import MigrationLoader\n"
    "from django.db import connection\n"
    "loader = MigrationLoader(connection)\n"
    "print(len(set(loader.applied_migrations) - set(loader.disk_migrations)))"
)


def foreign_migrations(env):
    """How many migrations the database has applied that this tree lacks."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", FOREIGN_MIGRATIONS],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip() or 0)


def build_template(server_url, template, prepare, label, prepared):
    building = f"{template}_building"
    server = connect(server_url)
    with server.cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s "
            "AND datname NOT LIKE %s ORDER BY datname LIMIT 1",
            [f"sanctuary_{label}_template_{prepared}_%", "%_building"],
        )
        previous = cursor.fetchone()
    env = {
        **os.environ,
        "DATABASE_URL": postgres_url(server_url, building),
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "SECRET_KEY": "template-building-" + "k" * 40,
        "SITE_PORT": "443",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py"]
    migrated = False
    if previous:
        create(server, building, template=previous[0])
        result = subprocess.run(
            [*manage, "migrate", "-v0"], env=env, cwd=ROOT, capture_output=True
        )
        # A template migrated by another branch holds migrations this tree lacks.
        migrated = result.returncode == 0 and not foreign_migrations(env)
    if not migrated:
        create(server, building)
        subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        subprocess.run(
            [*manage, "shell", "-v0", "-c", prepare], env=env, cwd=ROOT, check=True
        )
    with server.cursor() as cursor:
        # Older templates of this label: their migrations are gone.
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [f"sanctuary_{label}_template_%", building],
        )
        for (old,) in cursor.fetchall():
            cursor.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
    server.close()


def create(server, name, template=None):
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        copy = f' TEMPLATE "{template}"' if template else ""
        cursor.execute(f'CREATE DATABASE "{name}"{copy}')
