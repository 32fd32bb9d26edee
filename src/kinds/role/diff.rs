//! A role's part of the plan: create or update it (trust, boundary, tags), its policies, and
//! the revocations `--prune` and `delete iamserviceaccount` ask for.

use super::{AttachmentStep, InlineChange, InlinePolicyStep, RoleStep, TagChange};
use crate::desired::{
    DesiredRole, MANAGER, TAG_CLUSTER, TAG_CLUSTER_ARN, TAG_MANAGED_BY, TAG_SERVICE_ACCOUNTS,
    key_sub, service_accounts_tag, tagged_service_accounts,
};
use crate::kinds::{Step, service_account};
use crate::observed::ObservedRole;
use crate::plan::{Differ, Op, UNKNOWN};
use crate::rules::policy;
use crate::rules::trust::{self, TRUST_POLICY_QUOTA};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// What became of the subjects a role's ownership tag names but the desired role does not.
#[derive(Default)]
struct Dropped {
    /// Still trusted (outside the selection, or no `--prune`): they stay in the tag.
    kept: Vec<String>,
    /// Revoked: their statements are removed and their ServiceAccounts unbound.
    revoked: Vec<String>,
}

/// The trust policy `role` needs: its statements merged into what the role has.
fn wanted_trust(d: &Differ, role: &DesiredRole, existing: Option<&ObservedRole>) -> Value {
    let issuer = d.issuer_host_path();
    let provider = d.provider_arn().unwrap_or_else(|| UNKNOWN.into());
    let mut statements: Vec<Value> = role
        .subjects
        .iter()
        .map(|s| trust::statement(&provider, &issuer, s))
        .collect();
    statements.extend(pod_identity_statements(d, &role.pod_identity_for));
    match existing {
        None => trust::document(statements),
        Some(r) => trust::merge(Some(&r.assume_role_policy), &issuer, &statements),
    }
}

/// The Pod Identity statements for the associations `keys` (`namespace/name`): one admitting
/// each association alone by its session tags (the cluster's ARN, while unknown, a
/// placeholder), and one without a condition when an association turns session tags off
/// (there are none to check).
fn pod_identity_statements(d: &Differ, keys: &[String]) -> Vec<Value> {
    let cluster_arn = d.observed.cluster_arn.as_deref().unwrap_or(UNKNOWN);
    let mut out = Vec::new();
    for key in keys {
        let Some((ns, name)) = key.split_once('/') else {
            continue;
        };
        let untagged = d
            .desired
            .pod_identities
            .iter()
            .any(|p| p.namespace == ns && p.service_account == name && p.disable_session_tags);
        let stmt = if untagged {
            trust::pod_identity_statement()
        } else {
            trust::pod_identity_statement_for(cluster_arn, ns, name)
        };
        if !out.contains(&stmt) {
            out.push(stmt);
        }
    }
    out
}

/// Plans a desired role and its policies, after the OIDC provider's action `oidc_id`.
pub fn diff(d: &mut Differ, role: &DesiredRole, oidc_id: Option<&str>) {
    let existing = d.observed.roles.get(&role.name);
    let target = d.role_arn(&role.name);
    let depends: Vec<String> = oidc_id.map(str::to_owned).into_iter().collect();
    let trust_doc = wanted_trust(d, role, existing);
    let len = trust::rendered_len(&trust_doc);
    if len > TRUST_POLICY_QUOTA {
        d.plan.warnings.push(format!(
            "the trust policy of role `{}` is {len} characters; IAM's default quota is {TRUST_POLICY_QUOTA} (ask AWS for a higher quota, or split the ServiceAccounts across roles)",
            role.name
        ));
    }
    let role_id = match existing {
        None => {
            let step = RoleStep::Create {
                name: role.name.clone(),
                trust: trust_doc,
                boundary: role.permissions_boundary.clone(),
                tags: tags_here(d, role),
            };
            d.push(&role.name, target, depends, Step::Role(step))
        }
        Some(obs) => {
            if !owned_for_cluster(d, role, obs) {
                return;
            }
            let step = update(d, role, obs, trust_doc);
            let id = d.push(&role.name, target, depends, Step::Role(step.0));
            for key in &step.1 {
                if let Some((ns, name)) = key.split_once('/')
                    && !d.desired.lists_service_account(ns, name)
                {
                    service_account::unbind(d, ns, name, Some(&obs.arn));
                }
            }
            id
        }
    };
    policies(d, role, existing, &role_id);
}

