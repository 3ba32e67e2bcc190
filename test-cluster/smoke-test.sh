#!/usr/bin/env bash
# Smoke test for the binaries built by build.sh: starts etcd, kube-apiserver and
# kube-controller-manager on 127.0.0.1 (free ports, temp dirs), checks /readyz,
# /version, `kubectl get ns` (client cert and token), owner-reference garbage
# collection, then stops everything it started and removes the temp dir.
#
# Usage: bash test-cluster/smoke-test.sh [binary-dir]
#        (default: the folder printed on the last line of build.sh)
# Needs: bash, openssl, curl.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-$(bash "${script_dir}/build.sh" | tail -n 1)}"
for b in etcd kube-apiserver kube-controller-manager kubectl; do
  [[ -x "${bin}/${b}" ]] || { echo "missing ${bin}/${b}" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/kube-smoke.XXXXXX")"
pids=()
cleanup() {
  local i
  # Stop in reverse start order (controller manager, apiserver, then etcd).
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  if [[ "${KEEP:-}" == 1 ]]; then echo "kept ${work}"; else rm -rf "${work}"; fi
}
trap cleanup EXIT

# A free TCP port on 127.0.0.1 (nothing accepts a connection there).
used_ports=" "
free_port() {
  local p
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    [[ "${used_ports}" == *" ${p} "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${p}") 2>/dev/null; then
      used_ports+="${p} "; echo "${p}"; return
    fi
  done
}

wait_for() { # <what> <seconds> <command...>
  local what="$1" secs="$2" i; shift 2
  for ((i = 0; i < secs * 5; i++)); do
    if "$@" >/dev/null 2>&1; then echo "ok: ${what} ($(( i / 5 )).$(( (i % 5) * 2 ))s)"; return 0; fi
    sleep 0.2
  done
  echo "FAILED: ${what} not ready after ${secs}s; logs in ${work}" >&2
  KEEP=1
  return 1
}

etcd_port=$(free_port); peer_port=$(free_port); api_port=$(free_port)

# --- certificates -----------------------------------------------------------
c="${work}/pki"; mkdir -p "${c}"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=smoke-ca" \
  -keyout "${c}/ca.key" -out "${c}/ca.crt" 2>/dev/null
issue() { # <name> <subject> [extfile-line]
  openssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "${c}/$1.key" -out "${c}/$1.csr" 2>/dev/null
  openssl x509 -req -in "${c}/$1.csr" -CA "${c}/ca.crt" -CAkey "${c}/ca.key" -CAcreateserial \
    -days 1 -out "${c}/$1.crt" ${3:+-extfile <(printf '%s\n' "$3")} 2>/dev/null
}
issue apiserver "/CN=kube-apiserver" "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc"
issue admin "/O=system:masters/CN=smoke-admin"
openssl genrsa -out "${c}/sa.key" 2048 2>/dev/null
openssl rsa -in "${c}/sa.key" -pubout -out "${c}/sa.pub" 2>/dev/null
echo "smoke-token,smoke-token-user,uid-1,system:masters" > "${c}/tokens.csv"

# --- etcd -------------------------------------------------------------------
"${bin}/etcd" --name default --data-dir "${work}/etcd" \
  --listen-client-urls "http://127.0.0.1:${etcd_port}" --advertise-client-urls "http://127.0.0.1:${etcd_port}" \
  --listen-peer-urls "http://127.0.0.1:${peer_port}" --initial-advertise-peer-urls "http://127.0.0.1:${peer_port}" \
  --initial-cluster "default=http://127.0.0.1:${peer_port}" \
  >"${work}/etcd.log" 2>&1 &
pids+=($!)
wait_for "etcd /health" 30 curl -fsS "http://127.0.0.1:${etcd_port}/health"

# --- kube-apiserver ---------------------------------------------------------
"${bin}/kube-apiserver" \
  --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "${api_port}" \
  --etcd-servers "http://127.0.0.1:${etcd_port}" \
  --cert-dir "${work}/apiserver-certs" \
  --tls-cert-file "${c}/apiserver.crt" --tls-private-key-file "${c}/apiserver.key" \
  --client-ca-file "${c}/ca.crt" --token-auth-file "${c}/tokens.csv" \
  --authorization-mode RBAC \
  --service-account-issuer https://kubernetes.default.svc \
  --service-account-key-file "${c}/sa.pub" --service-account-signing-key-file "${c}/sa.key" \
  --service-cluster-ip-range 10.0.0.0/24 \
  --endpoint-reconciler-type none \
  >"${work}/kube-apiserver.log" 2>&1 &
pids+=($!)
api="https://127.0.0.1:${api_port}"
wait_for "kube-apiserver /readyz" 90 curl -fsS --cacert "${c}/ca.crt" "${api}/readyz"
echo "/version: $(curl -fsS --cacert "${c}/ca.crt" "${api}/version" | tr -d ' \n')"

kc="${work}/kubeconfig"
"${bin}/kubectl" config --kubeconfig "${kc}" set-cluster smoke --server "${api}" --certificate-authority "${c}/ca.crt" --embed-certs >/dev/null
"${bin}/kubectl" config --kubeconfig "${kc}" set-credentials admin --client-certificate "${c}/admin.crt" --client-key "${c}/admin.key" --embed-certs >/dev/null
"${bin}/kubectl" config --kubeconfig "${kc}" set-context smoke --cluster smoke --user admin >/dev/null
"${bin}/kubectl" config --kubeconfig "${kc}" use-context smoke >/dev/null
k() { "${bin}/kubectl" --kubeconfig "${kc}" "$@"; }

wait_for "namespace default exists" 30 k get ns default
echo "kubectl get ns (client cert):"; k get ns
echo "kubectl auth whoami (token): $("${bin}/kubectl" --kubeconfig /dev/null --server "${api}" \
  --certificate-authority "${c}/ca.crt" --token smoke-token auth whoami -o jsonpath='{.status.userInfo.username}')"
echo "kubectl version: $(k version -o json | tr -d ' \n')"

# --- owner-reference garbage collection needs kube-controller-manager -------
# Create owner + owned ConfigMap and delete the owner BEFORE starting the
# controller manager: the owned object must survive (nothing collects it), and
# must disappear once kube-controller-manager runs.
k apply -f - >/dev/null <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata: {name: smoke-owner, namespace: default}
EOF
owner_uid=$(k get cm smoke-owner -n default -o jsonpath='{.metadata.uid}')
k apply -f - >/dev/null <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: smoke-child
  namespace: default
  ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: smoke-owner, uid: ${owner_uid}}]
EOF
k delete cm smoke-owner -n default >/dev/null
sleep 3
if k get cm smoke-child -n default >/dev/null 2>&1; then
  echo "ok: without kube-controller-manager the owned ConfigMap survives its owner's deletion"
else
  echo "FAILED: owned ConfigMap vanished without a controller manager" >&2; exit 1
fi

"${bin}/kube-controller-manager" \
  --kubeconfig "${kc}" --authentication-kubeconfig "${kc}" --authorization-kubeconfig "${kc}" \
  --bind-address 127.0.0.1 --secure-port 0 \
  --leader-elect=false \
  --controllers garbagecollector,namespace,serviceaccount,serviceaccount-token \
  --service-account-private-key-file "${c}/sa.key" --root-ca-file "${c}/ca.crt" \
  --use-service-account-credentials=false \
  >"${work}/kube-controller-manager.log" 2>&1 &
pids+=($!)
child_gone() { ! k get cm smoke-child -n default >/dev/null 2>&1; }
wait_for "kube-controller-manager garbage-collected the orphaned ConfigMap" 60 child_gone
wait_for "kube-controller-manager created serviceaccount 'default' in namespace default" 30 k get sa default -n default

# --- everything we started listens on loopback only ------------------------
if command -v ss >/dev/null 2>&1; then
  listening=()
  for p in "${pids[@]}"; do
    listening+=($(ss -ltnpH 2>/dev/null | awk -v pat="pid=${p}," 'index($0, pat) {print $4}'))
  done
  echo "listening sockets of etcd/kube-apiserver/kube-controller-manager: ${listening[*]}"
  for a in "${listening[@]}"; do
    [[ "${a}" == 127.0.0.1:* ]] || { echo "FAILED: ${a} is not a loopback address" >&2; exit 1; }
  done
fi

echo "SMOKE TEST PASSED"
