# syntax=docker/dockerfile:1
# The runner image for `runner k8s` (and `docker run`): the built workspace with production
# dependencies only, `runner` on the PATH, running as the unprivileged `node` user (uid 1000,
# the default --user of `runner k8s`). Build and try it:
#   docker build -t ghcr.io/you/ansatz:latest .
#   docker run --rm -v "$PWD/results:/results" ghcr.io/you/ansatz sweep sweeps/quick.yaml --out /results/quick
#   docker run --rm -v "$PWD/results:/results" -v "$PWD/site:/site" ghcr.io/you/ansatz report /results/quick --out /site/quick
# The RUN steps are scripts/image/*.sh; scripts/build-image-steps.sh runs them in CI outside a
# container, on a clean copy of the repository.
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
ENV CI=true
RUN npm install -g pnpm@10.34.9
WORKDIR /app
# The packages, fetched into the store from the lockfile alone: this layer stays cached until
# the lockfile changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN sh scripts/image/build.sh

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
RUN sh scripts/image/install.sh /usr/local/bin /results /site node
USER node
VOLUME ["/results", "/site"]
ENTRYPOINT ["runner"]
CMD ["--help"]
