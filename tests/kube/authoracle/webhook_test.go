package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"k8s.io/client-go/tools/clientcmd"

	"sigs.k8s.io/aws-iam-authenticator/pkg/token"
)

// TestMain runs the command itself when the tests start their own binary as it.
func TestMain(m *testing.M) {
	if os.Getenv("AUTHORACLE_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// review POSTs a TokenReview for tok to the webhook; returns the status and the raw answer.
func review(t *testing.T, client *http.Client, url, apiVersion, tok string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"apiVersion": apiVersion, "kind": "TokenReview",
		"spec": map[string]any{"token": tok, "audiences": []string{"https://kubernetes.default.svc"}},
	})
	resp, err := client.Post(url, "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// answer is a TokenReview answer, decoded loosely.
type answer struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Status     struct {
		Authenticated *bool  `json:"authenticated"`
		Error         string `json:"error"`
		User          struct {
			Username string              `json:"username"`
			UID      string              `json:"uid"`
			Groups   []string            `json:"groups"`
			Extra    map[string][]string `json:"extra"`
		} `json:"user"`
	} `json:"status"`
}

func decode(t *testing.T, raw string) answer {
	t.Helper()
	var a answer
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		t.Fatalf("not JSON: %v %s", err, raw)
	}
	return a
}

func TestWebhookDeniesMalformedTokensWithTheVerifiersErrorAndNotTheToken(t *testing.T) {
	srv := httptest.NewServer(newWebhook(token.NewVerifier("eksiam-test", "aws", ""), []string{"g"}, io.Discard))
	t.Cleanup(srv.Close)
	presigned := "https://sts.us-east-1.amazonaws.com/\x7fX-Amz-Signature=SECRETSIGNATURE"
	for _, c := range []struct{ name, tok, errPart string }{
		{"no prefix", "secret-bearer-token-0123456789", `token is missing expected "k8s-aws-v1." prefix`},
		{"not base64", "k8s-aws-v1.SECRET!!!", "illegal base64 data"},
		// url.Parse quotes the URL it cannot parse: the presigned URL is the token too.
		{"not a URL", "k8s-aws-v1." + base64.RawURLEncoding.EncodeToString([]byte(presigned)), "invalid control character in URL"},
		{"not STS", "k8s-aws-v1." + base64.RawURLEncoding.EncodeToString([]byte("https://evil.example.com/?Action=GetCallerIdentity")), "evil.example.com"},
	} {
		for _, version := range []string{"authentication.k8s.io/v1", "authentication.k8s.io/v1beta1"} {
			code, raw := review(t, srv.Client(), srv.URL+"/authenticate", version, c.tok)
			a := decode(t, raw)
			if code != 200 || a.APIVersion != version || a.Kind != "TokenReview" || a.Status.Authenticated == nil || *a.Status.Authenticated {
				t.Fatalf("%s, %s: %d %s", c.name, version, code, raw)
			}
			if !strings.Contains(a.Status.Error, c.errPart) || a.Status.User.Username != "" || a.Status.User.Groups != nil {
				t.Fatalf("%s: error %q, want it to name %q: %s", c.name, a.Status.Error, c.errPart, raw)
			}
			if strings.Contains(raw, "SECRET") || strings.Contains(raw, "secret") || strings.Contains(raw, c.tok) {
				t.Fatalf("%s: the answer gives the token away: %s", c.name, raw)
			}
		}
	}
	// Not a TokenReview, not a POST.
	if resp, _ := srv.Client().Post(srv.URL+"/authenticate", "application/json", strings.NewReader("{")); resp.StatusCode != 400 {
		t.Fatalf("bad JSON: %d", resp.StatusCode)
	}
	if resp, _ := srv.Client().Get(srv.URL + "/authenticate"); resp.StatusCode != 405 {
		t.Fatalf("GET: %d", resp.StatusCode)
	}
}

// fakeSTS is a TLS server that answers GetCallerIdentity for the caller named by the access
// key of the presigned request, and records what it received. Its CA is written to a file.
type fakeSTS struct {
	*httptest.Server
	caFile string
	mu     sync.Mutex
	seen   []*http.Request
}

