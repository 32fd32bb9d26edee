//! EKS Pod Identity associations (`iam.podIdentityAssociations`): one association per
//! ServiceAccount binding it to a role, and the `eks-pod-identity-agent` add-on they need.

#[cfg(feature = "cli")]
pub mod live;

use crate::desired::{DesiredPodIdentity, MANAGER, RoleRef, TAG_CLUSTER, TAG_MANAGED_BY};
use crate::kinds::Step;
use crate::observed::ObservedPodIdentity;
use crate::plan::{Change, Describe, Differ, Kind, Known, Op};
use crate::rules::policy;
use serde_json::Value;
use std::collections::BTreeMap;

/// The add-on whose agent serves the associations' credentials on the nodes.
pub const AGENT_ADDON: &str = "eks-pod-identity-agent";

/// What an association is to say.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    pub role_arn: Known,
    pub target_role_arn: Option<String>,
    pub disable_session_tags: bool,
    pub session_policy: Option<Value>,
}

impl Wanted {
    /// Whether `have` already says this (an unknown role ARN says nothing yet).
    fn said_by(&self, have: &ObservedPodIdentity) -> bool {
        self.role_arn.get() == Some(have.role_arn.as_str())
            && self.target_role_arn == have.target_role_arn
            && self.disable_session_tags == have.disable_session_tags
            && same_policy(self.session_policy.as_ref(), have.session_policy.as_ref())
    }

    /// Whether going from `have` to this removes a target role or a session policy, which an
    /// update cannot do: the association is then replaced (deleted and made again).
    pub fn needs_replacing(&self, have: &ObservedPodIdentity) -> bool {
        (have.target_role_arn.is_some() && self.target_role_arn.is_none())
            || (have.session_policy.is_some() && self.session_policy.is_none())
    }

    /// The field changes from `have` (`None`: nothing yet) to this.
    fn changes(&self, have: Option<&ObservedPodIdentity>) -> Vec<Change> {
        let mut c = Vec::new();
        let role_before = have.map(|h| h.role_arn.as_str());
        if have.is_none() || role_before != self.role_arn.get() {
            c.push(Change::new("role_arn", role_before, self.role_arn.as_str()));
        }
        let target_before = have.and_then(|h| h.target_role_arn.as_ref());
        if target_before != self.target_role_arn.as_ref() {
            c.push(Change::new(
                "target_role_arn",
                target_before,
                &self.target_role_arn,
            ));
        }
        let tags_before = have.is_some_and(|h| h.disable_session_tags);
        if (have.is_some() || self.disable_session_tags) && tags_before != self.disable_session_tags
        {
            c.push(Change::new(
                "disable_session_tags",
                tags_before,
                self.disable_session_tags,
            ));
        }
        let policy_before = have.and_then(|h| h.session_policy.as_ref());
        if !same_policy(policy_before, self.session_policy.as_ref()) {
            c.push(Change::new("policy", policy_before, &self.session_policy));
        }
        c
    }
}

/// Whether two session policies say the same (both absent, or equivalent documents).
fn same_policy(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => policy::equivalent(a, b),
        _ => false,
    }
}

/// What to do to a ServiceAccount's association.
#[derive(Debug, Clone, PartialEq)]
pub enum AssociationStep {
    Create {
        namespace: String,
        service_account: String,
        wanted: Wanted,
        tags: BTreeMap<String, String>,
    },
    /// Make an existing association say `wanted`; no change when it does already.
    Update {
        namespace: String,
        service_account: String,
        before: ObservedPodIdentity,
        wanted: Wanted,
        /// Its ownership tags, for when it must be replaced.
        tags: BTreeMap<String, String>,
    },
    Delete {
        namespace: String,
        service_account: String,
        before: ObservedPodIdentity,
    },
    /// Asked to go, and there is none.
    Absent {
        namespace: String,
        service_account: String,
    },
}

