package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Rule acts on the next Count requests that match Method (empty: any), Path (regexp on the
// path, without the query) and Body (regexp on the request body). With Probability in (0, 1)
// each matching request is acted on with that probability, drawn from the proxy's seeded
// random source, until Count requests have been.
//
// A rule does one of three things. A fault (Status or Drop) fails the request, after holding
// it when Hold is set too. A hold (Hold without Status or Drop) keeps the request, unforwarded,
// until POST /release, then forwards it: the upstream answers it as it answers then. A rewrite
// (Rewrite) forwards the request and edits its JSON answer; rewrite rules are tried only for
// requests that are forwarded (after every other rule, whatever the order they were added
// in), so a rewrite kept for a whole test never shadows a fault added later.
type Rule struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	Body        string `json:"body"`
	Status      int    `json:"status"`
	Count       int    `json:"count"`
	RetryAfter  int    `json:"retry_after"`
	Response    string `json:"response"`
	ContentType string `json:"content_type"`
	// Drop closes the connection without an answer instead of sending Status.
	Drop bool `json:"drop"`
	// Probability of failing a matching request; 0 or 1 and above: every one.
	Probability float64 `json:"probability"`
	// After forwards the request first and then answers with the fault: the change was made
	// but its answer was lost, as when a connection breaks after the server committed.
	After bool `json:"after"`
	// Hold keeps a matching request, not forwarded, until POST /release (or /reset).
	Hold bool `json:"hold"`
	// Rewrite maps RFC 6901 JSON pointers to strings: the request is forwarded and, when the
	// answer is JSON, the value at each pointer it has is replaced by the string.
	Rewrite map[string]string `json:"rewrite"`
	Hits    int               `json:"hits"`

	path *regexp.Regexp
	body *regexp.Regexp
}

// fault says whether the rule fails the request (rather than only holding it).
func (r *Rule) fault() bool { return r.Status != 0 || r.Drop }

// recorded is one request the proxy received, shaped as a line of moto's request recorder:
// the body as a string, or base64 with body_encoded when it is not UTF-8.
type recorded struct {
	Method      string            `json:"method"`
	URL         string            `json:"url"`
	Headers     map[string]string `json:"headers"`
	Body        string            `json:"body"`
	BodyEncoded bool              `json:"body_encoded"`
}

type proxyState struct {
	mu sync.Mutex
	// inflight counts the requests being answered now, by "METHOD /path?query": a test waits
	// for a watch to be open before it severs it (GET /inflight).
	inflight map[string]int
	rules    []*Rule
	delay    time.Duration
	requests int
	faulted  int
	// limits are the AWS write quotas by service (SigV4's service name, e.g. "iam").
	limits map[string]*bucket
	// writes and throttled count the AWS writes let through and answered with throttling.
	writes    int
	throttled int
	// rng decides probabilistic rules; POST /seed makes a run repeatable.
	rng *rand.Rand
	// pageItems, when above 0, pages IAM's GetAccountAuthorizationDetails (POST /paging).
	pageItems int
	// listing is the upstream's whole answer to the listing being paged: the first page asks
	// the upstream, later pages (with a Marker) are cut from it, as from one snapshot.
	listing []byte
	// listingOf is the request the listing answers, without its Marker and MaxItems: a later
	// page of another listing (another Filter) is not cut from it.
	listingOf string
	// pagesServed counts the pages answered so.
	pagesServed int
	// log is every request received on the proxied side, in order (GET /requests); /reset
	// keeps it, so marks taken as indexes into it stay valid.
	log []recorded
	// waiting holds one channel per held request; closing it lets the request go on.
	waiting []chan struct{}
	// rewritten counts the answers a rewrite rule changed.
	rewritten int
	// now is the clock of the write quotas' buckets, sleep waits out POST /delay: time.Now
	// and time.Sleep, replaced in tests.
	now   func() time.Time
	sleep func(time.Duration)
}

