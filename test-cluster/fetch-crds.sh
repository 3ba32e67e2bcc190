#!/usr/bin/env bash
# Fetches the CRDs listed in crd-modules.txt (Istio's own, Gateway API's standard channel) from
# the Go module proxy (`go mod download`; no other network) and copies them, outside the
# repository, next to the API server binaries:
#
#   ${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/crds/<module>@<version>/<path in the module>
#
# The integration tests (TestApiServer) install them from there. The module zip's hash must be
# the one pinned in crd-modules.txt. Does nothing for a module already copied.
# The last line of output is always the crds folder's path.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if command -v go >/dev/null 2>&1; then
  GO=go
elif [[ -x /usr/local/go/bin/go ]]; then
  GO=/usr/local/go/bin/go
else
  echo "fetch-crds.sh: Go toolchain not found (need go in PATH or /usr/local/go/bin/go)" >&2
  exit 1
fi

crds_dir="${KUBE_API_TEST_DIR:-${HOME}/.kubeapitest}/crds"
mkdir -p "${crds_dir}"

# Outside any module, so go.mod/go.sum of test-cluster are neither read nor touched.
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

while read -r module version path sum; do
  [[ -z "${module}" || "${module}" == \#* ]] && continue
  target="${crds_dir}/${module}@${version}"
  if [[ -f "${target}/.complete" ]]; then
    echo "${module}@${version}: already present"
    continue
  fi
  json="$(cd "${work}" && GOFLAGS= GO111MODULE=on "${GO}" mod download -json "${module}@${version}")"
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"${json}")"
  got_sum="$(sed -n 's/^[[:space:]]*"Sum": "\(.*\)",\{0,1\}$/\1/p' <<<"${json}")"
  if [[ -z "${dir}" || ! -e "${dir}/${path}" ]]; then
    echo "fetch-crds.sh: ${module}@${version} has no ${path}:" >&2
    echo "${json}" >&2
    exit 1
  fi
  if [[ "${got_sum}" != "${sum}" ]]; then
    echo "fetch-crds.sh: ${module}@${version} hash ${got_sum} is not the pinned ${sum}" >&2
    exit 1
  fi
  # Copy into a temporary folder and swap it in, so an interrupted run leaves nothing half-filled.
  tmp="$(mktemp -d "${crds_dir}/.fetch.XXXXXX")"
  mkdir -p "${tmp}/$(dirname "${path}")"
  cp -R "${dir}/${path}" "${tmp}/${path}"
  chmod -R u+w "${tmp}"
  touch "${tmp}/.complete"
  mkdir -p "$(dirname "${target}")"
  rm -rf "${target}"
  mv "${tmp}" "${target}"
  echo "${module}@${version}: ${path} copied from ${dir}"
done <"${script_dir}/crd-modules.txt"

echo "${crds_dir}"
