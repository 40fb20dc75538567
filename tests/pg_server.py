"""A throwaway PostgreSQL + PostGIS server for the tests: initdb and pg_ctl from the Debian packages
(postgresql, postgresql-15-postgis-3; scripts/setup.sh installs them) in a temporary folder, on a
free local port. PostgreSQL refuses to run as root, so as root (CI) the server runs as ``nobody``
(``runuser``). ``psql`` talks to it over TCP as the trusted user ``postgres``.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile


def bin_dir():
    found = sorted(glob.glob('/usr/lib/postgresql/*/bin/initdb'))
    return os.path.dirname(found[-1]) if found else None


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self):
        self.bin = bin_dir()
        if self.bin is None:
            raise RuntimeError('PostgreSQL is not installed: run scripts/setup.sh (apt: postgresql, '
                               'postgresql-15-postgis-3).')
        self.folder = tempfile.mkdtemp(prefix='spm_pg_')
        os.chmod(self.folder, 0o755)
        self.data = os.path.join(self.folder, 'data')
        self.port = free_port()
        self.as_user = ['runuser', '-u', 'nobody', '--'] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, 'nobody', 'nogroup')

    def _run(self, *command):
        return subprocess.run(self.as_user + list(command), check=True, capture_output=True, text=True,
                              cwd=self.folder)

    def start(self):
        self._run(os.path.join(self.bin, 'initdb'), '-D', self.data, '-U', 'postgres', '-A', 'trust',
                  '--no-sync', '-E', 'UTF8', '--locale=C')
        options = "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
                  "-c full_page_writes=off".format(self.port, self.folder)
        self._run(os.path.join(self.bin, 'pg_ctl'), '-D', self.data, '-o', options, '-l',
                  os.path.join(self.folder, 'log'), '-w', 'start')
        try:
            self.sql('CREATE DATABASE city', db='postgres')
            self.sql('CREATE EXTENSION postgis', db='city')
        except subprocess.CalledProcessError:
            self.stop()             # never leave a server behind
            raise
        return self

    def stop(self):
        try:
            self._run(os.path.join(self.bin, 'pg_ctl'), '-D', self.data, '-m', 'immediate', 'stop')
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def sql(self, statement, db='city', stdin=None):
        """Run SQL (or ``COPY … FROM STDIN`` with ``stdin``) with psql; returns its output."""
        done = subprocess.run([os.path.join(self.bin, 'psql'), '-h', '127.0.0.1', '-p', str(self.port),
                               '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', statement],
                              input=stdin, check=True, capture_output=True, text=True)
        return done.stdout

    def uri(self, table, schema='public'):
        """The QGIS data source of a table (postgres provider)."""
        return "dbname='city' host=127.0.0.1 port={} user='postgres' table=\"{}\".\"{}\"".format(
            self.port, schema, table)

    def load_readings(self, frame, table='readings', time_type='timestamp'):
        """Create ``table`` (sensor_id, time, metric, value) and copy ``frame``'s rows into it."""
        self.sql('DROP TABLE IF EXISTS {0}; CREATE TABLE {0} (id serial PRIMARY KEY, sensor_id integer, '
                 'time {1}, metric text, value double precision)'.format(table, time_type))
        self.append(frame, table)

    def append(self, frame, table='readings'):
        text = frame[['sensor_id', 'time', 'metric', 'value']].to_csv(index=False, header=False)
        self.sql('COPY {} (sensor_id, time, metric, value) FROM STDIN WITH (FORMAT csv)'.format(table),
                 stdin=text)