func newProxyState() *proxyState {
	return &proxyState{rng: rand.New(rand.NewSource(1)), limits: map[string]*bucket{}, inflight: map[string]int{}, now: time.Now, sleep: time.Sleep}
}

// record appends a request to the log, before anything decides its fate.
func (s *proxyState) record(r *http.Request, body []byte, scheme string) {
	rec := recorded{
		Method:  r.Method,
		URL:     scheme + "://" + r.Host + r.URL.RequestURI(),
		Headers: map[string]string{"Host": r.Host},
		Body:    string(body),
	}
	for k, v := range r.Header {
		if len(v) > 0 {
			rec.Headers[k] = v[0]
		}
	}
	if !utf8.Valid(body) {
		rec.Body, rec.BodyEncoded = base64.StdEncoding.EncodeToString(body), true
	}
	s.mu.Lock()
	s.log = append(s.log, rec)
	s.mu.Unlock()
}

// match finds the first rule with Count left that matches the request: among the rewrite
// rules when rewrite is set, else among the others (and counts the request).
func (s *proxyState) match(r *http.Request, body []byte, rewrite bool) *Rule {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !rewrite {
		s.requests++
	}
	target := r.URL.Path
	for _, rule := range s.rules {
		if rule.Count <= 0 || (len(rule.Rewrite) > 0) != rewrite {
			continue
		}
		if rule.Method != "" && rule.Method != r.Method {
			continue
		}
		if rule.path != nil && !rule.path.MatchString(target) {
			continue
		}
		if rule.body != nil && !rule.body.Match(body) {
			continue
		}
		if rule.Probability > 0 && rule.Probability < 1 && s.rng.Float64() >= rule.Probability {
			continue
		}
		rule.Count--
		rule.Hits++
		if rule.fault() {
			s.faulted++
		}
		copy := *rule
		return &copy
	}
	return nil
}

// hold waits until the request is released (true) or its client has gone (false).
func (s *proxyState) hold(ctx context.Context) bool {
	ch := make(chan struct{})
	s.mu.Lock()
	s.waiting = append(s.waiting, ch)
	s.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		s.mu.Lock()
		for i, c := range s.waiting {
			if c == ch {
				s.waiting = append(s.waiting[:i], s.waiting[i+1:]...)
				break
			}
		}
		s.mu.Unlock()
		return false
	}
}

// release lets every held request go on; returns how many. The caller holds s.mu.
func (s *proxyState) release() int {
	n := len(s.waiting)
	for _, ch := range s.waiting {
		close(ch)
	}
	s.waiting = nil
	return n
}

// bucket is a token bucket: Rate tokens a second, at most Burst held; a write takes one.
type bucket struct {
	Rate   float64 `json:"writes_per_second"`
	Burst  float64 `json:"burst"`
	tokens float64
	last   time.Time
}