/// Whether an existing role of the desired name is eksiam's, for this cluster; a conflict
/// otherwise.
fn owned_for_cluster(d: &mut Differ, role: &DesiredRole, obs: &ObservedRole) -> bool {
    let why = match foreign(role, obs, &Here::of(d)) {
        None => return true,
        Some(Foreign::NotEksiams) => format!(
            "role `{}` already exists and was not created by eksiam (it has no `{TAG_MANAGED_BY}` tag); eksiam will not change it. Use `attachRoleARN` to bind it as-is, or choose another `roleName`",
            role.name
        ),
        Some(Foreign::OtherCluster(other)) => format!(
            "role `{}` is managed by eksiam for cluster `{other}`, not this `{}`; choose another `roleName`",
            role.name, d.desired.cluster
        ),
        Some(Foreign::OtherServiceAccounts(owners)) => format!(
            "role `{}` is eksiam's role for {owners}, and the name eksiam derives for {} is the same: a derived role is one ServiceAccount's alone, so eksiam will not add it; give it its own `roleName` (or name the role `roleName` in every entry that shares it)",
            role.name,
            role.served()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    d.plan.conflicts.push(why);
    false
}

/// Why eksiam may not change an existing role of a wanted name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Foreign {
    /// It has no `eksiam.io/managed-by` tag (and is not a role `reconcile` takes over).
    NotEksiams,
    /// eksiam manages it for this other cluster.
    OtherCluster(String),
    /// eksiam made it, under a name it derived, for these other ServiceAccounts (listed as
    /// the plan shows them): its owners.
    OtherServiceAccounts(String),
}

/// Whether eksiam may change `obs`, the existing role of `role`'s name, for the cluster
/// `here` (`None`), or why not. Ownership is decided here, by exact identity: eksiam's tag,
/// this cluster (its ARN, see [`elsewhere`]), and for a derived name, its one ServiceAccount.
pub fn foreign(role: &DesiredRole, obs: &ObservedRole, here: &Here) -> Option<Foreign> {
    if crate::rules::self_service::adoptable(role, obs, here.name, here.issuer) {
        return None;
    }
    if obs.tags.get(TAG_MANAGED_BY).map(String::as_str) != Some(MANAGER) {
        return Some(Foreign::NotEksiams);
    }
    if let Some(other) = elsewhere(obs, here) {
        return Some(Foreign::OtherCluster(other));
    }
    // A name eksiam derived is one ServiceAccount's: a second claimant (another namespace
    // and name that come to the same name) is refused, never merged into its trust.
    let served: BTreeSet<String> = role.served().collect();
    let others: Vec<String> = tagged_service_accounts(&obs.tags)
        .unwrap_or_default()
        .into_iter()
        .filter(|k| !served.contains(k))
        .collect();
    (!role.named && !others.is_empty()).then(|| {
        Foreign::OtherServiceAccounts(
            others
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", "),
        )
    })
}

