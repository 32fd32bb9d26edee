//! eksctl's rules and IAM's limits, checked on a parsed ClusterConfig before any network call.
//! Every rule adds to one list, so a file's problems are all reported together.

use super::{
    ClusterConfig, Diagnostic, Document, IdentityMappingSpec, ServiceAccountSpec, Sp, StringMap,
};
use crate::rules::arn::{self, IamKind};
use crate::rules::naming;
use std::collections::HashMap;

/// Tag keys that eksiam writes itself.
pub const RESERVED_TAG_PREFIX: &str = "eksiam.io/";

/// IAM's limit on the tags of one role.
pub const ROLE_TAGS_MAX: usize = 50;

/// How many tags eksiam adds to every role it creates (managed-by, cluster, serviceaccounts).
const OWN_ROLE_TAGS: usize = 3;

/// Checks every rule; returns errors and warnings.
pub fn validate(cfg: &ClusterConfig) -> Vec<Diagnostic> {
    let mut v = Validator {
        // The region names the partition every ARN of the file must be in; without one it is
        // only known from the cluster's ARN, at plan time.
        partition: cfg
            .metadata
            .region
            .as_ref()
            .filter(|r| naming::is_region(&r.value))
            .map(|r| arn::partition_of_region(&r.value)),
        ..Validator::default()
    };
    v.metadata(cfg);
    for sa in &cfg.iam.service_accounts {
        v.service_account(sa);
        v.role_tag_count(&cfg.metadata.tags, sa);
    }
    v.unique_service_accounts(cfg);
    v.role_names(cfg);
    for m in &cfg.identity_mappings {
        v.identity_mapping(m);
    }
    v.unique_mappings(&cfg.identity_mappings);
    if let Some(access) = &cfg.access {
        super::access::validate(access, &mut v.diags);
    }
    super::pod_identity::validate(&mut v, cfg);
    v.diags
}

/// Checks one pod identity association given on the command line (same rules as in a file).
pub fn validate_pod_identity(p: &super::PodIdentitySpec, region: Option<&str>) -> Vec<Diagnostic> {
    let mut v = Validator {
        partition: region
            .filter(|r| naming::is_region(r))
            .map(arn::partition_of_region),
        ..Validator::default()
    };
    super::pod_identity::association(&mut v, p);
    v.diags
}

/// Checks one identity mapping given on the command line (same rules as in a file).
pub fn validate_mapping(m: &IdentityMappingSpec) -> Vec<Diagnostic> {
    let mut v = Validator::default();
    v.identity_mapping(m);
    v.diags
}

/// How a message names a field of a ServiceAccount entry: `` `f` of `ns/name` ``.
fn sa_field(sa: &ServiceAccountSpec, f: &str) -> String {
    format!("`{f}` of `{}/{}`", sa.namespace(), sa.name.value)
}

#[derive(Default)]
pub(super) struct Validator {
    pub(super) diags: Vec<Diagnostic>,
    /// The cluster's partition, when the file's region says it.
    partition: Option<&'static str>,
}

