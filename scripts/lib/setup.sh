# Shared by scripts/test and scripts/sandbox: install what the tests need, reuse it when present.

# The Python venv with moto's server, in the ignored folder .venv.
ensure_venv() {
  local want='moto[server]>=5.2,<5.3'
  if [ -x .venv/bin/moto_server ]; then
    return
  fi
  echo "setup: creating .venv with $want" >&2
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "$want" >&2
}

# kube-apiserver, kubectl, etcd, the aws-auth oracle and testtools, built once into .cache/.
# Prints the bin folder.
ensure_binaries() {
  scripts/kube-binaries | tail -n 1
}
