//! The trust policy of a role for ServiceAccounts: build it, find the statements it holds for
//! a given ServiceAccount, and merge a wanted statement into an existing document without
//! dropping the statements that trust other ServiceAccounts or other clusters.

use crate::rules::policy;
use serde_json::{Value, json};

/// IAM's default quota for a role's trust policy, in characters.
pub const TRUST_POLICY_QUOTA: usize = 2048;

/// The audience EKS's pod identity webhook requests.
pub const AUDIENCE: &str = "sts.amazonaws.com";

/// Which ServiceAccounts a statement trusts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// Exactly one ServiceAccount: `StringEquals` on `:sub` and `:aud`.
    ServiceAccount { namespace: String, name: String },
    /// A pattern such as `system:serviceaccount:NS:*`: `StringLike` on `:sub` only.
    Pattern(String),
}

impl Subject {
    /// The `:sub` claim value (or pattern) this subject matches.
    pub fn sub(&self) -> String {
        match self {
            Subject::ServiceAccount { namespace, name } => {
                format!("system:serviceaccount:{namespace}:{name}")
            }
            Subject::Pattern(p) => p.clone(),
        }
    }
}

/// `arn:<partition>:iam::<account>:oidc-provider/<issuer host and path>`.
pub fn provider_arn(partition: &str, account: &str, issuer_host_path: &str) -> String {
    format!("arn:{partition}:iam::{account}:oidc-provider/{issuer_host_path}")
}

/// A cluster's OIDC issuer: an `https://` URL with a host, as EKS reports it. The only way to
/// the issuer's provider path (host and path without the scheme, as IAM writes it in provider
/// ARNs and condition keys), so no trust policy can be built from an issuer IAM would refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    url: String,
}

/// Why an issuer URL cannot be an IAM OIDC provider.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the OIDC issuer `{url}` {reason}")]
pub struct IssuerError {
    pub url: String,
    pub reason: &'static str,
}

impl Issuer {
    /// Checks that `url` is an https URL with a host.
    ///
    /// # Errors
    /// An [`IssuerError`] when the scheme is not `https` or the host is empty.
    pub fn parse(url: &str) -> Result<Issuer, IssuerError> {
        let fail = |reason| IssuerError {
            url: url.to_owned(),
            reason,
        };
        let rest = url
            .strip_prefix("https://")
            .ok_or_else(|| fail("is not an https URL; IAM OIDC providers need https issuers (EKS issuers are https)"))?;
        if rest.split('/').next().is_none_or(str::is_empty) {
            return Err(fail("has no host"));
        }
        Ok(Issuer {
            url: url.to_owned(),
        })
    }

    /// The URL as EKS reports it (what CreateOpenIDConnectProvider is given).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The URL without its scheme and trailing `/`: the provider path.
    pub fn host_path(&self) -> &str {
        self.url["https://".len()..].trim_end_matches('/')
    }

    /// The ARN of the IAM OIDC provider for this issuer.
    pub fn provider_arn(&self, partition: &str, account: &str) -> String {
        provider_arn(partition, account, self.host_path())
    }
}

impl std::fmt::Display for Issuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

/// One statement admitting `subject` through the provider.
pub fn statement(provider_arn: &str, issuer_host_path: &str, subject: &Subject) -> Value {
    let sub_key = format!("{issuer_host_path}:sub");
    let condition = match subject {
        Subject::ServiceAccount { .. } => json!({"StringEquals": {
            sub_key: subject.sub(),
            format!("{issuer_host_path}:aud"): AUDIENCE,
        }}),
        Subject::Pattern(p) => json!({"StringLike": {sub_key: p}}),
    };
    json!({
        "Effect": "Allow",
        "Principal": {"Federated": provider_arn},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": condition,
    })
}

/// The service principal EKS Pod Identity assumes roles as.
pub const POD_IDENTITY_SERVICE: &str = "pods.eks.amazonaws.com";

