package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// upstream answers every request with 200 "upstream <method> <path>".
func upstream(t *testing.T) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		io.WriteString(w, "upstream "+r.Method+" "+r.URL.RequestURI()+" "+string(body))
	}))
	t.Cleanup(s.Close)
	return s
}

func proxy(t *testing.T) (*httptest.Server, *httptest.Server) {
	t.Helper()
	return proxyTo(t, upstream(t).URL)
}

// proxyTo is a fault proxy in front of upstreamURL, and its admin server.
func proxyTo(t *testing.T, upstreamURL string) (*httptest.Server, *httptest.Server) {
	t.Helper()
	return proxyWith(t, upstreamURL, newProxyState())
}

// proxyWith is a fault proxy with the given state (a test's clock, say).
func proxyWith(t *testing.T, upstreamURL string, state *proxyState) (*httptest.Server, *httptest.Server) {
	t.Helper()
	h, admin, err := newFaultProxy(upstreamURL, nil, state)
	if err != nil {
		t.Fatal(err)
	}
	p, a := httptest.NewServer(h), httptest.NewServer(admin)
	t.Cleanup(p.Close)
	t.Cleanup(a.Close)
	return p, a
}

// fakeClock moves only when the test advances it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// sleeps records what the proxy would sleep, and returns at once.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.d = append(s.d, d)
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// stats reads the proxy's counters from its admin server.
func stats(t *testing.T, adminURL string) map[string]int {
	t.Helper()
	resp, err := http.Get(adminURL + "/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var s map[string]int
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func post(t *testing.T, url, body string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 204 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("%s: %d %s", url, resp.StatusCode, b)
	}
}

func do(t *testing.T, method, url, body string) (int, http.Header, string) {
	t.Helper()
	return doWith(t, method, url, body, nil)
}

// doWith sends a request with extra headers; returns the status, headers and body.
func doWith(t *testing.T, method, url, body string, headers map[string]string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestPassesThrough(t *testing.T) {
	p, _ := proxy(t)
	code, _, body := do(t, "GET", p.URL+"/api/v1/namespaces?limit=1", "")
	if code != 200 || body != "upstream GET /api/v1/namespaces?limit=1 " {
		t.Fatalf("%d %q", code, body)
	}
}

// AWS's SigV4 signs the Host header, and an emulator that checks signatures recomputes them
// over the Host it receives: the proxy forwards the client's, for passed, paged and lost
// (After) requests alike.
func TestTheClientsHostGoesUpstream(t *testing.T) {
	hosts := make(chan string, 4)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hosts <- r.Host
		io.WriteString(w, "ok")
	}))
	t.Cleanup(up.Close)
	p, a := proxyTo(t, up.URL)
	post(t, a.URL+"/faults", `{"method":"PUT","status":500,"count":1,"after":true}`)
	for _, method := range []string{"GET", "PUT"} {
		req, _ := http.NewRequest(method, p.URL+"/", nil)
		req.Host = "sts.us-west-2.amazonaws.com"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := <-hosts; got != "sts.us-west-2.amazonaws.com" {
			t.Fatalf("%s: upstream got Host %q", method, got)
		}
	}
}

func TestFailsTheNextNMatchingRequestsWithAKubeStatus(t *testing.T) {
	p, a := proxy(t)
	post(t, a.URL+"/faults", `{"method":"PUT","path":"/configmaps/aws-auth$","status":409,"count":2}`)
	// Other methods and paths are not affected.
	if code, _, _ := do(t, "GET", p.URL+"/api/v1/namespaces/kube-system/configmaps/aws-auth", ""); code != 200 {
		t.Fatalf("GET was faulted: %d", code)
	}
	for i := 0; i < 2; i++ {
		code, h, body := do(t, "PUT", p.URL+"/api/v1/namespaces/kube-system/configmaps/aws-auth", "{}")
		var status map[string]any
		json.Unmarshal([]byte(body), &status)
		if code != 409 || status["reason"] != "Conflict" || status["kind"] != "Status" || h.Get("Content-Type") != "application/json" {
			t.Fatalf("try %d: %d %v", i, code, body)
		}
	}
	if code, _, _ := do(t, "PUT", p.URL+"/api/v1/namespaces/kube-system/configmaps/aws-auth", "{}"); code != 200 {
		t.Fatalf("third PUT should pass: %d", code)
	}
	_, _, stats := do(t, "GET", a.URL+"/stats", "")
	if !strings.Contains(stats, `"faulted":2`) || !strings.Contains(stats, `"requests":4`) {
		t.Fatalf("stats %s", stats)
	}
}

