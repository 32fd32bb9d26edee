//! Kubernetes ServiceAccounts bound to roles (the `eks.amazonaws.com/role-arn` annotation),
//! and the namespaces created for them.

#[cfg(feature = "cli")]
pub mod live;

use crate::desired::{LABEL_MANAGED_BY, MANAGER, ROLE_ARN_ANNOTATION, RoleRef};
use crate::kinds::Step;
use crate::plan::{Change, Describe, Differ, Kind, Known, Op};
use serde_json::Value;
use std::collections::BTreeMap;

/// A namespace to create.
#[derive(Debug, Clone, PartialEq)]
pub struct NamespaceStep {
    pub name: String,
    pub labels: BTreeMap<String, String>,
}

impl Describe for NamespaceStep {
    fn kind(&self) -> Kind {
        Kind::Namespace
    }

    fn op(&self) -> Op {
        Op::Create
    }

    fn changes(&self) -> Vec<Change> {
        vec![Change::new("labels", Value::Null, &self.labels)]
    }
}

/// Labels or annotations that differ: before (`None`: absent) and after (`None`: removed).
#[derive(Debug, Clone, PartialEq)]
pub struct MapChange {
    pub before: BTreeMap<String, Option<String>>,
    pub after: BTreeMap<String, Option<Known>>,
}

/// What to do to a ServiceAccount.
#[derive(Debug, Clone, PartialEq)]
pub enum ServiceAccountStep {
    Create {
        namespace: String,
        name: String,
        labels: BTreeMap<String, String>,
        annotations: BTreeMap<String, Known>,
    },
    /// A merge patch of the labels and annotations that differ; neither is no change.
    Update {
        namespace: String,
        name: String,
        labels: Option<MapChange>,
        annotations: Option<MapChange>,
    },
    /// Delete a ServiceAccount eksiam created (seen with `annotations`).
    Delete {
        namespace: String,
        name: String,
        annotations: BTreeMap<String, String>,
    },
}

impl Describe for ServiceAccountStep {
    fn kind(&self) -> Kind {
        Kind::Serviceaccount
    }

    fn op(&self) -> Op {
        match self {
            ServiceAccountStep::Create { .. } => Op::Create,
            ServiceAccountStep::Update {
                labels: None,
                annotations: None,
                ..
            } => Op::NoOp,
            ServiceAccountStep::Update { .. } => Op::Update,
            ServiceAccountStep::Delete { .. } => Op::Delete,
        }
    }

    fn changes(&self) -> Vec<Change> {
        match self {
            ServiceAccountStep::Create {
                labels,
                annotations,
                ..
            } => vec![
                Change::new("labels", Value::Null, labels),
                Change::new("annotations", Value::Null, annotations),
            ],
            ServiceAccountStep::Update {
                labels,
                annotations,
                ..
            } => [("labels", labels), ("annotations", annotations)]
                .into_iter()
                .filter_map(|(field, c)| {
                    c.as_ref().map(|c| Change::new(field, &c.before, &c.after))
                })
                .collect(),
            ServiceAccountStep::Delete { annotations, .. } => {
                vec![Change::new("annotations", annotations, Value::Null)]
            }
        }
    }
}

/// The entries of `want` whose values `have` lacks, or `None` when all are there.
fn map_change(
    want: &BTreeMap<String, Known>,
    have: &BTreeMap<String, String>,
) -> Option<MapChange> {
    let after: BTreeMap<String, Option<Known>> = want
        .iter()
        .filter(|(k, v)| have.get(*k).map(String::as_str) != v.get())
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    (!after.is_empty()).then(|| MapChange {
        before: after
            .keys()
            .map(|k| (k.clone(), have.get(k).cloned()))
            .collect(),
        after,
    })
}

fn known(map: &BTreeMap<String, String>) -> BTreeMap<String, Known> {
    map.iter()
        .map(|(k, v)| (k.clone(), Known::Is(v.clone())))
        .collect()
}

/// Plans the namespaces the desired ServiceAccounts need that do not exist; returns their
/// action ids by namespace.
fn namespaces(d: &mut Differ) -> BTreeMap<String, String> {
    let desired = d.desired;
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let wanted = desired
        .service_accounts
        .iter()
        .filter(|s| s.manage_service_account)
        .map(|s| &s.namespace)
        .chain(created_for_pod_identity(desired).map(|p| &p.namespace));
    for namespace in wanted {
        if d.observed.namespaces.contains(namespace) || ids.contains_key(namespace) {
            continue;
        }
        let step = NamespaceStep {
            name: namespace.clone(),
            labels: BTreeMap::from([(LABEL_MANAGED_BY.to_owned(), MANAGER.to_owned())]),
        };
        let id = d.push(
            namespace,
            Some(namespace.clone()),
            Vec::new(),
            Step::Namespace(step),
        );
        ids.insert(namespace.clone(), id);
    }
    ids
}

