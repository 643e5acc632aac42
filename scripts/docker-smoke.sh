#!/usr/bin/env bash
# Image smoke test: builds the real Dockerfile with buildah (no Docker engine or
# registry needed) and audits the bundled demo site inside the image, as its
# non-root user, writing to the image's /reports volume.
#
#   scripts/docker-smoke.sh            # from the repository root or anywhere
#
# Needs root on Debian/Ubuntu (installs buildah and debootstrap with apt-get if missing).
# The base image node:24-bookworm-slim cannot be pulled here, so docker/make-base-image.sh
# makes a local stand-in once (debootstrap + Node from the npm registry) and caches it
# in buildah's storage. Build layers are cached too (--layers): a warm run only
# rebuilds what changed.
#
# Environment:
#   IMAGE            tag to build (default localhost/welcomemat:smoke)
#   DOCKER_CONTEXT   build context (default: the repository root)
#   KEEP_REPORTS=1   copy the demo report out of the image's /reports volume (path printed)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
IMAGE="${IMAGE:-localhost/welcomemat:smoke}"
CONTEXT="${DOCKER_CONTEXT:-$repo}"
started=$SECONDS
step_started=$SECONDS
step() {
  if ((SECONDS > started)); then printf '    (%ss)\n' "$((SECONDS - step_started))"; fi
  step_started=$SECONDS
  printf '\n==> [docker-smoke] %s\n' "$*"
}
fail() {
  printf '\n[docker-smoke] FAILED: %s\n' "$*" >&2
  exit 1
}

ctr=""
build_etc=""
cleanup() {
  [[ -n "$ctr" ]] && buildah rm "$ctr" >/dev/null 2>&1 || true
  [[ -n "$build_etc" ]] && rm -rf "$build_etc"
  return 0
}
trap cleanup EXIT