/// The update of an existing role, and the subjects whose trust it revokes.
fn update(
    d: &mut Differ,
    role: &DesiredRole,
    obs: &ObservedRole,
    trust_doc: Value,
) -> (RoleStep, Vec<String>) {
    let dropped = dropped_subjects(d, role, obs);
    let mut trust_doc = trust_doc;
    for key in &dropped.revoked {
        trust_doc = trust::remove_subject(&trust_doc, &d.issuer_host_path(), &key_sub(key));
    }
    // The ownership tag keeps naming the subjects that stay trusted.
    let mut role_tags = tags_here(d, role);
    role_tags.insert(
        TAG_SERVICE_ACCOUNTS.into(),
        service_accounts_tag(role.served().chain(dropped.kept.iter().cloned())),
    );
    let step = RoleStep::Update {
        name: role.name.clone(),
        trust: (!trust::up_to_date(&obs.assume_role_policy, &trust_doc))
            .then(|| (obs.assume_role_policy.clone(), trust_doc)),
        boundary: (obs.permissions_boundary != role.permissions_boundary).then(|| {
            (
                obs.permissions_boundary.clone(),
                role.permissions_boundary.clone(),
            )
        }),
        tags: tag_change(&role_tags, &obs.tags),
    };
    (step, dropped.revoked)
}

/// The tags `role` is made with: its own, and this cluster's ARN when known.
fn tags_here(d: &Differ, role: &DesiredRole) -> BTreeMap<String, String> {
    let mut tags = role.tags.clone();
    if let Some(arn) = &d.observed.cluster_arn {
        tags.insert(TAG_CLUSTER_ARN.into(), arn.clone());
    }
    tags
}

