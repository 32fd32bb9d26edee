//! `eksiam reconcile`'s desired state, in the model of ovotech's iam-service-account-controller:
//! a ServiceAccount that asks for a role (annotation `eksiam.io/role: managed`, or the
//! controller's own `security.kaluza.com/iam-role-managed: "true"`, so its users move without
//! edits) gets one role, `<prefix>_<namespace>_<name>`, trusted by exactly that
//! ServiceAccount, tagged as eksiam's and as self-service, with no permissions of eksiam's:
//! policies the platform attaches to it stay. The ServiceAccount is annotated with the role;
//! a role whose ServiceAccount no longer asks is deleted (only self-service roles are).

use crate::desired::{
    Desired, DesiredRole, DesiredServiceAccount, MANAGER, RoleRef, TAG_CLUSTER, TAG_MANAGED_BY,
    TAG_SELF_SERVICE, TAG_SERVICE_ACCOUNTS,
};
use crate::observed::{ObservedRole, ObservedServiceAccount};
use crate::rules::namespace_roles::{governs_policies, policy_refusal_in};
use crate::rules::naming;
use crate::rules::trust::Subject;
use std::collections::BTreeMap;

/// eksiam's request annotation, and the value that asks.
pub const REQUEST_ANNOTATION: &str = "eksiam.io/role";
pub const REQUEST_VALUE: &str = "managed";
/// iam-service-account-controller's request annotation (value `"true"`).
pub const CONTROLLER_ANNOTATION: &str = "security.kaluza.com/iam-role-managed";
/// The managed policies a ServiceAccount asks for its role, comma-separated ARNs; attached
/// only as far as its namespace's `eksiam.io/allowed-policies` allows.
pub const POLICIES_ANNOTATION: &str = "eksiam.io/policy-arns";
/// The controller's default role-name prefix.
pub const DEFAULT_PREFIX: &str = "k8s-sa";

/// The tags iam-service-account-controller puts on the roles it makes.
pub const CONTROLLER_TAG_MANAGED_BY: &str = "role.k8s.aws/managed-by";
/// The `managed-by` values of the controller's roles: today's (its README), and its
/// predecessor's (`sa-iamrole-controller`).
pub const CONTROLLER_MANAGERS: &[&str] =
    &["iam-service-account-controller", "sa-iamrole-controller"];
pub const CONTROLLER_TAG_CLUSTER: &str = "role.k8s.aws/cluster";

/// Whether `reconcile` takes over `existing`, a role of the name it wants for `role` that
/// iam-service-account-controller made for this cluster: its users move without edits, and
/// the role gains eksiam's tags and exact trust. "For this cluster" is decided by the trust,
/// which must name this cluster's issuer (`issuer_host_path`; a cluster's name is not unique
/// across regions and accounts), and a cluster tag, when there is one, must name it too. No
/// other tool's role is taken, nor another cluster's.
pub fn adoptable(
    role: &DesiredRole,
    existing: &ObservedRole,
    cluster: &str,
    issuer_host_path: Option<&str>,
) -> bool {
    role.tags.contains_key(TAG_SELF_SERVICE)
        && existing
            .tags
            .get(CONTROLLER_TAG_MANAGED_BY)
            .is_some_and(|m| CONTROLLER_MANAGERS.contains(&m.as_str()))
        && existing
            .tags
            .get(CONTROLLER_TAG_CLUSTER)
            .is_none_or(|c| c == cluster)
        && issuer_host_path
            .is_some_and(|i| crate::rules::trust::trusts_issuer(&existing.assume_role_policy, i))
}

/// The warning for ServiceAccount `ns/name`, skipped for `why`.
pub fn skipped(ns: &str, name: &str, why: &str) -> String {
    format!("{}{why}", skipped_prefix(ns, name))
}

/// How [`skipped`]'s warnings about `ns/name` begin.
pub fn skipped_prefix(ns: &str, name: &str) -> String {
    format!("serviceaccount {ns}/{name} is skipped: ")
}