impl Validator {
    pub(super) fn error(&mut self, at: &Sp<impl Sized>, message: String, hint: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(Some(at.pos), message).with_hint(hint));
    }

    fn arn(&mut self, value: &Sp<String>, field: &str, kinds: &[IamKind]) -> bool {
        match arn::check_iam(&value.value, kinds) {
            Ok(checked) => {
                if let Some(w) = checked.warning {
                    self.diags.push(
                        Diagnostic::warning(Some(value.pos), format!("{field}: {w}"))
                            .with_hint("IAM will refuse this ARN unless the account ID is fixed"),
                    );
                }
                true
            }
            Err(e) => {
                self.error(value, format!("{field}: {}", e.message), e.hint);
                false
            }
        }
    }

    /// An ARN eksiam passes to IAM (a policy, boundary or role): also in the cluster's
    /// partition, which IAM requires.
    pub(super) fn iam_arn(&mut self, value: &Sp<String>, field: &str, kinds: &[IamKind]) {
        if !self.arn(value, field, kinds) {
            return;
        }
        let (Some(cluster), Some(arn)) = (self.partition, arn::Arn::parse(&value.value)) else {
            return;
        };
        if arn.partition != cluster {
            let fixed = value.value.replacen(
                &format!("arn:{}:", arn.partition),
                &format!("arn:{cluster}:"),
                1,
            );
            self.error(
                value,
                format!(
                    "{field}: `{}` is in the partition `{}`, but the cluster's region is in `{cluster}`; IAM refuses ARNs of another partition",
                    value.value, arn.partition
                ),
                format!("write it as `{fixed}`"),
            );
        }
    }

    fn metadata(&mut self, cfg: &ClusterConfig) {
        let name = &cfg.metadata.name;
        if !naming::is_cluster_name(&name.value) {
            self.error(
                name,
                format!("`metadata.name` `{}` is not a valid EKS cluster name", name.value),
                "cluster names start with a letter and contain only letters, digits and `-` (at most 100)",
            );
        }
        if let Some(region) = &cfg.metadata.region
            && !naming::is_region(&region.value)
        {
            self.error(
                region,
                format!("`metadata.region` `{}` is not an AWS region", region.value),
                "write a region code such as `us-west-2`",
            );
        }
        self.tags(&cfg.metadata.tags, "metadata.tags");
    }

    pub(super) fn tags(&mut self, tags: &StringMap, field: &str) {
        for (k, v) in tags {
            if k.value.is_empty() || k.value.chars().count() > 128 {
                self.error(
                    k,
                    format!(
                        "tag key `{}` in `{field}` must be 1 to 128 characters",
                        k.value
                    ),
                    "shorten the tag key",
                );
            } else if k.value.to_ascii_lowercase().starts_with("aws:") {
                self.error(
                    k,
                    format!(
                        "tag key `{}` in `{field}` uses the reserved prefix `aws:`",
                        k.value
                    ),
                    "AWS reserves `aws:` tags; choose another key",
                );
            } else if k.value.starts_with(RESERVED_TAG_PREFIX) {
                self.error(
                    k,
                    format!("tag key `{}` in `{field}` uses eksiam's own prefix `{RESERVED_TAG_PREFIX}`", k.value),
                    "eksiam sets these ownership tags itself; choose another key",
                );
            }
            if v.value.chars().count() > 256 {
                self.error(
                    v,
                    format!(
                        "the value of tag `{}` in `{field}` is longer than 256 characters",
                        k.value
                    ),
                    "shorten the tag value",
                );
            }
        }
    }

    fn service_account(&mut self, sa: &ServiceAccountSpec) {
        let field = |f: &str| sa_field(sa, f);
        self.service_account_names(sa);
        self.attach_policy_arns(sa);
        if let Some(b) = &sa.permissions_boundary {
            self.iam_arn(b, &field("permissionsBoundary"), &[IamKind::Policy]);
        }
        if let Some(doc) = &sa.attach_policy {
            self.attach_policy(doc, &field("attachPolicy"));
        }
        if let Some(role) = &sa.attach_role_arn {
            self.attach_role_arn(sa, role);
        } else if !sa.has_unknown_keys
            && sa.attach_policy_arns.is_empty()
            && sa.attach_policy.is_none()
            && sa.well_known_policies.is_empty()
        {
            self.error(
                &sa.name,
                format!(
                    "ServiceAccount `{}/{}` has no permissions",
                    sa.namespace(),
                    sa.name.value
                ),
                "add `attachPolicyARNs`, `attachPolicy` or `wellKnownPolicies`, or use an existing role with `attachRoleARN`",
            );
        }
        if let Some(rn) = &sa.role_name
            && let Err(e) = naming::check_role_name(&rn.value)
        {
            self.error(
                rn,
                format!("{} `{}` {e}", field("roleName"), rn.value),
                "choose a shorter name of letters, digits and `+=,.@_-`",
            );
        }
        if let Some(p) = &sa.subject_pattern {
            let prefix = format!("system:serviceaccount:{}:", sa.namespace());
            if !p.value.starts_with("system:serviceaccount:") {
                self.error(
                    p,
                    format!(
                        "{} `{}` does not name ServiceAccounts",
                        field("subjectPattern"),
                        p.value
                    ),
                    format!(
                        "write it as `{prefix}*` to trust every ServiceAccount of the namespace"
                    ),
                );
            }
        }
        self.tags(&sa.tags, &field("tags"));
        for (k, _) in &sa.annotations {
            if k.value == "eks.amazonaws.com/role-arn" {
                self.error(
                    k,
                    format!(
                        "{} sets `eks.amazonaws.com/role-arn`, which eksiam manages",
                        field("metadata.annotations")
                    ),
                    "remove the annotation; use `attachRoleARN` to bind an existing role",
                );
            }
        }
    }

    /// The ServiceAccount's name and namespace are valid Kubernetes names.
    fn service_account_names(&mut self, sa: &ServiceAccountSpec) {
        if let Err(e) = naming::check_dns1123_subdomain(&sa.name.value) {
            self.error(
                &sa.name,
                format!("ServiceAccount name `{}` {e}", sa.name.value),
                "use a valid Kubernetes name such as `s3-reader`",
            );
        }
        if let Some(ns) = &sa.namespace
            && let Err(e) = naming::check_dns1123_label(&ns.value)
        {
            self.error(
                ns,
                format!("namespace `{}` {e}", ns.value),
                "use a valid Kubernetes namespace name such as `backend-apps`",
            );
        }
    }

    /// Each of `attachPolicyARNs` is a policy ARN in the cluster's partition, listed once.
    fn attach_policy_arns(&mut self, sa: &ServiceAccountSpec) {
        let field = sa_field(sa, "attachPolicyARNs");
        for p in &sa.attach_policy_arns {
            self.iam_arn(p, &field, &[IamKind::Policy]);
        }
        let mut seen = HashMap::new();
        for p in &sa.attach_policy_arns {
            if let Some(first) = seen.insert(p.value.as_str(), p.pos) {
                self.diags.push(
                    Diagnostic::warning(
                        Some(p.pos),
                        format!("{field} is listed twice (first on line {})", first.line),
                    )
                    .with_hint("remove the duplicate entry"),
                );
            }
        }
    }

    /// An inline policy document has statements, each with a valid `Effect`.
    pub(super) fn attach_policy(&mut self, doc: &Sp<Document>, field: &str) {
        let has_statement = doc
            .value
            .get("Statement")
            .is_some_and(|s| s.is_object() || s.as_array().is_some_and(|a| !a.is_empty()));
        if !has_statement {
            self.error(
                doc,
                format!("{field} has no `Statement`"),
                "an IAM policy document needs `Version: \"2012-10-17\"` and a `Statement` list",
            );
        }
        self.statement_effects(doc, field);
    }

    /// An attached role is used as it is: a role ARN, with nothing that would change the role,
    /// and a ServiceAccount to annotate.
    fn attach_role_arn(&mut self, sa: &ServiceAccountSpec, role: &Sp<String>) {
        let field = sa_field(sa, "attachRoleARN");
        self.iam_arn(role, &field, &[IamKind::Role]);
        let combined: Vec<&str> = [
            ("attachPolicyARNs", !sa.attach_policy_arns.is_empty()),
            ("attachPolicy", sa.attach_policy.is_some()),
            ("wellKnownPolicies", !sa.well_known_policies.is_empty()),
            ("permissionsBoundary", sa.permissions_boundary.is_some()),
            ("roleName", sa.role_name.is_some()),
            ("tags", !sa.tags.is_empty()),
            ("subjectPattern", sa.subject_pattern.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, set)| set.then_some(name))
        .collect();
        if !combined.is_empty() {
            self.error(
                role,
                format!(
                    "{field} cannot be combined with {}",
                    combined.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                ),
                "an attached role is used as-is and never modified: remove `attachRoleARN` to let eksiam create the role, or remove the other fields",
            );
        }
        if sa.role_only {
            self.error(
                role,
                format!("{field} with `roleOnly: true` leaves nothing to do"),
                "remove `roleOnly` to annotate the ServiceAccount with the attached role",
            );
        }
    }

    /// Every statement of a policy document says `Effect: Allow` or `Deny`, as IAM requires;
    /// a problem points at the statement's `Effect` (or at the statement without one).
    fn statement_effects(&mut self, doc: &Sp<Document>, field: &str) {
        let statements: Vec<(String, &serde_json::Value)> = match doc.value.get("Statement") {
            Some(serde_json::Value::Array(list)) => list
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("/Statement/{i}"), s))
                .collect(),
            Some(one @ serde_json::Value::Object(_)) => vec![("/Statement".to_owned(), one)],
            _ => Vec::new(),
        };
        for (i, (pointer, statement)) in statements.into_iter().enumerate() {
            let effect = statement.get("Effect");
            if matches!(effect.and_then(|e| e.as_str()), Some("Allow" | "Deny")) {
                continue;
            }
            let (what, hint) = match effect {
                None => (
                    "has no `Effect`".to_owned(),
                    "add `Effect: Allow` (or `Deny`)".to_owned(),
                ),
                Some(e) => {
                    let shown = e.as_str().map_or_else(|| e.to_string(), str::to_owned);
                    let fixed = if shown.eq_ignore_ascii_case("deny") {
                        "Deny"
                    } else {
                        "Allow"
                    };
                    (
                        format!("has `Effect: {shown}`"),
                        format!(
                            "IAM accepts only `Allow` or `Deny`, spelt so: write `Effect: {fixed}`"
                        ),
                    )
                }
            };
            let at = doc
                .value
                .pos_of(&format!("{pointer}/Effect"))
                .or_else(|| doc.value.pos_of(&pointer))
                .unwrap_or(doc.pos);
            self.diags.push(
                Diagnostic::error(Some(at), format!("statement {} of {field} {what}", i + 1))
                    .with_hint(hint),
            );
        }
    }

    /// The role made for `sa` carries the file's tags, the ServiceAccount's, and eksiam's own:
    /// IAM refuses a role with more than [`ROLE_TAGS_MAX`].
    fn role_tag_count(&mut self, cluster_tags: &StringMap, sa: &ServiceAccountSpec) {
        if sa.attach_role_arn.is_none() {
            let key = format!("{}/{}", sa.namespace(), sa.name.value);
            self.role_tags(cluster_tags, &sa.tags, &key, sa.name.pos);
        }
    }

    /// The role made for `key` carries the file's tags, its own (`tags`) and eksiam's: IAM
    /// refuses a role with more than [`ROLE_TAGS_MAX`].
    pub(super) fn role_tags(
        &mut self,
        cluster_tags: &StringMap,
        tags: &StringMap,
        key: &str,
        pos: super::Pos,
    ) {
        let keys: std::collections::BTreeSet<&str> = cluster_tags
            .iter()
            .chain(tags)
            .map(|(k, _)| k.value.as_str())
            .collect();
        let total = keys.len() + OWN_ROLE_TAGS;
        if total <= ROLE_TAGS_MAX {
            return;
        }
        let at = tags.first().map_or(pos, |(k, _)| k.pos);
        self.error(
            &Sp { value: (), pos: at },
            format!(
                "the role of `{key}` would carry {total} tags ({} from `metadata.tags` and its `tags`, {OWN_ROLE_TAGS} of eksiam's own); IAM allows at most {ROLE_TAGS_MAX}",
                keys.len()
            ),
            format!(
                "remove at least {} tags from `metadata.tags` or the ServiceAccount's `tags`",
                total - ROLE_TAGS_MAX
            ),
        );
    }

    fn unique_service_accounts(&mut self, cfg: &ClusterConfig) {
        let mut seen: HashMap<(String, String), u32> = HashMap::new();
        for sa in &cfg.iam.service_accounts {
            let key = (sa.namespace().to_owned(), sa.name.value.clone());
            if let Some(first) = seen.insert(key, sa.name.pos.line) {
                self.error(
                    &sa.name,
                    format!(
                        "ServiceAccount `{}/{}` is listed twice (first on line {first})",
                        sa.namespace(),
                        sa.name.value
                    ),
                    "merge the two entries into one",
                );
            }
        }
    }

    /// Generated or chosen role names must be valid, and two ServiceAccounts may share a role
    /// only when they ask for the same permissions.
    fn role_names(&mut self, cfg: &ClusterConfig) {
        let cluster = &cfg.metadata.name.value;
        let mut by_role: HashMap<String, &ServiceAccountSpec> = HashMap::new();
        for sa in &cfg.iam.service_accounts {
            if sa.attach_role_arn.is_some() {
                continue;
            }
            let name = match &sa.role_name {
                Some(rn) => rn.value.clone(),
                None => naming::role_name(cluster, sa.namespace(), &sa.name.value),
            };
            // A name derived from an invalid cluster, namespace or ServiceAccount name is
            // invalid for the reason already reported.
            let derived_from_valid = naming::is_cluster_name(cluster)
                && naming::check_dns1123_label(sa.namespace()).is_ok()
                && naming::check_dns1123_subdomain(&sa.name.value).is_ok();
            if sa.role_name.is_none()
                && derived_from_valid
                && let Err(e) = naming::check_role_name(&name)
            {
                self.error(
                    &sa.name,
                    format!(
                        "the role name `{name}` derived for `{}/{}` {e}",
                        sa.namespace(),
                        sa.name.value
                    ),
                    "set `roleName` explicitly",
                );
            }
            let Some(first) = by_role.get(&name) else {
                by_role.insert(name, sa);
                continue;
            };
            // (The same ServiceAccount listed twice is reported as such.)
            let same_sa =
                (first.namespace(), &first.name.value) == (sa.namespace(), &sa.name.value);
            let (a, b) = (
                format!(
                    "`{}/{}` (line {})",
                    first.namespace(),
                    first.name.value,
                    first.name.pos.line
                ),
                format!("`{}/{}`", sa.namespace(), sa.name.value),
            );
            let problem = if (first.role_name.is_none() || sa.role_name.is_none()) && !same_sa {
                Some((
                    format!(
                        "{a} and {b} come to the same role name `{name}`; a role eksiam names is one ServiceAccount's alone"
                    ),
                    "give one of them its own `roleName` (or both the same `roleName` to share a role)",
                ))
            } else if !same_permissions(first, sa) {
                Some((
                    format!("role `{name}` is used by {a} and {b} with different permissions"),
                    "a shared role must list the same policies, boundary and tags in every entry; or give each its own `roleName`",
                ))
            } else {
                None
            };
            if let Some((what, hint)) = problem {
                let at = sa.role_name.as_ref().map_or(sa.name.pos, |r| r.pos);
                self.diags
                    .push(Diagnostic::error(Some(at), what).with_hint(hint));
            }
        }
    }

    fn identity_mapping(&mut self, m: &IdentityMappingSpec) {
        let at = Sp {
            value: (),
            pos: m.pos,
        };
        if let Some(service) = &m.service_name {
            self.diags.push(
                Diagnostic::warning(
                    Some(service.pos),
                    format!(
                        "`serviceName: {}` mappings are not supported yet; this entry is skipped",
                        service.value
                    ),
                )
                .with_hint("map the service's role with `arn` and `username` instead"),
            );
            if m.arn.is_some() || m.account.is_some() {
                self.error(
                    service,
                    "`serviceName` cannot be combined with `arn` or `account`".into(),
                    "keep one of them",
                );
            }
            return;
        }
        if let Some(ns) = &m.namespace {
            self.error(
                ns,
                "`namespace` is only valid with `serviceName`".into(),
                "remove `namespace` from this mapping",
            );
        }
        match (&m.arn, &m.account) {
            (Some(_), Some(account)) => self.error(
                account,
                "a mapping has either `arn` or `account`, not both".into(),
                "split it into two mappings",
            ),
            (None, None) => self.error(
                &at,
                "a mapping needs `arn` (with `username`, `groups`) or `account`".into(),
                "add `arn: arn:aws:iam::111122223333:role/NAME` and `username`, or `account: \"111122223333\"`",
            ),
            (Some(a), None) => self.mapped_arn(m, a),
            (None, Some(account)) => self.mapped_account(m, account),
        }
    }

    /// A role or user mapping: a valid ARN (warning that a role's path is dropped) and
    /// non-empty user and group names.
    fn mapped_arn(&mut self, m: &IdentityMappingSpec, a: &Sp<String>) {
        if self.arn(a, "`arn`", &[IamKind::Role, IamKind::User]) {
            let (stripped, had_path) = arn::strip_role_path(&a.value);
            if had_path {
                self.diags.push(
                    Diagnostic::warning(
                        Some(a.pos),
                        format!("the role path is removed: aws-auth maps `{stripped}`"),
                    )
                    .with_hint("aws-iam-authenticator sees the assumed-role ARN, which has no path; write the ARN without the path to silence this"),
                );
            }
        }
        if let Some(u) = &m.username
            && u.value.trim().is_empty()
        {
            self.error(
                u,
                "`username` must not be empty".into(),
                "give the Kubernetes user name, e.g. `admin`",
            );
        }
        for g in &m.groups {
            if g.value.trim().is_empty() {
                self.error(
                    g,
                    "a group name must not be empty".into(),
                    "remove the empty entry",
                );
            }
        }
    }

    /// An account mapping: a 12-digit account ID and nothing else.
    fn mapped_account(&mut self, m: &IdentityMappingSpec, account: &Sp<String>) {
        if !arn::is_account_id(&account.value) {
            self.error(
                account,
                format!(
                    "account `{}` is not a 12-digit AWS account ID",
                    account.value
                ),
                "write the account ID in quotes, e.g. `account: \"111122223333\"`",
            );
        }
        if m.username.is_some() || !m.groups.is_empty() || m.no_duplicate_arns {
            self.error(
                account,
                "`account` must be configured with no other options".into(),
                "remove `username`, `groups` and `noDuplicateARNs` from this mapping",
            );
        }
    }

    fn unique_mappings(&mut self, mappings: &[IdentityMappingSpec]) {
        let mut seen: HashMap<String, u32> = HashMap::new();
        for m in mappings {
            let Some(a) = m.arn.as_ref().or(m.account.as_ref()) else {
                continue;
            };
            let key = arn::strip_role_path(&a.value).0.to_ascii_lowercase();
            if let Some(first) = seen.insert(key, a.pos.line) {
                self.error(
                    a,
                    format!("`{}` is mapped twice (first on line {first})", a.value),
                    "aws-auth keeps one entry per ARN: merge the groups into one mapping",
                );
            }
        }
    }
}

