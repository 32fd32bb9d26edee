package main

import (
	"crypto/sha1"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
)

// runIssuer serves an OIDC discovery document over TLS from two loopback ports with the same
// root -> intermediate -> leaf chain: one sends the full chain (leaf, intermediate, root), the
// other a short chain (leaf, intermediate). It writes root.pem, intermediate.pem and leaf.pem to
// --dir and announces the URLs and the SHA-1 of the last certificate each one sends.
func runIssuer(args []string) error {
	fs := flag.NewFlagSet("issuer", flag.ExitOnError)
	dir := fs.String("dir", "", "where to write the PEM files")
	path := fs.String("path", "/id/EKSIAMTEST", "issuer path")
	var hosts hostList = []string{"127.0.0.1", "localhost"}
	fs.Var(&hosts, "host", "another DNS name for the leaf certificate (repeatable)")
	fs.Parse(args)
	root, err := newCert("eksiam test root CA", true, nil, nil)
	if err != nil {
		return err
	}
	inter, err := newCert("eksiam test intermediate CA", true, nil, root)
	if err != nil {
		return err
	}
	leaf, err := newCert("oidc.eksiam.test", false, hosts, inter)
	if err != nil {
		return err
	}
	leafKey, err := keyPEM(leaf.key)
	if err != nil {
		return err
	}
	if err := writeFiles(*dir, map[string][]byte{
		"root.pem":         certPEM(root.der),
		"intermediate.pem": certPEM(inter.der),
		"leaf.pem":         certPEM(leaf.der),
		"leaf.key":         leafKey,
	}); err != nil {
		return err
	}
	out := map[string]string{}
	for _, variant := range []struct {
		name  string
		chain [][]byte
	}{
		{"full", [][]byte{leaf.der, inter.der, root.der}},
		{"short", [][]byte{leaf.der, inter.der}},
	} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		base := fmt.Sprintf("https://%s%s", ln.Addr(), *path)
		mux := http.NewServeMux()
		mux.HandleFunc(*path+"/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"issuer":%q,"jwks_uri":%q}`, base, base+"/keys")
		})
		// Clients that reject the test CA are expected: do not log their handshakes.
		srv := &http.Server{Handler: mux, ErrorLog: log.New(io.Discard, "", 0), TLSConfig: &tls.Config{Certificates: []tls.Certificate{{
			Certificate: variant.chain, PrivateKey: leaf.key,
		}}}}
		go srv.Serve(tls.NewListener(ln, srv.TLSConfig))
		top := sha1.Sum(variant.chain[len(variant.chain)-1])
		out[variant.name] = base
		out[variant.name+"_thumbprint"] = hex.EncodeToString(top[:])
	}
	announce(out)
	select {}
}

// runConnectProxy is an HTTP CONNECT proxy (what HTTPS_PROXY points at) that counts the
// tunnels it opened; `GET /stats` on the same port returns the count, the targets, and how
// many CONNECTs it refused for want of credentials.
//
// --map HOST:PORT=ADDR sends tunnels for HOST:PORT to ADDR instead, the way a corporate
// proxy's DNS would, so a test can serve a real issuer's host name from loopback.
//
// --auth USER:PASSWORD makes it an authenticating proxy: a CONNECT without
// `Proxy-Authorization: Basic` for exactly those credentials gets 407 and no tunnel.
func runConnectProxy(args []string) error {
	fs := flag.NewFlagSet("connect-proxy", flag.ExitOnError)
	var maps hostList
	fs.Var(&maps, "map", "HOST:PORT=ADDR (repeatable)")
	auth := fs.String("auth", "", "USER:PASSWORD a CONNECT must carry (Basic); empty: none")
	fs.Parse(args)
	routes := map[string]string{}
	for _, m := range maps {
		from, to, ok := strings.Cut(m, "=")
		if !ok {
			return fmt.Errorf("--map %q: want HOST:PORT=ADDR", m)
		}
		routes[from] = to
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	announce(map[string]string{"proxy": "http://" + ln.Addr().String()})
	return http.Serve(ln, newConnectProxy(routes, *auth))
}

type hostList []string

func (h *hostList) String() string     { return strings.Join(*h, ",") }
func (h *hostList) Set(v string) error { *h = append(*h, v); return nil }

// newConnectProxy serves CONNECT tunnels (to routes[target] when mapped) and `GET /stats`.
// A non-empty auth ("USER:PASSWORD") is required as Basic credentials on every CONNECT.
func newConnectProxy(routes map[string]string, auth string) http.Handler {
	var mu sync.Mutex
	targets := []string{}
	denied := 0
	want := ""
	if auth != "" {
		want = "Basic " + base64.StdEncoding.EncodeToString([]byte(auth))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			mu.Lock()
			defer mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(map[string]any{"tunnels": len(targets), "targets": targets, "denied": denied})
			return
		}
		if want != "" && r.Header.Get("Proxy-Authorization") != want {
			mu.Lock()
			denied++
			mu.Unlock()
			w.Header().Set("Proxy-Authenticate", `Basic realm="testtools"`)
			http.Error(w, "proxy authentication required", http.StatusProxyAuthRequired)
			return
		}
		addr := r.Host
		if to, ok := routes[addr]; ok {
			addr = to
		}
		upstream, err := net.Dial("tcp", addr)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		client, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			upstream.Close()
			return
		}
		mu.Lock()
		targets = append(targets, r.Host)
		mu.Unlock()
		io.WriteString(client, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() {
			io.Copy(upstream, buf)
			upstream.Close()
		}()
		go func() {
			io.Copy(client, upstream)
			client.Close()
		}()
	})
}
