//! The desired state: plain data built from a validated ClusterConfig (or, later, from flags).
//! Nothing here knows about files, AWS or Kubernetes.

use crate::config::{ClusterConfig, PodIdentitySpec, ServiceAccountSpec, Sp};
use crate::rules::arn;
use crate::rules::authmap::{Mapping, Subject as MapSubject};
use crate::rules::filter::Selection;
use crate::rules::naming;
use crate::rules::trust::Subject;
use crate::rules::wellknown::Grant;
use serde_json::Value;
use std::collections::BTreeMap;

/// Tag keys of eksiam's ownership tags.
pub const TAG_MANAGED_BY: &str = "eksiam.io/managed-by";
pub const TAG_CLUSTER: &str = "eksiam.io/cluster";
/// The cluster's ARN, on the roles eksiam makes: a cluster's name is not unique across the
/// regions (and accounts) whose roles share one IAM, its ARN is.
pub const TAG_CLUSTER_ARN: &str = "eksiam.io/cluster-arn";
pub const TAG_SERVICE_ACCOUNTS: &str = "eksiam.io/serviceaccounts";
/// The tag of the roles `eksiam reconcile` makes for ServiceAccounts that ask for one: only
/// reconcile prunes them, and it never touches other roles.
pub const TAG_SELF_SERVICE: &str = "eksiam.io/self-service";
/// The label on namespaces and ServiceAccounts eksiam creates.
pub const LABEL_MANAGED_BY: &str = "app.kubernetes.io/managed-by";
pub const MANAGER: &str = "eksiam";
/// The ServiceAccount annotation read by EKS's pod identity webhook.
pub const ROLE_ARN_ANNOTATION: &str = "eks.amazonaws.com/role-arn";

/// Name of the inline policy made from `attachPolicy`.
pub const INLINE_POLICY_NAME: &str = "eksiam-inline";

/// Everything eksiam should make true for one cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Desired {
    pub cluster: String,
    pub region: Option<String>,
    pub partition: String,
    /// Register the cluster's OIDC issuer as an IAM OIDC provider.
    pub oidc_provider: bool,
    pub roles: Vec<DesiredRole>,
    pub service_accounts: Vec<DesiredServiceAccount>,
    pub mappings: Vec<DesiredMapping>,
    /// aws-auth subjects that must have no entry (imperative `delete iamidentitymapping`).
    pub absent_mappings: Vec<MapSubject>,
    /// ServiceAccounts (`namespace`, `name`) whose role binding must go (imperative
    /// `delete iamserviceaccount`).
    pub absent_service_accounts: Vec<(String, String)>,
    /// What `--prune` may remove: roles only when the input declares `iam.serviceAccounts`,
    /// aws-auth entries only when it declares `iamIdentityMappings`.
    pub prune_scope: PruneScope,
    /// The ServiceAccounts this run acts on (`--include`/`--exclude`): roles and
    /// ServiceAccounts outside it are never changed, pruned or unbound.
    pub selection: Selection,
    /// EKS access entries (`accessConfig.accessEntries`).
    pub access_entries: Vec<DesiredAccessEntry>,
    /// Principals whose access entry must go (imperative `delete accessentry`).
    pub absent_access_entries: Vec<String>,
    /// `accessConfig.authenticationMode`, when the input asks for one.
    pub authentication_mode: Option<String>,
    /// `accessConfig.bootstrapClusterCreatorAdminPermissions` (a create-time setting).
    pub bootstrap_admin: Option<bool>,
    /// EKS Pod Identity associations (`iam.podIdentityAssociations`).
    pub pod_identities: Vec<DesiredPodIdentity>,
    /// ServiceAccounts (`namespace`, `name`) whose association must go (imperative
    /// `delete podidentityassociation`).
    pub absent_pod_identities: Vec<(String, String)>,
    /// Install the `eks-pod-identity-agent` add-on when the cluster lacks it (`--install-agent`).
    pub install_agent: bool,
    /// With associations moved from IRSA: also drop the roles' OIDC statements for those
    /// ServiceAccounts (`--remove-oidc-provider-trust-relationship`).
    pub remove_oidc_trust: bool,
    /// Roles a refusal skipped (a namespace restriction, a conflict): the plan neither changes
    /// nor deletes them, nor unbinds their ServiceAccounts. A refusal skips; only a withdrawn
    /// request or a file that drops a role deletes it.
    pub held_roles: std::collections::BTreeSet<String>,
}