/// Plans the namespaces and ServiceAccounts of the desired ServiceAccounts eksiam manages,
/// each after its namespace and its role.
/// The Pod Identity associations whose ServiceAccount eksiam creates when it is missing
/// (`createServiceAccount`), less those `iam.serviceAccounts` manages anyway.
pub fn created_for_pod_identity(
    desired: &crate::desired::Desired,
) -> impl Iterator<Item = &crate::desired::DesiredPodIdentity> {
    desired.pod_identities.iter().filter(|p| {
        p.create_service_account && !desired.lists_service_account(&p.namespace, &p.service_account)
    })
}

/// Creates the missing ServiceAccounts of Pod Identity associations that ask for them: no
/// annotation (Pod Identity needs none), eksiam's label.
fn create_for_pod_identity(d: &mut Differ, namespace_ids: &BTreeMap<String, String>) {
    for p in created_for_pod_identity(d.desired) {
        let key = (p.namespace.clone(), p.service_account.clone());
        if d.observed.service_accounts.contains_key(&key) {
            continue;
        }
        let step = ServiceAccountStep::Create {
            namespace: p.namespace.clone(),
            name: p.service_account.clone(),
            labels: BTreeMap::from([(LABEL_MANAGED_BY.to_owned(), MANAGER.to_owned())]),
            annotations: BTreeMap::new(),
        };
        let id = format!("{}/{}", p.namespace, p.service_account);
        let deps = namespace_ids
            .get(&p.namespace)
            .cloned()
            .into_iter()
            .collect();
        d.push(&id, Some(id.clone()), deps, Step::ServiceAccount(step));
    }
}

pub fn diff(d: &mut Differ) {
    let namespace_ids = namespaces(d);
    create_for_pod_identity(d, &namespace_ids);
    let desired = d.desired;
    for sa in desired
        .service_accounts
        .iter()
        .filter(|s| s.manage_service_account)
    {
        let (role_arn, role_dep) = match &sa.role {
            RoleRef::Managed(name) => (
                Known::from_option(d.role_arn(name)),
                Some(format!("{}/{name}", Kind::IamRole.as_str())),
            ),
            RoleRef::Existing(arn) => (Known::Is(arn.clone()), None),
        };
        let mut deps: Vec<String> = namespace_ids
            .get(sa.namespace.as_str())
            .cloned()
            .into_iter()
            .collect();
        // A role with a conflict has no action to depend on.
        deps.extend(role_dep.filter(|id| d.has(id)));
        let key = format!("{}/{}", sa.namespace, sa.name);
        let mut labels = sa.labels.clone();
        let mut annotations = known(&sa.annotations);
        annotations.insert(ROLE_ARN_ANNOTATION.into(), role_arn.clone());
        let step = match d
            .observed
            .service_accounts
            .get(&(sa.namespace.clone(), sa.name.clone()))
        {
            None => {
                labels.insert(LABEL_MANAGED_BY.into(), MANAGER.into());
                ServiceAccountStep::Create {
                    namespace: sa.namespace.clone(),
                    name: sa.name.clone(),
                    labels,
                    annotations,
                }
            }
            Some(obs) => {
                if let Some(current) = obs.annotations.get(ROLE_ARN_ANNOTATION)
                    && Some(current.as_str()) != role_arn.get()
                    && !d.opts.override_existing_service_accounts
                {
                    d.plan.warnings.push(format!(
                        "ServiceAccount `{key}` is already bound to `{current}`; it is left alone (use `--override-existing-serviceaccounts` to bind it to `{}`)",
                        role_arn.as_str()
                    ));
                    annotations.remove(ROLE_ARN_ANNOTATION);
                }
                ServiceAccountStep::Update {
                    namespace: sa.namespace.clone(),
                    name: sa.name.clone(),
                    labels: map_change(&known(&labels), &obs.labels),
                    annotations: map_change(&annotations, &obs.annotations),
                }
            }
        };
        d.push(&key, Some(key.clone()), deps, Step::ServiceAccount(step));
    }
}

/// Deletes a ServiceAccount eksiam created, or removes the role annotation from one it
/// did not; nothing when it does not exist, or when `from_role` is given and the
/// ServiceAccount is bound to another role (someone rebound it since).
pub fn unbind(d: &mut Differ, ns: &str, name: &str, from_role: Option<&str>) {
    let key = format!("{ns}/{name}");
    let Some(sa) = d
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
    let step = if sa.labels.get(LABEL_MANAGED_BY).map(String::as_str) == Some(MANAGER) {
        ServiceAccountStep::Delete {
            namespace: ns.to_owned(),
            name: name.to_owned(),
            annotations: sa.annotations.clone(),
        }
    } else if let Some(arn) = sa.annotations.get(ROLE_ARN_ANNOTATION) {
        ServiceAccountStep::Update {
            namespace: ns.to_owned(),
            name: name.to_owned(),
            labels: None,
            annotations: Some(MapChange {
                before: BTreeMap::from([(ROLE_ARN_ANNOTATION.to_owned(), Some(arn.clone()))]),
                after: BTreeMap::from([(ROLE_ARN_ANNOTATION.to_owned(), None)]),
            }),
        }
    } else {
        return;
    };
    d.push(
        &key,
        Some(key.clone()),
        Vec::new(),
        Step::ServiceAccount(step),
    );
}
