//! EKS access entries (`accessConfig.accessEntries`): the entry (type, Kubernetes groups,
//! username, ownership tags) and its access policy associations.

#[cfg(feature = "cli")]
pub mod live;
pub mod mode;

use crate::desired::{AccessScope, DesiredAccessEntry, MANAGER, TAG_CLUSTER, TAG_MANAGED_BY};
use crate::kinds::Step;
use crate::observed::ObservedAccessEntry;
use crate::plan::{Change, Describe, Differ, Kind, Op};
use serde_json::Value;
use std::collections::BTreeMap;

/// What to do to an access entry.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryStep {
    Create {
        principal: String,
        entry_type: String,
        groups: Vec<String>,
        username: Option<String>,
        tags: BTreeMap<String, String>,
    },
    /// Only what differs is `Some`; neither is no change (an entry that already says what is
    /// asked, eksiam's or adopted).
    Update {
        principal: String,
        groups: Option<(Vec<String>, Vec<String>)>,
        username: Option<(Option<String>, Option<String>)>,
    },
    /// Delete an entry eksiam made (EKS removes its policy associations with it).
    Delete {
        principal: String,
        entry: ObservedAccessEntry,
    },
}

impl EntryStep {
    /// The principal whose entry this is.
    pub fn principal(&self) -> &str {
        match self {
            EntryStep::Create { principal, .. }
            | EntryStep::Update { principal, .. }
            | EntryStep::Delete { principal, .. } => principal,
        }
    }
}

impl Describe for EntryStep {
    fn kind(&self) -> Kind {
        Kind::AccessEntry
    }

    fn op(&self) -> Op {
        match self {
            EntryStep::Create { .. } => Op::Create,
            EntryStep::Update {
                groups: None,
                username: None,
                ..
            } => Op::NoOp,
            EntryStep::Update { .. } => Op::Update,
            EntryStep::Delete { .. } => Op::Delete,
        }
    }

    fn changes(&self) -> Vec<Change> {
        match self {
            EntryStep::Create {
                entry_type,
                groups,
                username,
                tags,
                ..
            } => {
                let mut c = vec![
                    Change::new("type", Value::Null, entry_type),
                    Change::new("kubernetes_groups", Value::Null, groups),
                ];
                if let Some(u) = username {
                    c.push(Change::new("username", Value::Null, u));
                }
                c.push(Change::new("tags", Value::Null, tags));
                c
            }
            EntryStep::Update {
                groups, username, ..
            } => {
                let mut c = Vec::new();
                if let Some((before, after)) = groups {
                    c.push(Change::new("kubernetes_groups", before, after));
                }
                if let Some((before, after)) = username {
                    c.push(Change::new("username", before, after));
                }
                c
            }
            EntryStep::Delete { entry, .. } => {
                let policies: Vec<&String> = entry.policies.keys().collect();
                vec![
                    Change::new("type", &entry.entry_type, Value::Null),
                    Change::new("kubernetes_groups", &entry.groups, Value::Null),
                    Change::new("access_policies", policies, Value::Null),
                ]
            }
        }
    }

    fn lowers_access(&self) -> bool {
        use crate::rules::lockout::groups_dropped;
        match self {
            EntryStep::Create { .. } => false,
            EntryStep::Delete { .. } => true,
            EntryStep::Update {
                groups, username, ..
            } => {
                groups
                    .as_ref()
                    .is_some_and(|(before, after)| groups_dropped(before, after))
                    || username
                        .as_ref()
                        .is_some_and(|(before, after)| before != after)
            }
        }
    }
}

/// What to do to one access policy association.
#[derive(Debug, Clone, PartialEq)]
pub enum PolicyChange {
    /// Associate, or change the scope of (`before`) an association.
    Associate {
        before: Option<AccessScope>,
        after: AccessScope,
    },
    Disassociate {
        before: AccessScope,
    },
    Unchanged,
}

/// An access policy associated with an entry.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyStep {
    pub principal: String,
    pub policy_arn: String,
    pub change: PolicyChange,
}

impl Describe for PolicyStep {
    fn kind(&self) -> Kind {
        Kind::AccessPolicyAssociation
    }

    fn op(&self) -> Op {
        match &self.change {
            PolicyChange::Associate { before: None, .. } => Op::Create,
            PolicyChange::Associate { .. } => Op::Update,
            PolicyChange::Disassociate { .. } => Op::Delete,
            PolicyChange::Unchanged => Op::NoOp,
        }
    }

    fn changes(&self) -> Vec<Change> {
        let json = |s: &Option<AccessScope>| s.as_ref().map_or(Value::Null, AccessScope::to_json);
        match &self.change {
            PolicyChange::Associate { before, after } => {
                vec![Change::new("access_scope", json(before), after.to_json())]
            }
            PolicyChange::Disassociate { before } => {
                vec![Change::new("access_scope", before.to_json(), Value::Null)]
            }
            PolicyChange::Unchanged => Vec::new(),
        }
    }

