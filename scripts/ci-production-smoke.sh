#!/usr/bin/env bash
# Builds and starts the production server the way docker/Dockerfile does, without Docker:
# a clean install and build in a scratch folder, dev dependencies pruned, only package.json,
# node_modules and dist copied to a runtime folder, migrations applied to a scratch MariaDB
# database as a step of their own, the first user created with the create-user command, then
# the server started with NODE_ENV=production (as the unprivileged user "nobody" when run as
# root). It probes /health with the image's health check, /ready, /metrics, sign-in as that user
# and a GraphQL query, stops the server with SIGTERM, and removes everything.
#
# Usage: scripts/ci-production-smoke.sh [mysql://root@127.0.0.1:3306/test]
# The URL's user needs the right to create and drop databases. Keep the steps in step with the
# Dockerfile; test/unit/deploy/dockerfile.test.ts checks that its commands appear here.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
ADMIN_URL="${1:-${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306/test}}"
WORK="$(mktemp -d /tmp/lk-smoke-XXXXXX)"
DATABASE="lk_smoke_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
DATABASE_URL="${ADMIN_URL%/*}/$DATABASE"
PORT="${SMOKE_PORT:-4917}"
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""

log() { printf 'smoke: %s\n' "$*"; }
fail() {
  printf 'smoke: FAIL: %s\n' "$*" >&2
  if [[ -f "$WORK/server.log" ]]; then
    tail -n 40 "$WORK/server.log" >&2
  fi
  exit 1
}

sql() {
  # Runs one statement through mysql2, the driver the server uses, so no client binary is needed.
  (cd "$REPO" && node -e '
    const mysql = require("mysql2/promise");
    mysql.createConnection(process.argv[1]).then(async (c) => {
      await c.query(process.argv[2]);
      await c.end();
    }).catch((e) => { console.error(e.message); process.exit(1); });
  ' "$ADMIN_URL" "$1")
}

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  sql "DROP DATABASE IF EXISTS \`$DATABASE\`" || log "could not drop database $DATABASE"
  rm -rf "$WORK"
}
trap cleanup EXIT

# Build stage: the Dockerfile's COPY list, npm ci, build, prune.
log "building in $WORK/build"
mkdir -p "$WORK/build"
cp -r "$REPO/package.json" "$REPO/package-lock.json" "$REPO/tsconfig.json" \
  "$REPO/tsconfig.build.json" "$REPO/ormconfig.ts" "$REPO/src" "$REPO/scripts" "$WORK/build/"
(
  cd "$WORK/build"
  export npm_config_build_from_source=true
  npm ci --no-audit --no-fund
  npm run build
  npm prune --omit=dev --no-audit --no-fund
)

# Runtime stage: production dependencies and compiled code only.
mkdir -p "$WORK/app/data"
cp -r "$WORK/build/package.json" "$WORK/build/node_modules" "$WORK/build/dist" "$WORK/app/"
if [[ -d "$WORK/app/node_modules/typescript" || -d "$WORK/app/node_modules/jest" ]]; then
  fail "dev dependencies are still installed in the runtime folder"
fi
RUN_AS=()
if [[ "$(id -u)" == 0 ]]; then
  chmod 755 "$WORK"
  chown -R nobody:nogroup "$WORK/app/data"
  RUN_AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
cd "$WORK/app"

# Migrations run as a step of their own before the server takes traffic.
log "creating scratch database $DATABASE and applying migrations"
sql "CREATE DATABASE \`$DATABASE\` CHARACTER SET utf8mb4"
export NODE_ENV=production DATABASE_URL
"${RUN_AS[@]}" node dist/scripts/migrate.js run
"${RUN_AS[@]}" node dist/scripts/migrate.js show || fail "migrations are still pending"

# The first administrator of a production database comes from the create-user command.
log "creating the first user with the create-user command"
printf 'smoke-operator-password\n' |
  "${RUN_AS[@]}" node dist/scripts/create-user.js --username operator --role ADMIN ||
  fail "create-user failed"

log "starting the server on port $PORT"
JWT_SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" PORT="$PORT" \
  MIGRATE_ON_START=false SEED_DEMO=true DEMO_PASSWORD=smoke-password-2019 \
  "${RUN_AS[@]}" node dist/src/main.js >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

# The Dockerfile's HEALTHCHECK command, retried until the server responds.
healthy=false
for _ in $(seq 1 60); do
  if PORT="$PORT" node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    healthy=true
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited during start"
  sleep 1
done
[[ "$healthy" == true ]] || fail "/health did not answer within 60 s"
log "/health ok"

ready="$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ready")"
[[ "$ready" == 200 ]] || fail "/ready answered $ready"
log "/ready ok"

login='{"query":"mutation { login(input: {username: \"admin\", password: \"smoke-password-2019\"}) { token } }"}'
token="$(curl -s "$BASE/graphql" -H 'content-type: application/json' -d "$login" |
  sed -E 's/.*"token":"([^"]+)".*/\1/')"
[[ "$token" == eyJ* ]] || fail "login returned no token"
operator_login='{"query":"mutation { login(input: {username: \"operator\", password: \"smoke-operator-password\"}) { token } }"}'
operator_token="$(curl -s "$BASE/graphql" -H 'content-type: application/json' -d "$operator_login" |
  sed -E 's/.*"token":"([^"]+)".*/\1/')"
[[ "$operator_token" == eyJ* ]] || fail "login as the user from create-user returned no token"
plans="$(curl -s "$BASE/graphql" -H 'content-type: application/json' \
  -H "authorization: Bearer $token" -d '{"query":"query SmokePlans { plans { title } }"}')"
[[ "$plans" == *'RPJMD Kota Malang 2018-2023'* ]] || fail "plans query returned $plans"
log "GraphQL query ok"

metrics="$(curl -s "$BASE/metrics")"
for series in 'lelang_graphql_requests_total{operation="SmokePlans",outcome="OK"} 1' \
  'lelang_db_pool_connections{pool="primary",state="limit"}'; do
  [[ "$metrics" == *"$series"* ]] || fail "/metrics lacks $series"
done
log "/metrics ok"

kill -TERM "$SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=""
[[ "$status" == 0 ]] || fail "the server exited with status $status after SIGTERM"
grep -q '"msg":"server stopped"' "$WORK/server.log" || fail "the log has no stop line"
log "stopped cleanly; production smoke test passed"
