# Shared by scripts/test and scripts/sandbox: install what the tests need, reuse it when present.

# Variables that change what the tests run or check: a developer's shell may hold them
# (`EKSIAM_UPDATE_GENERATED` makes the generated-file tests rewrite and pass, the others point
# the tests at other servers or let snapshots pass), so the test command never inherits them.
TEST_OVERRIDES=(EKSIAM_UPDATE_GENERATED INSTA_FORCE_PASS INSTA_UPDATE EKSIAM_MOTO_SERVER
  EKSIAM_MINISTACK EKSIAM_MINISTACK_PYTHON EKSIAM_TEST_BIN)

# What the tests need of the machine besides what `scripts/test` installs: root (the in-pod
# test mounts a tmpfs in a mount namespace of its own), and unshare, mount, curl, openssl,
# script, Go, Python 3 and cargo. Prints, in one line, what is missing; fails when anything is.
check_machine() {
  local missing=()
  [ "$(id -u)" -eq 0 ] || missing+=("root (the in-pod test runs unshare --mount)")
  local tool
  for tool in unshare mount curl openssl script go python3 cargo; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    local IFS=,
    echo "error: the tests need what this machine lacks: ${missing[*]}" | sed 's/,/, /g' >&2
    return 1
  fi
}

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

# ministack, the second AWS emulator, in its own venv (.venv-ministack): it pins a botocore
# that moto's boto3 refuses, so the two cannot share one.
ensure_ministack() {
  local want='ministack==1.5.33'
  if [ -x .venv-ministack/bin/ministack ]; then
    return
  fi
  echo "setup: creating .venv-ministack with $want" >&2
  python3 -m venv .venv-ministack
  .venv-ministack/bin/pip install --quiet --disable-pip-version-check "$want" >&2
}

# kube-apiserver, kubectl, etcd, the aws-auth oracle and testtools, built once into .cache/.
# Prints the bin folder.
ensure_binaries() {
  scripts/kube-binaries | tail -n 1
}

# cargo-fuzz, installed once into the ignored .cache/cargo-fuzz. Prints the binary's path.
ensure_cargo_fuzz() {
  local bin=.cache/cargo-fuzz/bin/cargo-fuzz
  if [ ! -x "$bin" ]; then
    echo "setup: installing cargo-fuzz into .cache/cargo-fuzz" >&2
    cargo install --quiet --locked --root .cache/cargo-fuzz cargo-fuzz@0.13.2 >&2
  fi
  echo "$PWD/$bin"
}

# zsh, for the test that completes commands in it as a user would. From Debian's packages.
ensure_zsh() {
  command -v zsh >/dev/null 2>&1 && return
  echo "setup: installing zsh (apt-get)" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq zsh >&2 ||
    { "${sudo[@]}" apt-get update -qq >&2 && "${sudo[@]}" apt-get install -y -qq zsh >&2; }
}

# The aws CLI (v1, from PyPI), the by-hand peer of `scripts/bench --peers`, in its own venv
# (.venv-awscli: its botocore pin differs from moto's). Prints the binary's path.
ensure_awscli() {
  local want='awscli==1.46.3'
  if [ ! -x .venv-awscli/bin/aws ]; then
    echo "setup: creating .venv-awscli with $want" >&2
    python3 -m venv .venv-awscli
    .venv-awscli/bin/pip install --quiet --disable-pip-version-check "$want" >&2
  fi
  echo "$PWD/.venv-awscli/bin/aws"
}

# keikoproj/aws-auth v0.7.0, the aws-auth peer of `scripts/bench --peers`, built once into
# .cache/peers from benchmarks/peers (a module that requires it: `go install …@v0.7.0` is
# refused by the module proxy's deprecation lookup). Prints the binary's path.
ensure_keikoproj() {
  local bin=.cache/peers/keikoproj-aws-auth-v0.7.0
  if [ ! -x "$bin" ]; then
    echo "setup: building keikoproj/aws-auth v0.7.0 into .cache/peers" >&2
    mkdir -p .cache/peers
    (cd benchmarks/peers && go build -o "../../$bin" github.com/keikoproj/aws-auth) >&2
  fi
  echo "$PWD/$bin"
}