// take refills the bucket for the time since its last use and takes a token if one is there.
func (b *bucket) take(now time.Time) bool {
	b.tokens += now.Sub(b.last).Seconds() * b.Rate
	if b.tokens > b.Burst {
		b.tokens = b.Burst
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

var sigV4Service = regexp.MustCompile(`Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request`)
var queryAction = regexp.MustCompile(`(?:^|&)Action=([A-Za-z]+)`)

// awsWrite says which AWS service a request is for and whether it is a write: a Query API
// action (IAM, STS) that does not read (Get, List, Simulate, Generate), or a REST call other
// than GET (EKS).
func awsWrite(r *http.Request, body []byte) (string, bool) {
	m := sigV4Service.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return "", false
	}
	if a := queryAction.FindSubmatch(body); a != nil {
		action := string(a[1])
		for _, read := range []string{"Get", "List", "Simulate", "Generate"} {
			if len(action) >= len(read) && action[:len(read)] == read {
				return m[1], false
			}
		}
		return m[1], true
	}
	return m[1], r.Method != http.MethodGet
}

// throttle answers a write over its service's quota as AWS does, and counts it; false when
// the write may go on.
func (s *proxyState) throttle(w http.ResponseWriter, r *http.Request, body []byte) bool {
	service, write := awsWrite(r, body)
	if !write {
		return false
	}
	s.mu.Lock()
	b := s.limits[service]
	allowed := b == nil || b.take(s.now())
	if allowed {
		s.writes++
	} else {
		s.throttled++
	}
	s.mu.Unlock()
	if allowed {
		return false
	}
	if r.Header.Get("Content-Type") == "application/x-www-form-urlencoded" || queryAction.Match(body) {
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(400)
		io.WriteString(w, `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`)
		return true
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("x-amzn-ErrorType", "ThrottlingException")
	w.WriteHeader(429)
	io.WriteString(w, `{"message":"Rate exceeded"}`)
	return true
}

// kubeStatus is a metav1.Status body, as the apiserver sends with errors.
func kubeStatus(code int) string {
	reasons := map[int]string{409: "Conflict", 429: "TooManyRequests", 500: "InternalError", 503: "ServiceUnavailable", 404: "NotFound", 403: "Forbidden"}
	reason := reasons[code]
	if reason == "" {
		reason = "Unknown"
	}
	b, _ := json.Marshal(map[string]any{
		"kind": "Status", "apiVersion": "v1", "metadata": map[string]any{},
		"status": "Failure", "message": "injected by the eksiam test fault proxy: " + reason,
		"reason": reason, "code": code,
	})
	return string(b)
}

func runFaultProxy(args []string) error {
	fs := flag.NewFlagSet("faultproxy", flag.ExitOnError)
	upstream := fs.String("upstream", "", "URL of the server to proxy")
	upstreamCA := fs.String("upstream-ca", "", "PEM bundle that signs the upstream's certificate")
	tlsCert := fs.String("tls-cert", "", "serve TLS with this certificate (PEM)")
	tlsKey := fs.String("tls-key", "", "and this key")
	listen := fs.String("listen", "127.0.0.1:0", "proxy address")
	fs.Parse(args)
	var caPEM []byte
	if *upstreamCA != "" {
		var err error
		if caPEM, err = os.ReadFile(*upstreamCA); err != nil {
			return err
		}
	}
	handler, admin, err := newFaultProxy(*upstream, caPEM, newProxyState())
	if err != nil {
		return err
	}
	proxyLn, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	adminLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	scheme := "http"
	if *tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(*tlsCert, *tlsKey)
		if err != nil {
			return err
		}
		proxyLn = tls.NewListener(proxyLn, &tls.Config{Certificates: []tls.Certificate{cert}, NextProtos: []string{"http/1.1"}})
		scheme = "https"
	}
	go http.Serve(adminLn, bodyFirst(admin))
	announce(map[string]string{
		"proxy": fmt.Sprintf("%s://%s", scheme, proxyLn.Addr()),
		"admin": fmt.Sprintf("http://%s", adminLn.Addr()),
	})
	srv := &http.Server{Handler: handler, ConnState: clients.track}
	return srv.Serve(proxyLn)
}

// connSet is the proxy's client connections that are in a request, so POST /sever can cut
// them (a watch that is streaming, say) as a network failure would.
type connSet struct {
	mu     sync.Mutex
	active map[net.Conn]bool
}

var clients = &connSet{active: map[net.Conn]bool{}}

func (c *connSet) track(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if state == http.StateActive {
		c.active[conn] = true
	} else {
		delete(c.active, conn)
	}
}

// sever closes every connection in a request; returns how many.
func (c *connSet) sever() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(c.active)
	for conn := range c.active {
		conn.Close()
		delete(c.active, conn)
	}
	return n
}