/// Whether a ServiceAccount with `annotations` asks for a self-service role.
pub fn asks(annotations: &BTreeMap<String, String>) -> bool {
    annotations.get(REQUEST_ANNOTATION).map(|v| v.trim()) == Some(REQUEST_VALUE)
        || annotations
            .get(CONTROLLER_ANNOTATION)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// The managed policies `annotations` ask for (sorted, each once), or why one cannot be.
fn requested_policies(annotations: &BTreeMap<String, String>) -> (Vec<String>, Vec<String>) {
    let mut wanted = Vec::new();
    let mut bad = Vec::new();
    let text = annotations
        .get(POLICIES_ANNOTATION)
        .map_or("", String::as_str);
    for arn in text.split(',').map(str::trim).filter(|a| !a.is_empty()) {
        let is_policy = arn.starts_with("arn:")
            && arn
                .split_once(":policy/")
                .is_some_and(|(head, name)| head.split(':').count() == 5 && !name.is_empty());
        if is_policy {
            wanted.push(arn.to_owned());
        } else {
            bad.push(format!(
                "`{POLICIES_ANNOTATION}`: `{arn}` is not a managed policy ARN (arn:aws:iam::ACCOUNT:policy/NAME)"
            ));
        }
    }
    wanted.sort();
    wanted.dedup();
    (wanted, bad)
}

/// Namespaces by name, with their restricting annotations.
pub type Namespaces = BTreeMap<String, BTreeMap<String, String>>;

/// One policy a ServiceAccount asked for and does not get: (namespace, name, why).
pub type Refused = (String, String, String);

/// The desired state for `service_accounts` (all of the cluster's) in `namespaces` (with
/// their restricting annotations): a role for each that asks, and `--prune` of the
/// self-service roles no one asks for any more. A role gets the policies its ServiceAccount
/// asks for that its namespace allows; in a namespace that says which policies it allows, the
/// role's policies are exactly those (the ServiceAccount owns them), elsewhere it gets none
/// from eksiam and keeps what the platform attaches. Also returns the policies refused.
pub fn desired(
    cluster: &str,
    region: Option<&str>,
    prefix: &str,
    service_accounts: &BTreeMap<(String, String), ObservedServiceAccount>,
    namespaces: &Namespaces,
) -> (Desired, Vec<Refused>) {
    let mut d = Desired::empty(cluster, region);
    d.prune_scope.self_service = true;
    let mut refused = Vec::new();
    for ((namespace, name), sa) in service_accounts {
        if !asks(&sa.annotations) {
            continue;
        }
        let (wanted, bad) = requested_policies(&sa.annotations);
        let mut policies = Vec::new();
        for arn in wanted {
            match policy_refusal_in(namespaces, namespace, &arn) {
                None => policies.push(arn),
                Some(why) => refused.push((namespace.clone(), name.clone(), why)),
            }
        }
        refused.extend(
            bad.into_iter()
                .map(|why| (namespace.clone(), name.clone(), why)),
        );
        let role = naming::self_service_role_name(prefix, namespace, name);
        let mut r = DesiredRole {
            name: role.clone(),
            subjects: vec![Subject::ServiceAccount {
                namespace: namespace.clone(),
                name: name.clone(),
            }],
            managed_policies: policies,
            inline_policies: BTreeMap::new(),
            permissions_boundary: None,
            tags: BTreeMap::from([
                (TAG_MANAGED_BY.to_owned(), MANAGER.to_owned()),
                (TAG_CLUSTER.to_owned(), cluster.to_owned()),
                (TAG_SELF_SERVICE.to_owned(), "true".to_owned()),
            ]),
            pod_identity_for: Vec::new(),
            keep_other_policies: !governs_policies(namespaces, namespace),
            named: false,
            earlier_name: naming::earlier_self_service_role_name(prefix, namespace, name),
        };
        r.tags
            .insert(TAG_SERVICE_ACCOUNTS.to_owned(), r.served_tag());
        d.roles.push(r);
        d.service_accounts.push(DesiredServiceAccount {
            namespace: namespace.clone(),
            name: name.clone(),
            role: RoleRef::Managed(role),
            manage_service_account: true,
            labels: BTreeMap::new(),
            annotations: BTreeMap::new(),
        });
    }
    (d, refused)
}

/// What a ServiceAccount shows a watch: whether it asks, and whether it is bound to the role
/// it would get.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    asks: bool,
    bound: bool,
    /// The policies it asks for, as written.
    policies: Option<String>,
}