/// The statement a role needs for EKS Pod Identity: the service may assume it and tag the
/// session (EKS adds session tags such as the cluster and namespace). It names no cluster, so
/// one statement serves every cluster and ServiceAccount.
pub fn pod_identity_statement() -> Value {
    json!({
        "Effect": "Allow",
        "Principal": {"Service": POD_IDENTITY_SERVICE},
        "Action": ["sts:AssumeRole", "sts:TagSession"],
    })
}

/// The session tags EKS Pod Identity puts on every session, which a trust can require.
pub const TAG_CLUSTER_ARN: &str = "aws:RequestTag/eks-cluster-arn";
pub const TAG_NAMESPACE: &str = "aws:RequestTag/kubernetes-namespace";
pub const TAG_SERVICE_ACCOUNT: &str = "aws:RequestTag/kubernetes-service-account";

/// The Pod Identity statement that admits one association alone: the session tags EKS sets
/// (on by default) must name this cluster, namespace and ServiceAccount, so that an
/// association elsewhere (another cluster, namespace or ServiceAccount) cannot use the role,
/// whoever may pass it. A role shared by several associations has one such statement each.
pub fn pod_identity_statement_for(
    cluster_arn: &str,
    namespace: &str,
    service_account: &str,
) -> Value {
    let mut stmt = pod_identity_statement();
    stmt["Condition"] = json!({"StringEquals": {
        TAG_CLUSTER_ARN: cluster_arn,
        TAG_NAMESPACE: namespace,
        TAG_SERVICE_ACCOUNT: service_account,
    }});
    stmt
}

/// Whether a statement admits the Pod Identity service principal.
pub fn is_pod_identity_statement(stmt: &Value) -> bool {
    match stmt.pointer("/Principal/Service") {
        Some(Value::String(s)) => s == POD_IDENTITY_SERVICE,
        Some(Value::Array(a)) => a.iter().any(|s| s == POD_IDENTITY_SERVICE),
        _ => false,
    }
}

/// The statements of a trust policy that admit the Pod Identity service principal.
pub fn pod_identity_statements_in(doc: &Value) -> Vec<Value> {
    statements(doc)
        .into_iter()
        .filter(is_pod_identity_statement)
        .collect()
}

/// Whether a trust policy admits the Pod Identity service principal.
pub fn trusts_pod_identity(doc: &Value) -> bool {
    statements(doc).iter().any(is_pod_identity_statement)
}

/// Whether a trust policy has a web-identity statement for some OIDC provider.
pub fn trusts_any_issuer(doc: &Value) -> bool {
    statements(doc).iter().any(|s| {
        s.pointer("/Principal/Federated")
            .and_then(Value::as_str)
            .is_some_and(|p| p.contains(":oidc-provider/"))
    })
}

/// Whether a trust policy has a web-identity statement for the OIDC provider of the issuer
/// `issuer_host_path` (this cluster's: an issuer is one cluster's alone).
pub fn trusts_issuer(doc: &Value, issuer_host_path: &str) -> bool {
    let suffix = format!(":oidc-provider/{issuer_host_path}");
    statements(doc).iter().any(|s| {
        s.pointer("/Principal/Federated")
            .and_then(Value::as_str)
            .is_some_and(|p| p.ends_with(&suffix))
    })
}

/// A document's statements (a lone statement object counts as one).
fn statements(doc: &Value) -> Vec<Value> {
    match doc.get("Statement") {
        Some(Value::Array(a)) => a.clone(),
        Some(other @ Value::Object(_)) => vec![other.clone()],
        _ => Vec::new(),
    }
}