/// The tags of `want` whose values `have` lacks, or `None` when all are there.
fn tag_change(
    want: &BTreeMap<String, String>,
    have: &BTreeMap<String, String>,
) -> Option<TagChange> {
    let after: BTreeMap<String, String> = want
        .iter()
        .filter(|(k, v)| have.get(*k) != Some(v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (!after.is_empty()).then(|| TagChange {
        before: after
            .keys()
            .map(|k| (k.clone(), have.get(k).cloned()))
            .collect(),
        after,
    })
}

/// The subjects eksiam trusted in an existing role (its ownership tag) that the desired
/// role no longer lists: revoked with `--prune` when selected, else kept (with a warning
/// when the file dropped them).
fn dropped_subjects(d: &mut Differ, role: &DesiredRole, obs: &ObservedRole) -> Dropped {
    let wanted: BTreeSet<String> = role.served().collect();
    let mut dropped = Dropped::default();
    let prune = d.opts.prune && d.desired.prune_scope.any_roles();
    for key in tagged_service_accounts(&obs.tags).unwrap_or_default() {
        if wanted.contains(&key) {
            continue;
        }
        if !d.desired.selection.selects(&key) {
            dropped.kept.push(key);
        } else if prune {
            dropped.revoked.push(key);
        } else {
            d.plan.warnings.push(format!(
                "role `{}` still trusts `{key}`, which the file no longer lists for it: that ServiceAccount can still assume the role (run with `--prune` to revoke it, or `eksiam delete iamserviceaccount --cluster {} --namespace {} --name {}`)",
                role.name,
                d.desired.cluster,
                key.split_once('/').map_or("", |k| k.0),
                key.split_once('/').map_or(key.as_str(), |k| k.1),
            ));
            dropped.kept.push(key);
        }
    }
    dropped
}

/// The role's managed-policy attachments and inline policies, after the role's action.
fn policies(d: &mut Differ, role: &DesiredRole, existing: Option<&ObservedRole>, role_id: &str) {
    let deps = vec![role_id.to_owned()];
    let attached: BTreeSet<&str> = existing
        .map(|r| r.managed_policies.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let wanted = role.managed_policies.iter().map(|arn| {
        let op = if attached.contains(arn.as_str()) {
            Op::NoOp
        } else {
            Op::Create
        };
        (arn.as_str(), op)
    });
    let unwanted = attached
        .iter()
        .filter(|_| !role.keep_other_policies)
        .filter(|a| !role.managed_policies.iter().any(|w| w == *a))
        .map(|arn| (*arn, Op::Delete));
    let attachments: Vec<(&str, Op)> = wanted.chain(unwanted).collect();
    for (arn, op) in attachments {
        let step = AttachmentStep {
            role: role.name.clone(),
            policy_arn: arn.to_owned(),
            op,
        };
        d.push(
            &format!("{}/{arn}", role.name),
            Some(arn.to_owned()),
            deps.clone(),
            Step::PolicyAttachment(step),
        );
    }
    let inline = existing.map(|r| &r.inline_policies);
    let mut steps: Vec<(String, InlineChange)> = Vec::new();
    for (name, doc) in &role.inline_policies {
        let change = match inline.and_then(|m| m.get(name)) {
            Some(cur) if policy::equivalent(cur, doc) => InlineChange::Unchanged,
            cur => InlineChange::Put {
                before: cur.cloned(),
                after: doc.clone(),
            },
        };
        steps.push((name.clone(), change));
    }
    for (name, doc) in inline
        .into_iter()
        .flatten()
        .filter(|_| !role.keep_other_policies)
        .filter(|(n, _)| !role.inline_policies.contains_key(*n))
    {
        steps.push((
            name.clone(),
            InlineChange::Delete {
                before: doc.clone(),
            },
        ));
    }
    for (name, change) in steps {
        let step = InlinePolicyStep {
            role: role.name.clone(),
            name: name.clone(),
            change,
        };
        d.push(
            &format!("{}/{name}", role.name),
            Some(name),
            deps.clone(),
            Step::InlinePolicy(step),
        );
    }
}

/// This cluster, as ownership names it: its name, and when known its ARN and its issuer.
#[derive(Debug, Clone, Copy)]
pub struct Here<'a> {
    pub name: &'a str,
    pub arn: Option<&'a str>,
    /// The issuer's host and path.
    pub issuer: Option<&'a str>,
}

impl<'a> Here<'a> {
    /// The cluster a plan is for.
    pub fn of(d: &'a Differ) -> Here<'a> {
        Here::observed(&d.desired.cluster, d.observed)
    }

    /// Cluster `name`, with what `observed` knows of it.
    pub fn observed(name: &'a str, observed: &'a crate::observed::Observed) -> Here<'a> {
        Here {
            name,
            arn: observed.cluster_arn.as_deref(),
            issuer: observed.issuer.as_ref().map(|i| i.host_path()),
        }
    }
}

/// The cluster eksiam made `r` for, when that is not this one: another name in its cluster
/// tag; another ARN in its cluster-ARN tag; or, on a role tagged before that tag existed, a
/// trust that names another cluster's issuer and not this one's (a cluster of the same name
/// in another region or account). A role that trusts no issuer and has no ARN tag (a Pod
/// Identity role made before) cannot be told apart by more than its name.
fn elsewhere(r: &ObservedRole, here: &Here) -> Option<String> {
    if let Some(other) = r.tags.get(TAG_CLUSTER).filter(|c| *c != here.name) {
        return Some(other.clone());
    }
    match (r.tags.get(TAG_CLUSTER_ARN), here.arn) {
        (Some(theirs), Some(ours)) if theirs != ours => Some(theirs.clone()),
        (Some(_), _) => None,
        (None, _) => {
            let trust = &r.assume_role_policy;
            here.issuer
                .filter(|i| trust::trusts_any_issuer(trust) && !trust::trusts_issuer(trust, i))
                .map(|_| format!("{} (its trust names another cluster's issuer)", here.name))
        }
    }
}

/// Whether eksiam made `r` for this cluster (see [`elsewhere`]).
fn managed_here(d: &Differ, r: &ObservedRole) -> bool {
    r.tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGER)
        && r.tags.get(TAG_CLUSTER) == Some(&d.desired.cluster)
        && elsewhere(r, &Here::of(d)).is_none()
}

/// Whether `--prune` may delete `r`: a Pod Identity role (trusted by the Pod Identity service
/// and by no OIDC provider) when the input declares `iam.podIdentityAssociations`, any other
/// when it declares `iam.serviceAccounts`.
fn in_prune_scope(d: &Differ, r: &ObservedRole) -> bool {
    let scope = &d.desired.prune_scope;
    if r.tags.contains_key(crate::desired::TAG_SELF_SERVICE) {
        return scope.self_service;
    }
    let pod_identity_only = trust::trusts_pod_identity(&r.assume_role_policy)
        && !trust::trusts_any_issuer(&r.assume_role_policy);
    if pod_identity_only {
        scope.pod_identities
    } else {
        scope.roles
    }
}

/// `--prune`: deletes the roles eksiam made for this cluster that the desired state no
/// longer lists (under a filter, only those whose every ServiceAccount is selected), and
/// unbinds their ServiceAccounts.
pub fn prune(d: &mut Differ) {
    let selection = &d.desired.selection;
    let stale: Vec<(&String, &ObservedRole)> = d
        .observed
        .roles
        .iter()
        .filter(|(name, r)| {
            managed_here(d, r)
                && d.desired.role(name).is_none()
                && !d.desired.held_roles.contains(*name)
                && in_prune_scope(d, r)
        })
        .filter(|(_, r)| {
            selection.is_everything()
                || tagged_service_accounts(&r.tags)
                    .is_some_and(|keys| keys.iter().all(|k| selection.selects(k)))
        })
        .collect();
    for (name, r) in stale {
        let step = RoleStep::Delete {
            name: name.clone(),
            role: r.clone(),
        };
        d.push(name, Some(r.arn.clone()), Vec::new(), Step::Role(step));
        // Its ServiceAccounts lose their role: unbind those the desired state does not list.
        for key in tagged_service_accounts(&r.tags).unwrap_or_default() {
            if let Some((ns, n)) = key.split_once('/')
                && !d.desired.lists_service_account(ns, n)
            {
                service_account::unbind(d, ns, n, Some(&r.arn));
            }
        }
    }
}

/// `delete iamserviceaccount` and `delete podidentityassociation`: each ServiceAccount that
/// must go loses its trust (an exclusively-owned role is deleted, a shared one loses only its
/// statement and its name in the tag); IRSA ServiceAccounts are unbound.
pub fn revoke_absent(d: &mut Differ) {
    for (ns, name) in &d.desired.absent_service_accounts {
        revoke(d, ns, name, false);
        service_account::unbind(d, ns, name, None);
    }
    for (ns, name) in &d.desired.absent_pod_identities {
        revoke(d, ns, name, true);
    }
}

/// Revokes the trust eksiam's roles give `ns/name`, through its OIDC statement or (for
/// `pod_identity`) its Pod Identity association. A role the other way still serves is kept:
/// an IRSA revocation never deletes a role that trusts Pod Identity, nor the reverse.
fn revoke(d: &mut Differ, ns: &str, name: &str, pod_identity: bool) {
    let issuer = d.issuer_host_path();
    let key = format!("{ns}/{name}");
    let sub = format!("system:serviceaccount:{ns}:{name}");
    let owned: Vec<(&String, &ObservedRole)> = d
        .observed
        .roles
        .iter()
        .filter(|(_, r)| {
            managed_here(d, r)
                && r.tags
                    .get(TAG_SERVICE_ACCOUNTS)
                    .is_some_and(|t| t.split(' ').any(|s| s == key))
        })
        .collect();
    for (role, r) in owned {
        let trust_doc = &r.assume_role_policy;
        let served_other_way = if pod_identity {
            trust::trusts_any_issuer(trust_doc)
        } else {
            trust::trusts_pod_identity(trust_doc)
        };
        let others: Vec<&str> = r.tags[TAG_SERVICE_ACCOUNTS]
            .split(' ')
            .filter(|s| *s != key)
            .collect();
        let step = if others.is_empty() && !served_other_way {
            RoleStep::Delete {
                name: role.clone(),
                role: r.clone(),
            }
        } else {
            let after_trust = if pod_identity {
                trust_doc.clone()
            } else {
                trust::remove_subject(trust_doc, &issuer, &sub)
            };
            let after_tag = if served_other_way {
                r.tags[TAG_SERVICE_ACCOUNTS].clone()
            } else {
                others.join(" ")
            };
            RoleStep::Update {
                name: role.clone(),
                trust: (after_trust != *trust_doc).then(|| (trust_doc.clone(), after_trust)),
                boundary: None,
                tags: (after_tag != r.tags[TAG_SERVICE_ACCOUNTS]).then(|| TagChange {
                    before: BTreeMap::from([(
                        TAG_SERVICE_ACCOUNTS.to_owned(),
                        Some(r.tags[TAG_SERVICE_ACCOUNTS].clone()),
                    )]),
                    after: BTreeMap::from([(TAG_SERVICE_ACCOUNTS.to_owned(), after_tag)]),
                }),
            }
        };
        d.push(role, Some(r.arn.clone()), Vec::new(), Step::Role(step));
    }
}

/// The name of the role an ARN names (the last segment of its path).
fn role_name_of(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

/// Whether the role `arn` names will admit Pod Identity once the plan has run: it does
/// already, or it is eksiam's for this cluster (and [`trust_pod_identity`] adds the statement).
pub fn admits_pod_identity(d: &Differ, arn: &str) -> bool {
    d.observed
        .roles
        .get(role_name_of(arn))
        .is_some_and(|r| managed_here(d, r) || trust::trusts_pod_identity(&r.assume_role_policy))
}

/// `utils migrate-to-pod-identity`: each role eksiam owns that an association moved from IRSA
/// binds gains the Pod Identity trust statement (and, with
/// `--remove-oidc-provider-trust-relationship`, loses the moved ServiceAccounts' OIDC
/// statements); a role eksiam does not own is only named, with the statement to add.
pub fn trust_pod_identity(d: &mut Differ) {
    let mut by_role: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for p in d.desired.pod_identities.iter().filter(|p| p.from_irsa) {
        if let crate::desired::RoleRef::Existing(arn) = &p.role {
            by_role
                .entry(role_name_of(arn))
                .or_default()
                .push(format!("{}/{}", p.namespace, p.service_account));
        }
    }
    let issuer = d.issuer_host_path();
    for (name, keys) in by_role {
        // As narrow as the roles eksiam makes: each moved association alone.
        let statements = pod_identity_statements(d, &keys);
        let Some(r) = d.observed.roles.get(name) else {
            d.plan.warnings.push(format!(
                "role `{name}` is not in the account: its ServiceAccounts are not moved"
            ));
            continue;
        };
        if !managed_here(d, r) {
            if !trust::trusts_pod_identity(&r.assume_role_policy) {
                d.plan.warnings.push(format!(
                    "role `{name}` was not made by eksiam, so eksiam does not change it, and its trust does not admit Pod Identity: its ServiceAccounts are not moved. Add {} to its trust policy, then run again: {}",
                    if statements.len() == 1 { "this statement" } else { "these statements" },
                    statements
                        .iter()
                        .map(Value::to_string)
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
            }
            continue;
        }
        // The associations the role admitted already keep their statements; a statement
        // without a condition (every association in the account) is replaced.
        let mut wanted: Vec<Value> = trust::pod_identity_statements_in(&r.assume_role_policy)
            .into_iter()
            .filter(|s| s.get("Condition").is_some())
            .collect();
        for s in statements {
            if !wanted.contains(&s) {
                wanted.push(s);
            }
        }
        let mut after = trust::merge(Some(&r.assume_role_policy), &issuer, &wanted);
        if d.desired.remove_oidc_trust {
            for key in &keys {
                after = trust::remove_subject(&after, &issuer, &key_sub(key));
            }
        }
        let step = RoleStep::Update {
            name: name.to_owned(),
            trust: (!trust::up_to_date(&r.assume_role_policy, &after))
                .then(|| (r.assume_role_policy.clone(), after)),
            boundary: None,
            tags: None,
        };
        let arn = r.arn.clone();
        d.push(name, Some(arn), Vec::new(), Step::Role(step));
    }
}
