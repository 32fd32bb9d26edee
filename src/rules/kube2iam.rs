//! Leaving kube2iam: which role each ServiceAccount's pods assume today, read from the
//! `iam.amazonaws.com/role` annotation of their pod templates, becomes an IRSA binding of that
//! ServiceAccount to the same role. kube2iam joins a bare role name to its `--base-role-arn`
//! (or the node's account); an ARN is used as it is. What cannot move one-to-one is reported
//! with the reason: workloads that share a ServiceAccount but not a role, pods of a
//! namespace's `default` ServiceAccount, roles assumed with an external ID (IRSA has none),
//! and roles the namespace's `allowed-roles` does not allow.

use crate::rules::namespace_roles::refusal_in;
use std::collections::BTreeMap;

/// kube2iam's pod annotation naming the role.
pub const ROLE_ANNOTATION: &str = "iam.amazonaws.com/role";
/// kube2iam's pod annotation with the external ID to assume the role with.
pub const EXTERNAL_ID_ANNOTATION: &str = "iam.amazonaws.com/external-id";

/// A pod template (or a bare pod) as read from the cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodSource {
    /// `Deployment`, `StatefulSet`, `DaemonSet`, `Job`, `CronJob` or `Pod`.
    pub kind: String,
    pub namespace: String,
    pub name: String,
    /// The pod spec's `serviceAccountName` (`None`: the namespace's `default`).
    pub service_account: Option<String>,
    /// The pod template's annotations.
    pub annotations: BTreeMap<String, String>,
}

impl PodSource {
    fn label(&self) -> String {
        format!("{}/{}", self.kind.to_ascii_lowercase(), self.name)
    }
}

/// A ServiceAccount to bind, and the workloads whose role it takes over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub namespace: String,
    pub service_account: String,
    pub role_arn: String,
    pub workloads: Vec<String>,
}

/// What cannot move as it is, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmapped {
    /// `namespace/kind/name` of the workload(s).
    pub subject: String,
    pub reason: String,
}

/// The migration: bindings and what is left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Kube2iamMigration {
    pub bindings: Vec<Binding>,
    pub unmapped: Vec<Unmapped>,
}

/// The role ARN kube2iam would assume for annotation `value`: an ARN as it is, a name (or
/// `path/name`) joined to `base` (`arn:…:role/` or `arn:…:role/path/`).
pub fn role_arn(value: &str, base: &str) -> String {
    let value = value.trim();
    if value.starts_with("arn:") {
        return value.to_owned();
    }
    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    format!("{base}{}", value.trim_start_matches('/'))
}

/// The binding of one ServiceAccount whose workloads assume the roles in `uses` (role ARN,
/// workload), or why it cannot have one.
fn settle(
    namespace: String,
    service_account: String,
    uses: &[(String, String)],
    namespaces: &BTreeMap<String, BTreeMap<String, String>>,
) -> Result<Binding, Unmapped> {
    let mut roles: Vec<&String> = uses.iter().map(|(arn, _)| arn).collect();
    roles.sort();
    roles.dedup();
    let workloads: Vec<String> = uses.iter().map(|(_, w)| w.clone()).collect();
    let [arn] = roles.as_slice() else {
        let each: Vec<String> = uses.iter().map(|(arn, w)| format!("{w} → {arn}")).collect();
        return Err(Unmapped {
            subject: format!("{namespace}/serviceaccount/{service_account}"),
            reason: format!(
                "its workloads assume different roles ({}); IRSA binds one role per ServiceAccount: give each workload its own ServiceAccount",
                each.join(", ")
            ),
        });
    };
    if let Some(reason) = refusal_in(namespaces, &namespace, arn) {
        return Err(Unmapped {
            subject: format!("{namespace}/{}", workloads.join(", ")),
            reason,
        });
    }
    Ok(Binding {
        role_arn: (*arn).clone(),
        namespace,
        service_account,
        workloads,
    })
}