// newFaultProxy returns the proxy's handler and its admin API's handler, which share state
// (newProxyState(); tests give it their own clock).
func newFaultProxy(upstream string, upstreamCA []byte, state *proxyState) (http.Handler, http.Handler, error) {
	up, err := url.Parse(upstream)
	if err != nil || up.Host == "" {
		return nil, nil, fmt.Errorf("--upstream must be a URL, got %q", upstream)
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	if upstreamCA != nil {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(upstreamCA) {
			return nil, nil, fmt.Errorf("no certificate in the upstream CA bundle")
		}
		transport.TLSClientConfig = &tls.Config{RootCAs: pool}
	}
	rp := httputil.NewSingleHostReverseProxy(up)
	rp.Transport = transport
	rp.FlushInterval = -1 // stream watches without buffering
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body.Close()
		r.Body = io.NopCloser(bytes.NewReader(body))
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		state.record(r, body, scheme)
		key := r.Method + " " + r.URL.RequestURI()
		state.mu.Lock()
		state.inflight[key]++
		state.mu.Unlock()
		defer func() {
			state.mu.Lock()
			if state.inflight[key]--; state.inflight[key] == 0 {
				delete(state.inflight, key)
			}
			state.mu.Unlock()
		}()
		state.mu.Lock()
		delay := state.delay
		state.mu.Unlock()
		if delay > 0 {
			state.sleep(delay)
		}
		if state.throttle(w, r, body) {
			return
		}
		if state.pages(w, r, body, rp) {
			return
		}
		rule := state.match(r, body, false)
		if rule != nil && rule.Hold && !state.hold(r.Context()) {
			return // the client gave up waiting
		}
		if rule != nil && rule.fault() {
			if rule.Drop {
				if hj, ok := w.(http.Hijacker); ok {
					if conn, _, err := hj.Hijack(); err == nil {
						conn.Close()
						return
					}
				}
				panic(http.ErrAbortHandler)
			}
			if rule.After {
				// Let the upstream make the change, then lose its answer.
				rp.ServeHTTP(discard{}, r)
			}
			resp := rule.Response
			ctype := rule.ContentType
			if resp == "" {
				resp, ctype = kubeStatus(rule.Status), "application/json"
			}
			if ctype != "" {
				w.Header().Set("Content-Type", ctype)
			}
			if rule.RetryAfter > 0 {
				w.Header().Set("Retry-After", strconv.Itoa(rule.RetryAfter))
			}
			w.WriteHeader(rule.Status)
			io.WriteString(w, resp)
			return
		}
		// The client's Host header goes upstream unchanged: AWS's SigV4 signs it, and an
		// emulator that checks signatures (ministack with AUTH) recomputes them over it.
		if rw := state.match(r, body, true); rw != nil {
			state.forwardRewritten(w, r, rp, rw.Rewrite)
			return
		}
		rp.ServeHTTP(w, r)
	})

	admin := http.NewServeMux()
	admin.HandleFunc("POST /faults", func(w http.ResponseWriter, r *http.Request) {
		var rule Rule
		if err := json.NewDecoder(r.Body).Decode(&rule); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		var err error
		if rule.Path != "" {
			if rule.path, err = regexp.Compile(rule.Path); err != nil {
				http.Error(w, err.Error(), 400)
				return
			}
		}
		if rule.Body != "" {
			if rule.body, err = regexp.Compile(rule.Body); err != nil {
				http.Error(w, err.Error(), 400)
				return
			}
		}
		for ptr := range rule.Rewrite {
			if ptr != "" && ptr[0] != '/' {
				http.Error(w, fmt.Sprintf("rewrite: %q is not a JSON pointer", ptr), 400)
				return
			}
		}
		if rule.Count == 0 {
			rule.Count = 1
		}
		if len(rule.Rewrite) > 0 && (rule.fault() || rule.After || rule.Hold) {
			http.Error(w, "a rewrite rule cannot also fail, hold or answer after: add two rules", 400)
			return
		}
		if !rule.fault() && !rule.Hold && len(rule.Rewrite) == 0 {
			http.Error(w, "status, drop, hold or rewrite is required", 400)
			return
		}
		state.mu.Lock()
		state.rules = append(state.rules, &rule)
		state.mu.Unlock()
		w.WriteHeader(204)
	})
	admin.HandleFunc("POST /delay", func(w http.ResponseWriter, r *http.Request) {
		var d struct {
			Ms int `json:"ms"`
		}
		if err := json.NewDecoder(r.Body).Decode(&d); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		state.mu.Lock()
		state.delay = time.Duration(d.Ms) * time.Millisecond
		state.mu.Unlock()
		w.WriteHeader(204)
	})
	// POST /ratelimit {"service": "iam", "writes_per_second": 10, "burst": 20}: a write quota
	// for one AWS service (a rate of 0 removes it); the bucket starts full.
	admin.HandleFunc("POST /ratelimit", func(w http.ResponseWriter, r *http.Request) {
		var d struct {
			Service string `json:"service"`
			bucket
		}
		if err := json.NewDecoder(r.Body).Decode(&d); err != nil || d.Service == "" {
			http.Error(w, "want {service, writes_per_second, burst}", 400)
			return
		}
		state.mu.Lock()
		if d.Rate <= 0 {
			delete(state.limits, d.Service)
		} else {
			if d.Burst < 1 {
				d.Burst = 1
			}
			b := d.bucket
			b.tokens, b.last = b.Burst, state.now()
			state.limits[d.Service] = &b
		}
		state.mu.Unlock()
		w.WriteHeader(204)
	})
	// POST /paging {"max_items": 1000}: answer GetAccountAuthorizationDetails in pages of at
	// most that many items (and the request's MaxItems), as IAM does (0 turns it off).
	admin.HandleFunc("POST /paging", func(w http.ResponseWriter, r *http.Request) {
		var d struct {
			MaxItems int `json:"max_items"`
		}
		if err := json.NewDecoder(r.Body).Decode(&d); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		state.mu.Lock()
		state.pageItems = d.MaxItems
		state.mu.Unlock()
		w.WriteHeader(204)
	})
	// POST /sever: close every client connection in a request (a streaming watch, say) without
	// an answer, as a broken network would; answers {"severed": N}.
	admin.HandleFunc("POST /sever", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]int{"severed": clients.sever()})
	})
	admin.HandleFunc("POST /seed", func(w http.ResponseWriter, r *http.Request) {
		var d struct {
			Seed int64 `json:"seed"`
		}
		if err := json.NewDecoder(r.Body).Decode(&d); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		state.mu.Lock()
		state.rng = rand.New(rand.NewSource(d.Seed))
		state.mu.Unlock()
		w.WriteHeader(204)
	})
	// POST /release: forward every held request; answers {"released": N}.
	admin.HandleFunc("POST /release", func(w http.ResponseWriter, r *http.Request) {
		state.mu.Lock()
		n := state.release()
		state.mu.Unlock()
		json.NewEncoder(w).Encode(map[string]int{"released": n})
	})
	// POST /reset clears rules, delay, quotas, paging and counters, and releases held
	// requests; the request log stays.
	admin.HandleFunc("POST /reset", func(w http.ResponseWriter, r *http.Request) {
		state.mu.Lock()
		state.rules, state.delay, state.requests, state.faulted = nil, 0, 0, 0
		state.limits, state.writes, state.throttled = map[string]*bucket{}, 0, 0
		state.pageItems, state.listing, state.pagesServed = 0, nil, 0
		state.rewritten = 0
		state.release()
		state.mu.Unlock()
		w.WriteHeader(204)
	})
	// GET /stats: counters since the last reset; "faulted" and "pending" count fault rules
	// (status or drop) only, "held" is the requests waiting now, "rewritten" the answers
	// rewrite rules changed.
	admin.HandleFunc("GET /stats", func(w http.ResponseWriter, r *http.Request) {
		state.mu.Lock()
		defer state.mu.Unlock()
		pending := 0
		for _, rule := range state.rules {
			if rule.fault() {
				pending += rule.Count
			}
		}
		json.NewEncoder(w).Encode(map[string]int{"requests": state.requests, "faulted": state.faulted, "pending": pending, "writes": state.writes, "throttled": state.throttled, "pages": state.pagesServed, "held": len(state.waiting), "rewritten": state.rewritten})
	})
	// GET /requests[?since=N]: the request log (from index N), a JSON array of recorded.
	admin.HandleFunc("GET /inflight", func(w http.ResponseWriter, r *http.Request) {
		state.mu.Lock()
		keys := make([]string, 0, len(state.inflight))
		for k := range state.inflight {
			keys = append(keys, k)
		}
		state.mu.Unlock()
		sort.Strings(keys)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(keys)
	})
	admin.HandleFunc("GET /requests", func(w http.ResponseWriter, r *http.Request) {
		since := 0
		if v := r.URL.Query().Get("since"); v != "" {
			var err error
			if since, err = strconv.Atoi(v); err != nil || since < 0 {
				http.Error(w, "since must be an index", 400)
				return
			}
		}
		state.mu.Lock()
		log := append([]recorded{}, state.log[min(since, len(state.log)):]...)
		b, err := json.Marshal(log)
		state.mu.Unlock()
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	})

	return handler, admin, nil
}

