#!/usr/bin/env bash
# For the server's test suite: make sure a PostgreSQL server runs on 127.0.0.1:5432 with a role
# that may create databases (each test server gets a database of its own), then print its URL.
#
#   export COUNTER_TEST_PG_URL=$(bash installer/postgres-for-tests.sh)
#
# Installs PostgreSQL from the distribution's packages when it is missing (Debian 12+/Ubuntu 24.04+).
set -euo pipefail
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL" >&2
  "${sudo_cmd[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  "${sudo_cmd[@]}" pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  "${sudo_cmd[@]}" pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
as_postgres=("${sudo_cmd[@]}" runuser -u postgres --)
[ "$(id -u)" -ne 0 ] && as_postgres=(sudo -u postgres)
for _ in $(seq 1 30); do
  "${as_postgres[@]}" psql -p "$port" -qtAc "SELECT 1" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! "${as_postgres[@]}" psql -p "$port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'desk_tests'" | grep -q 1; then
  "${as_postgres[@]}" psql -p "$port" -qc "CREATE ROLE desk_tests LOGIN PASSWORD 'desk_tests' CREATEDB" >&2
fi
echo "postgresql+psycopg://desk_tests:desk_tests@127.0.0.1:${port}/postgres"
