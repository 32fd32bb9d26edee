//! `diff(desired, observed) -> Plan`: pure, no I/O.

use super::awsauth;
use super::{Action, Change, ClusterInfo, Kind, Op, Plan, UNKNOWN};
use crate::authmap::AwsAuth;
use crate::desired::{
    Desired, DesiredRole, LABEL_MANAGED_BY, MANAGER, ROLE_ARN_ANNOTATION, RoleRef, TAG_CLUSTER,
    TAG_MANAGED_BY, TAG_SERVICE_ACCOUNTS, key_sub, service_accounts_tag, subject_key,
    tagged_service_accounts,
};
use crate::observed::{Observed, ObservedRole};
use crate::policy;
use crate::trust::{self, AUDIENCE, TRUST_POLICY_QUOTA};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

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
            },
            actions: Vec::new(),
            warnings: Vec::new(),
            conflicts: Vec::new(),
        },
    };
    let oidc_id = d.oidc_provider();
    for role in &desired.roles {
        d.role(role, oidc_id.as_deref());
    }
    if opts.prune && desired.prune_scope.roles {
        d.prune_roles();
    }
    d.service_accounts();
    d.absent_service_accounts();
    d.mappings();
    d.plan
}

/// What became of the subjects a role's ownership tag names but the desired role does not.
#[derive(Default)]
struct Dropped {
    /// Still trusted (outside the selection, or no `--prune`): they stay in the tag.
    kept: Vec<String>,
    /// Revoked: their statements are removed and their ServiceAccounts unbound.
    revoked: Vec<String>,
}

struct Differ<'a> {
    desired: &'a Desired,
    observed: &'a Observed,
    opts: &'a DiffOptions,
    plan: Plan,
}

fn change(field: &str, before: impl Into<Value>, after: impl Into<Value>) -> Change {
    Change {
        field: field.to_owned(),
        before: before.into(),
        after: after.into(),
    }
}

/// What deleting a role removes: its trust policy and its policies.
fn deletion_changes(r: &ObservedRole) -> Vec<Change> {
    let mut changes = vec![change(
        "assume_role_policy",
        r.assume_role_policy.clone(),
        Value::Null,
    )];
    if !r.managed_policies.is_empty() {
        changes.push(change(
            "managed_policies",
            json!(r.managed_policies),
            Value::Null,
        ));
    }
    if !r.inline_policies.is_empty() {
        let names: Vec<&String> = r.inline_policies.keys().collect();
        changes.push(change("inline_policies", json!(names), Value::Null));
    }
    changes
}

fn op_for(changes: &[Change]) -> Op {
    if changes.is_empty() {
        Op::NoOp
    } else {
        Op::Update
    }
}