impl Describe for AssociationStep {
    fn kind(&self) -> Kind {
        Kind::PodIdentityAssociation
    }

    fn op(&self) -> Op {
        match self {
            AssociationStep::Create { .. } => Op::Create,
            AssociationStep::Update { before, wanted, .. } if wanted.said_by(before) => Op::NoOp,
            AssociationStep::Update { .. } => Op::Update,
            AssociationStep::Delete { .. } => Op::Delete,
            AssociationStep::Absent { .. } => Op::NoOp,
        }
    }

    fn changes(&self) -> Vec<Change> {
        match self {
            AssociationStep::Create { wanted, tags, .. } => {
                let mut c = wanted.changes(None);
                c.push(Change::new("tags", Value::Null, tags));
                c
            }
            AssociationStep::Update { before, wanted, .. } => wanted.changes(Some(before)),
            AssociationStep::Delete { before, .. } => {
                vec![Change::new("role_arn", &before.role_arn, Value::Null)]
            }
            AssociationStep::Absent { .. } => Vec::new(),
        }
    }
}

/// Install an add-on the cluster lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct AddonStep {
    pub name: String,
    pub tags: BTreeMap<String, String>,
}

impl Describe for AddonStep {
    fn kind(&self) -> Kind {
        Kind::EksAddon
    }

    fn op(&self) -> Op {
        Op::Create
    }

    fn changes(&self) -> Vec<Change> {
        vec![
            Change::new("addon_name", Value::Null, &self.name),
            Change::new("tags", Value::Null, &self.tags),
        ]
    }
}

/// The ownership tags of what eksiam makes in EKS for `cluster`.
pub fn ownership_tags(cluster: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (TAG_MANAGED_BY.to_owned(), MANAGER.to_owned()),
        (TAG_CLUSTER.to_owned(), cluster.to_owned()),
    ])
}

/// Whether eksiam made the association for `cluster` (its ownership tags).
pub fn owned(a: &ObservedPodIdentity, cluster: &str) -> bool {
    a.tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGER)
        && a.tags.get(TAG_CLUSTER).map(String::as_str) == Some(cluster)
}

/// Plans the agent add-on, the associations the desired state lists, the deletions it asks
/// for, and with `--prune` the deletion of associations eksiam made that it no longer lists.
pub fn diff(d: &mut Differ) {
    let desired = d.desired;
    if !desired.pod_identities.is_empty() {
        agent(d);
    }
    for p in &desired.pod_identities {
        association(d, p);
    }
    for (ns, sa) in &desired.absent_pod_identities {
        let key = format!("{ns}/{sa}");
        let step = match d.observed.pod_identities.get(&(ns.clone(), sa.clone())) {
            Some(before) => AssociationStep::Delete {
                namespace: ns.clone(),
                service_account: sa.clone(),
                before: before.clone(),
            },
            None => AssociationStep::Absent {
                namespace: ns.clone(),
                service_account: sa.clone(),
            },
        };
        d.push(&key, Some(key.clone()), Vec::new(), Step::PodIdentity(step));
    }
    if d.opts.prune && desired.prune_scope.pod_identities {
        prune(d);
    }
}

/// The agent add-on: installed with `--install-agent`, else a warning when the cluster lacks it.
fn agent(d: &mut Differ) {
    let missing = d.observed.pod_identity_agent == Some(false);
    let unknown = d.observed.pod_identity_agent.is_none();
    if d.desired.install_agent && (missing || unknown) {
        let step = AddonStep {
            name: AGENT_ADDON.to_owned(),
            tags: ownership_tags(&d.desired.cluster),
        };
        d.push(
            AGENT_ADDON,
            Some(AGENT_ADDON.to_owned()),
            Vec::new(),
            Step::Addon(step),
        );
    } else if missing {
        d.plan.warnings.push(format!(
            "cluster `{}` has no `{AGENT_ADDON}` add-on: Pod Identity associations give pods no credentials without it (run with `--install-agent`, or add it with `aws eks create-addon --cluster-name {} --addon-name {AGENT_ADDON}`)",
            d.desired.cluster, d.desired.cluster
        ));
    }
}

