// Small test servers for eksiam's tests (standard library only): a fault/latency proxy,
// a TLS issuer with a generated certificate chain, an HTTP CONNECT proxy, and a
// certificate generator. Built by scripts/kube-binaries as `testtools`.
module eksiam.test/harness

go 1.24.0