func TestTooManyRequestsCarriesRetryAfter(t *testing.T) {
	p, a := proxy(t)
	post(t, a.URL+"/faults", `{"status":429,"retry_after":2}`)
	code, h, _ := do(t, "GET", p.URL+"/x", "")
	if code != 429 || h.Get("Retry-After") != "2" {
		t.Fatalf("%d %v", code, h)
	}
}

func TestAwsThrottlingMatchedOnTheQueryBody(t *testing.T) {
	p, a := proxy(t)
	throttle := `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>`
	rule, _ := json.Marshal(map[string]any{"method": "POST", "body": "Action=CreateRole", "status": 400,
		"response": throttle, "content_type": "text/xml"})
	post(t, a.URL+"/faults", string(rule))
	if code, _, _ := do(t, "POST", p.URL+"/", "Action=GetRole&RoleName=a"); code != 200 {
		t.Fatalf("GetRole was faulted: %d", code)
	}
	code, h, body := do(t, "POST", p.URL+"/", "Action=CreateRole&RoleName=a")
	if code != 400 || !strings.Contains(body, "<Code>Throttling</Code>") || h.Get("Content-Type") != "text/xml" {
		t.Fatalf("%d %s", code, body)
	}
	// The upstream still gets the body of requests that pass.
	if _, _, body := do(t, "POST", p.URL+"/", "Action=CreateRole&RoleName=a"); !strings.HasSuffix(body, "Action=CreateRole&RoleName=a") {
		t.Fatalf("body not forwarded: %q", body)
	}
}

func TestServerErrors(t *testing.T) {
	p, a := proxy(t)
	post(t, a.URL+"/faults", `{"status":500}`)
	if code, _, body := do(t, "GET", p.URL+"/x", ""); code != 500 || !strings.Contains(body, "InternalError") {
		t.Fatalf("%d %s", code, body)
	}
}

func TestDelayAddsLatencyToEveryRequest(t *testing.T) {
	state, slept := newProxyState(), &sleeps{}
	state.sleep = slept.sleep
	p, a := proxyWith(t, upstream(t).URL, state)
	// No delay: no sleep.
	do(t, "GET", p.URL+"/x", "")
	if got := slept.all(); len(got) != 0 {
		t.Fatalf("slept without a delay: %v", got)
	}
	// Each request sleeps the delay before it is answered (the sleep is in its handler).
	post(t, a.URL+"/delay", `{"ms":150}`)
	for i := 0; i < 2; i++ {
		if code, _, _ := do(t, "GET", p.URL+"/x", ""); code != 200 {
			t.Fatalf("request %d: %d", i, code)
		}
	}
	want := []time.Duration{150 * time.Millisecond, 150 * time.Millisecond}
	if got := slept.all(); !reflect.DeepEqual(got, want) {
		t.Fatalf("slept %v, want %v", got, want)
	}
	post(t, a.URL+"/reset", `{}`)
	do(t, "GET", p.URL+"/x", "")
	if got := slept.all(); !reflect.DeepEqual(got, want) {
		t.Fatalf("reset did not clear the delay: slept %v", got)
	}
}

func TestDropClosesTheConnection(t *testing.T) {
	p, a := proxy(t)
	post(t, a.URL+"/faults", `{"path":"/drop-me","drop":true}`)
	req, _ := http.NewRequest("GET", p.URL+"/drop-me", nil)
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Fatal("expected a dropped connection")
	}
	if code, _, _ := do(t, "GET", p.URL+"/drop-me", ""); code != 200 {
		t.Fatalf("only one request was to be dropped: %d", code)
	}
}

func TestIssuerThumbprintsAndConnectProxy(t *testing.T) {
	root, _ := newCert("root", true, nil, nil)
	inter, _ := newCert("inter", true, nil, root)
	leaf, _ := newCert("leaf", false, []string{"127.0.0.1"}, inter)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{leaf.der, inter.der}, PrivateKey: leaf.key}}}
	srv.StartTLS()
	defer srv.Close()
	cp := httptest.NewServer(newConnectProxy(map[string]string{"issuer.example:443": srv.Listener.Addr().String()}, ""))
	defer cp.Close()
	proxyURL, _ := url.Parse(cp.URL)
	var presented [][]byte
	client := &http.Client{Transport: &http.Transport{
		Proxy: http.ProxyURL(proxyURL),
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true, VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			presented = raw
			return nil
		}},
	}}
	// The mapped name reaches the test server, as a proxy's DNS would route it.
	resp, err := client.Get("https://issuer.example/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(presented) != 2 {
		t.Fatalf("short chain: %d certificates", len(presented))
	}
	want := sha1.Sum(inter.der)
	got := sha1.Sum(presented[len(presented)-1])
	if hex.EncodeToString(got[:]) != hex.EncodeToString(want[:]) {
		t.Fatal("the last certificate is the intermediate")
	}
	_, _, stats := do(t, "GET", cp.URL+"/stats", "")
	if !strings.Contains(stats, `"tunnels":1`) {
		t.Fatalf("stats %s", stats)
	}
}

