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
//
// The fault proxy announces {"proxy": URL, "admin": URL}; its admin API:
//
//	POST /faults {rule}            add a Rule (faultproxy.go): a fault ("status" or "drop",
//	                               with "after", "retry_after", "response", "probability"),
//	                               a hold ("hold": true) or a rewrite ("rewrite": {pointer: s})
//	POST /delay {"ms": N}          sleep N ms before handling every request
//	POST /ratelimit {"service", "writes_per_second", "burst"}   an AWS write quota
//	POST /paging {"max_items": N}  page IAM's GetAccountAuthorizationDetails
//	POST /seed {"seed": N}         seed the source of probabilistic faults
//	POST /sever                    cut every connection in a request -> {"severed": N}
//	POST /release                  forward every held request -> {"released": N}
//	POST /reset                    clear rules, delay, quotas, paging and counters, release
//	                               held requests; the request log stays
//	GET /stats                     {"requests", "faulted", "pending", "writes", "throttled",
//	                               "pages", "held", "rewritten"}
//	GET /requests[?since=N]        every request received on the proxied side, in order (from
//	                               index N), each as a line of moto's request recorder:
//	                               {"method", "url", "headers", "body", "body_encoded"}
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
