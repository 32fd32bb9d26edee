// Command testtools holds the small servers eksiam's tests need beside the real
// kube-apiserver and moto:
//
//	testtools certs --dir D                 CA, serving cert for 127.0.0.1, service-account keys
//	testtools faultproxy --upstream URL     reverse proxy that injects faults and latency
//	testtools issuer --dir D                TLS servers with a root -> intermediate -> leaf chain
//	testtools connect-proxy                 HTTP CONNECT proxy that counts tunnels (--auth: Basic)
//
// Every server prints one JSON line with its addresses on stdout once it listens, then
// serves until it is killed.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: testtools certs|faultproxy|issuer|connect-proxy [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "certs":
		err = runCerts(os.Args[2:])
	case "faultproxy":
		err = runFaultProxy(os.Args[2:])
	case "issuer":
		err = runIssuer(os.Args[2:])
	case "connect-proxy":
		err = runConnectProxy(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "testtools:", err)
		os.Exit(1)
	}
}

// announce prints the one JSON line a harness waits for.
func announce(v any) {
	b, _ := json.Marshal(v)
	fmt.Println(string(b))
	os.Stdout.Sync()
}