// forwardRewritten forwards a request and answers with the upstream's answer, its JSON
// values at the pointers of rewrite replaced (status and other headers kept).
func (s *proxyState) forwardRewritten(w http.ResponseWriter, r *http.Request, rp http.Handler, rewrite map[string]string) {
	// Without the client's Accept-Encoding the transport asks for gzip itself and hands back
	// the answer decompressed, so it can be read.
	r.Header.Del("Accept-Encoding")
	rec := httptest.NewRecorder()
	rp.ServeHTTP(rec, r)
	answer := rec.Body.Bytes()
	if edited, changed := rewriteJSON(answer, rewrite); changed {
		answer = edited
		s.mu.Lock()
		s.rewritten++
		s.mu.Unlock()
	}
	for k, v := range rec.Result().Header {
		if k != "Content-Length" {
			w.Header()[k] = v
		}
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(answer)))
	w.WriteHeader(rec.Code)
	w.Write(answer)
}

// rewriteJSON replaces the value at each RFC 6901 pointer that doc has with its string;
// reports whether doc is JSON and had one of them. Numbers are kept as written.
func rewriteJSON(doc []byte, rewrite map[string]string) ([]byte, bool) {
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return doc, false
	}
	if _, err := d.Token(); err != io.EOF {
		return doc, false
	}
	changed := false
	for ptr, val := range rewrite {
		var ok bool
		if v, ok = setPointer(v, ptr, val); ok {
			changed = true
		}
	}
	if !changed {
		return doc, false
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return doc, false
	}
	return bytes.TrimSuffix(out.Bytes(), []byte("\n")), true
}