func TestConnectProxyWithAuthAnswers407WithoutTheCredentials(t *testing.T) {
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer target.Close()
	cp := httptest.NewServer(newConnectProxy(nil, "alice:s3cr3t"))
	defer cp.Close()
	connect := func(auth string) string {
		t.Helper()
		conn, err := net.Dial("tcp", cp.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		addr := target.Listener.Addr().String()
		req := "CONNECT " + addr + " HTTP/1.1\r\nHost: " + addr + "\r\n"
		if auth != "" {
			req += "Proxy-Authorization: " + auth + "\r\n"
		}
		io.WriteString(conn, req+"\r\n")
		status, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(status)
	}
	good := "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:s3cr3t"))
	bad := "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:wrong"))
	if s := connect(""); !strings.HasPrefix(s, "HTTP/1.1 407") {
		t.Fatalf("no credentials: %q", s)
	}
	if s := connect(bad); !strings.HasPrefix(s, "HTTP/1.1 407") {
		t.Fatalf("wrong credentials: %q", s)
	}
	if s := connect(good); !strings.HasPrefix(s, "HTTP/1.1 200") {
		t.Fatalf("right credentials: %q", s)
	}
	_, _, stats := do(t, "GET", cp.URL+"/stats", "")
	if !strings.Contains(stats, `"tunnels":1`) || !strings.Contains(stats, `"denied":2`) {
		t.Fatalf("stats %s", stats)
	}
}

// faultPattern sends n requests and returns which were faulted, as a string of 0 and 1.
func faultPattern(t *testing.T, seed string) string {
	t.Helper()
	p, a := proxy(t)
	post(t, a.URL+"/seed", `{"seed":`+seed+`}`)
	post(t, a.URL+"/faults", `{"status":503,"count":1000,"probability":0.3}`)
	var b strings.Builder
	for i := 0; i < 200; i++ {
		code, _, _ := do(t, "GET", p.URL+"/x", "")
		if code == 503 {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

func TestProbabilisticFaultsAreRepeatableForASeed(t *testing.T) {
	first, again, other := faultPattern(t, "7"), faultPattern(t, "7"), faultPattern(t, "8")
	if first != again {
		t.Fatalf("seed 7 gave two patterns:\n%s\n%s", first, again)
	}
	if first == other {
		t.Fatalf("seeds 7 and 8 gave the same pattern %s", first)
	}
	// About 30% of 200.
	if n := strings.Count(first, "1"); n < 35 || n > 85 {
		t.Fatalf("%d of 200 faulted: %s", n, first)
	}
}

func TestAfterForwardsThenLosesTheAnswer(t *testing.T) {
	var seen []string
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.Method+" "+r.URL.Path)
		io.WriteString(w, "created")
	}))
	t.Cleanup(up.Close)
	p, a := proxyTo(t, up.URL)
	post(t, a.URL+"/faults", `{"method":"POST","status":500,"after":true}`)
	code, _, body := do(t, "POST", p.URL+"/things", "{}")
	if code != 500 || strings.Contains(body, "created") {
		t.Fatalf("%d %s", code, body)
	}
	if len(seen) != 1 || seen[0] != "POST /things" {
		t.Fatalf("the upstream should have made the change once: %v", seen)
	}
}

// signed sends an AWS request for `service` with a SigV4-shaped Authorization header.
func signed(t *testing.T, method, url, service, body string) (int, http.Header, string) {
	t.Helper()
	headers := map[string]string{
		"Authorization": "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0",
	}
	if strings.Contains(body, "Action=") {
		headers["Content-Type"] = "application/x-www-form-urlencoded"
	}
	return doWith(t, method, url, body, headers)
}