/// The ServiceAccounts a watch has seen, to tell a change that needs a reconcile (a request
/// made or withdrawn, a binding lost, an asking ServiceAccount deleted) from one that does
/// not: eksiam's own annotation landing, a label, an unrelated ServiceAccount. So each change
/// costs one reconcile, not two.
#[derive(Debug, Clone)]
pub struct Watched {
    prefix: String,
    /// `arn:PARTITION:iam::ACCOUNT:role/`.
    role_arn_base: String,
    seen: BTreeMap<(String, String), Seen>,
}

impl Watched {
    /// Nothing seen yet; roles are named with `prefix` in `account` of `partition`.
    pub fn new(prefix: &str, partition: &str, account: &str) -> Watched {
        Watched {
            prefix: prefix.to_owned(),
            role_arn_base: format!("arn:{partition}:iam::{account}:role/"),
            seen: BTreeMap::new(),
        }
    }

    fn seen(&self, ns: &str, name: &str, annotations: &BTreeMap<String, String>) -> Seen {
        let role = naming::self_service_role_name(&self.prefix, ns, name);
        Seen {
            asks: asks(annotations),
            bound: annotations
                .get(crate::desired::ROLE_ARN_ANNOTATION)
                .is_some_and(|a| a.strip_prefix(&self.role_arn_base) == Some(role.as_str())),
            policies: annotations.get(POLICIES_ANNOTATION).cloned(),
        }
    }

    /// Starts over from `service_accounts`, as a reconcile read them.
    pub fn reset(&mut self, service_accounts: &BTreeMap<(String, String), ObservedServiceAccount>) {
        self.seen = service_accounts
            .iter()
            .map(|((ns, name), sa)| {
                (
                    (ns.clone(), name.clone()),
                    self.seen(ns, name, &sa.annotations),
                )
            })
            .collect();
    }