    fn lowers_access(&self) -> bool {
        match &self.change {
            PolicyChange::Disassociate { .. } => true,
            PolicyChange::Associate {
                before: Some(before),
                after,
            } => crate::rules::lockout::scope_narrowed(before.namespaces(), after.namespaces()),
            PolicyChange::Associate { before: None, .. } | PolicyChange::Unchanged => false,
        }
    }
}

/// Whether eksiam made `entry` for `cluster` (its ownership tags).
pub fn owned(entry: &ObservedAccessEntry, cluster: &str) -> bool {
    entry.tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGER)
        && entry.tags.get(TAG_CLUSTER).map(String::as_str) == Some(cluster)
}

/// The ownership tags of an entry eksiam creates.
pub fn ownership_tags(cluster: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (TAG_MANAGED_BY.to_owned(), MANAGER.to_owned()),
        (TAG_CLUSTER.to_owned(), cluster.to_owned()),
    ])
}

/// The EKS access policy that makes a principal cluster admin (`system:masters`).
pub const CLUSTER_ADMIN_POLICY: &str = "cluster-access-policy/AmazonEKSClusterAdminPolicy";

/// Plans the access entries the desired state lists, deletes those it says must go, and
/// with `--prune` deletes the ones eksiam made that it no longer lists; then guards against
/// a lock-out.
pub fn diff(d: &mut Differ) {
    let desired = d.desired;
    let observed = d.observed;
    let prune = d.opts.prune && desired.prune_scope.access_entries;
    // Entries are made once the cluster reads them, and before it reads nothing else.
    let moves = mode::diff(d);
    for e in &desired.access_entries {
        entry(d, e, moves.before_entries.as_deref());
    }
    for principal in &desired.absent_access_entries {
        let step = match observed.access_entries.get(principal) {
            Some(obs) => EntryStep::Delete {
                principal: principal.clone(),
                entry: obs.clone(),
            },
            None => EntryStep::Update {
                principal: principal.clone(),
                groups: None,
                username: None,
            },
        };
        d.push(
            principal,
            Some(principal.clone()),
            Vec::new(),
            Step::AccessEntry(step),
        );
    }
    if prune {
        for (principal, obs) in &observed.access_entries {
            let listed = desired
                .access_entries
                .iter()
                .any(|e| &e.principal_arn == principal);
            if !listed && owned(obs, &desired.cluster) {
                let step = EntryStep::Delete {
                    principal: principal.clone(),
                    entry: obs.clone(),
                };
                d.push(
                    principal,
                    Some(principal.clone()),
                    Vec::new(),
                    Step::AccessEntry(step),
                );
            }
        }
    }
    mode::finish(d, moves);
    if !d.opts.allow_lockout {
        lockout(d);
    }
}

/// Whether a scope of `policy` makes its principal cluster admin.
fn admin(policy: &str, scope: &AccessScope) -> bool {
    policy.ends_with(CLUSTER_ADMIN_POLICY) && *scope == AccessScope::Cluster
}

/// Whether `principal` is the entry of `caller` (a role ARN may carry a path the caller's
/// ARN lacks).
fn is_caller(principal: &str, caller: &str) -> bool {
    let (stripped, _) = crate::rules::arn::strip_role_path(principal);
    stripped.eq_ignore_ascii_case(caller)
}

/// The lock-out guard: a plan may not lower the access of the identity eksiam runs as (its
/// entry deleted, its groups or username changed, a policy taken away or narrowed), nor
/// leave the cluster without an entry holding `AmazonEKSClusterAdminPolicy` at cluster scope
/// when it had one; `--allow-lockout` allows both.
fn lockout(d: &mut Differ) {
    use crate::plan::Describe as _;
    use crate::rules::lockout::refusal;
    let mut admins: std::collections::BTreeSet<String> = d
        .observed
        .access_entries
        .iter()
        .filter(|(_, e)| e.policies.iter().any(|(p, s)| admin(p, s)))
        .map(|(p, _)| p.clone())
        .collect();
    let had_admin = !admins.is_empty();
    let caller = d.observed.caller.as_ref().map(|c| c.id().to_owned());
    let mut conflicts = Vec::new();
    for a in &d.plan.actions {
        let principal = match &a.step {
            Step::AccessEntry(e) => e.principal(),
            Step::AccessPolicy(p) => &p.principal,
            _ => continue,
        };
        if let Some(c) = caller.as_deref().filter(|c| is_caller(principal, c))
            && a.step.lowers_access()
        {
            conflicts.push(refusal(&match &a.step {
                Step::AccessEntry(EntryStep::Delete { .. }) => format!(
                    "deleting the access entry of `{principal}` would take away the access of the AWS identity eksiam runs as (`{c}`)"
                ),
                _ => format!(
                    "`{}` would lower the access of the AWS identity eksiam runs as (`{c}`)",
                    a.id
                ),
            }));
        }
        match &a.step {
            Step::AccessEntry(EntryStep::Delete { principal, .. }) => {
                admins.remove(principal);
            }
            Step::AccessPolicy(p) if p.policy_arn.ends_with(CLUSTER_ADMIN_POLICY) => {
                match &p.change {
                    PolicyChange::Associate { after, .. } if admin(&p.policy_arn, after) => {
                        admins.insert(p.principal.clone());
                    }
                    PolicyChange::Associate { .. } | PolicyChange::Disassociate { .. } => {
                        admins.remove(&p.principal);
                    }
                    PolicyChange::Unchanged => {}
                }
            }
            _ => {}
        }
    }
    if had_admin && admins.is_empty() {
        conflicts.push(refusal(
            "after this plan no access entry would hold `AmazonEKSClusterAdminPolicy` at cluster scope: the cluster could be left without an administrator",
        ));
    }
    d.plan.conflicts.extend(conflicts);
}