// setPointer sets the existing value at an RFC 6901 pointer to val; returns the document
// and whether the pointer was there ("" is the whole document).
func setPointer(doc any, ptr string, val string) (any, bool) {
	if ptr == "" {
		return val, true
	}
	if ptr[0] != '/' {
		return doc, false
	}
	tokens := strings.Split(ptr[1:], "/")
	cur := doc
	for i, tok := range tokens {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		last := i == len(tokens)-1
		switch c := cur.(type) {
		case map[string]any:
			next, ok := c[tok]
			if !ok {
				return doc, false
			}
			if last {
				c[tok] = val
				return doc, true
			}
			cur = next
		case []any:
			// An index is 0 or digits without a leading 0; "-" (past the end) is never there.
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(c) || strconv.Itoa(n) != tok {
				return doc, false
			}
			if last {
				c[n] = val
				return doc, true
			}
			cur = c[n]
		default:
			return doc, false
		}
	}
	return doc, false
}

// discard is a ResponseWriter that throws the upstream's answer away (for After rules).
type discard struct{}

func (discard) Header() http.Header         { return http.Header{} }
func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) WriteHeader(int)             {}

// bodyFirst reads a request's whole body before its handler answers: a server that answers
// and closes with body bytes unread makes the kernel reset the connection, and the client
// may lose the answer (seen with POST /reset, whose handler reads nothing).
func bodyFirst(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		h.ServeHTTP(w, r)
	})
}

