#!/usr/bin/env bash
# The Dockerfile's build, tested without a container engine: copies the committed files of HEAD
# (what a clean clone holds; .dockerignore leaves out nothing else there) into a scratch
# directory and runs the image's steps there — `pnpm fetch`, scripts/image/build.sh (frozen
# lockfile, build, production dependencies only), scripts/image/install.sh (`runner` on the
# PATH) — then uses that install as the image would: `runner` from the PATH runs a sweep and
# builds its site, the way `runner k8s`'s default --runner calls it. CI runs this (.ci/run).
# Usage: bash scripts/build-image-steps.sh [SCRATCH_DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="${1:-$(mktemp -d -t ansatz-image-XXXXXX)}"
app="$scratch/app"
rm -rf "$app" && mkdir -p "$app"
git -C "$repo" archive HEAD | tar -x -C "$app"
if [ -e "$app/node_modules" ] || [ -e "$app/packages/cli/dist" ]; then
  echo "build-image-steps: the copy is not clean" >&2
  exit 1
fi

step() { printf '\n== %s\n' "$*"; }
cd "$app"
step "pnpm fetch (the Dockerfile's dependency layer)"
pnpm fetch
step "scripts/image/build.sh"
sh scripts/image/build.sh
# The image runs as an unprivileged user over a root-owned checkout: as root here, do the same
# with `nobody`.
owner=""
mkdir -p "$scratch/home"
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  owner=nobody
  chmod 755 "$scratch"
  chown nobody "$scratch/home"
fi
as_user() {
  if [ -n "$owner" ]; then
    runuser -u "$owner" -- env PATH="$PATH" HOME="$HOME" NODE_ENV=production "$@"
  else
    "$@"
  fi
}
step "scripts/image/install.sh"
sh scripts/image/install.sh "$scratch/bin" "$scratch/results" "$scratch/site" $owner

step "the install holds production dependencies only"
# (TypeScript itself stays: astro depends on it.)
for dev in vitest eslint assemblyscript kubernetes-models playwright-core; do
  if ls -d node_modules/.pnpm/"$dev"@* >/dev/null 2>&1; then
    echo "build-image-steps: dev dependency $dev is in the image" >&2
    exit 1
  fi
done
echo ok

step "runner from the PATH: sweep and site, as in the image${owner:+ (as $owner)}"
export PATH="$scratch/bin:$PATH" NODE_ENV=production HOME="$scratch/home"
[ "$(command -v runner)" = "$scratch/bin/runner" ]
as_user runner --help >/dev/null
as_user runner sweep sweeps/tiny.yaml --out "$scratch/results/tiny" --workers 1
as_user runner report "$scratch/results/tiny" --out "$scratch/site/tiny"
test -f "$scratch/site/tiny/index.html"
step "image build steps passed ($scratch)"