/// Plans one desired entry and its policies, after the authentication mode's action `mode`.
fn entry(d: &mut Differ, e: &DesiredAccessEntry, mode: Option<&str>) {
    let cluster = d.desired.cluster.clone();
    let observed = d.observed.access_entries.get(&e.principal_arn);
    let no_policies = BTreeMap::new();
    let have_policies = observed.map_or(&no_policies, |o| &o.policies);
    let policies = policy_changes(e, have_policies);
    let step = match observed {
        None => EntryStep::Create {
            principal: e.principal_arn.clone(),
            entry_type: e.entry_type.clone(),
            groups: e.groups.clone(),
            username: e.username.clone(),
            tags: ownership_tags(&cluster),
        },
        Some(obs) => {
            let Some(step) = update(d, e, obs, &policies) else {
                return;
            };
            step
        }
    };
    let id = d.push(
        &e.principal_arn,
        Some(e.principal_arn.clone()),
        mode.map(str::to_owned).into_iter().collect(),
        Step::AccessEntry(step),
    );
    for (policy_arn, change) in policies {
        let step = PolicyStep {
            principal: e.principal_arn.clone(),
            policy_arn: policy_arn.clone(),
            change,
        };
        d.push(
            &format!("{}/{policy_arn}", e.principal_arn),
            Some(policy_arn),
            vec![id.clone()],
            Step::AccessPolicy(step),
        );
    }
}

/// The update of an existing entry, or `None` (with a conflict) when it cannot be made: a
/// different type, or an entry eksiam did not make that differs from the file.
fn update(
    d: &mut Differ,
    e: &DesiredAccessEntry,
    obs: &ObservedAccessEntry,
    policies: &[(String, PolicyChange)],
) -> Option<EntryStep> {
    if obs.entry_type != e.entry_type {
        d.plan.conflicts.push(format!(
            "the access entry of `{}` is of type `{}`, the file says `{}`: EKS cannot change an entry's type (delete the entry first, or change the file)",
            e.principal_arn, obs.entry_type, e.entry_type
        ));
        return None;
    }
    let mut have_groups = obs.groups.clone();
    have_groups.sort();
    have_groups.dedup();
    let groups = (have_groups != e.groups).then(|| (have_groups, e.groups.clone()));
    let username = e
        .username
        .as_ref()
        .filter(|u| obs.username.as_ref() != Some(*u))
        .map(|u| (obs.username.clone(), Some(u.clone())));
    let differs = groups.is_some()
        || username.is_some()
        || policies.iter().any(|(_, c)| *c != PolicyChange::Unchanged);
    if differs && !owned(obs, &d.desired.cluster) {
        d.plan.conflicts.push(format!(
            "an access entry for `{}` exists and was not created by eksiam (it has no `{TAG_MANAGED_BY}` tag for this cluster), and it differs from the file; eksiam will not change it. Make the file say what the entry holds (`eksiam get accessentry --cluster {}` shows it), or delete the entry so eksiam can create it",
            e.principal_arn, d.desired.cluster
        ));
        return None;
    }
    Some(EntryStep::Update {
        principal: e.principal_arn.clone(),
        groups,
        username,
    })
}

/// The associations that take an entry's policies (`have`) to the desired ones.
fn policy_changes(
    e: &DesiredAccessEntry,
    have: &BTreeMap<String, AccessScope>,
) -> Vec<(String, PolicyChange)> {
    let wanted = e.policies.iter().map(|(arn, scope)| {
        let change = match have.get(arn) {
            Some(current) if current == scope => PolicyChange::Unchanged,
            current => PolicyChange::Associate {
                before: current.cloned(),
                after: scope.clone(),
            },
        };
        (arn.clone(), change)
    });
    let extra = have
        .iter()
        .filter(|(arn, _)| !e.policies.contains_key(*arn))
        .map(|(arn, scope)| {
            (
                arn.clone(),
                PolicyChange::Disassociate {
                    before: scope.clone(),
                },
            )
        });
    wanted.chain(extra).collect()
}