/// An EKS Pod Identity association: a ServiceAccount bound to a role.
#[derive(Debug, Clone, PartialEq)]
pub struct DesiredPodIdentity {
    pub namespace: String,
    pub service_account: String,
    pub role: RoleRef,
    /// A role in another account the pods' credentials are for (role chaining).
    pub target_role_arn: Option<String>,
    pub disable_session_tags: bool,
    /// The session policy.
    pub session_policy: Option<Value>,
    /// Create the ServiceAccount when it does not exist.
    pub create_service_account: bool,
    /// Moved from IRSA (`utils migrate-to-pod-identity`): the role, given by ARN, gains the
    /// Pod Identity trust statement when eksiam owns it; the association is made only when
    /// the role's trust admits Pod Identity.
    pub from_irsa: bool,
}

/// Where an access policy applies.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccessScope {
    Cluster,
    /// These namespaces (sorted, without duplicates).
    Namespaces(Vec<String>),
}

impl AccessScope {
    /// A scope from its type and namespaces as written (`cluster` unless `namespace`).
    pub fn new(scope_type: &str, namespaces: &[String]) -> AccessScope {
        if scope_type == "namespace" {
            let mut ns = namespaces.to_vec();
            ns.sort();
            ns.dedup();
            AccessScope::Namespaces(ns)
        } else {
            AccessScope::Cluster
        }
    }

    /// The namespaces of a namespace scope; `None` for the whole cluster.
    pub fn namespaces(&self) -> Option<&[String]> {
        match self {
            AccessScope::Cluster => None,
            AccessScope::Namespaces(ns) => Some(ns),
        }
    }

    /// The scope as EKS and the plan write it: `{"type": …, "namespaces": […]}`.
    pub fn to_json(&self) -> Value {
        match self {
            AccessScope::Cluster => serde_json::json!({"type": "cluster", "namespaces": []}),
            AccessScope::Namespaces(ns) => {
                serde_json::json!({"type": "namespace", "namespaces": ns})
            }
        }
    }
}

/// An EKS access entry eksiam manages.
#[derive(Debug, Clone, PartialEq)]
pub struct DesiredAccessEntry {
    pub principal_arn: String,
    /// `STANDARD` or a node type.
    pub entry_type: String,
    /// Sorted, without duplicates.
    pub groups: Vec<String>,
    /// `None`: EKS chooses it, and eksiam leaves it as it is.
    pub username: Option<String>,
    /// Access policies by ARN.
    pub policies: BTreeMap<String, AccessScope>,
}

/// The kinds of resources the input takes ownership of, for `--prune`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PruneScope {
    pub roles: bool,
    pub mappings: bool,
    /// Access entries only when the input declares `accessConfig.accessEntries`.
    pub access_entries: bool,
    /// Pod Identity associations only when it declares `iam.podIdentityAssociations`.
    pub pod_identities: bool,
    /// Self-service roles (tagged [`TAG_SELF_SERVICE`]) only for `reconcile`; every other
    /// scope leaves them alone.
    pub self_service: bool,
}

impl PruneScope {
    /// Whether `--prune` may delete some of eksiam's roles: IRSA roles when the input declares
    /// `iam.serviceAccounts`, Pod Identity roles when it declares `iam.podIdentityAssociations`.
    pub fn any_roles(&self) -> bool {
        self.roles || self.pod_identities || self.self_service
    }
}

/// A role eksiam creates and manages.
#[derive(Debug, Clone, PartialEq)]
pub struct DesiredRole {
    pub name: String,
    /// The ServiceAccounts (or patterns) the trust policy admits.
    pub subjects: Vec<Subject>,
    pub managed_policies: Vec<String>,
    /// Inline policies by name.
    pub inline_policies: BTreeMap<String, Value>,
    pub permissions_boundary: Option<String>,
    pub tags: BTreeMap<String, String>,
    /// The ServiceAccounts (`namespace/name`) whose Pod Identity association uses the role: its
    /// trust then admits `pods.eks.amazonaws.com` too.
    pub pod_identity_for: Vec<String>,
    /// Leave attached and inline policies the role does not list (a self-service role, whose
    /// permissions the platform grants out of band); otherwise they are removed.
    pub keep_other_policies: bool,
    /// The input names the role (`roleName`): several ServiceAccounts may share it. A name
    /// eksiam derives is one ServiceAccount's alone: another claimant is a conflict.
    pub named: bool,
    /// The name eksiam derived for it before shortened names kept 64 bits of hash: a role made
    /// then keeps its name ([`Desired::keep_earlier_names`]).
    pub earlier_name: Option<String>,
}

