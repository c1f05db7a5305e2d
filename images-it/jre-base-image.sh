#!/usr/bin/env bash
# Builds, offline and without a container engine, a minimal runnable base image tar for test builds of
# the service images: a jlinked JRE from the running JDK plus the glibc libraries it links against, in
# `docker save` layout, which both Jib (`-Djib.from.image=tar://...`) and `podman load` read.
# The production base image (eclipse-temurin, see the root pom) is never replaced by this outside tests.
#
#   images-it/jre-base-image.sh <output.tar>     (JAVA_HOME selects the JDK; default: the one on PATH)
set -euo pipefail

out=${1:?usage: jre-base-image.sh <output.tar>}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d "${TMPDIR:-/tmp}/jre-base.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs

# java.se for the platform, jdk.unsupported for Netty, jdk.jfr because Micronaut's metrics touch it at
# request time (requests fail without it), jdk.crypto.ec for TLS to RDS/SES, zipfs and DNS for the rest.
"$java_home/bin/jlink" \
  --add-modules java.se,jdk.unsupported,jdk.jfr,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns,jdk.management \
  --strip-debug --no-man-pages --no-header-files \
  --output "$rootfs/opt/java/openjdk"

# Every shared library the JRE's binaries link against, at the same paths, plus the dynamic loader.
# The AWT/sound/font natives are left unresolved (java.desktop is in for java.beans only; a headless
# server never loads them): that keeps X11, ALSA and font libraries out.
find "$rootfs/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  -not -regex '.*/lib\(awt_xawt\|jawt\|splashscreen\|fontmanager\|lcms\|jsound\|javajpeg\|mlib_image\)\.so' -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \// { print $3 } /^\t\/.*ld-linux/ { print $1 }' \
  | grep -v "^$rootfs/" \
  | sort -u \
  | while read -r lib; do
      mkdir -p "$rootfs$(dirname "$lib")"
      cp -L "$lib" "$rootfs$lib"
    done
mkdir -p "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"

# One reproducible layer: sorted entries, root-owned, fixed timestamps.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1970-01-01 00:00:01' \
  -C "$rootfs" -cf "$work/layer.tar" .
layer_digest=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_digest"]}}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["localhost/notejam-test/jre-base:latest"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out: $(du -h "$out" | cut -f1), JRE from $java_home"
