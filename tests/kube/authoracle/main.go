// aws-auth-oracle: what aws-iam-authenticator makes of an aws-auth ConfigMap.
//
// It reads one whole v1.ConfigMap (YAML or JSON, e.g. `kubectl get cm aws-auth -o yaml`)
// from the file named by the last argument, or from stdin when there is none or it is "-",
// hands its `data` to the authenticator's own parser
// (sigs.k8s.io/aws-iam-authenticator/pkg/mapper/configmap.ParseMap) and prints, as JSON on
// stdout, the mappings the authenticator keeps:
//
//	{"roles":[{"rolearn":..,"username":..,"groups":[..]}], "users":[{"userarn":..,...}],
//	 "accounts":[".."], "error": null | "<ParseMap's error>", "rejected":[...], "lookups":[...]}
//
// roles/users/accounts/error are ParseMap's results, serialized with the authenticator's own
// struct tags (so `sso` and `userid` appear when set). "rejected" names each list entry that
// ParseMap left out because its Validate() failed (same types, same Validate()).
//
// With one or more `--arn ARN` flags it also answers, for each ARN, what the server's
// EKSConfigMap mapper would map it to: the ARN is canonicalized with the authenticator's
// arn.Canonicalize (an STS assumed-role ARN becomes the path-less IAM role ARN), then looked
// up as ConfigMapMapper.Map does (roles keyed by lower-cased ARN, last duplicate wins; then
// users; then mapAccounts gives username = canonical ARN and no groups). Username and group
// templates such as {{EC2PrivateDNSName}} are returned unrendered.
//
// Exit status: 0 when the ConfigMap was read (even if ParseMap reported an error: see
// "error"), 1 when the input cannot be read or is not a ConfigMap, 2 for bad usage.
//
// # Webhook mode
//
//	aws-auth-oracle webhook --cluster-id ID --sts-url URL [--sts-ca FILE] [--group G]...
//	                        [--config-out FILE] [--listen ADDR] [--partition P] [--region R]
//
// serves kube-apiserver's token webhook (--authentication-token-webhook-config-file) over
// plain HTTP on a free loopback port, with the authenticator's own token verifier
// (sigs.k8s.io/aws-iam-authenticator/pkg/token: NewVerifier(ID, P, R).Verify, as its server
// does). The verifier's presigned STS GetCallerIdentity request goes to --sts-url's scheme
// and host instead of sts.REGION.amazonaws.com, with the path, query and headers
// (x-k8s-aws-id) it had and the Host header it was signed with; --sts-ca is the PEM bundle
// trusted for an https --sts-url.
//
// POST /authenticate takes an authentication.k8s.io/v1 (or v1beta1) TokenReview and answers
// 200 with a TokenReview of the same version: on success
// status {authenticated: true, user: {username: the canonical ARN,
// uid: "aws-iam-authenticator:ACCOUNT:USERID", groups: the --group values, extra: arn,
// canonicalArn, sessionName, accessKeyId, principalId as the authenticator's server sets}};
// on failure status {authenticated: false, error: the verifier's error}, with the token (and
// the presigned URL it encodes) taken out. No mapping (aws-auth, access entries) is applied:
// every verified identity is authenticated with the --group values.
//
// Once it listens it writes the --config-out file (a kubeconfig: cluster "aws-auth-oracle"
// with server = the URL, user "kube-apiserver" without credentials, context "webhook"), then
// prints one JSON line on stdout, {"url": "http://127.0.0.1:PORT/authenticate"}, and serves
// until it is killed. Exit status 2 for bad usage, 1 when it cannot serve.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sirupsen/logrus"
	corev1 "k8s.io/api/core/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"

	"sigs.k8s.io/aws-iam-authenticator/pkg/arn"
	"sigs.k8s.io/aws-iam-authenticator/pkg/config"
	"sigs.k8s.io/aws-iam-authenticator/pkg/mapper/configmap"
)

type rejected struct {
	Key   string          `json:"key"`   // mapRoles or mapUsers
	Index int             `json:"index"` // position in that list, from 0
	Entry json.RawMessage `json:"entry"` // the entry as the authenticator decoded it
	Error string          `json:"error"` // its Validate() error
}

type lookup struct {
	ARN            string   `json:"arn"`
	CanonicalARN   string   `json:"canonicalArn,omitempty"`
	Mapped         bool     `json:"mapped"`
	Via            string   `json:"via,omitempty"` // mapRoles | mapUsers | mapAccounts
	Username       string   `json:"username"`
	Groups         []string `json:"groups"`
	AccountAllowed bool     `json:"accountAllowed"`
	Error          *string  `json:"error"`
}

type output struct {
	Roles    []config.RoleMapping `json:"roles"`
	Users    []config.UserMapping `json:"users"`
	Accounts []string             `json:"accounts"`
	Error    *string              `json:"error"`
	Rejected []rejected           `json:"rejected"`
	Lookups  []lookup             `json:"lookups,omitempty"`
}

type arnList []string

func (a *arnList) String() string     { return strings.Join(*a, ",") }
func (a *arnList) Set(v string) error { *a = append(*a, v); return nil }