/// Whether two entries that share a role ask for the same permissions.
fn same_permissions(first: &ServiceAccountSpec, sa: &ServiceAccountSpec) -> bool {
    first
        .attach_policy_arns
        .iter()
        .map(|p| &p.value)
        .eq(sa.attach_policy_arns.iter().map(|p| &p.value))
        && first.attach_policy.as_ref().map(|d| &d.value)
            == sa.attach_policy.as_ref().map(|d| &d.value)
        && first
            .well_known_policies
            .iter()
            .map(|w| w.value)
            .eq(sa.well_known_policies.iter().map(|w| w.value))
        && first.permissions_boundary.as_ref().map(|b| &b.value)
            == sa.permissions_boundary.as_ref().map(|b| &b.value)
        && first
            .tags
            .iter()
            .map(|(k, v)| (&k.value, &v.value))
            .eq(sa.tags.iter().map(|(k, v)| (&k.value, &v.value)))
}

#[cfg(test)]
mod tests {
    use crate::config::load_str;

    /// The line:column of each error of `yaml`.
    fn errors_at(yaml: &str) -> Vec<(u32, u32, String)> {
        let e = load_str("t.yaml", yaml.to_owned()).unwrap_err();
        e.diagnostics
            .iter()
            .map(|d| {
                let p = d.pos.unwrap_or_default();
                (p.line, p.column, d.message.clone())
            })
            .collect()
    }

