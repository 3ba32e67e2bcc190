#!/usr/bin/env bash
# Stages the root filesystem of the operator image's offline base (Jib puts it on `scratch`): a
# jlinked Java runtime in /opt/java, the shared libraries its binaries load, an /etc/passwd with
# the non-root user 65532 and an empty /tmp (mounted over by deploy/'s emptyDir).
#   stage-base.sh JDK_HOME JAR ROOT_DIR [MODULES_FILE]
# MODULES_FILE keeps jdeps' module list between stagings of the same jar (see jlink-runtime.sh).
set -euo pipefail
jdk="$1" jar="$2" root="$3"
export JLINK_MODULES_FILE="${4:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

rm -rf "$root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp"
modules="$("$here/../../../packaging/jlink-runtime.sh" "$jdk" "$jar" "$root/opt/java")"
echo "image base: jlinked modules $modules ($SECONDS s)"

# The binaries a headless operator loads link against glibc and a few more system libraries (zlib
# with Debian's JDK): copy each one ldd names, at the same path, and the dynamic loader. (AWT's
# libraries, of java.desktop, are never loaded: the operator uses java.beans only.)
binaries=("$root/opt/java/bin/java" "$root/opt/java/lib/server/libjvm.so")
for name in java net nio zip jli jimage verify management; do
  [[ -f "$root/opt/java/lib/lib$name.so" ]] && binaries+=("$root/opt/java/lib/lib$name.so")
done
libs="$(ldd "${binaries[@]}" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$root/" | sort -u)"
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  real="$(readlink -f "$lib")"
  mkdir -p "$root$(dirname "$lib")"
  cp "$real" "$root$lib"
done

cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
nonroot:x:65532:
GROUP
echo "image base: staged in $root ($SECONDS s)"
