#!/usr/bin/env bash
# Runs every test: ./scripts/test.sh [extra dotnet test arguments, e.g. --filter "Engine=PostgreSQL"]
# (the fast tests alone need none of this: dotnet test tests/Cwf.Tests --filter "Category!=Engine")
#
# On a fresh machine it installs what the tests need and starts what they need:
#   1. PostGIS for the PostgreSQL server (apt: postgresql-<major>-postgis-3) when missing;
#   1b. Debian's Chromium for the browser tests (apt: chromium) when missing;
#   2. the independent SQL parsers in tests/sqlcheck, the H3 and Quadbin reference
#      implementations in tests/Cwf.Tests/Interpretation and the VS Code extension's tools in
#      editors/vscode (npm ci from the committed lock files);
#   3. a throwaway PostgreSQL cluster (scripts/pg-cluster.sh), exported to the tests as
#      CWF_PG_CONNECTION, CWF_PG_HOST, CWF_PG_PORT, CWF_PG_USER, and always stopped and
#      removed at the end, on failure and on interrupt too;
#   4. the command line that ./cwf runs (built on first use, and again when a source changed);
# then builds and runs `dotnet test Compiler.sln` and ends with the line `N passed, N failed`
# (the totals over all test projects). The exit code is non-zero when anything failed.
#
# Environment:
#   CWF_PROPERTY_ITERATIONS  iterations per property test (default 100); e.g. 5000 for a long run
#   CWF_PROPERTY_SEED        the seed every property test starts from (a seed a failure printed replays its case)
#   CWF_ACCEPT_SNAPSHOTS=1   accept every snapshot that differs (writes the .verified. files)
#   CWF_SKIP_POSTGIS_INSTALL=1  never call apt (the PostGIS tests then fail if it is missing)
set -uo pipefail

repo=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$repo"

say() { printf '==> %s\n' "$*"; }

# --- 1. PostGIS ---------------------------------------------------------------------------------
pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | while read -r dir; do
    [[ -x "$dir/initdb" ]] && { printf '%s\n' "$dir"; break; }
  done
}

