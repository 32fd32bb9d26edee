package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	authv1 "k8s.io/api/authentication/v1"
	"sigs.k8s.io/yaml"

	"sigs.k8s.io/aws-iam-authenticator/pkg/token"
)

// runWebhook is `aws-auth-oracle webhook`: the authenticator's token verifier behind
// kube-apiserver's token webhook (see the package comment). It returns the exit status.
func runWebhook(args []string) int {
	fs := flag.NewFlagSet("webhook", flag.ContinueOnError)
	clusterID := fs.String("cluster-id", "", "the cluster ID tokens must be signed for (x-k8s-aws-id)")
	stsURL := fs.String("sts-url", "", "where to send the presigned GetCallerIdentity requests (scheme and host are used)")
	stsCA := fs.String("sts-ca", "", "PEM bundle to trust for an https --sts-url")
	var groups stringList
	fs.Var(&groups, "group", "a group every authenticated user gets (repeatable)")
	partition := fs.String("partition", "aws", "the verifier's AWS partition")
	region := fs.String("region", "", "the verifier's region (the authenticator's server off EC2 has none)")
	listen := fs.String("listen", "127.0.0.1:0", "address to serve on (plain HTTP)")
	configOut := fs.String("config-out", "", "write a kube-apiserver --authentication-token-webhook-config-file here")
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s webhook --cluster-id ID --sts-url URL [--sts-ca FILE] [--group G]... [--config-out FILE]\n", os.Args[0])
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *clusterID == "" || *stsURL == "" {
		if err == nil {
			fs.Usage()
		}
		return 2
	}
	rt, err := stsTransport(*stsURL, *stsCA)
	if err != nil {
		fmt.Fprintf(os.Stderr, "aws-auth-oracle webhook: %v\n", err)
		return 2
	}
	// The verifier's HTTP client has no transport of its own: it uses http.DefaultTransport,
	// and this process makes no other HTTP requests.
	http.DefaultTransport = rt
	verifier := token.NewVerifier(*clusterID, *partition, *region)

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(os.Stderr, "aws-auth-oracle webhook: %v\n", err)
		return 1
	}
	endpoint := "http://" + ln.Addr().String() + "/authenticate"
	if *configOut != "" {
		// Written before the announcement: once the URL is out, the file is there.
		if err := writeWebhookConfig(*configOut, endpoint); err != nil {
			fmt.Fprintf(os.Stderr, "aws-auth-oracle webhook: %v\n", err)
			return 1
		}
	}
	b, _ := json.Marshal(map[string]string{"url": endpoint})
	fmt.Println(string(b))
	os.Stdout.Sync()
	err = http.Serve(ln, newWebhook(verifier, groups, os.Stderr))
	fmt.Fprintf(os.Stderr, "aws-auth-oracle webhook: %v\n", err)
	return 1
}

type stringList []string

func (a *stringList) String() string     { return strings.Join(*a, ",") }
func (a *stringList) Set(v string) error { *a = append(*a, v); return nil }

// newWebhook answers TokenReviews POSTed to /authenticate with what v makes of their token;
// one line per review goes to logw (never the token).
func newWebhook(v token.Verifier, groups []string, logw io.Writer) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /authenticate", func(w http.ResponseWriter, r *http.Request) {
		var review authv1.TokenReview
		if err := json.NewDecoder(r.Body).Decode(&review); err != nil {
			http.Error(w, "expected a TokenReview: "+err.Error(), http.StatusBadRequest)
			return
		}
		// Same JSON in v1 and v1beta1: answer in the version asked.
		apiVersion := review.APIVersion
		if apiVersion == "" {
			apiVersion = authv1.SchemeGroupVersion.String()
		}
		tok := review.Spec.Token
		answer := tokenReviewAnswer{APIVersion: apiVersion, Kind: "TokenReview"}
		id, err := v.Verify(tok)
		if err != nil {
			answer.Status = tokenReviewStatus{Authenticated: false, Error: redact(err.Error(), tok)}
			fmt.Fprintf(logw, "aws-auth-oracle webhook: denied: %s\n", answer.Status.Error)
		} else {
			answer.Status = tokenReviewStatus{
				Authenticated: true,
				User: &authv1.UserInfo{
					Username: id.CanonicalARN,
					UID:      fmt.Sprintf("aws-iam-authenticator:%s:%s", id.AccountID, id.UserID),
					Groups:   groups,
					// As the authenticator's server sets them.
					Extra: map[string]authv1.ExtraValue{
						"arn":          {id.ARN},
						"canonicalArn": {id.CanonicalARN},
						"sessionName":  {id.SessionName},
						"accessKeyId":  {id.AccessKeyID},
						"principalId":  {id.UserID},
						"sigs.k8s.io/aws-iam-authenticator/principalId": {id.UserID},
					},
				},
			}
			fmt.Fprintf(logw, "aws-auth-oracle webhook: authenticated %s (%s)\n", id.CanonicalARN, id.ARN)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(answer)
	})
	return mux
}

