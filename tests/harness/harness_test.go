package main

import (
	"bufio"
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
	"strings"
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
	h, admin, err := newFaultProxy(upstreamURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, a := httptest.NewServer(h), httptest.NewServer(admin)
	t.Cleanup(p.Close)
	t.Cleanup(a.Close)
	return p, a
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
	p, a := proxy(t)
	post(t, a.URL+"/delay", `{"ms":150}`)
	for i := 0; i < 2; i++ {
		start := time.Now()
		do(t, "GET", p.URL+"/x", "")
		if elapsed := time.Since(start); elapsed < 150*time.Millisecond {
			t.Fatalf("request %d took %v, want at least 150ms", i, elapsed)
		}
	}
	post(t, a.URL+"/reset", `{}`)
	start := time.Now()
	do(t, "GET", p.URL+"/x", "")
	if time.Since(start) >= 150*time.Millisecond {
		t.Fatalf("reset did not clear the delay")
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
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
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
	p, a := proxy(t)
	post(t, a.URL+"/ratelimit", `{"service": "iam", "writes_per_second": 5, "burst": 3}`)
	// The burst passes, the next write is throttled as IAM does.
	for i := 0; i < 3; i++ {
		if code, _, body := signed(t, "POST", p.URL+"/", "iam", "Action=CreateRole&RoleName=a"); code != 200 {
			t.Fatalf("write %d of the burst: %d %s", i, code, body)
		}
	}
	code, _, body := signed(t, "POST", p.URL+"/", "iam", "Action=CreateRole&RoleName=a")
	if code != 400 || !strings.Contains(body, "<Code>Throttling</Code>") {
		t.Fatalf("over the quota: %d %s", code, body)
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
	// The bucket refills at the rate: after 250 ms, one more write.
	time.Sleep(250 * time.Millisecond)
	if code, _, _ := signed(t, "POST", p.URL+"/", "iam", "Action=AttachRolePolicy&RoleName=a"); code != 200 {
		t.Fatalf("after refilling: %d", code)
	}
	// EKS writes are throttled the REST way.
	post(t, a.URL+"/ratelimit", `{"service": "eks", "writes_per_second": 1, "burst": 1}`)
	signed(t, "POST", p.URL+"/clusters/c/access-entries", "eks", "{}")
	code, h, _ := signed(t, "DELETE", p.URL+"/clusters/c/access-entries/x", "eks", "")
	if code != 429 || h.Get("x-amzn-ErrorType") != "ThrottlingException" {
		t.Fatalf("EKS over the quota: %d %v", code, h)
	}
	if st := stats(t, a.URL); st["throttled"] != 2 || st["writes"] != 6 {
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
	h, admin, err := newFaultProxy(stream.URL, nil)
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
	code, _, body := do(t, "POST", a.URL+"/sever", "")
	if code != 200 || !strings.Contains(body, `"severed":1`) {
		t.Fatalf("sever: %d %s", code, body)
	}
	done := make(chan error, 1)
	go func() { _, err := r.ReadString('\n'); done <- err }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("the stream went on after /sever")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the stream was not cut")
	}
}