func TestRateLimitThrottlesWritesOverTheQuotaOfTheirService(t *testing.T) {
	state, clock := newProxyState(), newFakeClock()
	state.now = clock.now
	p, a := proxyWith(t, upstream(t).URL, state)
	post(t, a.URL+"/ratelimit", `{"service": "iam", "writes_per_second": 4, "burst": 3}`)
	// iamWrites sends n IAM writes and returns their statuses, as a string of . (passed) and
	// T (throttled).
	iamWrites := func(n int) string {
		t.Helper()
		var b strings.Builder
		for i := 0; i < n; i++ {
			code, _, body := signed(t, "POST", p.URL+"/", "iam", "Action=AttachRolePolicy&RoleName=a")
			switch {
			case code == 200:
				b.WriteByte('.')
			case code == 400 && strings.Contains(body, "<Code>Throttling</Code>"):
				b.WriteByte('T')
			default:
				t.Fatalf("write %d: %d %s", i, code, body)
			}
		}
		return b.String()
	}
	// The burst passes, the next write is throttled as IAM does.
	if got := iamWrites(4); got != "...T" {
		t.Fatalf("burst: %s", got)
	}
	// Reads, other services and unsigned requests are never limited.
	if code, _, _ := signed(t, "POST", p.URL+"/", "iam", "Action=GetRole&RoleName=a"); code != 200 {
		t.Fatalf("a read was limited: %d", code)
	}
	if code, _, _ := signed(t, "POST", p.URL+"/clusters/c/access-entries", "eks", "{}"); code != 200 {
		t.Fatalf("another service was limited: %d", code)
	}
	if code, _, _ := do(t, "POST", p.URL+"/", "Action=CreateRole"); code != 200 {
		t.Fatalf("an unsigned request was limited: %d", code)
	}
	// The bucket refills at the rate (4 a second): a quarter second gives one write exactly,
	// an eighth half of one, which a throttled write does not spend; and it holds at most the
	// burst, however long it waits.
	for _, step := range []struct {
		wait   time.Duration
		writes int
		want   string
	}{
		{250 * time.Millisecond, 2, ".T"},
		{125 * time.Millisecond, 1, "T"},
		{125 * time.Millisecond, 1, "."},
		{10 * time.Second, 4, "...T"},
	} {
		clock.advance(step.wait)
		if got := iamWrites(step.writes); got != step.want {
			t.Fatalf("%d writes after %v more: %s, want %s", step.writes, step.wait, got, step.want)
		}
	}
	// EKS writes are throttled the REST way.
	post(t, a.URL+"/ratelimit", `{"service": "eks", "writes_per_second": 1, "burst": 1}`)
	signed(t, "POST", p.URL+"/clusters/c/access-entries", "eks", "{}")
	code, h, _ := signed(t, "DELETE", p.URL+"/clusters/c/access-entries/x", "eks", "")
	if code != 429 || h.Get("x-amzn-ErrorType") != "ThrottlingException" {
		t.Fatalf("EKS over the quota: %d %v", code, h)
	}
	// IAM: 3 + 1 + 1 + 3 let through, 4 throttled; EKS: 2 let through, 1 throttled.
	if st := stats(t, a.URL); st["throttled"] != 5 || st["writes"] != 10 {
		t.Fatalf("stats: %v", st)
	}
}

func TestPagingSplitsTheAccountListingIntoMarkedPages(t *testing.T) {
	full := `<GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult><UserDetailList/><RoleDetailList><member><RoleName>r0</RoleName><Tags><member><Key>k</Key></member></Tags></member><member><RoleName>r1</RoleName></member><member><RoleName>r2</RoleName></member></RoleDetailList><Policies><member><PolicyName>p0</PolicyName></member></Policies><IsTruncated>false</IsTruncated></GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>`
	hits := 0
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "text/xml")
		io.WriteString(w, full)
	}))
	t.Cleanup(up.Close)
	p, a := proxyTo(t, up.URL)
	list := "Action=GetAccountAuthorizationDetails&Version=2010-05-08"
	// Off by default: the upstream's answer as it is.
	if _, _, body := do(t, "POST", p.URL+"/", list); body != full {
		t.Fatalf("paging off: %s", body)
	}
	post(t, a.URL+"/paging", `{"max_items": 2}`)
	// The request's MaxItems (3) is capped by the proxy's (2); nested members stay whole.
	_, _, first := do(t, "POST", p.URL+"/", list+"&MaxItems=3")
	want := `<RoleDetailList><member><RoleName>r0</RoleName><Tags><member><Key>k</Key></member></Tags></member><member><RoleName>r1</RoleName></member></RoleDetailList><Policies></Policies><IsTruncated>true</IsTruncated><Marker>2</Marker>`
	if !strings.Contains(first, want) {
		t.Fatalf("first page: %s", first)
	}
	_, _, second := do(t, "POST", p.URL+"/", list+"&Marker=2&MaxItems=3")
	want = `<RoleDetailList><member><RoleName>r2</RoleName></member></RoleDetailList><Policies><member><PolicyName>p0</PolicyName></member></Policies><IsTruncated>false</IsTruncated></GetAccountAuthorizationDetailsResult>`
	if !strings.Contains(second, want) {
		t.Fatalf("last page: %s", second)
	}
	// One upstream call without paging, one for the paged listing: later pages are cut from
	// the first page's answer.
	if hits != 2 {
		t.Fatalf("upstream calls: %d", hits)
	}
	if st := stats(t, a.URL); st["pages"] != 2 {
		t.Fatalf("stats: %v", st)
	}
	if code, _, _ := do(t, "POST", p.URL+"/", list+"&Marker=x"); code != 400 {
		t.Fatalf("a bad Marker: %d", code)
	}
}