// tokenReviewAnswer is a TokenReview as the webhook answers it: only its status, with
// "authenticated" present even when false (authv1's omits it then).
type tokenReviewAnswer struct {
	APIVersion string            `json:"apiVersion"`
	Kind       string            `json:"kind"`
	Status     tokenReviewStatus `json:"status"`
}

type tokenReviewStatus struct {
	Authenticated bool             `json:"authenticated"`
	User          *authv1.UserInfo `json:"user,omitempty"`
	Error         string           `json:"error,omitempty"`
}

// redact takes the token out of an error text: the token itself and the presigned URL it
// encodes (url.Parse's errors quote the URL).
func redact(msg, tok string) string {
	if tok == "" {
		return msg
	}
	msg = strings.ReplaceAll(msg, tok, "[token]")
	if i := strings.Index(tok, "."); i >= 0 {
		if raw, err := base64.RawURLEncoding.DecodeString(tok[i+1:]); err == nil && len(raw) > 0 {
			msg = strings.ReplaceAll(msg, strconv.Quote(string(raw)), `"[presigned URL]"`)
			msg = strings.ReplaceAll(msg, string(raw), "[presigned URL]")
		}
	}
	return msg
}

// stsRedirect sends every request to Target's scheme and host instead of its own, keeping the
// path, the query and the headers (x-k8s-aws-id), and the Host header: the presigned URL's
// host (sts.REGION.amazonaws.com), which its SigV4 signature covers.
type stsRedirect struct {
	Target *url.URL
	Base   http.RoundTripper
}

func (s *stsRedirect) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	if r.Host == "" {
		r.Host = req.URL.Host
	}
	r.URL.Scheme, r.URL.Host = s.Target.Scheme, s.Target.Host
	resp, err := s.Base.RoundTrip(r)
	if err != nil || resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "xml") {
		return resp, err
	}
	return callerIdentityAsJSON(resp)
}

// callerIdentityAsJSON re-encodes a GetCallerIdentity answer given in XML as the JSON real
// STS sends when asked with `Accept: application/json`, which the verifier asks and parses:
// an emulator that answers the Query protocol in XML only (ministack 1.5.33) is otherwise
// unreadable to it. The three fields are the emulator's own; nothing else is made up.
func callerIdentityAsJSON(resp *http.Response) (*http.Response, error) {
	defer resp.Body.Close()
	var answer struct {
		Result struct {
			Account string `xml:"Account"`
			Arn     string `xml:"Arn"`
			UserID  string `xml:"UserId"`
		} `xml:"GetCallerIdentityResult"`
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(raw, &answer); err != nil {
		return nil, fmt.Errorf("STS answered XML that is not a GetCallerIdentity answer: %w", err)
	}
	var wrapped struct {
		Response struct {
			Result struct {
				Account string `json:"Account"`
				Arn     string `json:"Arn"`
				UserID  string `json:"UserId"`
			} `json:"GetCallerIdentityResult"`
		} `json:"GetCallerIdentityResponse"`
	}
	wrapped.Response.Result.Account = answer.Result.Account
	wrapped.Response.Result.Arn = answer.Result.Arn
	wrapped.Response.Result.UserID = answer.Result.UserID
	body, _ := json.Marshal(wrapped)
	resp.Body = io.NopCloser(strings.NewReader(string(body)))
	resp.ContentLength = int64(len(body))
	resp.Header.Set("Content-Type", "application/json")
	resp.Header.Del("Content-Length")
	return resp, nil
}

// stsTransport is an stsRedirect to stsURL, trusting the PEM bundle in caFile if given.
func stsTransport(stsURL, caFile string) (*stsRedirect, error) {
	target, err := url.Parse(stsURL)
	if err != nil || (target.Scheme != "http" && target.Scheme != "https") || target.Host == "" {
		return nil, fmt.Errorf("--sts-url must be an http(s) URL, got %q", stsURL)
	}
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.Proxy = nil // the emulator is local
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, errors.New("no certificate in " + caFile)
		}
		base.TLSClientConfig = &tls.Config{RootCAs: pool}
	}
	return &stsRedirect{Target: target, Base: base}, nil
}

// writeWebhookConfig writes the kubeconfig kube-apiserver's
// --authentication-token-webhook-config-file reads: the webhook as the cluster, a user
// without credentials, one context.
func writeWebhookConfig(path, server string) error {
	cfg := map[string]any{
		"apiVersion": "v1",
		"kind":       "Config",
		"clusters": []any{map[string]any{
			"name":    "aws-auth-oracle",
			"cluster": map[string]any{"server": server},
		}},
		"users": []any{map[string]any{
			"name": "kube-apiserver",
			"user": map[string]any{},
		}},
		"contexts": []any{map[string]any{
			"name":    "webhook",
			"context": map[string]any{"cluster": "aws-auth-oracle", "user": "kube-apiserver"},
		}},
		"current-context": "webhook",
	}
	b, err := yaml.Marshal(cfg)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".webhook-config-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