install_postgis() {
  local bindir major sharedir package
  bindir=${CWF_PG_BINDIR:-$(pg_bindir)}
  if [[ -z "$bindir" ]]; then
    say "warning: no PostgreSQL server binaries found; the database tests will fail"
    return
  fi
  major=$("$bindir/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
  sharedir=$("$bindir/pg_config" --sharedir 2>/dev/null || printf '/usr/share/postgresql/%s' "$major")
  [[ -f "$sharedir/extension/postgis.control" ]] && return
  package="postgresql-$major-postgis-3"
  if [[ "${CWF_SKIP_POSTGIS_INSTALL:-}" == 1 ]]; then
    say "warning: PostGIS is missing and CWF_SKIP_POSTGIS_INSTALL=1: the PostGIS tests will fail"
    return
  fi
  apt_install "$package" "the PostGIS tests"
}

# apt_install PACKAGE WHAT: installs a Debian package, as root or through password-less sudo;
# when it cannot, says that WHAT will fail instead of stopping the run.
apt_install() {
  local package=$1 what=$2
  local -a sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      say "warning: $package is missing and installing it needs root (no sudo): $what will fail"
      return 1
    fi
  fi
  say "installing $package (apt)"
  if ! { "${sudo[@]}" apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$package"; } >/tmp/cwf-apt.log 2>&1; then
    tail -n 20 /tmp/cwf-apt.log
    say "warning: installing $package failed: $what will fail"
    return 1
  fi
}

# Debian's Chromium for the browser tests (the playground and the editor screenshots); never a
# browser downloaded by a test tool. The tests find it at CWF_CHROMIUM (default /usr/bin/chromium).
install_chromium() {
  [[ -x "${CWF_CHROMIUM:-/usr/bin/chromium}" ]] && return
  apt_install chromium "the browser tests"
}

# zsh, so that the test of `cwf completions zsh` parses the script with the shell it is for.
install_zsh() {
  command -v zsh >/dev/null 2>&1 && return
  apt_install zsh "the zsh completion test"
}

# PowerShell, so that the test of `cwf completions pwsh` loads the script into pwsh and completes with it:
# the dotnet global tool, in artifacts/tools/pwsh (CWF_PWSH overrides the path). Its version is named
# because the newest, 7.7.0, does not install on .NET 10.
install_pwsh() {
  local tools="$repo/artifacts/tools/pwsh"
  [[ -x "${CWF_PWSH:-$tools/pwsh}" ]] && return
  say "installing PowerShell 7.6.10 (dotnet tool install, into artifacts/tools/pwsh)"
  if ! dotnet tool install PowerShell --version 7.6.10 --tool-path "$tools" >/tmp/cwf-pwsh.log 2>&1; then
    tail -n 20 /tmp/cwf-pwsh.log
    say "warning: installing PowerShell failed: the pwsh completion test will fail"
  fi
}

# --- 2. SQL parsers -----------------------------------------------------------------------------
# npm_ci FOLDER WHAT TESTS: npm ci in FOLDER (below the repository) from its committed lock file,
# unless node_modules is newer than the lock file; when npm fails, says that TESTS will fail.
npm_ci() {
  local dir="$repo/$1"
  if [[ -f "$dir/node_modules/.package-lock.json" && "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    return
  fi
  say "installing $2 (npm ci in $1)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || say "warning: npm ci failed in $1: $3 will fail"
}

install_sql_parsers() {
  npm_ci tests/sqlcheck "the SQL parsers" "the parser tests"
}

# The reference implementations the interpreter's H3 and Quadbin are compared with (h3-js; quadbin
# and math.gl's web-mercator), from their committed lock files. The tests install them on first use
# too; installing here keeps that out of the timed test run.
install_reference_implementations() {
  local name
  for name in H3Reference QuadbinReference; do
    npm_ci "tests/Cwf.Tests/Interpretation/$name" "the $name reference implementation" "its node tests"
  done
}

# The VS Code extension's tools (vscode-tmgrammar-test, esbuild, @vscode/vsce, mermaid, the language
# client), from editors/vscode's committed lock file: its grammar, activation and packaging tests use them.
install_vscode_extension_deps() {
  npm_ci editors/vscode "the VS Code extension's tools" "the extension's tests"
}

# The playground's front end (npm ci + esbuild in src/Cwf.Playground/web): the build embeds it too, and its browser
# test runs puppeteer-core from there; bundling here keeps npm out of the first build's output.
build_playground() {
  say "bundling the playground's front end (scripts/build-playground.sh)"
  "$repo/scripts/build-playground.sh" || say "warning: the playground's bundle did not build: the build and its browser test will fail"
}

# --- 3. The cluster, stopped whatever happens --------------------------------------------------
cluster_dir=""
test_pid=""
cleanup() {
  if [[ -n "$test_pid" ]]; then
    kill "$test_pid" 2>/dev/null || true
    test_pid=""
  fi
  if [[ -n "$cluster_dir" ]]; then
    "$repo/scripts/pg-cluster.sh" stop "$cluster_dir" || true
    cluster_dir=""
  fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

install_postgis
install_chromium
install_zsh
install_pwsh
install_sql_parsers
install_reference_implementations
install_vscode_extension_deps
build_playground

# The command line's first build (Native AOT, minutes) runs here, alone, rather than inside a test's time limit.
say "building the command line (./cwf)"
"$repo/cwf" --version >/dev/null || say "warning: ./cwf did not build: the command-line tests will fail"

say "starting a throwaway PostgreSQL cluster"
if cluster_env=$("$repo/scripts/pg-cluster.sh" start --owner-pid $$); then
  eval "$cluster_env"
  cluster_dir=$CWF_PG_DIR
  export CWF_PG_CONNECTION CWF_PG_HOST CWF_PG_PORT CWF_PG_USER CWF_PG_SOCKET_DIR CWF_PG_POSTGIS
else
  say "warning: the PostgreSQL cluster did not start: the database tests will fail"
fi

# --- 4. Build and test ------------------------------------------------------------------------
results="$repo/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
# MSBuild worker nodes would otherwise outlive the run.
export MSBUILDDISABLENODEREUSE=1
say "dotnet test Compiler.sln $*"
# In the background so that an interrupt or TERM reaches the trap at once (bash runs traps
# only between commands, and `wait` is interruptible).
dotnet test "$repo/Compiler.sln" --nologo --logger trx --results-directory "$results" "$@" &
test_pid=$!
wait "$test_pid"
status=$?
test_pid=""

# --- 5. Totals from the TRX reports -------------------------------------------------------------
counter() { # counter NAME FILE: an attribute of the <Counters> element, 0 when absent
  grep -o '<Counters [^>]*>' "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || printf '0\n'
}
passed=0 failed=0 skipped=0 reports=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  reports=$((reports + 1))
  total=$(counter total "$trx")
  executed=$(counter executed "$trx")
  passed=$((passed + $(counter passed "$trx")))
  failed=$((failed + $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  skipped=$((skipped + total - executed))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # The build failed or a test host crashed before reporting: that is a failure too.
  echo "dotnet test exited with $status without reporting a failed test (build error or crashed test host; reports: $reports)"
  failed=1
fi
if [[ $reports -eq 0 && $status -eq 0 ]]; then
  echo "no test report was written"
  failed=1
fi

cleanup
[[ "${CI:-}" == true ]] && dotnet build-server shutdown >/dev/null 2>&1
[[ $skipped -gt 0 ]] && echo "($skipped skipped)"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
