#!/bin/sh
# The runtime stage of the Dockerfile, run in the built checkout: puts `runner` on the PATH
# (a link to the committed launcher packages/cli/bin/runner.js in BIN_DIR) and creates the
# results and site directories. Usage: install.sh BIN_DIR RESULTS_DIR SITE_DIR [USER]
set -eu
bin=$1 results=$2 site=$3 owner=${4:-}
mkdir -p "$bin" "$results" "$site"
ln -sf "$(pwd)/packages/cli/bin/runner.js" "$bin/runner"
if [ -n "$owner" ]; then chown "$owner:$owner" "$results" "$site"; fi