impl Differ<'_> {
    fn push(
        &mut self,
        kind: Kind,
        key: &str,
        action: Op,
        target: Option<String>,
        changes: Vec<Change>,
        depends_on: Vec<String>,
    ) -> String {
        let id = format!("{}/{key}", kind.as_str());
        self.plan.actions.push(Action {
            id: id.clone(),
            kind,
            action,
            target,
            changes,
            depends_on,
        });
        id
    }

    fn issuer_host_path(&self) -> String {
        self.observed
            .issuer
            .as_ref()
            .map_or_else(|| UNKNOWN.to_owned(), |i| i.host_path().to_owned())
    }

    fn provider_arn(&self) -> Option<String> {
        let account = self.observed.account.as_deref()?;
        let issuer = self.observed.issuer.as_ref()?;
        Some(issuer.provider_arn(&self.desired.partition, account))
    }

    fn role_arn(&self, name: &str) -> Option<String> {
        self.observed
            .roles
            .get(name)
            .map(|r| r.arn.clone())
            .or_else(|| {
                let account = self.observed.account.as_deref()?;
                Some(format!(
                    "arn:{}:iam::{account}:role/{name}",
                    self.desired.partition
                ))
            })
    }

    /// The OIDC provider action, when the desired state asks for one; returns its id.
    fn oidc_provider(&mut self) -> Option<String> {
        if !self.desired.oidc_provider {
            if self.desired.roles.is_empty() || self.observed.oidc_provider.is_some() {
                return None;
            }
            self.plan.warnings.push(format!(
                "`iam.withOIDC` is not set: the roles trust the cluster's IAM OIDC provider, which must already exist (`eksiam utils associate-iam-oidc-provider --cluster {}`)",
                self.desired.cluster
            ));
            return None;
        }
        let key = self.issuer_host_path();
        let target = self.provider_arn();
        let thumbprint = self.observed.thumbprint.clone();
        let (op, changes) = match &self.observed.oidc_provider {
            None => (
                Op::Create,
                vec![
                    change(
                        "url",
                        Value::Null,
                        self.observed
                            .issuer
                            .as_ref()
                            .map_or_else(|| UNKNOWN.into(), |i| i.url().to_owned()),
                    ),
                    change("client_ids", Value::Null, json!([AUDIENCE])),
                    change(
                        "thumbprints",
                        Value::Null,
                        json!([thumbprint.unwrap_or_else(|| UNKNOWN.into())]),
                    ),
                    change(
                        "tags",
                        Value::Null,
                        json!({TAG_MANAGED_BY: MANAGER, TAG_CLUSTER: self.desired.cluster}),
                    ),
                ],
            ),
            Some(p) => {
                let mut changes = Vec::new();
                if !p.client_ids.iter().any(|c| c == AUDIENCE) {
                    let mut after = p.client_ids.clone();
                    after.push(AUDIENCE.into());
                    changes.push(change("client_ids", json!(p.client_ids), json!(after)));
                }
                if let Some(t) = thumbprint
                    && !p.thumbprints.iter().any(|x| x.eq_ignore_ascii_case(&t))
                {
                    changes.push(change("thumbprints", json!(p.thumbprints), json!([t])));
                }
                (op_for(&changes), changes)
            }
        };
        Some(self.push(Kind::OidcProvider, &key, op, target, changes, Vec::new()))
    }

    fn wanted_trust(&self, role: &DesiredRole, existing: Option<&ObservedRole>) -> Value {
        let issuer = self.issuer_host_path();
        let provider = self.provider_arn().unwrap_or_else(|| UNKNOWN.into());
        let statements: Vec<Value> = role
            .subjects
            .iter()
            .map(|s| trust::statement(&provider, &issuer, s))
            .collect();
        match existing {
            None => trust::document(statements),
            Some(r) => trust::merge(Some(&r.assume_role_policy), &issuer, &statements),
        }
    }

    fn role(&mut self, role: &DesiredRole, oidc_id: Option<&str>) {
        let existing = self.observed.roles.get(&role.name);
        let target = self.role_arn(&role.name);
        let depends: Vec<String> = oidc_id.map(str::to_owned).into_iter().collect();
        let trust_doc = self.wanted_trust(role, existing);
        let len = trust::rendered_len(&trust_doc);
        if len > TRUST_POLICY_QUOTA {
            self.plan.warnings.push(format!(
                "the trust policy of role `{}` is {len} characters; IAM's default quota is {TRUST_POLICY_QUOTA} (ask AWS for a higher quota, or split the ServiceAccounts across roles)",
                role.name
            ));
        }
        let role_id = match existing {
            None => {
                let mut changes = vec![change("assume_role_policy", Value::Null, trust_doc)];
                if let Some(b) = &role.permissions_boundary {
                    changes.push(change("permissions_boundary", Value::Null, b.clone()));
                }
                changes.push(change("tags", Value::Null, json!(role.tags)));
                self.push(
                    Kind::IamRole,
                    &role.name,
                    Op::Create,
                    target,
                    changes,
                    depends,
                )
            }
            Some(obs) => {
                if obs.tags.get(TAG_MANAGED_BY).map(String::as_str) != Some(MANAGER) {
                    self.plan.conflicts.push(format!(
                        "role `{}` already exists and was not created by eksiam (it has no `{TAG_MANAGED_BY}` tag); eksiam will not change it. Use `attachRoleARN` to bind it as-is, or choose another `roleName`",
                        role.name
                    ));
                    return;
                }
                if let Some(other) = obs
                    .tags
                    .get(TAG_CLUSTER)
                    .filter(|c| **c != self.desired.cluster)
                {
                    self.plan.conflicts.push(format!(
                        "role `{}` is managed by eksiam for cluster `{other}`, not `{}`; choose another `roleName`",
                        role.name, self.desired.cluster
                    ));
                    return;
                }
                let dropped = self.dropped_subjects(role, obs);
                let mut trust_doc = trust_doc;
                for key in &dropped.revoked {
                    trust_doc =
                        trust::remove_subject(&trust_doc, &self.issuer_host_path(), &key_sub(key));
                }
                // The ownership tag keeps naming the subjects that stay trusted.
                let mut role_tags = role.tags.clone();
                role_tags.insert(
                    TAG_SERVICE_ACCOUNTS.into(),
                    service_accounts_tag(
                        role.subjects
                            .iter()
                            .map(subject_key)
                            .chain(dropped.kept.iter().cloned()),
                    ),
                );
                let mut changes = Vec::new();
                if !trust::up_to_date(&obs.assume_role_policy, &trust_doc) {
                    changes.push(change(
                        "assume_role_policy",
                        obs.assume_role_policy.clone(),
                        trust_doc,
                    ));
                }
                if obs.permissions_boundary != role.permissions_boundary {
                    changes.push(change(
                        "permissions_boundary",
                        json!(obs.permissions_boundary),
                        json!(role.permissions_boundary),
                    ));
                }
                let stale: BTreeMap<&String, &String> = role_tags
                    .iter()
                    .filter(|(k, v)| obs.tags.get(*k) != Some(v))
                    .collect();
                if !stale.is_empty() {
                    let before: BTreeMap<&String, Option<&String>> =
                        stale.keys().map(|k| (*k, obs.tags.get(*k))).collect();
                    changes.push(change("tags", json!(before), json!(stale)));
                }
                let id = self.push(
                    Kind::IamRole,
                    &role.name,
                    op_for(&changes),
                    target,
                    changes,
                    depends,
                );
                for key in &dropped.revoked {
                    if let Some((ns, name)) = key.split_once('/')
                        && !self.desired.lists_service_account(ns, name)
                    {
                        self.unbind_service_account(ns, name, Some(&obs.arn));
                    }
                }
                id
            }
        };
        self.role_policies(role, existing, &role_id);
    }

    /// The subjects eksiam trusted in an existing role (its ownership tag) that the desired
    /// role no longer lists: revoked with `--prune` when selected, else kept (with a warning
    /// when the file dropped them).
    fn dropped_subjects(&mut self, role: &DesiredRole, obs: &ObservedRole) -> Dropped {
        let wanted: BTreeSet<String> = role.subjects.iter().map(subject_key).collect();
        let mut dropped = Dropped::default();
        let prune = self.opts.prune && self.desired.prune_scope.roles;
        for key in tagged_service_accounts(&obs.tags).unwrap_or_default() {
            if wanted.contains(&key) {
                continue;
            }
            if !self.desired.selection.selects(&key) {
                dropped.kept.push(key);
            } else if prune {
                dropped.revoked.push(key);
            } else {
                self.plan.warnings.push(format!(
                    "role `{}` still trusts `{key}`, which the file no longer lists for it: that ServiceAccount can still assume the role (run with `--prune` to revoke it, or `eksiam delete iamserviceaccount --cluster {} --namespace {} --name {}`)",
                    role.name,
                    self.desired.cluster,
                    key.split_once('/').map_or("", |k| k.0),
                    key.split_once('/').map_or(key.as_str(), |k| k.1),
                ));
                dropped.kept.push(key);
            }
        }
        dropped
    }

    fn role_policies(
        &mut self,
        role: &DesiredRole,
        existing: Option<&ObservedRole>,
        role_id: &str,
    ) {
        let deps = vec![role_id.to_owned()];
        let attached: BTreeSet<&str> = existing
            .map(|r| r.managed_policies.iter().map(String::as_str).collect())
            .unwrap_or_default();
        for arn in &role.managed_policies {
            let op = if attached.contains(arn.as_str()) {
                Op::NoOp
            } else {
                Op::Create
            };
            let changes = if op == Op::Create {
                vec![change("policy_arn", Value::Null, arn.clone())]
            } else {
                Vec::new()
            };
            self.push(
                Kind::IamRolePolicyAttachment,
                &format!("{}/{arn}", role.name),
                op,
                Some(arn.clone()),
                changes,
                deps.clone(),
            );
        }
        for arn in attached
            .iter()
            .filter(|a| !role.managed_policies.iter().any(|w| w == *a))
        {
            self.push(
                Kind::IamRolePolicyAttachment,
                &format!("{}/{arn}", role.name),
                Op::Delete,
                Some((*arn).to_owned()),
                vec![change("policy_arn", *arn, Value::Null)],
                deps.clone(),
            );
        }
        let inline = existing.map(|r| &r.inline_policies);
        for (name, doc) in &role.inline_policies {
            let (op, changes) = match inline.and_then(|m| m.get(name)) {
                None => (
                    Op::Create,
                    vec![change("policy_document", Value::Null, doc.clone())],
                ),
                Some(cur) if policy::equivalent(cur, doc) => (Op::NoOp, Vec::new()),
                Some(cur) => (
                    Op::Update,
                    vec![change("policy_document", cur.clone(), doc.clone())],
                ),
            };
            self.push(
                Kind::IamRoleInlinePolicy,
                &format!("{}/{name}", role.name),
                op,
                Some(name.clone()),
                changes,
                deps.clone(),
            );
        }
        if let Some(inline) = inline {
            for (name, doc) in inline
                .iter()
                .filter(|(n, _)| !role.inline_policies.contains_key(*n))
            {
                self.push(
                    Kind::IamRoleInlinePolicy,
                    &format!("{}/{name}", role.name),
                    Op::Delete,
                    Some(name.clone()),
                    vec![change("policy_document", doc.clone(), Value::Null)],
                    deps.clone(),
                );
            }
        }
    }

    fn prune_roles(&mut self) {
        let selection = &self.desired.selection;
        let stale: Vec<(&String, &ObservedRole)> = self
            .observed
            .roles
            .iter()
            .filter(|(name, r)| {
                r.tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGER)
                    && r.tags.get(TAG_CLUSTER) == Some(&self.desired.cluster)
                    && self.desired.role(name).is_none()
            })
            // Under a filter, only roles whose every ServiceAccount is selected.
            .filter(|(_, r)| {
                selection.is_everything()
                    || tagged_service_accounts(&r.tags)
                        .is_some_and(|keys| keys.iter().all(|k| selection.selects(k)))
            })
            .collect();
        for (name, r) in stale {
            let changes = deletion_changes(r);
            self.push(
                Kind::IamRole,
                name,
                Op::Delete,
                Some(r.arn.clone()),
                changes,
                Vec::new(),
            );
            // Its ServiceAccounts lose their role: unbind those the desired state does not list.
            for key in tagged_service_accounts(&r.tags).unwrap_or_default() {
                if let Some((ns, n)) = key.split_once('/')
                    && !self.desired.lists_service_account(ns, n)
                {
                    self.unbind_service_account(ns, n, Some(&r.arn));
                }
            }
        }
    }

    fn service_accounts(&mut self) {
        let mut namespace_ids: BTreeMap<&str, String> = BTreeMap::new();
        for sa in self
            .desired
            .service_accounts
            .iter()
            .filter(|s| s.manage_service_account)
        {
            if self.observed.namespaces.contains(&sa.namespace)
                || namespace_ids.contains_key(sa.namespace.as_str())
            {
                continue;
            }
            let id = self.push(
                Kind::Namespace,
                &sa.namespace,
                Op::Create,
                Some(sa.namespace.clone()),
                vec![change(
                    "labels",
                    Value::Null,
                    json!({LABEL_MANAGED_BY: MANAGER}),
                )],
                Vec::new(),
            );
            namespace_ids.insert(&sa.namespace, id);
        }
        for sa in self
            .desired
            .service_accounts
            .iter()
            .filter(|s| s.manage_service_account)
        {
            let (role_arn, role_dep) = match &sa.role {
                RoleRef::Managed(name) => (
                    self.role_arn(name).unwrap_or_else(|| UNKNOWN.into()),
                    Some(format!("{}/{name}", Kind::IamRole.as_str())),
                ),
                RoleRef::Existing(arn) => (arn.clone(), None),
            };
            let mut deps: Vec<String> = namespace_ids
                .get(sa.namespace.as_str())
                .cloned()
                .into_iter()
                .collect();
            // A role with a conflict has no action to depend on.
            deps.extend(role_dep.filter(|id| self.plan.actions.iter().any(|a| &a.id == id)));
            let key = format!("{}/{}", sa.namespace, sa.name);
            let mut labels = sa.labels.clone();
            let mut annotations = sa.annotations.clone();
            annotations.insert(ROLE_ARN_ANNOTATION.into(), role_arn.clone());
            match self
                .observed
                .service_accounts
                .get(&(sa.namespace.clone(), sa.name.clone()))
            {
                None => {
                    labels.insert(LABEL_MANAGED_BY.into(), MANAGER.into());
                    let changes = vec![
                        change("labels", Value::Null, json!(labels)),
                        change("annotations", Value::Null, json!(annotations)),
                    ];
                    self.push(
                        Kind::Serviceaccount,
                        &key,
                        Op::Create,
                        Some(key.clone()),
                        changes,
                        deps,
                    );
                }
                Some(obs) => {
                    if let Some(current) = obs.annotations.get(ROLE_ARN_ANNOTATION)
                        && *current != role_arn
                        && !self.opts.override_existing_service_accounts
                    {
                        self.plan.warnings.push(format!(
                            "ServiceAccount `{key}` is already bound to `{current}`; it is left alone (use `--override-existing-serviceaccounts` to bind it to `{role_arn}`)"
                        ));
                        annotations.remove(ROLE_ARN_ANNOTATION);
                    }
                    let mut changes = Vec::new();
                    for (field, want, have) in [
                        ("labels", &labels, &obs.labels),
                        ("annotations", &annotations, &obs.annotations),
                    ] {
                        let stale: BTreeMap<&String, &String> = want
                            .iter()
                            .filter(|(k, v)| have.get(*k) != Some(v))
                            .collect();
                        if !stale.is_empty() {
                            let before: BTreeMap<&String, Option<&String>> =
                                stale.keys().map(|k| (*k, have.get(*k))).collect();
                            changes.push(change(field, json!(before), json!(stale)));
                        }
                    }
                    self.push(
                        Kind::Serviceaccount,
                        &key,
                        op_for(&changes),
                        Some(key.clone()),
                        changes,
                        deps,
                    );
                }
            }
        }
    }

    /// Unbinds ServiceAccounts the desired state says must go: their exclusively-owned roles
    /// are deleted (a shared role loses only their statement), ServiceAccounts eksiam created
    /// are deleted, others lose the annotation.
    fn absent_service_accounts(&mut self) {
        let issuer = self.issuer_host_path();
        for (ns, name) in &self.desired.absent_service_accounts {
            let key = format!("{ns}/{name}");
            let owned = self.observed.roles.iter().filter(|(_, r)| {
                r.tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGER)
                    && r.tags.get(TAG_CLUSTER) == Some(&self.desired.cluster)
                    && r.tags
                        .get(TAG_SERVICE_ACCOUNTS)
                        .is_some_and(|t| t.split(' ').any(|s| s == key))
            });
            let mut actions = Vec::new();
            for (role, r) in owned {
                let others: Vec<&str> = r.tags[TAG_SERVICE_ACCOUNTS]
                    .split(' ')
                    .filter(|s| *s != key)
                    .collect();
                if others.is_empty() {
                    let changes = deletion_changes(r);
                    actions.push((
                        Kind::IamRole,
                        role.clone(),
                        Op::Delete,
                        Some(r.arn.clone()),
                        changes,
                    ));
                } else {
                    let sub = format!("system:serviceaccount:{ns}:{name}");
                    let trust = trust::remove_subject(&r.assume_role_policy, &issuer, &sub);
                    let tag = json!({TAG_SERVICE_ACCOUNTS: others.join(" ")});
                    actions.push((
                        Kind::IamRole,
                        role.clone(),
                        Op::Update,
                        Some(r.arn.clone()),
                        vec![
                            change("assume_role_policy", r.assume_role_policy.clone(), trust),
                            change(
                                "tags",
                                json!({TAG_SERVICE_ACCOUNTS: r.tags[TAG_SERVICE_ACCOUNTS]}),
                                tag,
                            ),
                        ],
                    ));
                }
            }
            for (kind, k, op, target, changes) in actions {
                self.push(kind, &k, op, target, changes, Vec::new());
            }
            self.unbind_service_account(ns, name, None);
        }
    }

    /// Deletes a ServiceAccount eksiam created, or removes the role annotation from one it
    /// did not; nothing when it does not exist, or when `from_role` is given and the
    /// ServiceAccount is bound to another role (someone rebound it since).
    fn unbind_service_account(&mut self, ns: &str, name: &str, from_role: Option<&str>) {
        let key = format!("{ns}/{name}");
        let Some(sa) = self
            .observed
            .service_accounts
            .get(&(ns.to_owned(), name.to_owned()))
        else {
            return;
        };
        if let Some(role) = from_role
            && sa.annotations.get(ROLE_ARN_ANNOTATION).map(String::as_str) != Some(role)
        {
            return;
        }
        if sa.labels.get(LABEL_MANAGED_BY).map(String::as_str) == Some(MANAGER) {
            let changes = vec![change("annotations", json!(sa.annotations), Value::Null)];
            self.push(
                Kind::Serviceaccount,
                &key,
                Op::Delete,
                Some(key.clone()),
                changes,
                Vec::new(),
            );
        } else if let Some(arn) = sa.annotations.get(ROLE_ARN_ANNOTATION) {
            let changes = vec![change(
                "annotations",
                json!({ROLE_ARN_ANNOTATION: arn}),
                json!({ROLE_ARN_ANNOTATION: null}),
            )];
            self.push(
                Kind::Serviceaccount,
                &key,
                Op::Update,
                Some(key.clone()),
                changes,
                Vec::new(),
            );
        }
    }

    fn mappings(&mut self) {
        if self.desired.mappings.is_empty()
            && self.desired.absent_mappings.is_empty()
            && !(self.opts.prune && self.desired.prune_scope.mappings)
        {
            return;
        }
        let mut auth = match &self.observed.aws_auth {
            Some(a) => a.clone(),
            None if self.desired.mappings.is_empty() => return,
            None => {
                self.plan.warnings.push(
                    "the ConfigMap `kube-system/aws-auth` does not exist; it will be created"
                        .into(),
                );
                AwsAuth::empty()
            }
        };
        let r = awsauth::edit(
            &mut auth,
            &awsauth::MappingEdit {
                desired: &self.desired.mappings,
                absent: &self.desired.absent_mappings,
                owned: &self.observed.aws_auth_owned,
                prune: self.opts.prune && self.desired.prune_scope.mappings,
                allow_lockout: self.opts.allow_lockout,
                caller: self.observed.caller.as_ref(),
                collapse_duplicates: self.opts.collapse_duplicates,
            },
        );
        self.plan.actions.extend(r.actions);
        self.plan.warnings.extend(r.warnings);
        self.plan.conflicts.extend(r.conflicts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authmap::{Mapping, Subject as MapSubject};
    use crate::desired::{DesiredMapping, DesiredServiceAccount};
    use crate::observed::ObservedServiceAccount;
    use crate::trust::Subject;

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
            },
            selection: Default::default(),
        }
    }

    fn ops(plan: &Plan) -> Vec<(String, Op)> {
        plan.actions
            .iter()
            .map(|a| (a.id.clone(), a.action))
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
        assert_eq!(sa.changes[1].after[ROLE_ARN_ANNOTATION], UNKNOWN);
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
            .filter(|a| a.action == Op::Delete)
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
        assert_eq!(m.action, Op::Update);
        assert_eq!(m.changes[0].before["groups"], json!(["system:masters"]));
        assert_eq!(m.changes[0].after["groups"], json!(["viewers"]));
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
        let plan = diff(&desired(), &o, &pruning());
        let role = plan
            .actions
            .iter()
            .find(|a| a.id == "iam-role/prod-apps-reader")
            .unwrap();
        assert_eq!(role.action, Op::Update, "{:#?}", plan.actions);
        let trust_after = &role.changes[0].after;
        let text = trust_after.to_string();
        assert!(!text.contains("system:serviceaccount:apps:old"), "{text}");
        assert!(text.contains("system:serviceaccount:apps:reader"), "{text}");
        assert_eq!(role.changes[1].after[TAG_SERVICE_ACCOUNTS], "apps/reader");
        let sa = plan
            .actions
            .iter()
            .find(|a| a.id == "serviceaccount/apps/old")
            .unwrap();
        assert_eq!(sa.action, Op::Delete);
    }

    #[test]
    fn without_prune_a_dropped_service_account_keeps_its_grant_and_the_plan_says_so() {
        let o = converged_with_dropped_subject();
        let plan = diff(&desired(), &o, &DiffOptions::default());
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
        let plan = diff(&desired(), &o, &pruning());
        let role = plan
            .actions
            .iter()
            .find(|a| a.id == "iam-role/prod-apps-reader")
            .unwrap();
        let text = role.changes[0].after.to_string();
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
        d.selection = crate::filter::Selection {
            include: vec!["apps/reader".into()],
            exclude: Vec::new(),
        };
        let plan = diff(&d, &o, &pruning());
        let touched: Vec<&str> = plan
            .actions
            .iter()
            .filter(|a| a.action != Op::NoOp)
            .map(|a| a.id.as_str())
            .collect();
        // Neither the role of `team-b/zc` nor `apps/old`'s statement is selected.
        assert!(
            touched.is_empty()
                || touched == ["aws-auth-mapping/arn:aws:iam::111122223333:role/admin"],
            "{touched:?}"
        );
        assert!(
            !plan.actions.iter().any(|a| a.action == Op::Delete),
            "{:#?}",
            plan.actions
        );
    }
}