func newFakeSTS(t *testing.T) *fakeSTS {
	f := &fakeSTS{}
	f.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.seen = append(f.seen, r.Clone(r.Context()))
		f.mu.Unlock()
		if strings.HasPrefix(r.URL.Query().Get("X-Amz-Credential"), "AKIDALLOWEDXML/") {
			// As ministack answers: the Query protocol's XML, whatever the Accept header.
			w.Header().Set("Content-Type", "text/xml")
			io.WriteString(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`)
			return
		}
		if !strings.HasPrefix(r.URL.Query().Get("X-Amz-Credential"), "AKIDALLOWED/") {
			w.WriteHeader(403)
			io.WriteString(w, `{"Error":{"Code":"InvalidClientTokenId","Message":"The security token included in the request is invalid."}}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"GetCallerIdentityResponse":{"GetCallerIdentityResult":{"Account":"123456789012","Arn":"arn:aws:sts::123456789012:assumed-role/eksiam-test/sess-1","UserId":"AROAEXAMPLEID:sess-1"},"ResponseMetadata":{"RequestId":"r"}}}`)
	}))
	t.Cleanup(f.Close)
	f.caFile = filepath.Join(t.TempDir(), "sts-ca.pem")
	ca := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: f.Certificate().Raw})
	if err := os.WriteFile(f.caFile, ca, 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fakeSTS) requests() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*http.Request(nil), f.seen...)
}

func TestSTSRedirectSendsTheRequestToTheSTSURLAsItWasSigned(t *testing.T) {
	f := newFakeSTS(t)
	// The path of --sts-url is not used: the presigned URL's is.
	rt, err := stsTransport(f.URL+"/not/used", f.caFile)
	if err != nil {
		t.Fatal(err)
	}
	presigned := "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Credential=AKIDALLOWED%2F20260101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Signature=abc"
	req, _ := http.NewRequest("GET", presigned, nil)
	req.Header.Set("x-k8s-aws-id", "eksiam-test")
	req.Header.Set("accept", "application/json")
	resp, err := (&http.Client{Transport: rt}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	seen := f.requests()
	if resp.StatusCode != 200 || len(seen) != 1 {
		t.Fatalf("%d, %d requests", resp.StatusCode, len(seen))
	}
	got := seen[0]
	want, _ := url.Parse(presigned)
	if got.Host != "sts.us-east-1.amazonaws.com" || got.URL.RequestURI() != want.RequestURI() ||
		got.Header.Get("X-K8s-Aws-Id") != "eksiam-test" || got.Header.Get("Accept") != "application/json" {
		t.Fatalf("STS got Host %q, %s, headers %v", got.Host, got.URL.RequestURI(), got.Header)
	}
	// The caller's request is left as it was.
	if req.URL.String() != presigned {
		t.Fatalf("the request was changed: %s", req.URL)
	}
	// The CA is trusted only when given.
	untrusting, _ := stsTransport(f.URL, "")
	if _, err := (&http.Client{Transport: untrusting}).Get(presigned); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("without --sts-ca: %v", err)
	}
	for _, bad := range []string{"", "sts.local:443", "ftp://x", "https://"} {
		if _, err := stsTransport(bad, ""); err == nil {
			t.Fatalf("--sts-url %q accepted", bad)
		}
	}
}

// tokenFor is a token as the authenticator's client makes it (presigned, offline) for the
// access key akid.
func tokenFor(t *testing.T, cluster, akid string) string {
	t.Helper()
	gen, err := token.NewGenerator(false, false)
	if err != nil {
		t.Fatal(err)
	}
	client := sts.New(sts.Options{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(akid, "secret", "")})
	tok, err := gen.GetWithSTS(cluster, client)
	if err != nil {
		t.Fatal(err)
	}
	return tok.Token
}

func TestWebhookAuthenticatesWhatTheRedirectedSTSVouchesFor(t *testing.T) {
	f := newFakeSTS(t)
	rt, err := stsTransport(f.URL, f.caFile)
	if err != nil {
		t.Fatal(err)
	}
	// As runWebhook does: the verifier's client uses the default transport.
	saved := http.DefaultTransport
	http.DefaultTransport = rt
	t.Cleanup(func() { http.DefaultTransport = saved })
	srv := httptest.NewServer(newWebhook(token.NewVerifier("eksiam-test", "aws", ""), []string{"system:masters", "eksiam:test"}, io.Discard))
	t.Cleanup(srv.Close)

	code, raw := review(t, srv.Client(), srv.URL+"/authenticate", "authentication.k8s.io/v1", tokenFor(t, "eksiam-test", "AKIDALLOWED"))
	a := decode(t, raw)
	if code != 200 || a.Status.Authenticated == nil || !*a.Status.Authenticated || a.Status.Error != "" {
		t.Fatalf("%d %s", code, raw)
	}
	u := a.Status.User
	if u.Username != "arn:aws:iam::123456789012:role/eksiam-test" || u.UID != "aws-iam-authenticator:123456789012:AROAEXAMPLEID" ||
		!reflect.DeepEqual(u.Groups, []string{"system:masters", "eksiam:test"}) ||
		!reflect.DeepEqual(u.Extra["arn"], []string{"arn:aws:sts::123456789012:assumed-role/eksiam-test/sess-1"}) ||
		!reflect.DeepEqual(u.Extra["accessKeyId"], []string{"AKIDALLOWED"}) {
		t.Fatalf("user: %+v", u)
	}
	// STS got the presigned request as signed, with the verifier's cluster ID.
	seen := f.requests()
	if len(seen) != 1 || seen[0].Host != "sts.us-east-1.amazonaws.com" || seen[0].URL.Path != "/" ||
		seen[0].URL.Query().Get("Action") != "GetCallerIdentity" || seen[0].URL.Query().Get("X-Amz-Signature") == "" ||
		!strings.Contains(seen[0].URL.Query().Get("X-Amz-SignedHeaders"), "x-k8s-aws-id") ||
		seen[0].Header.Get("X-K8s-Aws-Id") != "eksiam-test" {
		t.Fatalf("STS got %d requests: %+v", len(seen), seen)
	}

	// STS answering in XML (as ministack does): re-encoded, the same caller.
	code, raw = review(t, srv.Client(), srv.URL+"/authenticate", "authentication.k8s.io/v1", tokenFor(t, "eksiam-test", "AKIDALLOWEDXML"))
	a = decode(t, raw)
	if code != 200 || a.Status.Authenticated == nil || !*a.Status.Authenticated ||
		a.Status.User.Username != "arn:aws:iam::123456789012:user/ci" || a.Status.User.UID != "aws-iam-authenticator:123456789012:AIDAEXAMPLE" {
		t.Fatalf("XML answer: %d %s", code, raw)
	}

	// STS refusing the signature: not authenticated, with its answer as the error.
	code, raw = review(t, srv.Client(), srv.URL+"/authenticate", "authentication.k8s.io/v1", tokenFor(t, "eksiam-test", "AKIDREFUSED"))
	a = decode(t, raw)
	if code != 200 || a.Status.Authenticated == nil || *a.Status.Authenticated ||
		!strings.Contains(a.Status.Error, "expected 200, got 403") || !strings.Contains(a.Status.Error, "InvalidClientTokenId") {
		t.Fatalf("refused: %d %s", code, raw)
	}
}

func TestWebhookConfigIsAKubeconfigForTheURL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "webhook.yaml")
	if err := writeWebhookConfig(path, "http://127.0.0.1:1234/authenticate"); err != nil {
		t.Fatal(err)
	}
	// As kube-apiserver loads it (k8s.io/apiserver's webhook: clientcmd, current context).
	cfg, err := clientcmd.BuildConfigFromFlags("", path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Host != "http://127.0.0.1:1234/authenticate" || cfg.BearerToken != "" || cfg.Username != "" || cfg.CertFile != "" || len(cfg.CertData) != 0 {
		t.Fatalf("%+v", cfg)
	}
	raw, _ := clientcmd.LoadFromFile(path)
	if raw.CurrentContext != "webhook" || len(raw.Clusters) != 1 || len(raw.AuthInfos) != 1 || len(raw.Contexts) != 1 {
		t.Fatalf("%+v", raw)
	}
}

// command runs this test binary as aws-auth-oracle with args.
func command(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "AUTHORACLE_RUN_MAIN=1")
	return cmd
}

func TestWebhookModeAnnouncesItsURLAfterWritingTheConfig(t *testing.T) {
	cfgPath := filepath.Join(t.TempDir(), "webhook.yaml")
	cmd := command("webhook", "--cluster-id", "eksiam-test", "--sts-url", "http://127.0.0.1:1", "--group", "g", "--config-out", cfgPath)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	var hello map[string]string
	if err := json.Unmarshal([]byte(line), &hello); err != nil || len(hello) != 1 || !strings.HasPrefix(hello["url"], "http://127.0.0.1:") || !strings.HasSuffix(hello["url"], "/authenticate") {
		t.Fatalf("announcement %q: %v", line, err)
	}
	cfg, err := clientcmd.BuildConfigFromFlags("", cfgPath)
	if err != nil || cfg.Host != hello["url"] {
		t.Fatalf("config: %v %+v", err, cfg)
	}
	code, raw := review(t, http.DefaultClient, hello["url"], "authentication.k8s.io/v1", "not-a-token")
	if a := decode(t, raw); code != 200 || a.Status.Authenticated == nil || *a.Status.Authenticated || a.Status.Error == "" {
		t.Fatalf("%d %s", code, raw)
	}
	// Bad usage.
	for _, args := range [][]string{{"webhook"}, {"webhook", "--cluster-id", "c"}, {"webhook", "--cluster-id", "c", "--sts-url", "nope"}} {
		if err := command(args...).Run(); err == nil || err.(*exec.ExitError).ExitCode() != 2 {
			t.Fatalf("%v: %v", args, err)
		}
	}
}

func TestWithoutASubcommandItStillReadsAConfigMap(t *testing.T) {
	cmd := command("--arn", "arn:aws:sts::123456789012:assumed-role/admin/s")
	cmd.Stdin = strings.NewReader(`apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::123456789012:role/admin
      username: admin
      groups: [system:masters]
`)
	b, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var out output
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%v %s", err, b)
	}
	if len(out.Roles) != 1 || len(out.Lookups) != 1 || !out.Lookups[0].Mapped || out.Lookups[0].Username != "admin" {
		t.Fatalf("%s", b)
	}
}