/// Plans one association, after its role's action when eksiam makes the role.
fn association(d: &mut Differ, p: &DesiredPodIdentity) {
    let key = format!("{}/{}", p.namespace, p.service_account);
    let (role_arn, role_dep) = match &p.role {
        RoleRef::Managed(name) => (
            Known::from_option(d.role_arn(name)),
            Some(format!("{}/{name}", Kind::IamRole.as_str())),
        ),
        // Moved from IRSA: made only once the role admits Pod Identity (after the update of
        // its trust, when eksiam makes it).
        RoleRef::Existing(arn) if p.from_irsa => {
            if !crate::kinds::role::admits_pod_identity(d, arn) {
                return;
            }
            let name = arn.rsplit('/').next().unwrap_or(arn);
            (
                Known::Is(arn.clone()),
                Some(format!("{}/{name}", Kind::IamRole.as_str())),
            )
        }
        RoleRef::Existing(arn) => (Known::Is(arn.clone()), None),
    };
    let wanted = Wanted {
        role_arn,
        target_role_arn: p.target_role_arn.clone(),
        disable_session_tags: p.disable_session_tags,
        session_policy: p.session_policy.clone(),
    };
    // A role with a conflict has no action to depend on.
    let deps: Vec<String> = role_dep.filter(|id| d.has(id)).into_iter().collect();
    let tags = ownership_tags(&d.desired.cluster);
    let step = match d
        .observed
        .pod_identities
        .get(&(p.namespace.clone(), p.service_account.clone()))
    {
        None => AssociationStep::Create {
            namespace: p.namespace.clone(),
            service_account: p.service_account.clone(),
            wanted,
            tags,
        },
        Some(before) => {
            if !wanted.said_by(before) && !may_change(d, &key, before) {
                return;
            }
            AssociationStep::Update {
                namespace: p.namespace.clone(),
                service_account: p.service_account.clone(),
                before: before.clone(),
                wanted,
                tags,
            }
        }
    };
    d.push(&key, Some(key.clone()), deps, Step::PodIdentity(step));
}

/// Whether eksiam may change the existing association of `key`: not one an add-on owns
/// (a conflict); one another tool made is updated in place, with a warning.
fn may_change(d: &mut Differ, key: &str, before: &ObservedPodIdentity) -> bool {
    if let Some(owner) = &before.owner_arn {
        d.plan.conflicts.push(format!(
            "the Pod Identity association of `{key}` belongs to `{owner}`, and EKS lets only its owner change it; change it through that add-on, or drop `{key}` from the input"
        ));
        return false;
    }
    if !owned(before, &d.desired.cluster) {
        d.plan.warnings.push(format!(
            "the Pod Identity association of `{key}` was not made by eksiam; it is updated in place and stays untagged, so `--prune` never deletes it"
        ));
    }
    true
}

/// `--prune`: deletes the associations eksiam made for this cluster that the desired state
/// no longer lists (under a filter, only selected ones).
fn prune(d: &mut Differ) {
    let desired = d.desired;
    let stale: Vec<(&(String, String), &ObservedPodIdentity)> = d
        .observed
        .pod_identities
        .iter()
        .filter(|((ns, sa), a)| {
            owned(a, &desired.cluster)
                && desired.selection.selects(&format!("{ns}/{sa}"))
                && !desired
                    .pod_identities
                    .iter()
                    .any(|p| &p.namespace == ns && &p.service_account == sa)
        })
        .collect();
    for ((ns, sa), before) in stale {
        let key = format!("{ns}/{sa}");
        let step = AssociationStep::Delete {
            namespace: ns.clone(),
            service_account: sa.clone(),
            before: before.clone(),
        };
        d.push(&key, Some(key.clone()), Vec::new(), Step::PodIdentity(step));
    }
}