func TestSeverCutsAStreamingAnswer(t *testing.T) {
	stream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first\n")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	t.Cleanup(stream.Close)
	h, admin, err := newFaultProxy(stream.URL, nil, newProxyState())
	if err != nil {
		t.Fatal(err)
	}
	p := httptest.NewUnstartedServer(h)
	p.Config.ConnState = clients.track
	p.Start()
	t.Cleanup(p.Close)
	a := httptest.NewServer(admin)
	t.Cleanup(a.Close)
	resp, err := http.Get(p.URL + "/api/v1/serviceaccounts?watch=true")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	if line, err := r.ReadString('\n'); err != nil || line != "first\n" {
		t.Fatalf("first line: %q %v", line, err)
	}
	// The open watch is listed as in flight, so a test can wait for it before cutting it.
	if code, _, body := do(t, "GET", a.URL+"/inflight", ""); code != 200 || body != "[\"GET /api/v1/serviceaccounts?watch=true\"]\n" {
		t.Fatalf("in flight: %d %q", code, body)
	}
	code, _, body := do(t, "POST", a.URL+"/sever", "")
	if code != 200 || !strings.Contains(body, `"severed":1`) {
		t.Fatalf("sever: %d %s", code, body)
	}
	// The upstream sends nothing more: the read ends only when the connection is cut (if it
	// never is, go test's -timeout ends the test).
	if _, err := r.ReadString('\n'); err == nil {
		t.Fatal("the stream went on after /sever")
	}
	// Once its handler has returned, it is in flight no more (polled: the handler ends after
	// the cut is seen here; go test's -timeout bounds the wait).
	for {
		if _, _, body := do(t, "GET", a.URL+"/inflight", ""); body == "[]\n" {
			break
		}
		runtime.Gosched()
	}
}

// requests reads the proxy's request log from its admin server (query: "" or "?since=N").
func requests(t *testing.T, adminURL, query string) []recorded {
	t.Helper()
	code, h, body := do(t, "GET", adminURL+"/requests"+query, "")
	if code != 200 || h.Get("Content-Type") != "application/json" {
		t.Fatalf("GET /requests%s: %d %s", query, code, body)
	}
	var log []recorded
	if err := json.Unmarshal([]byte(body), &log); err != nil || log == nil {
		t.Fatalf("GET /requests%s is not a JSON array: %v %s", query, err, body)
	}
	return log
}

