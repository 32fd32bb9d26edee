//! `diff(desired, observed) -> Plan`: pure, no I/O. Each kind plans its own part, in the
//! order [`kinds::diff`] gives.

use super::{Action, ClusterInfo, Plan, UNKNOWN};
use crate::desired::Desired;
use crate::kinds::{self, Step};
use crate::observed::Observed;

/// Choices that change what the plan does.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffOptions {
    /// Rebind ServiceAccounts already annotated with another role.
    pub override_existing_service_accounts: bool,
    /// Delete roles and aws-auth mappings eksiam manages for this cluster that the desired
    /// state no longer lists.
    pub prune: bool,
    /// Allow aws-auth removals that risk locking nodes or people out.
    pub allow_lockout: bool,
    /// Remove shadowed duplicate aws-auth entries.
    pub collapse_duplicates: bool,
}

/// Computes the plan that takes `observed` to `desired`.
pub fn diff(desired: &Desired, observed: &Observed, opts: &DiffOptions) -> Plan {
    let mut d = Differ {
        desired,
        observed,
        opts,
        plan: Plan {
            cluster: ClusterInfo {
                name: desired.cluster.clone(),
                region: desired.region.clone(),
                account: observed.account.clone(),
                offline: observed.offline,
            },
            actions: Vec::new(),
            warnings: Vec::new(),
            conflicts: Vec::new(),
        },
        ids: std::collections::HashSet::new(),
    };
    kinds::diff(&mut d);
    d.plan
}

/// The plan being made, and what it is made from: what each kind's `diff` works on.
pub struct Differ<'a> {
    pub desired: &'a Desired,
    pub observed: &'a Observed,
    pub opts: &'a DiffOptions,
    pub plan: Plan,
    /// The ids of the plan's actions, for [`Differ::has`] (a lookup, not a scan of the plan
    /// per ServiceAccount: the plan of 20,000 was quadratic).
    ids: std::collections::HashSet<String>,
}