/// A whole trust policy document from statements.
pub fn document(statements: Vec<Value>) -> Value {
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// The `:sub` values a statement trusts for `issuer_host_path`, if it is a web-identity
/// statement for that issuer.
fn subs_for_issuer(stmt: &Value, issuer_host_path: &str) -> Vec<String> {
    let key = format!("{issuer_host_path}:sub");
    let Some(cond) = stmt.get("Condition").and_then(Value::as_object) else {
        return Vec::new();
    };
    cond.values()
        .filter_map(|op| op.get(&key))
        .flat_map(|v| match v {
            Value::String(s) => vec![s.clone()],
            Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The document that results from ensuring `wanted` statements are in `existing`: statements
/// for the same issuer and the same `:sub` are replaced, and so is a Pod Identity statement
/// when one is wanted; every other statement is kept in order.
pub fn merge(existing: Option<&Value>, issuer_host_path: &str, wanted: &[Value]) -> Value {
    let wanted_subs: Vec<String> = wanted
        .iter()
        .flat_map(|w| subs_for_issuer(w, issuer_host_path))
        .collect();
    let wants_pod_identity = wanted.iter().any(is_pod_identity_statement);
    let mut statements: Vec<Value> = existing
        .map(statements)
        .unwrap_or_default()
        .into_iter()
        .filter(|s| {
            let subs = subs_for_issuer(s, issuer_host_path);
            let replaced_sub = !subs.is_empty() && subs.iter().all(|sub| wanted_subs.contains(sub));
            let replaced_pod_identity = wants_pod_identity && is_pod_identity_statement(s);
            !(replaced_sub || replaced_pod_identity)
        })
        .collect();
    statements.extend(wanted.iter().cloned());
    let mut doc = existing.cloned().unwrap_or_else(|| document(Vec::new()));
    doc["Statement"] = Value::Array(statements);
    if doc.get("Version").is_none() {
        doc["Version"] = json!("2012-10-17");
    }
    doc
}

/// The document without the statements that trust exactly `sub` through `issuer_host_path`.
pub fn remove_subject(doc: &Value, issuer_host_path: &str, sub: &str) -> Value {
    let mut out = doc.clone();
    if let Some(Value::Array(stmts)) = out.get_mut("Statement") {
        stmts.retain(|s| subs_for_issuer(s, issuer_host_path) != [sub.to_owned()]);
    }
    out
}

/// Whether the document, minified as IAM counts it, fits the trust policy quota.
pub fn rendered_len(doc: &Value) -> usize {
    doc.to_string().chars().count()
}

/// Whether `existing` already says what `wanted` says.
pub fn up_to_date(existing: &Value, wanted: &Value) -> bool {
    policy::equivalent(existing, wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUER: &str = "oidc.eks.us-west-2.amazonaws.com/id/ABC";

    fn sa(ns: &str, name: &str) -> Subject {
        Subject::ServiceAccount {
            namespace: ns.into(),
            name: name.into(),
        }
    }

    fn provider() -> String {
        provider_arn("aws", "111122223333", ISSUER)
    }

    #[test]
    fn statement_has_exactly_sub_and_aud() {
        let doc = document(vec![statement(&provider(), ISSUER, &sa("NS", "NAME"))]);
        let expected = json!({"Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {
              "oidc.eks.us-west-2.amazonaws.com/id/ABC:sub": "system:serviceaccount:NS:NAME",
              "oidc.eks.us-west-2.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"}}}]});
        assert_eq!(doc, expected);
        assert!(rendered_len(&doc) < TRUST_POLICY_QUOTA);
    }

    #[test]
    fn pattern_uses_string_like_on_sub_only() {
        let s = statement(
            &provider(),
            ISSUER,
            &Subject::Pattern("system:serviceaccount:ns:*".into()),
        );
        assert_eq!(
            s["Condition"],
            json!({"StringLike": {"oidc.eks.us-west-2.amazonaws.com/id/ABC:sub": "system:serviceaccount:ns:*"}})
        );
    }

    #[test]
    fn merge_keeps_other_service_accounts_and_clusters() {
        let other_cluster = "oidc.eks.eu-west-1.amazonaws.com/id/XYZ";
        let existing = document(vec![
            statement(&provider(), ISSUER, &sa("a", "one")),
            statement(
                &provider_arn("aws", "111122223333", other_cluster),
                other_cluster,
                &sa("b", "two"),
            ),
        ]);
        let wanted = statement(&provider(), ISSUER, &sa("b", "two"));
        let merged = merge(Some(&existing), ISSUER, std::slice::from_ref(&wanted));
        let stmts = merged["Statement"].as_array().unwrap();
        assert_eq!(stmts.len(), 3);
        assert_eq!(stmts[2], wanted);
        // Merging again changes nothing.
        let again = merge(Some(&merged), ISSUER, &[wanted]);
        assert!(up_to_date(&merged, &again));
    }

    #[test]
    fn merge_replaces_a_stale_statement_for_the_same_service_account() {
        let mut stale = statement(&provider(), ISSUER, &sa("a", "one"));
        stale["Condition"] =
            json!({"StringLike": {format!("{ISSUER}:sub"): "system:serviceaccount:a:one"}});
        let existing = document(vec![stale]);
        let wanted = statement(&provider(), ISSUER, &sa("a", "one"));
        let merged = merge(Some(&existing), ISSUER, std::slice::from_ref(&wanted));
        assert_eq!(merged["Statement"], json!([wanted]));
        assert!(!up_to_date(&existing, &merged));
    }

    #[test]
    fn url_encoded_documents_from_iam_compare_equal() {
        let doc = document(vec![statement(&provider(), ISSUER, &sa("NS", "NAME"))]);
        let encoded: String = doc
            .to_string()
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        let parsed = policy::parse_document(&encoded).unwrap();
        assert!(up_to_date(&parsed, &doc));
    }

    #[test]
    fn host_path_strips_scheme_and_slash() {
        let issuer = Issuer::parse("https://oidc.eks.us-west-2.amazonaws.com/id/ABC/").unwrap();
        assert_eq!(issuer.host_path(), ISSUER);
        assert_eq!(
            issuer.provider_arn("aws", "111122223333"),
            format!("arn:aws:iam::111122223333:oidc-provider/{ISSUER}")
        );
    }

    #[test]
    fn only_https_issuers_with_a_host_are_issuers() {
        for bad in [
            "http://oidc.example/id/ABC",
            "oidc.eks.us-west-2.amazonaws.com/id/ABC",
            "https://",
            "https:///id/ABC",
            "",
        ] {
            assert!(Issuer::parse(bad).is_err(), "{bad}");
        }
        let err = Issuer::parse("http://127.0.0.1:4566/oidc/id/X").unwrap_err();
        assert!(err.to_string().contains("is not an https URL"), "{err}");
    }

    #[test]
    fn the_pod_identity_statement_is_merged_once_and_recognised() {
        let oidc = statement("arn:aws:iam::1:oidc-provider/x", ISSUER, &sa("apps", "api"));
        let once = merge(None, ISSUER, &[oidc.clone(), pod_identity_statement()]);
        let twice = merge(Some(&once), ISSUER, &[pod_identity_statement()]);
        assert!(up_to_date(&once, &twice), "{twice}");
        assert_eq!(twice["Statement"].as_array().unwrap().len(), 2);
        assert!(trusts_pod_identity(&twice));
        assert!(trusts_any_issuer(&twice));
        let without_oidc = remove_subject(&twice, ISSUER, "system:serviceaccount:apps:api");
        assert!(trusts_pod_identity(&without_oidc));
        assert!(!trusts_any_issuer(&without_oidc));
        assert!(!trusts_pod_identity(&document(vec![oidc])));
    }

    #[test]
    fn a_pod_identity_statement_admits_one_association_by_its_session_tags() {
        let cluster = "arn:aws:eks:us-west-2:111122223333:cluster/prod";
        let s = pod_identity_statement_for(cluster, "apps", "web");
        assert!(is_pod_identity_statement(&s));
        assert_eq!(
            s["Condition"],
            json!({"StringEquals": {
                "aws:RequestTag/eks-cluster-arn": cluster,
                "aws:RequestTag/kubernetes-namespace": "apps",
                "aws:RequestTag/kubernetes-service-account": "web"}})
        );
        assert_eq!(s["Action"], json!(["sts:AssumeRole", "sts:TagSession"]));
        // Merged into a role that trusted every association: that statement goes.
        let broad = merge(None, ISSUER, &[pod_identity_statement()]);
        let narrow = merge(Some(&broad), ISSUER, std::slice::from_ref(&s));
        assert_eq!(pod_identity_statements_in(&narrow), vec![s]);
    }
}
