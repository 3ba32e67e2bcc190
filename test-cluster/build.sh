#!/usr/bin/env bash
# Builds etcd, kube-apiserver, kube-controller-manager and kubectl from the Go
# modules pinned in this folder's go.mod/go.sum (downloaded through GOPROXY),
# into the folder where io.fabric8:kube-api-test looks for binaries:
#
#   ${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/<version>-<os>-<arch>/
#
# <version> has NO leading "v" (e.g. 1.34.4): kube-api-test 7.5.2 sorts folder
# names numerically and would fail on "v1.34.4".
# The last line of output is always that folder's path.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "${script_dir}"

if command -v go >/dev/null 2>&1; then
  GO=go
elif [[ -x /usr/local/go/bin/go ]]; then
  GO=/usr/local/go/bin/go
else
  echo "build.sh: Go toolchain not found (need go >= 1.24 in PATH or /usr/local/go/bin/go)" >&2
  exit 1
fi

# Static, reproducible binaries; never touch go.mod/go.sum from this script.
export CGO_ENABLED=0
export GOFLAGS="-mod=readonly -buildvcs=false"

# Versions come from go.mod, so go.mod is the single place to change them.
read -r kube_tag kube_time < <("${GO}" list -m -f '{{.Version}} {{if .Time}}{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}{{end}}' k8s.io/kubernetes)
etcd_tag="$("${GO}" list -m -f '{{.Version}}' go.etcd.io/etcd/server/v3)"
[[ -n "${kube_tag:-}" && -n "${etcd_tag}" ]] || { echo "build.sh: cannot read versions from go.mod" >&2; exit 1; }
goos="$("${GO}" env GOOS)"
goarch="$("${GO}" env GOARCH)"

kube_version="${kube_tag#v}"                 # 1.34.4  (folder name, no "v")
kube_major="${kube_version%%.*}"             # 1
kube_minor="${kube_version#*.}"; kube_minor="${kube_minor%%.*}"   # 34
# kube-api-test folder suffix: "-" + lower-case os.name + "-" + arch (amd64/arm64/ppc64le).
out_dir="${KUBE_API_TEST_DIR:-${HOME}/.kubeapitest}/k8s/${kube_version}-${goos}-${goarch}"

# Returns 0 when all four binaries exist and report the pinned versions.
# (Output is captured first: `cmd | grep -q` can fail under pipefail when grep
# exits early and cmd gets SIGPIPE.)
binaries_ok() {
  local d="$1" out
  [[ -x "${d}/etcd" && -x "${d}/kube-apiserver" && -x "${d}/kube-controller-manager" && -x "${d}/kubectl" ]] || return 1
  out="$("${d}/kube-apiserver" --version 2>/dev/null)" || return 1
  [[ "${out}" == "Kubernetes ${kube_tag}" ]] || return 1
  out="$("${d}/kube-controller-manager" --version 2>/dev/null)" || return 1
  [[ "${out}" == "Kubernetes ${kube_tag}" ]] || return 1
  out="$("${d}/kubectl" version --client 2>/dev/null)" || return 1
  [[ $'\n'"${out}"$'\n' == *$'\n'"Client Version: ${kube_tag}"$'\n'* ]] || return 1
  out="$("${d}/etcd" --version 2>/dev/null)" || return 1
  [[ $'\n'"${out}"$'\n' == *$'\n'"etcd Version: ${etcd_tag#v}"$'\n'* ]] || return 1
}

if binaries_ok "${out_dir}"; then
  echo "Kubernetes ${kube_tag} / etcd ${etcd_tag} binaries already present and working; nothing to do."
  echo "${out_dir}"
  exit 0
fi

echo "Building Kubernetes ${kube_tag} (kube-apiserver, kube-controller-manager, kubectl) and etcd ${etcd_tag} for ${goos}/${goarch} with $("${GO}" version | awk '{print $3}')"

# Same -X variables as kubernetes' hack/lib/version.sh, so /version and
# --version report the real release. buildDate = release time of the module
# (keeps the build reproducible). The git commit is not known from the module
# proxy, so gitCommit is left empty.
version_ldflags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_ldflags+=" -X ${pkg}.gitVersion=${kube_tag}"
  version_ldflags+=" -X ${pkg}.gitMajor=${kube_major}"
  version_ldflags+=" -X ${pkg}.gitMinor=${kube_minor}"
  version_ldflags+=" -X ${pkg}.gitCommit="
  version_ldflags+=" -X ${pkg}.gitTreeState=clean"
  version_ldflags+=" -X ${pkg}.buildDate=${kube_time:-1970-01-01T00:00:00Z}"
done

# Build into a temporary folder next to the target (its name does not end in
# "-<os>-<arch>", so kube-api-test ignores it), then swap it in, so a failed
# or interrupted build never leaves a half-filled version folder behind.
k8s_dir="$(dirname "${out_dir}")"
mkdir -p "${k8s_dir}"
tmp_dir="$(mktemp -d "${k8s_dir}/.build-${kube_version}.XXXXXX")"
trap 'rm -rf "${tmp_dir}"' EXIT

"${GO}" build -trimpath -ldflags "-s -w${version_ldflags}" -o "${tmp_dir}/" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kubectl
"${GO}" build -trimpath -ldflags "-s -w" -o "${tmp_dir}/etcd" go.etcd.io/etcd/server/v3

if ! binaries_ok "${tmp_dir}"; then
  echo "build.sh: built binaries do not report the expected versions:" >&2
  "${tmp_dir}/kube-apiserver" --version >&2 || true
  "${tmp_dir}/etcd" --version >&2 || true
  exit 1
fi

rm -rf "${out_dir}"
mv "${tmp_dir}" "${out_dir}"
chmod 755 "${out_dir}"
trap - EXIT
ls -l "${out_dir}" | awk 'NR>1 {printf "  %-26s %6.1f MiB\n", $9, $5/1048576}'
echo "${out_dir}"