impl Differ<'_> {
    /// Adds an action for `step` on `key` (its id is `kind/key`); returns the id.
    pub fn push(
        &mut self,
        key: &str,
        target: Option<String>,
        depends_on: Vec<String>,
        step: Step,
    ) -> String {
        use super::Describe as _;
        let id = format!("{}/{key}", step.kind().as_str());
        self.ids.insert(id.clone());
        self.plan.actions.push(Action {
            id: id.clone(),
            target,
            depends_on,
            step,
        });
        id
    }

    /// Whether the plan has an action with id `id` (every action is added by [`Differ::push`]).
    pub fn has(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The issuer's host and path, or the placeholder while it is not known.
    pub fn issuer_host_path(&self) -> String {
        self.observed
            .issuer
            .as_ref()
            .map_or_else(|| UNKNOWN.to_owned(), |i| i.host_path().to_owned())
    }

    /// The OIDC provider's ARN, when the account and issuer are known.
    pub fn provider_arn(&self) -> Option<String> {
        let account = self.observed.account.as_deref()?;
        let issuer = self.observed.issuer.as_ref()?;
        Some(issuer.provider_arn(&self.desired.partition, account))
    }

    /// The ARN of role `name`: as observed, or as it will be once created.
    pub fn role_arn(&self, name: &str) -> Option<String> {
        self.observed.role_arn(&self.desired.partition, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desired::{DesiredMapping, DesiredServiceAccount};
    use crate::desired::{
        DesiredRole, LABEL_MANAGED_BY, MANAGER, ROLE_ARN_ANNOTATION, RoleRef, TAG_CLUSTER,
        TAG_MANAGED_BY, TAG_SERVICE_ACCOUNTS,
    };
    use crate::observed::ObservedRole;
    use crate::observed::ObservedServiceAccount;
    use crate::plan::Op;
    use crate::rules::authmap::AwsAuth;
    use crate::rules::authmap::{Mapping, Subject as MapSubject};
    use crate::rules::trust::Subject;
    use crate::rules::trust::{self, AUDIENCE};
    use serde_json::json;
    use std::collections::BTreeMap;

    fn issuer() -> trust::Issuer {
        trust::Issuer::parse("https://oidc.eks.us-west-2.amazonaws.com/id/ABC").unwrap()
    }

    fn desired() -> Desired {
        let tags = BTreeMap::from([
            (TAG_MANAGED_BY.to_owned(), MANAGER.to_owned()),
            (TAG_CLUSTER.to_owned(), "prod".to_owned()),
            (TAG_SERVICE_ACCOUNTS.to_owned(), "apps/reader".to_owned()),
        ]);
        Desired {
            cluster: "prod".into(),
            region: Some("us-west-2".into()),
            partition: "aws".into(),
            oidc_provider: true,
            roles: vec![DesiredRole {
                name: "prod-apps-reader".into(),
                subjects: vec![Subject::ServiceAccount {
                    namespace: "apps".into(),
                    name: "reader".into(),
                }],
                managed_policies: vec!["arn:aws:iam::aws:policy/ReadOnlyAccess".into()],
                inline_policies: BTreeMap::new(),
                permissions_boundary: None,
                tags,
                pod_identity_for: Vec::new(),
                keep_other_policies: false,
                named: false,
                earlier_name: None,
            }],
            service_accounts: vec![DesiredServiceAccount {
                namespace: "apps".into(),
                name: "reader".into(),
                role: RoleRef::Managed("prod-apps-reader".into()),
                manage_service_account: true,
                labels: BTreeMap::new(),
                annotations: BTreeMap::new(),
            }],
            mappings: vec![DesiredMapping {
                mapping: Mapping {
                    subject: MapSubject::Role("arn:aws:iam::111122223333:role/admin".into()),
                    username: Some("admin".into()),
                    groups: vec!["system:masters".into()],
                },
                no_duplicate_arns: false,
            }],
            absent_mappings: Vec::new(),
            absent_service_accounts: Vec::new(),
            prune_scope: crate::desired::PruneScope {
                roles: true,
                mappings: true,
                access_entries: true,
                pod_identities: false,
                self_service: false,
            },
            selection: Default::default(),
            access_entries: Vec::new(),
            absent_access_entries: Vec::new(),
            authentication_mode: None,
            bootstrap_admin: None,
            pod_identities: Vec::new(),
            absent_pod_identities: Vec::new(),
            install_agent: false,
            remove_oidc_trust: false,
            held_roles: Default::default(),
        }
    }

    fn ops(plan: &Plan) -> Vec<(String, Op)> {
        plan.actions
            .iter()
            .map(|a| (a.id.clone(), a.op()))
            .collect()
    }

    #[test]
    fn offline_plan_creates_everything_in_dependency_order() {
        let plan = diff(&desired(), &Observed::offline(), &DiffOptions::default());
        assert_eq!(
            ops(&plan),
            vec![
                ("oidc-provider/(known after apply)".into(), Op::Create),
                ("iam-role/prod-apps-reader".into(), Op::Create),
                ("iam-role-policy-attachment/prod-apps-reader/arn:aws:iam::aws:policy/ReadOnlyAccess".into(), Op::Create),
                ("namespace/apps".into(), Op::Create),
                ("serviceaccount/apps/reader".into(), Op::Create),
                ("aws-auth-mapping/arn:aws:iam::111122223333:role/admin".into(), Op::Create),
            ]
        );
        let sa = &plan.actions[4];
        assert_eq!(
            sa.depends_on,
            vec!["namespace/apps", "iam-role/prod-apps-reader"]
        );
        assert_eq!(sa.changes()[1].after[ROLE_ARN_ANNOTATION], UNKNOWN);
        assert_eq!(plan.actions[1].target, None);
        assert!(plan.conflicts.is_empty());
    }

    /// The observed state after a successful apply of `desired()`.
    fn converged() -> Observed {
        let d = desired();
        let mut o = Observed::offline();
        o.account = Some("111122223333".into());
        o.issuer = Some(issuer());
        o.oidc_provider = Some(crate::observed::ObservedOidcProvider {
            arn: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC"
                .into(),
            client_ids: vec![AUDIENCE.into()],
            thumbprints: vec!["9e99a48a9960b14926bb7f3b02e22da2b0ab7280".into()],
        });
        let provider = issuer().provider_arn("aws", "111122223333");
        let stmt = trust::statement(&provider, issuer().host_path(), &d.roles[0].subjects[0]);
        o.roles.insert(
            "prod-apps-reader".into(),
            ObservedRole {
                arn: "arn:aws:iam::111122223333:role/prod-apps-reader".into(),
                // As IAM returns it: another key order, the Action as a list.
                assume_role_policy: json!({"Statement": [{"Action": ["sts:AssumeRoleWithWebIdentity"],
                    "Condition": stmt["Condition"], "Principal": stmt["Principal"], "Effect": "Allow"}],
                    "Version": "2012-10-17"}),
                managed_policies: vec!["arn:aws:iam::aws:policy/ReadOnlyAccess".into()],
                inline_policies: BTreeMap::new(),
                permissions_boundary: None,
                tags: d.roles[0].tags.clone(),
            },
        );
        o.namespaces.insert("apps".into());
        o.service_accounts.insert(
            ("apps".into(), "reader".into()),
            ObservedServiceAccount {
                labels: BTreeMap::from([(LABEL_MANAGED_BY.into(), MANAGER.into())]),
                annotations: BTreeMap::from([(
                    ROLE_ARN_ANNOTATION.into(),
                    "arn:aws:iam::111122223333:role/prod-apps-reader".into(),
                )]),
            },
        );
        let mut auth = AwsAuth::empty();
        auth.upsert(&d.mappings[0].mapping, false).unwrap();
        o.aws_auth = Some(auth);
        o
    }

    #[test]
    fn converged_state_is_all_no_ops() {
        let plan = diff(&desired(), &converged(), &DiffOptions::default());
        assert!(!plan.has_changes(), "{:#?}", plan.actions);
        assert_eq!(plan.summary().no_op, 5, "the namespace exists: no action");
        assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    }

    #[test]
    fn drift_is_updated_and_extra_policies_detached() {
        let mut o = converged();
        let role = o.roles.get_mut("prod-apps-reader").unwrap();
        role.managed_policies
            .push("arn:aws:iam::aws:policy/AdministratorAccess".into());
        role.permissions_boundary = Some("arn:aws:iam::111122223333:policy/b".into());
        o.oidc_provider.as_mut().unwrap().client_ids = vec!["other".into()];
        let plan = diff(&desired(), &o, &DiffOptions::default());
        let by_id: BTreeMap<_, _> = ops(&plan).into_iter().collect();
        assert_eq!(by_id["iam-role/prod-apps-reader"], Op::Update);
        assert_eq!(
            by_id["oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC"],
            Op::Update
        );
        assert_eq!(
            by_id["iam-role-policy-attachment/prod-apps-reader/arn:aws:iam::aws:policy/AdministratorAccess"],
            Op::Delete
        );
    }

    #[test]
    fn another_service_accounts_statement_is_kept() {
        let mut o = converged();
        let role = o.roles.get_mut("prod-apps-reader").unwrap();
        let provider = issuer().provider_arn("aws", "111122223333");
        let other = trust::statement(
            &provider,
            issuer().host_path(),
            &Subject::ServiceAccount {
                namespace: "x".into(),
                name: "y".into(),
            },
        );
        role.assume_role_policy["Statement"]
            .as_array_mut()
            .unwrap()
            .insert(0, other);
        let plan = diff(&desired(), &o, &DiffOptions::default());
        assert!(!plan.has_changes(), "{:#?}", plan.actions);
    }

    #[test]
    fn unowned_roles_are_conflicts_and_never_pruned() {
        let mut o = converged();
        o.roles.get_mut("prod-apps-reader").unwrap().tags.clear();
        let mut stray = o.roles["prod-apps-reader"].clone();
        stray.tags = BTreeMap::from([
            (TAG_MANAGED_BY.into(), MANAGER.into()),
            (TAG_CLUSTER.into(), "prod".into()),
        ]);
        o.roles.insert("prod-old".into(), stray);
        o.roles
            .insert("hand-made".into(), o.roles["prod-apps-reader"].clone());
        let plan = diff(
            &desired(),
            &o,
            &DiffOptions {
                prune: true,
                ..DiffOptions::default()
            },
        );
        assert_eq!(plan.conflicts.len(), 1, "{:?}", plan.conflicts);
        let deletes: Vec<_> = plan
            .actions
            .iter()
            .filter(|a| a.op() == Op::Delete)
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(deletes, vec!["iam-role/prod-old"]);
    }

    #[test]
    fn service_account_bound_elsewhere_needs_override() {
        let mut o = converged();
        o.service_accounts
            .get_mut(&("apps".into(), "reader".into()))
            .unwrap()
            .annotations
            .insert(
                ROLE_ARN_ANNOTATION.into(),
                "arn:aws:iam::111122223333:role/other".into(),
            );
        let plan = diff(&desired(), &o, &DiffOptions::default());
        assert!(!plan.has_changes());
        assert!(plan.warnings[0].contains("--override-existing-serviceaccounts"));
        let plan = diff(
            &desired(),
            &o,
            &DiffOptions {
                override_existing_service_accounts: true,
                ..DiffOptions::default()
            },
        );
        assert_eq!(plan.summary().update, 1);
    }

    #[test]
    fn changed_mapping_is_an_update_or_a_conflict() {
        let mut d = desired();
        d.mappings[0].mapping.groups = vec!["viewers".into()];
        let plan = diff(&d, &converged(), &DiffOptions::default());
        let m = plan.actions.last().unwrap();
        assert_eq!(m.op(), Op::Update);
        assert_eq!(m.changes()[0].before["groups"], json!(["system:masters"]));
        assert_eq!(m.changes()[0].after["groups"], json!(["viewers"]));
        d.mappings[0].no_duplicate_arns = true;
        let plan = diff(&d, &converged(), &DiffOptions::default());
        assert_eq!(plan.conflicts.len(), 1);
    }

    #[test]
    fn trust_policies_over_the_quota_are_flagged_before_iam_refuses_them() {
        let mut d = desired();
        d.roles[0].subjects = (0..12)
            .map(|i| Subject::ServiceAccount {
                namespace: "apps".into(),
                name: format!("worker-{i}"),
            })
            .collect();
        let plan = diff(&d, &converged(), &DiffOptions::default());
        assert!(
            plan.warnings
                .iter()
                .any(|w| w.contains("IAM's default quota is 2048")),
            "{:?}",
            plan.warnings
        );
        let plan = diff(&desired(), &converged(), &DiffOptions::default());
        assert!(plan.warnings.is_empty());
    }

    #[test]
    fn prune_only_touches_the_sections_the_input_declares() {
        let mut o = converged();
        let mut stray = o.roles["prod-apps-reader"].clone();
        stray
            .tags
            .insert(TAG_SERVICE_ACCOUNTS.into(), "apps/old".into());
        o.roles.insert("prod-old".into(), stray);
        let mut d = desired();
        d.prune_scope.roles = false;
        let plan = diff(
            &d,
            &o,
            &DiffOptions {
                prune: true,
                ..DiffOptions::default()
            },
        );
        assert_eq!(plan.summary().delete, 0, "{:#?}", plan.actions);
        d.prune_scope.roles = true;
        let plan = diff(
            &d,
            &o,
            &DiffOptions {
                prune: true,
                ..DiffOptions::default()
            },
        );
        assert_eq!(plan.summary().delete, 1);
    }

    /// `desired()` with the role named by the file (`roleName`), so that ServiceAccounts may
    /// share it.
    fn shared() -> Desired {
        let mut d = desired();
        d.roles[0].named = true;
        d
    }

    /// `converged()` where the role also trusts `apps/old`, as eksiam wrote it when the file
    /// listed it, and `apps/old` is an eksiam-made ServiceAccount bound to the role.
    fn converged_with_dropped_subject() -> Observed {
        let mut o = converged();
        let role = o.roles.get_mut("prod-apps-reader").unwrap();
        let old = Subject::ServiceAccount {
            namespace: "apps".into(),
            name: "old".into(),
        };
        let stmt = trust::statement(
            &issuer().provider_arn("aws", "111122223333"),
            issuer().host_path(),
            &old,
        );
        role.assume_role_policy["Statement"]
            .as_array_mut()
            .unwrap()
            .push(stmt);
        role.tags
            .insert(TAG_SERVICE_ACCOUNTS.into(), "apps/old apps/reader".into());
        let arn = role.arn.clone();
        o.service_accounts.insert(
            ("apps".into(), "old".into()),
            ObservedServiceAccount {
                labels: BTreeMap::from([(LABEL_MANAGED_BY.into(), MANAGER.into())]),
                annotations: BTreeMap::from([(ROLE_ARN_ANNOTATION.into(), arn)]),
            },
        );
        o
    }

    fn pruning() -> DiffOptions {
        DiffOptions {
            prune: true,
            ..DiffOptions::default()
        }
    }

    #[test]
    fn prune_revokes_the_trust_of_a_service_account_dropped_from_a_shared_role() {
        let o = converged_with_dropped_subject();
        let plan = diff(&shared(), &o, &pruning());
        let role = plan
            .actions
            .iter()
            .find(|a| a.id == "iam-role/prod-apps-reader")
            .unwrap();
        assert_eq!(role.op(), Op::Update, "{:#?}", plan.actions);
        let trust_after = &role.changes()[0].after;
        let text = trust_after.to_string();
        assert!(!text.contains("system:serviceaccount:apps:old"), "{text}");
        assert!(text.contains("system:serviceaccount:apps:reader"), "{text}");
        assert_eq!(role.changes()[1].after[TAG_SERVICE_ACCOUNTS], "apps/reader");
        let sa = plan
            .actions
            .iter()
            .find(|a| a.id == "serviceaccount/apps/old")
            .unwrap();
        assert_eq!(sa.op(), Op::Delete);
    }

    #[test]
    fn without_prune_a_dropped_service_account_keeps_its_grant_and_the_plan_says_so() {
        let o = converged_with_dropped_subject();
        let plan = diff(&shared(), &o, &DiffOptions::default());
        assert!(!plan.has_changes(), "{:#?}", plan.actions);
        assert!(
            plan.warnings
                .iter()
                .any(|w| w.contains("still trusts `apps/old`")
                    && w.contains("--prune")
                    && w.contains(
                        "eksiam delete iamserviceaccount --cluster prod --namespace apps --name old"
                    )),
            "{:?}",
            plan.warnings
        );
    }

    #[test]
    fn revocation_spares_statements_eksiam_did_not_write_and_rebound_service_accounts() {
        let mut o = converged_with_dropped_subject();
        // A hand-added statement for another cluster's issuer, for the same ServiceAccount.
        let other =
            trust::Issuer::parse("https://oidc.eks.eu-west-1.amazonaws.com/id/OTHER").unwrap();
        let hand = trust::statement(
            &other.provider_arn("aws", "111122223333"),
            other.host_path(),
            &Subject::ServiceAccount {
                namespace: "apps".into(),
                name: "old".into(),
            },
        );
        let role = o.roles.get_mut("prod-apps-reader").unwrap();
        role.assume_role_policy["Statement"]
            .as_array_mut()
            .unwrap()
            .push(hand);
        // Someone bound `apps/old` to another role since.
        o.service_accounts
            .get_mut(&("apps".into(), "old".into()))
            .unwrap()
            .annotations
            .insert(
                ROLE_ARN_ANNOTATION.into(),
                "arn:aws:iam::111122223333:role/other".into(),
            );
        let plan = diff(&shared(), &o, &pruning());
        let role = plan
            .actions
            .iter()
            .find(|a| a.id == "iam-role/prod-apps-reader")
            .unwrap();
        let text = role.changes()[0].after.to_string();
        assert!(text.contains("id/OTHER:sub"), "{text}");
        assert!(
            !plan
                .actions
                .iter()
                .any(|a| a.id == "serviceaccount/apps/old"),
            "{:#?}",
            plan.actions
        );
    }

    #[test]
    fn a_filter_bounds_prune_and_revocation() {
        let mut o = converged_with_dropped_subject();
        let mut other = o.roles["prod-apps-reader"].clone();
        other
            .tags
            .insert(TAG_SERVICE_ACCOUNTS.into(), "team-b/zc".into());
        other.arn = "arn:aws:iam::111122223333:role/prod-team-b-zc".into();
        o.roles.insert("prod-team-b-zc".into(), other);
        o.service_accounts.insert(
            ("team-b".into(), "zc".into()),
            ObservedServiceAccount {
                labels: BTreeMap::from([(LABEL_MANAGED_BY.into(), MANAGER.into())]),
                annotations: BTreeMap::from([(
                    ROLE_ARN_ANNOTATION.into(),
                    "arn:aws:iam::111122223333:role/prod-team-b-zc".into(),
                )]),
            },
        );
        let mut d = desired();
        d.selection = crate::rules::filter::Selection {
            include: vec!["apps/reader".into()],
            exclude: Vec::new(),
        };
        let plan = diff(&d, &o, &pruning());
        let touched: Vec<&str> = plan
            .actions
            .iter()
            .filter(|a| a.op() != Op::NoOp)
            .map(|a| a.id.as_str())
            .collect();
        // Neither the role of `team-b/zc` nor `apps/old`'s statement is selected.
        assert!(
            touched.is_empty()
                || touched == ["aws-auth-mapping/arn:aws:iam::111122223333:role/admin"],
            "{touched:?}"
        );
        assert!(
            !plan.actions.iter().any(|a| a.op() == Op::Delete),
            "{:#?}",
            plan.actions
        );
    }
}