step "tools: buildah, debootstrap"
[[ "$(id -u)" == 0 ]] || fail "run as root (buildah with --isolation chroot and debootstrap need it)"
missing=()
command -v buildah >/dev/null || missing+=(buildah)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if ((${#missing[@]})); then
  echo "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
buildah --version

step "base image: docker.io/library/node:24-bookworm-slim (local stand-in, cached)"
bash "$repo/docker/make-base-image.sh"

step "build $IMAGE from $CONTEXT/Dockerfile"
build_opts=()
# Where this machine reaches the npm registry through a TLS-intercepting proxy, npm
# inside the build needs the same CA bundle. It is mounted for the RUN steps only
# (as npm's global config dir, /usr/local/etc), so the image itself stays as built anywhere.
cafile="$(npm config get cafile 2>/dev/null || true)"
[[ -z "$cafile" || "$cafile" == null || "$cafile" == undefined ]] && cafile="${NODE_EXTRA_CA_CERTS:-}"
if [[ -n "$cafile" && -f "$cafile" ]]; then
  build_etc="$(mktemp -d "${TMPDIR:-/tmp}/welcomemat-build-etc.XXXXXX")"
  cp "$cafile" "$build_etc/build-ca.crt"
  printf 'cafile=/usr/local/etc/build-ca.crt\n' >"$build_etc/npmrc"
  chmod -R a+rX "$build_etc"
  build_opts+=(--volume "$build_etc:/usr/local/etc:ro")
  echo "    npm in the build trusts this machine's CA bundle ($cafile)"
fi
# --pull=false: use the local stand-in (there is no registry to pull from).
buildah build --isolation chroot --layers --force-rm --pull=false "${build_opts[@]}" \
  -f "$CONTEXT/Dockerfile" -t "$IMAGE" "$CONTEXT" 2>&1 | sed 's/^/    /'
# pipefail makes a failed build fail here.

step "image config: non-root user, init process, /reports"
user="$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$IMAGE")"
entrypoint="$(buildah inspect --type image --format '{{.OCIv1.Config.Entrypoint}}' "$IMAGE")"
workdir="$(buildah inspect --type image --format '{{.OCIv1.Config.WorkingDir}}' "$IMAGE")"
volumes="$(buildah inspect --type image --format '{{.OCIv1.Config.Volumes}}' "$IMAGE")"
echo "    user=$user entrypoint=$entrypoint workdir=$workdir volumes=$volumes"
[[ -n "$user" && "${user%%:*}" != 0 && "${user%%:*}" != root ]] || fail "image must set a non-root USER, has '$user'"
[[ "$entrypoint" == *tini* ]] || fail "entrypoint must start an init process (tini), has $entrypoint"
[[ "$workdir" == /reports && "$volumes" == *'/reports:'* ]] || fail "/reports must be the working directory and a volume"
uid="${user%%:*}"

ctr="$(buildah from --pull=false "$IMAGE")"
# Runs a command in the image the way "docker run" would: as the image's user, through
# its entrypoint (tini as a subreaper, since buildah's chroot has no PID namespace).
in_image() {
  buildah run --isolation chroot --env TINI_SUBREAPER=1 "$@"
}

step "inside the image: tools and contents"
in_image "$ctr" -- sh -euc '
  echo "    user: $(id)"
  [ "$(id -u)" != 0 ]
  echo "    node: $(node --version) at $(command -v node)"
  echo "    chromium: $($CHROME_PATH --version 2>/dev/null)"
  tini --version | sed "s/^/    /"
  test ! -e /app/node_modules/node && test ! -e /app/node_modules/typescript && test ! -e /app/src
  test -f /app/demo-site/index.html && test -d /app/templates && test -f /app/dist/src/cli/main.js
  for font in /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
              /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf \
              /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf \
              /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf \
              /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf; do
    test -f "$font" || { echo "missing font $font" >&2; exit 1; }
  done
  echo "    fonts: Noto CJK, Noto Color Emoji, Noto Arabic/Devanagari, Liberation"
' || fail "image contents are wrong"
in_image "$ctr" -- tini -- welcomemat --help >/dev/null || fail "welcomemat --help failed in the image"
echo "    welcomemat --help: ok ($(in_image "$ctr" -- welcomemat --version))"

step "inside the image: can Chromium use its sandbox as the non-root user?"
# Chromium's sandbox needs user namespaces (or its setuid helper, which needs
# CAP_SYS_ADMIN); container runtimes' default seccomp profiles deny both to an
# unprivileged container. That is why docs/docker.md runs audits with "--sandbox off".
demo_args=(demo --out /reports/demo)
demo_env=()
if in_image "$ctr" -- sh -c 'timeout 30 "$CHROME_PATH" --headless --disable-gpu --dump-dom "data:text/html,<p>ok</p>" 2>/dev/null' 2>/dev/null | grep -q '<p>ok</p>'; then
  echo "    yes: Chromium starts sandboxed here; the demo runs with the sandbox on"
else
  echo "    no: Chromium cannot start sandboxed here (no user namespaces for unprivileged processes),"
  if in_image "$ctr" -- welcomemat demo --help 2>/dev/null | grep -q -- '--sandbox'; then
    demo_args+=(--sandbox off)
    echo "    so the demo runs with --sandbox off"
  else
    # "demo" has no --sandbox option yet: pass Chromium the same flags "--sandbox off" would.
    demo_env=(--env "WELCOMEMAT_CHROMIUM_ARGS=--no-sandbox --disable-setuid-sandbox")
    echo "    so the demo runs with WELCOMEMAT_CHROMIUM_ARGS=--no-sandbox (\"demo\" has no --sandbox option)"
  fi
fi

step "inside the image: welcomemat ${demo_args[*]} (as the image's non-root user)"
# /reports is the image's VOLUME: buildah gives the working container its own volume
# there, like "docker run" without -v, and it outlives each "buildah run".
demo_started=$SECONDS
in_image "${demo_env[@]}" "$ctr" -- tini -- welcomemat "${demo_args[@]}" 2>&1 | sed 's/^/    /' ||
  fail "welcomemat demo failed in the image"
echo "    demo audit took $((SECONDS - demo_started))s"

step "check the report in /reports/demo"
in_image "$ctr" -- sh -euc '
  ls -la /reports/demo | sed "s/^/    /"
  test -s /reports/demo/report.json || { echo "no report.json in /reports/demo" >&2; exit 1; }
  ls /reports/demo/*.html >/dev/null 2>&1 || { echo "no HTML report in /reports/demo" >&2; exit 1; }
  test "$(stat -c %u /reports/demo/report.json)" = "$(id -u)" || { echo "report not owned by the image user" >&2; exit 1; }
  node -e "
    const report = JSON.parse(require(\"fs\").readFileSync(\"/reports/demo/report.json\", \"utf8\"));
    const s = report.summary || {};
    if (!(s.pagesAudited > 0)) { console.error(\"report.json: no pages audited\", s); process.exit(1); }
    console.log(\"    report.json parses: \" + s.pagesAudited + \" pages audited, \" + s.violations + \" violations, \" + s.fixes + \" fixes\");
  "
' || fail "the demo report is missing or wrong"
if [[ "${KEEP_REPORTS:-0}" == 1 ]]; then
  kept="$(mktemp -d "${TMPDIR:-/tmp}/welcomemat-smoke-reports.XXXXXX")"
  in_image "$ctr" -- tar -C /reports -cf - demo | tar -xf - -C "$kept"
  echo "    kept a copy: $kept/demo"
fi

step "image size"
buildah images --format '{{.Name}}:{{.Tag}}  {{.Size}}' "$IMAGE" | sed 's/^/    /'
step "done"
echo "docker-smoke: OK in $((SECONDS - started))s"
