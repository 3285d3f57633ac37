#!/bin/sh
# The build stage of the Dockerfile, run in the checkout (/app in the image) after `pnpm fetch`:
# install from the lockfile and the store only, build every package, then keep only the
# production dependencies. scripts/build-image-steps.sh runs the same steps outside a
# container on a clean copy of the repository, so CI tests them.
set -eu
export CI=true
pnpm install --frozen-lockfile --offline
pnpm build
# Drop the dev dependencies (TypeScript, Vitest, ESLint, AssemblyScript…): `pnpm prune` does not
# work across a workspace, so reinstall production dependencies only.
rm -rf node_modules packages/*/node_modules
pnpm install --frozen-lockfile --offline --prod
rm -rf .turbo packages/*/.turbo packages/*/tsconfig.tsbuildinfo
