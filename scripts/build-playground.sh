#!/usr/bin/env bash
# Bundles the playground's front end (src/Cwf.Playground/web) into web/dist: npm ci from the committed
# package-lock.json, then esbuild (web/build.mjs). Called by the build of src/Cwf.Playground (so `./cwf` and
# `dotnet build` embed a current bundle on a fresh clone) and by scripts/test.sh. Does nothing when the bundle
# is newer than every source; one run at a time (a lock), as builds of the CLI and the tests may overlap.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
web="$repo/src/Cwf.Playground/web"
# The lock lives outside src/: a file touched there would make ./cwf think its sources changed.
mkdir -p "$repo/artifacts"
exec 9>"$repo/artifacts/build-playground.lock"
flock 9

if [[ ! -f "$web/node_modules/.package-lock.json" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
  echo "build-playground: npm ci in src/Cwf.Playground/web" >&2
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

stamp="$web/dist/.built"
if [[ -f "$stamp" && -z "$(find "$web/src" "$web/build.mjs" "$web/package-lock.json" -newer "$stamp" -print -quit)" ]]; then
  exit 0
fi
echo "build-playground: bundling with esbuild" >&2
rm -rf "$web/dist"
(cd "$web" && node build.mjs >&2)
touch "$stamp"
