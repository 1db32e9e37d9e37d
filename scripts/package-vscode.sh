#!/usr/bin/env bash
# Builds the VS Code extension into artifacts/cwf-vscode-<version>.vsix (prints that path):
# npm ci in editors/vscode from its committed lock file (skipped when node_modules is current),
# the esbuild bundles, then `vsce package`. No publisher login is needed; install the result with
# `code --install-extension artifacts/cwf-vscode-<version>.vsix`.
set -euo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
dir="$repo/editors/vscode"
cd "$dir"

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
node build.mjs --production >&2

version=$(node -p "require('./package.json').version")
out="$repo/artifacts/cwf-vscode-$version.vsix"
mkdir -p "$repo/artifacts"
# The project publishes no repository URL or license file yet; vsce would otherwise ask about both.
node_modules/.bin/vsce package --no-dependencies --allow-missing-repository --skip-license --out "$out" >&2
printf '%s\n' "$out"