func TestRequestLogRecordsEveryRequestAsMotosRecorderDoes(t *testing.T) {
	p, a := proxy(t)
	if log := requests(t, a.URL, ""); len(log) != 0 {
		t.Fatalf("a new proxy's log: %v", log)
	}
	post(t, a.URL+"/faults", `{"path":"^/faulted$","status":503}`)
	post(t, a.URL+"/ratelimit", `{"service":"iam","writes_per_second":1,"burst":1}`)
	host := strings.TrimPrefix(p.URL, "http://")
	target := "AWSIdentityManagementV20100508.CreateRole"
	doWith(t, "POST", p.URL+"/?Version=2010-05-08&x=a%2Fb", "Action=CreateRole&RoleName=a",
		map[string]string{"X-Amz-Target": target, "x-custom": "one"})
	// A faulted request and a throttled one were still made by the client.
	if code, _, _ := do(t, "GET", p.URL+"/faulted", ""); code != 503 {
		t.Fatalf("not faulted: %d", code)
	}
	signed(t, "POST", p.URL+"/", "iam", "Action=CreateRole&RoleName=b")
	if code, _, _ := signed(t, "POST", p.URL+"/", "iam", "Action=CreateRole&RoleName=c"); code != 400 {
		t.Fatalf("not throttled: %d", code)
	}
	// /reset keeps the log; a body that is not UTF-8 is base64, as moto records bytes.
	post(t, a.URL+"/reset", `{}`)
	do(t, "PUT", p.URL+"/bin", "\xff\x00\xfe")
	stats(t, a.URL) // admin requests are not recorded

	log := requests(t, a.URL, "")
	if len(log) != 5 {
		t.Fatalf("%d requests recorded: %+v", len(log), log)
	}
	first := log[0]
	if first.Method != "POST" || first.URL != "http://"+host+"/?Version=2010-05-08&x=a%2Fb" ||
		first.Body != "Action=CreateRole&RoleName=a" || first.BodyEncoded {
		t.Fatalf("first: %+v", first)
	}
	for k, v := range map[string]string{"Host": host, "X-Amz-Target": target, "X-Custom": "one", "Content-Length": "28"} {
		if first.Headers[k] != v {
			t.Fatalf("first: header %s = %q, want %q: %v", k, first.Headers[k], v, first.Headers)
		}
	}
	var got []string
	for _, r := range log {
		got = append(got, r.Method+" "+r.URL+" "+r.Body)
	}
	want := []string{
		"POST http://" + host + "/?Version=2010-05-08&x=a%2Fb Action=CreateRole&RoleName=a",
		"GET http://" + host + "/faulted ",
		"POST http://" + host + "/ Action=CreateRole&RoleName=b",
		"POST http://" + host + "/ Action=CreateRole&RoleName=c",
		"PUT http://" + host + "/bin " + base64.StdEncoding.EncodeToString([]byte("\xff\x00\xfe")),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.HasPrefix(log[2].Headers["Authorization"], "AWS4-HMAC-SHA256 Credential=AKID/") || !log[4].BodyEncoded {
		t.Fatalf("signed: %v; binary: %+v", log[2].Headers, log[4])
	}
	// ?since=N: the requests from index N on (a mark).
	if since := requests(t, a.URL, "?since=3"); !reflect.DeepEqual(since, log[3:]) {
		t.Fatalf("since 3: %+v", since)
	}
	if since := requests(t, a.URL, "?since=9"); len(since) != 0 {
		t.Fatalf("since 9: %+v", since)
	}
}

func TestRequestLogNamesTheSchemeOfTheListener(t *testing.T) {
	h, admin, err := newFaultProxy(upstream(t).URL, nil, newProxyState())
	if err != nil {
		t.Fatal(err)
	}
	p, a := httptest.NewTLSServer(h), httptest.NewServer(admin)
	t.Cleanup(p.Close)
	t.Cleanup(a.Close)
	resp, err := p.Client().Get(p.URL + "/api/v1/namespaces?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	log := requests(t, a.URL, "")
	if len(log) != 1 || log[0].URL != p.URL+"/api/v1/namespaces?limit=1" || !strings.HasPrefix(p.URL, "https://") {
		t.Fatalf("%+v", log)
	}
}

// waitHeld waits until the proxy holds n requests: its own count, polled. It fails as soon as
// one of the requests expected to be held is answered instead (no deadline: go test's
// -timeout ends a test that gets neither).
func waitHeld(t *testing.T, adminURL string, n int, expected ...chan string) {
	t.Helper()
	for stats(t, adminURL)["held"] != n {
		for _, answer := range expected {
			select {
			case got := <-answer:
				t.Fatalf("answered instead of held: %q", got)
			default:
			}
		}
		time.Sleep(time.Millisecond)
	}
}

// release posts /release and returns how many requests it released.
func release(t *testing.T, adminURL string) int {
	t.Helper()
	code, _, body := do(t, "POST", adminURL+"/release", "")
	var r map[string]int
	if err := json.Unmarshal([]byte(body), &r); code != 200 || err != nil {
		t.Fatalf("release: %d %s", code, body)
	}
	return r["released"]
}

func TestHoldForwardsTheRequestOnlyWhenReleased(t *testing.T) {
	// The upstream creates each role once, as IAM: a second CreateRole is EntityAlreadyExists.
	var mu sync.Mutex
	created := map[string]bool{}
	var calls []string
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, r.Method+" "+string(body))
		if r.Method == "POST" && form.Get("Action") == "CreateRole" {
			if created[form.Get("RoleName")] {
				w.WriteHeader(409)
				io.WriteString(w, "<Code>EntityAlreadyExists</Code>")
				return
			}
			created[form.Get("RoleName")] = true
		}
		io.WriteString(w, "ok")
	}))
	t.Cleanup(up.Close)
	upstreamCalls := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), calls...)
	}
	p, a := proxyTo(t, up.URL)
	// A failed test lets its held requests go, or closing the servers would wait for them.
	t.Cleanup(func() {
		if resp, err := http.Post(a.URL+"/release", "", nil); err == nil {
			resp.Body.Close()
		}
	})
	// send makes a request in the background; its answer ("status body") comes on the channel.
	send := func(ctx context.Context, body string) chan string {
		done := make(chan string, 1)
		go func() {
			req, _ := http.NewRequestWithContext(ctx, "POST", p.URL+"/", strings.NewReader(body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				done <- err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			done <- strconv.Itoa(resp.StatusCode) + " " + string(b)
		}()
		return done
	}

	post(t, a.URL+"/faults", `{"method":"POST","body":"Action=CreateRole","hold":true}`)
	held := send(context.Background(), "Action=CreateRole&RoleName=r")
	waitHeld(t, a.URL, 1, held)
	// Held means not forwarded; other requests go on meanwhile.
	if got := upstreamCalls(); len(got) != 0 {
		t.Fatalf("the held request reached the upstream: %v", got)
	}
	if code, _, _ := do(t, "POST", p.URL+"/", "Action=GetRole&RoleName=r"); code != 200 {
		t.Fatalf("another request: %d", code)
	}
	// The role is created meanwhile, straight at the upstream.
	if code, _, _ := do(t, "POST", up.URL+"/", "Action=CreateRole&RoleName=r"); code != 200 {
		t.Fatalf("direct create: %d", code)
	}
	if n := release(t, a.URL); n != 1 {
		t.Fatalf("released %d", n)
	}
	// Released, the request is forwarded and the upstream itself answers it.
	if got := <-held; got != "409 <Code>EntityAlreadyExists</Code>" {
		t.Fatalf("held request answered %q", got)
	}
	want := []string{"POST Action=GetRole&RoleName=r", "POST Action=CreateRole&RoleName=r", "POST Action=CreateRole&RoleName=r"}
	if got := upstreamCalls(); !reflect.DeepEqual(got, want) {
		t.Fatalf("upstream calls %v", got)
	}
	// A hold is no fault; the rule was used up.
	if st := stats(t, a.URL); st["held"] != 0 || st["faulted"] != 0 || st["pending"] != 0 || st["requests"] != 2 {
		t.Fatalf("stats: %v", st)
	}
	if code, _, _ := do(t, "POST", p.URL+"/", "Action=CreateRole&RoleName=s"); code != 200 {
		t.Fatalf("the rule held one request only: %d", code)
	}
	if n := release(t, a.URL); n != 0 {
		t.Fatalf("released %d with nothing held", n)
	}

	// Two held at once; /reset releases them too.
	post(t, a.URL+"/faults", `{"body":"Action=CreateRole","hold":true,"count":2}`)
	one, two := send(context.Background(), "Action=CreateRole&RoleName=t"), send(context.Background(), "Action=CreateRole&RoleName=u")
	waitHeld(t, a.URL, 2, one, two)
	post(t, a.URL+"/reset", `{}`)
	if st := stats(t, a.URL); st["held"] != 0 {
		t.Fatalf("held after reset: %v", st)
	}
	if x, y := <-one, <-two; x != "200 ok" || y != "200 ok" {
		t.Fatalf("after reset: %q %q", x, y)
	}

	// A hold then a fault: the fault answers once released.
	post(t, a.URL+"/faults", `{"body":"Action=CreateRole","hold":true,"status":500}`)
	failed := send(context.Background(), "Action=CreateRole&RoleName=v")
	waitHeld(t, a.URL, 1, failed)
	release(t, a.URL)
	if got := <-failed; !strings.HasPrefix(got, "500 ") {
		t.Fatalf("hold and fault: %q", got)
	}
	mu.Lock()
	if created["v"] {
		t.Fatal("a held fault reached the upstream")
	}
	mu.Unlock()

	// A client that gives up is no longer held, and its request is never forwarded.
	post(t, a.URL+"/faults", `{"body":"Action=CreateRole","hold":true}`)
	ctx, cancel := context.WithCancel(context.Background())
	gone := send(ctx, "Action=CreateRole&RoleName=w")
	waitHeld(t, a.URL, 1, gone)
	cancel()
	<-gone
	waitHeld(t, a.URL, 0)
	if n := release(t, a.URL); n != 0 {
		t.Fatalf("released %d after the client left", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if created["w"] {
		t.Fatal("the abandoned request was forwarded")
	}
}

func TestRewriteReplacesJSONPointersInTheAnswer(t *testing.T) {
	answer := `{"cluster":{"name":"c","certificateAuthority":{"data":"PLACEHOLDER"},"tags":{"a/b~":"x","k~1":"z"},"list":["p","q"],"endpoint":"https://x?a=1&b=<2>"},"big":12345678901234567890}`
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Upstream", "kept")
		w.Header().Set("Content-Type", "application/json")
		body := answer
		if r.URL.Path == "/clusters/text" {
			body = "not JSON {"
		}
		// ?gzip: compress when asked, as some servers do; the proxy still reads the answer.
		if r.URL.Query().Has("gzip") && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			w.WriteHeader(201)
			z := gzip.NewWriter(w)
			io.WriteString(z, body)
			z.Close()
			return
		}
		w.WriteHeader(201)
		io.WriteString(w, body)
	}))
	t.Cleanup(up.Close)
	p, a := proxyTo(t, up.URL)
	rule, _ := json.Marshal(map[string]any{"method": "GET", "path": "^/clusters/", "count": 100, "rewrite": map[string]string{
		"/cluster/certificateAuthority/data": "REAL-CA",
		"/cluster/tags/a~1b~0":               "y",
		"/cluster/tags/k~01":                 "w",
		"/cluster/list/1":                    "r",
		"/cluster/missing/x":                 "no",
		"/cluster/list/2":                    "no",
		"/cluster/list/01":                   "no",
		"/nope":                              "no",
	}})
	post(t, a.URL+"/faults", string(rule))
	rewritten := `{"big":12345678901234567890,"cluster":{"certificateAuthority":{"data":"REAL-CA"},"endpoint":"https://x?a=1&b=<2>","list":["p","r"],"name":"c","tags":{"a/b~":"y","k~1":"w"}}}`
	// Status and headers kept, Content-Length the new one (the upstream's is the old one);
	// the client asks for gzip (Go's client does by itself) and gets the answer plain.
	for _, query := range []string{"", "?gzip"} {
		resp, err := http.Get(p.URL + "/clusters/c" + query)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 201 || string(body) != rewritten || resp.Header.Get("X-Upstream") != "kept" ||
			resp.ContentLength != int64(len(rewritten)) || resp.Header.Get("Content-Type") != "application/json" {
			t.Fatalf("%s: %v %d %v %d\n%s\nwant\n%s", query, err, resp.StatusCode, resp.Header, resp.ContentLength, body, rewritten)
		}
	}
	// Other paths, and answers that are not JSON, are passed as they are.
	if code, _, body := do(t, "GET", p.URL+"/other", ""); code != 201 || body != answer {
		t.Fatalf("another path: %d %s", code, body)
	}
	if code, _, body := do(t, "GET", p.URL+"/clusters/text", ""); code != 201 || body != "not JSON {" {
		t.Fatalf("not JSON: %d %s", code, body)
	}
	// A fault added after the rewrite still applies; the rewrite goes on after it.
	post(t, a.URL+"/faults", `{"path":"^/clusters/","status":500}`)
	if code, _, _ := do(t, "GET", p.URL+"/clusters/c", ""); code != 500 {
		t.Fatalf("fault after rewrite: %d", code)
	}
	if _, _, body := do(t, "GET", p.URL+"/clusters/c", ""); body != rewritten {
		t.Fatalf("rewrite after the fault: %s", body)
	}
	// Rewrites count down, and are neither faults nor pending faults.
	if st := stats(t, a.URL); st["rewritten"] != 3 || st["faulted"] != 1 || st["pending"] != 0 {
		t.Fatalf("stats: %v", st)
	}
	post(t, a.URL+"/reset", `{}`)
	post(t, a.URL+"/faults", `{"path":"^/clusters/","rewrite":{"/big":"small"},"count":1}`)
	if _, _, body := do(t, "GET", p.URL+"/clusters/c", ""); !strings.HasPrefix(body, `{"big":"small",`) {
		t.Fatalf("count 1, first: %s", body)
	}
	if _, _, body := do(t, "GET", p.URL+"/clusters/c", ""); body != answer {
		t.Fatalf("count 1, second: %s", body)
	}
	// Bad rules are refused.
	for _, bad := range []string{
		`{"rewrite":{"cluster/x":"y"}}`,
		`{"rewrite":{"/x":"y"},"status":500}`,
		`{"rewrite":{"/x":"y"},"hold":true}`,
		`{"count":3}`,
	} {
		if code, _, _ := do(t, "POST", a.URL+"/faults", bad); code != 400 {
			t.Fatalf("%s: %d", bad, code)
		}
	}
}
