#!/bin/sh
# The runtime stage of the Dockerfile, run as root in the built checkout: puts `runner` on the
# PATH (a link to the committed launcher packages/cli/bin/runner.js in BIN_DIR), creates the
# results and site directories and, for USER (the one the image runs as), makes them and the
# site builder's scratch directory writable; the checkout itself stays read-only to USER.
# Usage: install.sh BIN_DIR RESULTS_DIR SITE_DIR [USER]
set -eu
bin=$1 results=$2 site=$3 owner=${4:-}
# `runner report` gives each Astro build its own directory here (packages/report/src/build-site.ts).
scratch=packages/report/node_modules/.ansatz-site-builds
mkdir -p "$bin" "$results" "$site" "$scratch"
ln -sf "$(pwd)/packages/cli/bin/runner.js" "$bin/runner"
if [ -n "$owner" ]; then chown "$owner:$(id -gn "$owner")" "$results" "$site" "$scratch"; fi