// pages answers an IAM GetAccountAuthorizationDetails request with one page of the
// upstream's whole answer when paging is on: the upstream (moto, ministack) sends every item
// at once, real IAM at most MaxItems (default 100) with IsTruncated and a Marker to go on
// from. The first page asks the upstream; later pages are cut from that same answer, so a
// listing costs the upstream one call as a real paged listing would. Reports whether it
// answered.
func (s *proxyState) pages(w http.ResponseWriter, r *http.Request, body []byte, rp http.Handler) bool {
	s.mu.Lock()
	limit := s.pageItems
	s.mu.Unlock()
	form, err := url.ParseQuery(string(body))
	if limit <= 0 || r.Method != http.MethodPost || err != nil || form.Get("Action") != "GetAccountAuthorizationDetails" {
		return false
	}
	size := 100
	if n, err := strconv.Atoi(form.Get("MaxItems")); err == nil && n > 0 {
		size = n
	}
	size = min(size, limit)
	offset := 0
	if m := form.Get("Marker"); m != "" {
		if offset, err = strconv.Atoi(m); err != nil || offset < 0 {
			w.WriteHeader(400)
			io.WriteString(w, `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidInput</Code><Message>bad Marker</Message></Error></ErrorResponse>`)
			return true
		}
	}
	form.Del("Marker")
	form.Del("MaxItems")
	key := form.Encode()
	rec := httptest.NewRecorder()
	s.mu.Lock()
	cached := s.listing
	if s.listingOf != key {
		cached = nil
	}
	s.mu.Unlock()
	if offset > 0 && cached != nil {
		rec.Header().Set("Content-Type", "text/xml")
		rec.Write(cached)
	} else {
		rp.ServeHTTP(rec, r)
		if rec.Code == http.StatusOK {
			s.mu.Lock()
			s.listing, s.listingOf = append([]byte(nil), rec.Body.Bytes()...), key
			s.mu.Unlock()
		}
	}
	answer := rec.Body.Bytes()
	if rec.Code == http.StatusOK {
		if answer, err = page(answer, offset, size); err != nil {
			http.Error(w, "faultproxy: cannot page the upstream's answer: "+err.Error(), 502)
			return true
		}
	}
	s.mu.Lock()
	s.pagesServed++
	s.mu.Unlock()
	for k, v := range rec.Header() {
		if k != "Content-Length" {
			w.Header()[k] = v
		}
	}
	w.WriteHeader(rec.Code)
	w.Write(answer)
	return true
}

// page keeps items [offset, offset+size) of an IAM list answer: the members of every list
// in its Result (UserDetailList, RoleDetailList, …, in document order), and marks it
// truncated with the next offset as Marker when items remain.
func page(answer []byte, offset, size int) ([]byte, error) {
	type span struct{ from, to int64 }
	var items []span
	d := xml.NewDecoder(bytes.NewReader(answer))
	depth, start := 0, int64(0)
	for {
		before := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			// Response > Result > List > member
			if depth == 4 && t.Name.Local == "member" {
				start = before
			}
		case xml.EndElement:
			if depth == 4 && t.Name.Local == "member" {
				items = append(items, span{start, d.InputOffset()})
			}
			depth--
		}
	}
	var out bytes.Buffer
	prev := int64(0)
	for i, it := range items {
		if i >= offset && i < offset+size {
			continue
		}
		out.Write(answer[prev:it.from])
		prev = it.to
	}
	out.Write(answer[prev:])
	if offset+size >= len(items) {
		return out.Bytes(), nil
	}
	truncated := fmt.Sprintf("<IsTruncated>true</IsTruncated><Marker>%d</Marker>", offset+size)
	paged := bytes.Replace(out.Bytes(), []byte("<IsTruncated>false</IsTruncated>"), []byte(truncated), 1)
	if bytes.Equal(paged, out.Bytes()) {
		return nil, fmt.Errorf("no <IsTruncated>false</IsTruncated> to mark")
	}
	return paged, nil
}