/// Which role a ServiceAccount uses.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleRef {
    /// A role in [`Desired::roles`], by name.
    Managed(String),
    /// An existing role, used as-is.
    Existing(String),
}

/// A ServiceAccount bound to a role.
#[derive(Debug, Clone, PartialEq)]
pub struct DesiredServiceAccount {
    pub namespace: String,
    pub name: String,
    pub role: RoleRef,
    /// `false` for `roleOnly`: the role is made, the ServiceAccount is not touched.
    pub manage_service_account: bool,
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
}

/// An aws-auth mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct DesiredMapping {
    pub mapping: Mapping,
    pub no_duplicate_arns: bool,
}

impl Desired {
    /// Whether this binds roles to ServiceAccounts it does not manage (`roleOnly` roles, Pod
    /// Identity associations): their namespaces' restrictions still apply.
    pub fn binds_unmanaged(&self) -> bool {
        !self.pod_identities.is_empty()
            || self
                .service_accounts
                .iter()
                .any(|s| !s.manage_service_account)
    }

    /// Nothing wanted yet for `cluster`: the start of an imperative command's desired state.
    pub fn empty(cluster: &str, region: Option<&str>) -> Desired {
        Desired {
            cluster: cluster.to_owned(),
            region: region.map(str::to_owned),
            partition: arn::partition_of_region(region.unwrap_or("")).to_owned(),
            oidc_provider: false,
            roles: Vec::new(),
            service_accounts: Vec::new(),
            mappings: Vec::new(),
            absent_mappings: Vec::new(),
            absent_service_accounts: Vec::new(),
            prune_scope: PruneScope::default(),
            selection: Selection::default(),
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

    /// The desired state of the part of a validated config that `selection` picks: its
    /// ServiceAccounts and their roles. A filter selects ServiceAccounts, so a filtered run
    /// leaves aws-auth alone; the second value says so when the file has identity mappings.
    pub fn from_selected(
        cfg: &ClusterConfig,
        region_override: Option<&str>,
        selection: &Selection,
    ) -> (Desired, Option<String>) {
        if selection.is_everything() {
            return (Desired::from_config(cfg, region_override), None);
        }
        let mut cfg = cfg.clone();
        cfg.iam
            .service_accounts
            .retain(|sa| selection.selects(&format!("{}/{}", sa.namespace(), sa.name.value)));
        cfg.iam
            .pod_identity_associations
            .retain(|p| selection.selects(&p.key()));
        let left_out = (!cfg.identity_mappings.is_empty()).then(|| {
            format!(
                "`--include`/`--exclude` select ServiceAccounts: the file's {} `iamIdentityMappings` are left as they are in aws-auth (run without a filter to apply them)",
                cfg.identity_mappings.len()
            )
        });
        cfg.identity_mappings.clear();
        cfg.identity_mappings_declared = false;
        let mut desired = Desired::from_config(&cfg, region_override);
        desired.selection = selection.clone();
        (desired, left_out)
    }

    /// Builds the desired state of a validated config. `region` overrides `metadata.region`.
    pub fn from_config(cfg: &ClusterConfig, region_override: Option<&str>) -> Desired {
        let cluster = cfg.metadata.name.value.clone();
        let region = region_override
            .map(str::to_owned)
            .or_else(|| cfg.metadata.region.as_ref().map(|r| r.value.clone()));
        let partition = arn::partition_of_region(region.as_deref().unwrap_or("")).to_owned();
        let cluster_tags = strings(&cfg.metadata.tags);
        let (mut roles, service_accounts) = irsa(cfg, &partition, &cluster_tags);
        let pod_identities = pod_identities(cfg, &mut roles, &partition, &cluster_tags);
        for role in &mut roles {
            role.tags.insert(TAG_MANAGED_BY.into(), MANAGER.into());
            role.tags.insert(TAG_CLUSTER.into(), cluster.clone());
            role.tags
                .insert(TAG_SERVICE_ACCOUNTS.into(), role.served_tag());
        }
        Desired {
            cluster,
            region,
            partition,
            oidc_provider: cfg.iam.with_oidc,
            roles,
            service_accounts,
            mappings: mappings(cfg),
            absent_mappings: Vec::new(),
            absent_service_accounts: Vec::new(),
            prune_scope: PruneScope {
                roles: cfg.iam.service_accounts_declared,
                mappings: cfg.identity_mappings_declared,
                access_entries: cfg
                    .access
                    .as_ref()
                    .is_some_and(|a| a.access_entries_declared),
                pod_identities: cfg.iam.pod_identity_associations_declared,
                self_service: false,
            },
            selection: Selection::default(),
            access_entries: access_entries(cfg),
            absent_access_entries: Vec::new(),
            authentication_mode: cfg
                .access
                .as_ref()
                .and_then(|a| a.authentication_mode.as_ref())
                .map(|m| m.value.clone()),
            bootstrap_admin: cfg
                .access
                .as_ref()
                .and_then(|a| a.bootstrap_cluster_creator_admin_permissions.as_ref())
                .map(|b| b.value),
            pod_identities,
            absent_pod_identities: Vec::new(),
            install_agent: false,
            remove_oidc_trust: false,
            held_roles: Default::default(),
        }
    }

    /// The role called `name`.
    pub fn role(&self, name: &str) -> Option<&DesiredRole> {
        self.roles.iter().find(|r| r.name == name)
    }

    /// Whether the ServiceAccount `namespace/name` is bound to a role here.
    pub fn lists_service_account(&self, namespace: &str, name: &str) -> bool {
        self.service_accounts
            .iter()
            .any(|s| s.namespace == namespace && s.name == name)
    }
}

/// The roles and ServiceAccounts of a file's `iam.serviceAccounts` (IRSA).
fn irsa(
    cfg: &ClusterConfig,
    partition: &str,
    cluster_tags: &BTreeMap<String, String>,
) -> (Vec<DesiredRole>, Vec<DesiredServiceAccount>) {
    let cluster = &cfg.metadata.name.value;
    let mut roles: Vec<DesiredRole> = Vec::new();
    // Where each role is in `roles`: a shared role is found by a lookup, not a scan per entry.
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut service_accounts = Vec::new();
    for sa in &cfg.iam.service_accounts {
        let role = match &sa.attach_role_arn {
            Some(arn) => RoleRef::Existing(arn.value.clone()),
            None => {
                let (role_name, subject) = role_and_subject(cluster, sa);
                match index.get(&role_name) {
                    Some(&i) => roles[i].subjects.push(subject),
                    None => {
                        let mut role = new_role(
                            &RoleParts::of_service_account(sa),
                            &role_name,
                            partition,
                            cluster_tags,
                        );
                        role.subjects.push(subject);
                        role.named = sa.role_name.is_some();
                        if !role.named {
                            role.earlier_name =
                                naming::earlier_role_name(cluster, sa.namespace(), &sa.name.value);
                        }
                        index.insert(role_name.clone(), roles.len());
                        roles.push(role);
                    }
                }
                RoleRef::Managed(role_name)
            }
        };
        service_accounts.push(DesiredServiceAccount {
            namespace: sa.namespace().to_owned(),
            name: sa.name.value.clone(),
            role,
            manage_service_account: !sa.role_only,
            labels: strings(&sa.labels),
            annotations: strings(&sa.annotations),
        });
    }
    (roles, service_accounts)
}

/// A file's string map as plain strings.
fn strings(map: &crate::config::StringMap) -> BTreeMap<String, String> {
    map.iter()
        .map(|(k, v)| (k.value.clone(), v.value.clone()))
        .collect()
}

/// The name of the role a ServiceAccount entry asks for (its `roleName`, else the
/// deterministic one), and the subject its trust admits.
fn role_and_subject(cluster: &str, sa: &ServiceAccountSpec) -> (String, Subject) {
    let (namespace, name) = (sa.namespace(), sa.name.value.as_str());
    let role_name = sa.role_name.as_ref().map_or_else(
        || naming::role_name(cluster, namespace, name),
        |r| r.value.clone(),
    );
    let subject = match &sa.subject_pattern {
        Some(p) => Subject::Pattern(p.value.clone()),
        None => Subject::ServiceAccount {
            namespace: namespace.to_owned(),
            name: name.to_owned(),
        },
    };
    (role_name, subject)
}

/// What a role entry of a file asks for, whichever section it is in.
pub struct RoleParts<'a> {
    pub policy_arns: &'a [Sp<String>],
    pub inline: Option<&'a Sp<crate::config::Document>>,
    pub well_known: &'a [Sp<crate::rules::wellknown::WellKnown>],
    pub boundary: Option<&'a Sp<String>>,
    pub tags: &'a crate::config::StringMap,
}

impl<'a> RoleParts<'a> {
    /// An `iam.serviceAccounts` entry's role.
    pub fn of_service_account(sa: &'a ServiceAccountSpec) -> RoleParts<'a> {
        RoleParts {
            policy_arns: &sa.attach_policy_arns,
            inline: sa.attach_policy.as_ref(),
            well_known: &sa.well_known_policies,
            boundary: sa.permissions_boundary.as_ref(),
            tags: &sa.tags,
        }
    }

    /// An `iam.podIdentityAssociations` entry's role.
    pub fn of_pod_identity(p: &'a PodIdentitySpec) -> RoleParts<'a> {
        RoleParts {
            policy_arns: &p.permission_policy_arns,
            inline: p.permission_policy.as_ref(),
            well_known: &p.well_known_policies,
            boundary: p.permissions_boundary_arn.as_ref(),
            tags: &p.tags,
        }
    }
}

/// The role the first entry that names it describes, trusting no one yet: its policies (with
/// the well-known ones for `partition`), boundary and tags (the cluster's, then its own).
fn new_role(
    parts: &RoleParts,
    role_name: &str,
    partition: &str,
    cluster_tags: &BTreeMap<String, String>,
) -> DesiredRole {
    let mut managed: Vec<String> = parts.policy_arns.iter().map(|p| p.value.clone()).collect();
    let mut inline = BTreeMap::new();
    if let Some(doc) = parts.inline {
        inline.insert(INLINE_POLICY_NAME.to_owned(), doc.value.json.clone());
    }
    for wk in parts.well_known {
        match wk.value.grant(partition) {
            Grant::Managed(arn) => managed.push(arn),
            Grant::Inline(doc) => {
                inline.insert(format!("eksiam-{}", wk.value.key()), doc);
            }
        }
    }
    managed.dedup();
    let mut tags = cluster_tags.clone();
    tags.extend(strings(parts.tags));
    DesiredRole {
        name: role_name.to_owned(),
        subjects: Vec::new(),
        managed_policies: managed,
        inline_policies: inline,
        permissions_boundary: parts.boundary.map(|b| b.value.clone()),
        tags,
        pod_identity_for: Vec::new(),
        keep_other_policies: false,
        named: false,
        earlier_name: None,
    }
}

/// The Pod Identity associations of a validated file; the roles eksiam makes for them join
/// `roles` (a role named by an IRSA entry too is refused by validation).
fn pod_identities(
    cfg: &ClusterConfig,
    roles: &mut Vec<DesiredRole>,
    partition: &str,
    cluster_tags: &BTreeMap<String, String>,
) -> Vec<DesiredPodIdentity> {
    let cluster = &cfg.metadata.name.value;
    cfg.iam
        .pod_identity_associations
        .iter()
        .filter_map(|p| {
            let key = p.key();
            let role = match (
                &p.role_arn,
                crate::config::pod_identity_role_name(cluster, p),
            ) {
                (Some(arn), _) => RoleRef::Existing(arn.value.clone()),
                (None, Some(name)) => {
                    match roles.iter_mut().find(|r| r.name == name) {
                        Some(shared) => shared.pod_identity_for.push(key),
                        None => {
                            let mut role = new_role(
                                &RoleParts::of_pod_identity(p),
                                &name,
                                partition,
                                cluster_tags,
                            );
                            role.pod_identity_for.push(key);
                            role.named = p.role_name.is_some();
                            if !role.named
                                && let (Some(ns), Some(sa)) =
                                    (&p.namespace, &p.service_account_name)
                            {
                                role.earlier_name =
                                    naming::earlier_role_name(cluster, &ns.value, &sa.value);
                            }
                            roles.push(role);
                        }
                    }
                    RoleRef::Managed(name)
                }
                (None, None) => return None,
            };
            Some(DesiredPodIdentity {
                namespace: p.namespace.as_ref()?.value.clone(),
                service_account: p.service_account_name.as_ref()?.value.clone(),
                role,
                target_role_arn: p.target_role_arn.as_ref().map(|t| t.value.clone()),
                disable_session_tags: p.disable_session_tags,
                session_policy: p.session_policy.as_ref().map(|d| d.value.json.clone()),
                create_service_account: p.create_service_account,
                from_irsa: false,
            })
        })
        .collect()
}

/// The access entries of a file (validated: each has its principal).
fn access_entries(cfg: &ClusterConfig) -> Vec<DesiredAccessEntry> {
    cfg.access
        .as_ref()
        .map(access_entries_of)
        .unwrap_or_default()
}

/// The access entries of a validated `accessConfig` (from a file or from flags).
pub fn access_entries_of(access: &crate::config::AccessConfig) -> Vec<DesiredAccessEntry> {
    access
        .access_entries
        .iter()
        .filter_map(|e| {
            let mut groups: Vec<String> = e
                .kubernetes_groups
                .iter()
                .map(|g| g.value.clone())
                .collect();
            groups.sort();
            groups.dedup();
            let policies = e
                .access_policies
                .iter()
                .filter_map(|p| {
                    let namespaces: Vec<String> =
                        p.namespaces.iter().map(|n| n.value.clone()).collect();
                    let scope_type = p.scope_type.as_ref().map_or("", |t| t.value.as_str());
                    Some((
                        p.policy_arn.as_ref()?.value.clone(),
                        AccessScope::new(scope_type, &namespaces),
                    ))
                })
                .collect();
            Some(DesiredAccessEntry {
                principal_arn: e.principal_arn.as_ref()?.value.clone(),
                entry_type: e
                    .entry_type
                    .as_ref()
                    .map_or_else(|| "STANDARD".to_owned(), |t| t.value.clone()),
                groups,
                username: e.kubernetes_username.as_ref().map(|u| u.value.clone()),
                policies,
            })
        })
        .collect()
}

/// The aws-auth mappings of a file (`serviceName` entries are refused by validation).
fn mappings(cfg: &ClusterConfig) -> Vec<DesiredMapping> {
    cfg.identity_mappings
        .iter()
        .filter(|m| m.service_name.is_none())
        .filter_map(|m| {
            let subject = match (&m.arn, &m.account) {
                (Some(a), _) => {
                    let (stripped, _) = arn::strip_role_path(&a.value);
                    if a.value.contains(":role/") {
                        MapSubject::Role(stripped)
                    } else {
                        MapSubject::User(stripped)
                    }
                }
                (None, Some(acct)) => MapSubject::Account(acct.value.clone()),
                (None, None) => return None,
            };
            Some(DesiredMapping {
                mapping: Mapping {
                    subject,
                    username: m.username.as_ref().map(|u| u.value.clone()),
                    groups: m.groups.iter().map(|g| g.value.clone()).collect(),
                },
                no_duplicate_arns: m.no_duplicate_arns,
            })
        })
        .collect()
}

impl DesiredRole {
    /// The ServiceAccounts the role serves, as its ownership tag names them: those its
    /// OIDC statements trust and those whose Pod Identity association uses it.
    pub fn served(&self) -> impl Iterator<Item = String> + '_ {
        self.subjects
            .iter()
            .map(subject_key)
            .chain(self.pod_identity_for.iter().cloned())
    }

    /// The value of the ownership tag naming the ServiceAccounts the role serves.
    pub fn served_tag(&self) -> String {
        service_accounts_tag(self.served())
    }
}

/// How the ownership tag names a trusted subject: `namespace/name`, or for a pattern
/// `system:serviceaccount:NS:P`, `NS/P`.
pub fn subject_key(subject: &Subject) -> String {
    match subject {
        Subject::ServiceAccount { namespace, name } => format!("{namespace}/{name}"),
        Subject::Pattern(p) => p
            .trim_start_matches("system:serviceaccount:")
            .replacen(':', "/", 1),
    }
}

/// The `:sub` value (or pattern) a tag entry `namespace/name` stands for.
pub fn key_sub(key: &str) -> String {
    format!("system:serviceaccount:{}", key.replacen('/', ":", 1))
}

/// The ownership tag's value for these subjects: sorted, space-separated `namespace/name`
/// keys; when that is over IAM's 256 characters, only their number.
pub fn service_accounts_tag(keys: impl IntoIterator<Item = String>) -> String {
    let mut names: Vec<String> = keys.into_iter().collect();
    names.sort();
    names.dedup();
    let joined = names.join(" ");
    if joined.len() <= 256 {
        joined
    } else {
        format!("{} serviceaccounts", names.len())
    }
}

/// The subjects a role's ownership tag names, or `None` when the tag is absent or holds only
/// a count (the role served too many to list).
pub fn tagged_service_accounts(tags: &BTreeMap<String, String>) -> Option<Vec<String>> {
    let value = tags.get(TAG_SERVICE_ACCOUNTS)?;
    if value.ends_with(" serviceaccounts") {
        return None;
    }
    Some(
        value
            .split(' ')
            .filter(|k| k.contains('/'))
            .map(str::to_owned)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config;

    fn desired(yaml: &str) -> Desired {
        let loaded = config::load_str("t.yaml", yaml.to_owned())
            .map_err(|e| e.render())
            .unwrap();
        Desired::from_config(&loaded.config, None)
    }

    const HEAD: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: prod\n  region: cn-north-1\n  tags: {team: platform}\n";

    #[test]
    fn roles_get_names_policies_and_ownership_tags() {
        let d = desired(&format!(
            "{HEAD}iam:\n  withOIDC: true\n  serviceAccounts:\n  - metadata: {{name: builder, namespace: ci}}\n    wellKnownPolicies: {{imageBuilder: true, autoScaler: true}}\n    tags: {{cost: ci}}\n"
        ));
        assert_eq!(d.partition, "aws-cn");
        let role = &d.roles[0];
        assert_eq!(role.name, "prod-ci-builder");
        assert_eq!(
            role.managed_policies,
            vec!["arn:aws-cn:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"]
        );
        assert!(role.inline_policies.contains_key("eksiam-autoScaler"));
        assert_eq!(role.tags["team"], "platform");
        assert_eq!(role.tags["cost"], "ci");
        assert_eq!(role.tags[TAG_MANAGED_BY], "eksiam");
        assert_eq!(role.tags[TAG_CLUSTER], "prod");
        assert_eq!(role.tags[TAG_SERVICE_ACCOUNTS], "ci/builder");
        assert_eq!(
            d.service_accounts[0].role,
            RoleRef::Managed("prod-ci-builder".into())
        );
    }

    #[test]
    fn a_shared_role_trusts_both_service_accounts() {
        let d = desired(&format!(
            "{HEAD}iam:\n  serviceAccounts:\n  - metadata: {{name: a}}\n    roleName: shared\n    attachPolicyARNs: [arn:aws-cn:iam::aws:policy/ReadOnlyAccess]\n  - metadata: {{name: b}}\n    roleName: shared\n    attachPolicyARNs: [arn:aws-cn:iam::aws:policy/ReadOnlyAccess]\n"
        ));
        assert_eq!(d.roles.len(), 1);
        assert_eq!(d.roles[0].subjects.len(), 2);
        assert_eq!(d.roles[0].tags[TAG_SERVICE_ACCOUNTS], "default/a default/b");
    }

    #[test]
    fn mappings_strip_role_paths_and_skip_service_names() {
        let d = desired(&format!(
            "{HEAD}iamIdentityMappings:\n- arn: arn:aws:iam::111122223333:role/teams/admin\n  username: admin\n  groups: [system:masters]\n- serviceName: emr-containers\n  namespace: emr\n- account: \"111122223333\"\n"
        ));
        assert_eq!(d.mappings.len(), 2);
        assert_eq!(
            d.mappings[0].mapping.subject,
            MapSubject::Role("arn:aws:iam::111122223333:role/admin".into())
        );
        assert_eq!(
            d.mappings[1].mapping.subject,
            MapSubject::Account("111122223333".into())
        );
    }
}