    /// [`errors_at`] for a file whose `iam.serviceAccounts` list is `entries` (starting on
    /// line 6).
    fn service_accounts_errors_at(entries: &str) -> Vec<(u32, u32, String)> {
        errors_at(&format!(
            "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {{name: prod, region: us-west-2}}
iam:
  serviceAccounts:
{entries}"
        ))
    }

    #[test]
    fn a_bad_effect_points_at_its_own_key_a_missing_one_at_its_statement() {
        let errors = service_accounts_errors_at(
            "    - metadata: {name: a}
      attachPolicy:
        Version: \"2012-10-17\"
        Statement:
          - Action: s3:GetObject
            Resource: \"*\"
            Effect: Permit
          - Action: s3:ListBucket
            Resource: \"*\"
",
        );
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert_eq!((errors[0].0, errors[0].1), (12, 21), "{errors:#?}");
        assert!(errors[0].2.contains("has `Effect: Permit`"), "{errors:#?}");
        assert_eq!((errors[1].0, errors[1].1), (13, 13), "{errors:#?}");
        assert!(errors[1].2.contains("has no `Effect`"), "{errors:#?}");
    }

    #[test]
    fn two_service_accounts_that_come_to_one_derived_role_name_are_refused() {
        let errors = service_accounts_errors_at(
            "    - metadata: {name: api, namespace: team-a}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
    - metadata: {name: a-api, namespace: team}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
",
        );
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].0, 8, "{errors:#?}");
        assert!(
            errors[0]
                .2
                .contains("`team-a/api` (line 6) and `team/a-api` come to the same role name `prod-team-a-api`"),
            "{errors:#?}"
        );
    }

    #[test]
    fn a_document_written_as_json_text_is_pointed_at_as_a_whole() {
        let errors = service_accounts_errors_at(
            "    - metadata: {name: a}
      attachPolicy: '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Permit\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}'
",
        );
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!((errors[0].0, errors[0].1), (7, 21), "{errors:#?}");
    }
}
