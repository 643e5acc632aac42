# welcomemat in a container, for scheduled and CI audits. See docs/docker.md.
#
#   docker build -t welcomemat .
#   docker run --rm -v "$PWD/reports:/reports" -u "$(id -u):$(id -g)" welcomemat \
#     audit https://example.com --sandbox off -o /reports/example
#
# The same image is a queued-mode worker (docs/scaling.md): it needs a Redis to talk to, not a
# redis-server of its own; the Redis client (ioredis) is plain JavaScript in node_modules.
#   docker run --rm welcomemat worker --redis redis://redis:6379 --concurrency 2
#
# Two stages: the first compiles the TypeScript with the dev dependencies, the second
# holds only what runs (compiled JavaScript, production node_modules, demo site,
# templates) on the same official Node LTS slim image, plus Debian's Chromium and fonts.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------- build stage
FROM ${NODE_IMAGE} AS build
# Debian's Chromium is used at run time; puppeteer must not download its own.
ENV PUPPETEER_SKIP_DOWNLOAD=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
WORKDIR /app
# Dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# Compile, drop the dev dependencies (TypeScript, and the "node" package the project
# pins for npm scripts: the image uses the base image's Node), then gather what runs:
# everything the context holds (.dockerignore keeps tests, docs and local state out:
# data folders such as templates/, locales/, schema/, data/, demo-site/ come along by
# themselves) except the TypeScript sources, with dist/src for the compiled code.
# Source maps and type declarations are never read at run time (about 80 MB).
RUN npm run build \
 && npm prune --omit=dev \
 && mkdir -p /out/dist \
 && tar -c --exclude=./src --exclude=./dist --exclude=./tsconfig.json . | tar -x -C /out \
 && cp -a dist/src /out/dist/src \
 && find /out -type f \( -name '*.map' -o -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete \
 && test ! -e /out/node_modules/node && test ! -e /out/node_modules/typescript

# ---------------------------------------------------------------- run stage
FROM ${NODE_IMAGE}

# Chromium from Debian, fonts for non-Latin scripts (Arabic, Hebrew, Devanagari, Thai,
# CJK...) and colour emoji: without them pages render as boxes and screenshots and
# contrast results are wrong. tini is PID 1: it reaps Chromium's helper processes and
# forwards SIGTERM/SIGINT so a stopped job writes its partial report.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium \
      fonts-liberation \
      fonts-noto-core \
      fonts-noto-cjk \
      fonts-noto-color-emoji \
      tini \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /usr/share/doc/* /usr/share/man/*

# An unprivileged user with a fixed id (numeric USER below, so Kubernetes'
# runAsNonRoot can verify it). /reports is where reports land.
RUN groupadd --gid 10001 welcomemat \
 && useradd --uid 10001 --gid welcomemat --home-dir /home/welcomemat --create-home --shell /usr/sbin/nologin welcomemat \
 && mkdir -p /reports \
 && chown welcomemat:welcomemat /reports

ENV NODE_ENV=production \
    CHROME_PATH=/usr/bin/chromium \
    PUPPETEER_SKIP_DOWNLOAD=true \
    XDG_CONFIG_HOME=/tmp/.config \
    XDG_CACHE_HOME=/tmp/.cache

COPY --from=build /out /app
RUN ln -s /app/bin/welcomemat.js /usr/local/bin/welcomemat \
 && welcomemat --version

VOLUME ["/reports"]
WORKDIR /reports
USER 10001:10001

# Chromium's sandbox needs user namespaces, which Docker's and Kubernetes' default
# seccomp profiles deny to unprivileged containers, so a sandboxed launch fails there.
# Pass "--sandbox off" to "audit" (the container is then the isolation boundary), or
# keep it on where the runtime allows user namespaces. docs/docker.md explains.
ENTRYPOINT ["tini", "--", "welcomemat"]
CMD ["--help"]