    /// Records that ServiceAccount `ns/name` now has `annotations` (`None`: it was deleted);
    /// whether that needs a reconcile.
    pub fn changed(
        &mut self,
        ns: &str,
        name: &str,
        annotations: Option<&BTreeMap<String, String>>,
    ) -> bool {
        let key = (ns.to_owned(), name.to_owned());
        let Some(annotations) = annotations else {
            // Deleted: its role goes when it asked for one, or still held one.
            return self.seen.remove(&key).is_some_and(|p| p.asks || p.bound);
        };
        let now = self.seen(ns, name, annotations);
        let before = self.seen.insert(key, now.clone());
        let asked = before.as_ref().is_some_and(|b| b.asks);
        let policies_changed = before.is_none_or(|b| b.policies != now.policies);
        (now.asks && (!now.bound || policies_changed))
            || asked != now.asks
            || (!now.asks && now.bound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sa(pairs: &[(&str, &str)]) -> ObservedServiceAccount {
        ObservedServiceAccount {
            labels: BTreeMap::new(),
            annotations: pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn each_service_account_that_asks_gets_its_own_role_and_nothing_else() {
        let sas = BTreeMap::from([
            (
                ("apps".to_owned(), "web".to_owned()),
                sa(&[(REQUEST_ANNOTATION, "managed")]),
            ),
            (
                ("apps".to_owned(), "old".to_owned()),
                sa(&[(CONTROLLER_ANNOTATION, "true")]),
            ),
            (
                ("apps".to_owned(), "no".to_owned()),
                sa(&[(CONTROLLER_ANNOTATION, "false")]),
            ),
            (("apps".to_owned(), "plain".to_owned()), sa(&[])),
        ]);
        let (d, refused) = desired(
            "prod",
            Some("us-west-2"),
            DEFAULT_PREFIX,
            &sas,
            &BTreeMap::new(),
        );
        assert!(refused.is_empty());
        let names: Vec<&str> = d.roles.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["k8s-sa_apps_old", "k8s-sa_apps_web"]);
        let web = &d.roles[1];
        assert!(web.managed_policies.is_empty() && web.inline_policies.is_empty());
        assert!(web.keep_other_policies);
        assert_eq!(web.tags[TAG_SELF_SERVICE], "true");
        assert_eq!(web.tags[TAG_SERVICE_ACCOUNTS], "apps/web");
        assert_eq!(
            web.subjects,
            [Subject::ServiceAccount {
                namespace: "apps".into(),
                name: "web".into()
            }]
        );
        assert!(d.service_accounts.iter().all(|s| s.manage_service_account));
        assert!(d.prune_scope.self_service && !d.prune_scope.roles);
        assert!(!d.oidc_provider);
    }

    #[test]
    fn a_role_gets_the_policies_asked_for_that_its_namespace_allows() {
        let s3 = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
        let admin = "arn:aws:iam::aws:policy/AdministratorAccess";
        let asks_for = format!("{s3}, {admin},{s3}, not-an-arn");
        let sas = BTreeMap::from([
            (
                ("team".to_owned(), "web".to_owned()),
                sa(&[
                    (REQUEST_ANNOTATION, "managed"),
                    (POLICIES_ANNOTATION, &asks_for),
                ]),
            ),
            (
                ("plain".to_owned(), "web".to_owned()),
                sa(&[(REQUEST_ANNOTATION, "managed"), (POLICIES_ANNOTATION, s3)]),
            ),
        ]);
        let namespaces = BTreeMap::from([(
            "team".to_owned(),
            BTreeMap::from([(
                crate::rules::namespace_roles::ALLOWED_POLICIES.to_owned(),
                r#"["AmazonS3*"]"#.to_owned(),
            )]),
        )]);
        let (d, refused) = desired("prod", None, DEFAULT_PREFIX, &sas, &namespaces);
        let team = d
            .roles
            .iter()
            .find(|r| r.name == "k8s-sa_team_web")
            .unwrap();
        assert_eq!(team.managed_policies, [s3]);
        // The namespace says which policies: the ServiceAccount owns the role's set.
        assert!(!team.keep_other_policies);
        let plain = d
            .roles
            .iter()
            .find(|r| r.name == "k8s-sa_plain_web")
            .unwrap();
        assert!(plain.managed_policies.is_empty() && plain.keep_other_policies);
        let said: Vec<String> = refused
            .iter()
            .map(|(ns, name, why)| format!("{ns}/{name}: {why}"))
            .collect();
        assert_eq!(said.len(), 3, "{said:#?}");
        assert!(
            said[0].starts_with("plain/web: namespace `plain` allows no policy"),
            "{said:#?}"
        );
        assert!(
            said[1].contains("does not allow policy `arn:aws:iam::aws:policy/AdministratorAccess`"),
            "{said:#?}"
        );
        assert!(
            said[2].contains("`not-an-arn` is not a managed policy ARN"),
            "{said:#?}"
        );
    }

    #[test]
    fn a_watch_reconciles_when_the_policies_asked_for_change() {
        let arn = "arn:aws:iam::111122223333:role/k8s-sa_apps_web";
        let mut bound = BTreeMap::from([
            (REQUEST_ANNOTATION.to_owned(), "managed".to_owned()),
            (
                crate::desired::ROLE_ARN_ANNOTATION.to_owned(),
                arn.to_owned(),
            ),
        ]);
        let mut w = Watched::new(DEFAULT_PREFIX, "aws", "111122223333");
        w.reset(&BTreeMap::from([(
            ("apps".to_owned(), "web".to_owned()),
            sa(&bound
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>()),
        )]));
        assert!(!w.changed("apps", "web", Some(&bound)));
        bound.insert(
            POLICIES_ANNOTATION.to_owned(),
            "arn:aws:iam::aws:policy/X".to_owned(),
        );
        assert!(w.changed("apps", "web", Some(&bound)));
        assert!(!w.changed("apps", "web", Some(&bound)));
    }

    #[test]
    fn only_the_controllers_roles_for_this_cluster_are_taken_over() {
        let sas = BTreeMap::from([(
            ("apps".to_owned(), "web".to_owned()),
            sa(&[(REQUEST_ANNOTATION, "managed")]),
        )]);
        let (d, _) = desired("prod", None, DEFAULT_PREFIX, &sas, &BTreeMap::new());
        let here = "oidc.eks.us-west-2.amazonaws.com/id/HERE";
        let trusting = |issuer: &str| {
            serde_json::json!({"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow",
                "Principal": {"Federated": format!("arn:aws:iam::111122223333:oidc-provider/{issuer}")},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {format!("{issuer}:sub"): "system:serviceaccount:apps:web"}}}]})
        };
        let role = |tags: &[(&str, &str)], issuer: &str| ObservedRole {
            tags: tags
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            arn: String::new(),
            assume_role_policy: trusting(issuer),
            managed_policies: Vec::new(),
            inline_policies: BTreeMap::new(),
            permissions_boundary: None,
        };
        let adopts = |role: &ObservedRole| adoptable(&d.roles[0], role, "prod", Some(here));
        for manager in CONTROLLER_MANAGERS {
            let controller = (CONTROLLER_TAG_MANAGED_BY, *manager);
            assert!(adopts(&role(&[controller], here)), "{manager}");
            assert!(adopts(&role(
                &[controller, (CONTROLLER_TAG_CLUSTER, "prod")],
                here
            )));
            // Another cluster's: by its tag, or by the issuer its trust names (a cluster
            // called `prod` in another region is another cluster).
            assert!(!adopts(&role(
                &[controller, (CONTROLLER_TAG_CLUSTER, "dev")],
                here
            )));
            let elsewhere = "oidc.eks.us-east-1.amazonaws.com/id/THERE";
            assert!(!adopts(&role(&[controller], elsewhere)));
            assert!(!adopts(&role(
                &[controller, (CONTROLLER_TAG_CLUSTER, "prod")],
                elsewhere
            )));
            assert!(!adoptable(
                &d.roles[0],
                &role(&[controller], here),
                "prod",
                None
            ));
        }
        assert!(!adopts(&role(&[("team", "x")], here)));
        assert!(!adopts(&role(
            &[(CONTROLLER_TAG_MANAGED_BY, "someone-else")],
            here
        )));
        let mut filed = d.roles[0].clone();
        filed.tags.remove(TAG_SELF_SERVICE);
        let controller = (CONTROLLER_TAG_MANAGED_BY, CONTROLLER_MANAGERS[0]);
        assert!(!adoptable(
            &filed,
            &role(&[controller], here),
            "prod",
            Some(here)
        ));
    }

