#!/usr/bin/env bash
# Builds apictl-VERSION-linux-x86_64.tar.gz: a jlinked Java runtime of the modules apictl.jar needs
# (with the runtime's CDS archive), the jar, the launcher bin/apictl, the examples and LICENSE.
# The archive is byte-reproducible (sorted entries, fixed times and owners, gzip without a name).
#   build-dist.sh JDK_HOME JAR REPOSITORY_ROOT VERSION OUTPUT_DIR
set -euo pipefail
jdk="$1" jar="$2" repo="$3" version="$4" out="$5"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="apictl-$version-linux-x86_64"
stage="$out/$name"

rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/lib"
modules="$("$repo/packaging/jlink-runtime.sh" "$jdk" "$jar" "$stage/runtime" --generate-cds-archive)"
echo "apictl distribution: jlinked modules $modules ($SECONDS s)"
cp "$jar" "$stage/lib/apictl.jar"
# The launcher records a class archive on first use: an AOT cache on JDK 25+, else AppCDS.
runtime_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$stage/runtime/release")"
archive_kind=jsa
if [[ "${runtime_version%%.*}" -ge 25 ]]; then archive_kind=aot; fi
sed -e "s/@VERSION@/$version/g" -e "s/@RUNTIME_VERSION@/$runtime_version/g" \
  -e "s/@ARCHIVE_KIND@/$archive_kind/g" "$here/apictl" >"$stage/bin/apictl"
chmod 755 "$stage/bin/apictl"
cp -r "$repo/examples" "$stage/examples"
rm -rf "$stage/examples/embedding"
cp "$repo/LICENSE" "$stage/LICENSE"

tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$out" -cf - "$name" |
  gzip -n -6 >"$out/$name.tar.gz"
echo "apictl distribution: $out/$name.tar.gz ($SECONDS s)"