/// Plans the migration of `sources` (pod templates with or without kube2iam's annotation),
/// given the base ARN for bare role names and the namespaces' restricting annotations.
pub fn migrate(
    sources: &[PodSource],
    base: &str,
    namespaces: &BTreeMap<String, BTreeMap<String, String>>,
) -> Kube2iamMigration {
    let mut out = Kube2iamMigration::default();
    // (namespace, ServiceAccount) → (role ARN, workload) of each annotated source.
    let mut by_sa: BTreeMap<(String, String), Vec<(String, String)>> = BTreeMap::new();
    for s in sources {
        let Some(role) = s.annotations.get(ROLE_ANNOTATION) else {
            continue;
        };
        let arn = role_arn(role, base);
        let subject = format!("{}/{}", s.namespace, s.label());
        if s.annotations.contains_key(EXTERNAL_ID_ANNOTATION) {
            out.unmapped.push(Unmapped {
                subject,
                reason: format!(
                    "assumes `{arn}` with an external ID; IRSA has none: remove the role's `sts:ExternalId` condition for this workload, or keep kube2iam for it"
                ),
            });
            continue;
        }
        let sa = s
            .service_account
            .clone()
            .unwrap_or_else(|| "default".into());
        if sa == "default" {
            out.unmapped.push(Unmapped {
                subject,
                reason: format!(
                    "runs as the namespace's `default` ServiceAccount; binding `{arn}` to it would give the role to every pod of the namespace: give the workload its own ServiceAccount first"
                ),
            });
            continue;
        }
        by_sa
            .entry((s.namespace.clone(), sa))
            .or_default()
            .push((arn, s.label()));
    }
    for ((namespace, service_account), uses) in by_sa {
        match settle(namespace, service_account, &uses, namespaces) {
            Ok(b) => out.bindings.push(b),
            Err(u) => out.unmapped.push(u),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "arn:aws:iam::111122223333:role/";

    fn source(
        kind: &str,
        ns: &str,
        name: &str,
        sa: Option<&str>,
        ann: &[(&str, &str)],
    ) -> PodSource {
        PodSource {
            kind: kind.into(),
            namespace: ns.into(),
            name: name.into(),
            service_account: sa.map(Into::into),
            annotations: ann
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn bare_names_join_the_base_arn_and_arns_stay() {
        assert_eq!(role_arn("reader", BASE), format!("{BASE}reader"));
        assert_eq!(
            role_arn("team/reader", "arn:aws:iam::1:role"),
            "arn:aws:iam::1:role/team/reader"
        );
        assert_eq!(
            role_arn("arn:aws-cn:iam::2:role/x", BASE),
            "arn:aws-cn:iam::2:role/x"
        );
    }

    #[test]
    fn each_service_account_gets_the_one_role_its_workloads_assume() {
        let sources = [
            source(
                "Deployment",
                "apps",
                "web",
                Some("web"),
                &[(ROLE_ANNOTATION, "web")],
            ),
            source(
                "CronJob",
                "apps",
                "report",
                Some("web"),
                &[(ROLE_ANNOTATION, &format!("{BASE}web"))],
            ),
            source("Deployment", "apps", "plain", Some("plain"), &[]),
        ];
        let m = migrate(&sources, BASE, &BTreeMap::new());
        assert_eq!(
            m.bindings,
            vec![Binding {
                namespace: "apps".into(),
                service_account: "web".into(),
                role_arn: format!("{BASE}web"),
                workloads: vec!["deployment/web".into(), "cronjob/report".into()],
            }]
        );
        assert!(m.unmapped.is_empty(), "{:?}", m.unmapped);
    }

    #[test]
    fn what_cannot_move_one_to_one_is_reported_with_why() {
        let sources = [
            source(
                "Deployment",
                "apps",
                "a",
                Some("shared"),
                &[(ROLE_ANNOTATION, "a")],
            ),
            source(
                "StatefulSet",
                "apps",
                "b",
                Some("shared"),
                &[(ROLE_ANNOTATION, "b")],
            ),
            source("Pod", "apps", "lonely", None, &[(ROLE_ANNOTATION, "c")]),
            source(
                "Job",
                "apps",
                "ext",
                Some("ext"),
                &[(ROLE_ANNOTATION, "d"), (EXTERNAL_ID_ANNOTATION, "x")],
            ),
            source(
                "DaemonSet",
                "locked",
                "agent",
                Some("agent"),
                &[(ROLE_ANNOTATION, "admin")],
            ),
        ];
        let namespaces = BTreeMap::from([(
            "locked".to_owned(),
            BTreeMap::from([(
                crate::rules::namespace_roles::KUBE2IAM_ALLOWED_ROLES.to_owned(),
                r#"["locked-*"]"#.to_owned(),
            )]),
        )]);
        let m = migrate(&sources, BASE, &namespaces);
        assert!(m.bindings.is_empty(), "{:?}", m.bindings);
        let subjects: Vec<&str> = m.unmapped.iter().map(|u| u.subject.as_str()).collect();
        assert_eq!(
            subjects,
            [
                "apps/pod/lonely",
                "apps/job/ext",
                "apps/serviceaccount/shared",
                "locked/daemonset/agent",
            ]
        );
        assert!(m.unmapped[0].reason.contains("`default` ServiceAccount"));
        assert!(m.unmapped[1].reason.contains("external ID"));
        assert!(
            m.unmapped[2]
                .reason
                .contains(&format!("deployment/a → {BASE}a, statefulset/b → {BASE}b"))
        );
        assert!(
            m.unmapped[3]
                .reason
                .contains(r#"`iam.amazonaws.com/allowed-roles: ["locked-*"]`"#)
        );
    }
}