func main() {
	if len(os.Args) > 1 && os.Args[1] == "webhook" {
		os.Exit(runWebhook(os.Args[2:]))
	}
	var arns arnList
	flag.Var(&arns, "arn", "also report what this IAM/STS ARN maps to (repeatable)")
	ssoMatch := flag.Bool("sso-role-match", false, "enable the authenticator's SSORoleMatch feature gate for --arn lookups")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %s [--arn ARN]... [--sso-role-match] [CONFIGMAP.yaml|-]\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 1 {
		flag.Usage()
		os.Exit(2)
	}
	config.SSORoleMatchEnabled = *ssoMatch
	logrus.SetOutput(io.Discard) // ParseMap logs its errors; we return them instead

	var raw []byte
	var err error
	if flag.NArg() == 0 || flag.Arg(0) == "-" {
		raw, err = io.ReadAll(os.Stdin)
	} else {
		raw, err = os.ReadFile(flag.Arg(0))
	}
	if err != nil {
		fail("reading input: %v", err)
	}
	var cm corev1.ConfigMap
	if err := yaml.Unmarshal(raw, &cm); err != nil {
		fail("input is not a ConfigMap: %v", err)
	}
	if cm.Kind != "" && cm.Kind != "ConfigMap" {
		fail("input is a %q, not a ConfigMap", cm.Kind)
	}

	users, roles, accounts, perr := configmap.ParseMap(cm.Data)
	out := output{Roles: roles, Users: users, Accounts: accounts, Rejected: findRejected(cm.Data)}
	if out.Roles == nil {
		out.Roles = []config.RoleMapping{}
	}
	if out.Users == nil {
		out.Users = []config.UserMapping{}
	}
	if out.Accounts == nil {
		out.Accounts = []string{}
	}
	if perr != nil {
		s := perr.Error()
		out.Error = &s
	}
	for _, a := range arns {
		out.Lookups = append(out.Lookups, mapARN(a, roles, users, accounts))
	}

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fail("writing output: %v", err)
	}
}

// findRejected decodes mapRoles/mapUsers exactly as ParseMap does and lists the entries
// whose Validate() fails (ParseMap drops those and only reports the joined error text).
func findRejected(data map[string]string) []rejected {
	res := []rejected{}
	check := func(key string, decode func([]byte) ([]json.RawMessage, []error)) {
		text, ok := data[key]
		if !ok || skippable(text) {
			return
		}
		j, err := utilyaml.ToJSON([]byte(text))
		if err != nil {
			return // whole value unparsable: ParseMap's error says so
		}
		entries, errs := decode(j)
		for i, e := range errs {
			if e != nil {
				res = append(res, rejected{Key: key, Index: i, Entry: entries[i], Error: e.Error()})
			}
		}
	}
	check("mapRoles", func(j []byte) ([]json.RawMessage, []error) {
		var ms []config.RoleMapping
		_ = json.Unmarshal(j, &ms) // a partial decode is what ParseMap validates too
		return validate(ms, func(m *config.RoleMapping) error { return m.Validate() })
	})
	check("mapUsers", func(j []byte) ([]json.RawMessage, []error) {
		var ms []config.UserMapping
		_ = json.Unmarshal(j, &ms)
		return validate(ms, func(m *config.UserMapping) error { return m.Validate() })
	})
	return res
}

func validate[T any](ms []T, v func(*T) error) ([]json.RawMessage, []error) {
	entries := make([]json.RawMessage, len(ms))
	errs := make([]error, len(ms))
	for i := range ms {
		entries[i], _ = json.Marshal(ms[i])
		errs[i] = v(&ms[i])
	}
	return entries, errs
}

// skippable mirrors configmap.isSkippable (unexported).
func skippable(data string) bool {
	t := strings.TrimSpace(data)
	return t == "" || t == "``" || t == "\"\"" || t == "''"
}

// mapARN answers as ConfigMapMapper.Map + server.doMapping (EKSConfigMap mode) would.
func mapARN(a string, roles []config.RoleMapping, users []config.UserMapping, accounts []string) lookup {
	l := lookup{ARN: a}
	_, canonical, err := arn.Canonicalize(a)
	if err != nil {
		s := err.Error()
		l.Error = &s
		return l
	}
	l.CanonicalARN = canonical
	account := ""
	if parts := strings.SplitN(canonical, ":", 6); len(parts) == 6 {
		account = parts[4]
	}
	for _, acc := range accounts {
		if acc == account {
			l.AccountAllowed = true
		}
	}
	// MapStore.saveMap: maps keyed by Key(), so a later duplicate replaces an earlier one.
	roleByKey := map[string]config.RoleMapping{}
	for _, r := range roles {
		roleByKey[r.Key()] = r
	}
	userByKey := map[string]config.UserMapping{}
	for _, u := range users {
		userByKey[u.Key()] = u
	}
	subject := strings.ToLower(canonical)
	for _, r := range roleByKey {
		if r.Matches(subject) {
			l.Mapped, l.Via, l.Username, l.Groups = true, "mapRoles", r.Username, r.Groups
			return l
		}
	}
	for _, u := range userByKey {
		if u.Matches(subject) {
			l.Mapped, l.Via, l.Username, l.Groups = true, "mapUsers", u.Username, u.Groups
			return l
		}
	}
	if l.AccountAllowed {
		l.Mapped, l.Via, l.Username, l.Groups = true, "mapAccounts", canonical, []string{}
	}
	return l
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "aws-auth-oracle: "+format+"\n", args...)
	os.Exit(1)
}
