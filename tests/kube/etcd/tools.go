//go:build tools

// Package tools pins the etcd server built by scripts/kube-binaries
// (go build -o etcd go.etcd.io/etcd/server/v3).
package tools

import _ "go.etcd.io/etcd/server/v3"