    #[test]
    fn a_watch_reconciles_for_requests_not_for_its_own_writes() {
        let arn = "arn:aws:iam::111122223333:role/k8s-sa_apps_web";
        let ask = BTreeMap::from([(REQUEST_ANNOTATION.to_owned(), "managed".to_owned())]);
        let mut bound = ask.clone();
        bound.insert(
            crate::desired::ROLE_ARN_ANNOTATION.to_owned(),
            arn.to_owned(),
        );
        let plain = BTreeMap::new();
        let mut w = Watched::new(DEFAULT_PREFIX, "aws", "111122223333");
        w.reset(&BTreeMap::from([(
            ("apps".to_owned(), "other".to_owned()),
            sa(&[]),
        )]));
        // A new ServiceAccount that does not ask, and an unrelated change: nothing to do.
        assert!(!w.changed("apps", "web", Some(&plain)));
        assert!(!w.changed("apps", "other", Some(&plain)));
        // It asks: reconcile; eksiam's annotation lands: nothing more.
        assert!(w.changed("apps", "web", Some(&ask)));
        assert!(!w.changed("apps", "web", Some(&bound)));
        // Someone removes the binding while it still asks: reconcile.
        assert!(w.changed("apps", "web", Some(&ask)));
        assert!(!w.changed("apps", "web", Some(&bound)));
        // It stops asking (the annotation still there): reconcile; the unbinding: nothing.
        let mut withdrawn = bound.clone();
        withdrawn.remove(REQUEST_ANNOTATION);
        assert!(w.changed("apps", "web", Some(&withdrawn)));
        assert!(!w.changed("apps", "web", Some(&plain)));
        // Deleted while asking: reconcile (its role goes); deleted otherwise: nothing.
        assert!(w.changed("apps", "web", Some(&ask)));
        assert!(w.changed("apps", "web", None));
        assert!(!w.changed("apps", "other", None));
        assert!(!w.changed("apps", "never-seen", None));
        // Bound to a role of another account or name is not bound.
        let mut elsewhere = ask.clone();
        elsewhere.insert(
            crate::desired::ROLE_ARN_ANNOTATION.to_owned(),
            "arn:aws:iam::999999999999:role/k8s-sa_apps_web".to_owned(),
        );
        assert!(w.changed("apps", "web", Some(&elsewhere)));
    }

    #[test]
    fn long_names_are_shortened_within_iams_limit() {
        let name = "n".repeat(60);
        let role = naming::self_service_role_name(DEFAULT_PREFIX, "apps", &name);
        assert!(role.len() <= 64, "{role}");
        assert!(role.starts_with("k8s-sa_apps_nnn"), "{role}");
    }
}
