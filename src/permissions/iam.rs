//! The IAM policy eksiam's identity needs: [`broad`] for a set of commands (every role, OIDC
//! provider and cluster of the account), or [`scoped`] to the roles, OIDC provider, cluster
//! and policies one ClusterConfig names.
//!
//! [`ACTIONS`] lists every AWS call eksiam makes (each `.send()` in `aws/`) with
//! the commands that make it; the policies are built from it, so a new call needs a new row.

use super::{Command, command_list};
use crate::desired::{Desired, DesiredRole, MANAGER, TAG_CLUSTER, TAG_MANAGED_BY};
use crate::rules::trust::Issuer;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

use Command::{
    Apply, AssociateIamOidcProvider, CreateAccessentry, CreateIamidentitymapping,
    CreateIamserviceaccount, CreatePodidentityassociation, DeleteAccessentry,
    DeleteIamidentitymapping, DeleteIamserviceaccount, DeletePodidentityassociation, Explain,
    GetAccess, GetAccessentry, GetIamidentitymapping, GetIamserviceaccount,
    GetPodidentityassociation, MigrateToAccessEntry, MigrateToPodIdentity, Plan, Reconcile,
    UpdateIamserviceaccount, UpdatePodidentityassociation,
};

/// The commands that read Pod Identity associations, and those that change them.
const POD_IDENTITY_READERS: &[Command] = &[
    Plan,
    Apply,
    CreatePodidentityassociation,
    GetPodidentityassociation,
    UpdatePodidentityassociation,
    DeletePodidentityassociation,
    MigrateToPodIdentity,
];
const POD_IDENTITY_WRITERS: &[Command] = &[
    Apply,
    CreatePodidentityassociation,
    UpdatePodidentityassociation,
    MigrateToPodIdentity,
];

/// The commands that read access entries, and those that change them.
const ACCESS_READERS: &[Command] = &[
    Plan,
    Apply,
    CreateAccessentry,
    GetAccessentry,
    DeleteAccessentry,
    MigrateToAccessEntry,
    GetAccess,
    Explain,
];
const ACCESS_WRITERS: &[Command] = &[Apply, CreateAccessentry, MigrateToAccessEntry];

/// The kind of resource an action is granted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// The EKS cluster.
    Cluster,
    /// The cluster's IAM OIDC provider.
    OidcProvider,
    /// The IAM roles eksiam manages.
    Role,
    /// The cluster's EKS access entries.
    AccessEntry,
    /// The cluster's EKS Pod Identity associations.
    PodIdentityAssociation,
    /// The cluster's `eks-pod-identity-agent` add-on.
    Addon,
    /// The action takes no resource (`*`).
    Account,
}

impl Resource {
    fn describe(self) -> &'static str {
        match self {
            Resource::Cluster => "the cluster",
            Resource::OidcProvider => "the OIDC provider",
            Resource::Role => "the roles",
            Resource::AccessEntry => "the access entries",
            Resource::PodIdentityAssociation => "the Pod Identity associations",
            Resource::Addon => "the agent add-on",
            Resource::Account => "`*`",
        }
    }
}

/// One IAM action eksiam calls, on what, for which commands, and why.
#[derive(Debug, Clone, Copy)]
pub struct ActionUse {
    pub action: &'static str,
    pub resource: Resource,
    pub commands: &'static [Command],
    pub why: &'static str,
}

const IRSA_WRITERS: &[Command] = &[
    Apply,
    CreateIamserviceaccount,
    UpdateIamserviceaccount,
    CreatePodidentityassociation,
];
const IRSA_EDITORS: &[Command] = &[
    Apply,
    CreateIamserviceaccount,
    UpdateIamserviceaccount,
    DeleteIamserviceaccount,
    CreatePodidentityassociation,
    DeletePodidentityassociation,
    Reconcile,
];
const ROLE_READERS: &[Command] = &[
    Plan,
    Apply,
    CreateIamserviceaccount,
    UpdateIamserviceaccount,
    CreatePodidentityassociation,
    Reconcile,
];
/// The commands that create roles and attach managed policies to them: those that write IRSA
/// roles, and `reconcile`'s self-service roles (the policies their namespaces allow).
const ROLE_CREATORS: &[Command] = &[
    Apply,
    CreateIamserviceaccount,
    UpdateIamserviceaccount,
    CreatePodidentityassociation,
    Reconcile,
];
const OIDC_WRITERS: &[Command] = &[Apply, AssociateIamOidcProvider];

/// Every IAM action eksiam calls.
pub const ACTIONS: &[ActionUse] = &[
    ActionUse {
        action: "eks:DescribeCluster",
        resource: Resource::Cluster,
        commands: &Command::ALL,
        why: "the cluster's issuer, account and partition; its endpoint and CA when no `--kubeconfig` is given (the only AWS call of the `iamidentitymapping` commands, which need none with `--kubeconfig`)",
    },
    ActionUse {
        action: "iam:GetOpenIDConnectProvider",
        resource: Resource::OidcProvider,
        commands: &[Plan, Apply, AssociateIamOidcProvider],
        why: "whether the provider exists and is up to date (`withOIDC`)",
    },
    ActionUse {
        action: "iam:CreateOpenIDConnectProvider",
        resource: Resource::OidcProvider,
        commands: OIDC_WRITERS,
        why: "registers the issuer",
    },
    ActionUse {
        action: "iam:TagOpenIDConnectProvider",
        resource: Resource::OidcProvider,
        commands: OIDC_WRITERS,
        why: "the provider is created with eksiam's tags (IAM checks this action for tags given at creation)",
    },
    ActionUse {
        action: "iam:UpdateOpenIDConnectProviderThumbprint",
        resource: Resource::OidcProvider,
        commands: OIDC_WRITERS,
        why: "a provider whose thumbprint is not the issuer's",
    },
    ActionUse {
        action: "iam:AddClientIDToOpenIDConnectProvider",
        resource: Resource::OidcProvider,
        commands: OIDC_WRITERS,
        why: "a provider without the client ID `sts.amazonaws.com`",
    },
    ActionUse {
        action: "iam:GetAccountAuthorizationDetails",
        resource: Resource::Account,
        commands: &[
            Plan,
            Apply,
            CreateIamserviceaccount,
            GetIamserviceaccount,
            UpdateIamserviceaccount,
            DeleteIamserviceaccount,
            CreatePodidentityassociation,
            DeletePodidentityassociation,
            MigrateToPodIdentity,
            MigrateToAccessEntry,
            Reconcile,
        ],
        why: "every role with its policies and tags, one call per 1,000 roles; needed by `get`/`delete iamserviceaccount`, `delete podidentityassociation`, `reconcile` and `--prune` (to find roles by their tags); `utils migrate-to-access-entry` reads the real ARNs of more than 10 mapped roles with it; elsewhere, when denied, roles are read one by one",
    },
    ActionUse {
        action: "iam:GetRole",
        resource: Resource::Role,
        commands: &[
            Plan,
            Apply,
            CreateIamserviceaccount,
            UpdateIamserviceaccount,
            CreatePodidentityassociation,
            Reconcile,
            MigrateToAccessEntry,
        ],
        why: "reads a role when `iam:GetAccountAuthorizationDetails` is denied, to confirm a change only that listing shows, or after a create whose answer was lost; `utils migrate-to-access-entry` reads the real ARN (with its path) of each role aws-auth maps",
    },
    ActionUse {
        action: "iam:ListAttachedRolePolicies",
        resource: Resource::Role,
        commands: ROLE_READERS,
        why: "as `iam:GetRole`, for an existing role",
    },
    ActionUse {
        action: "iam:ListRolePolicies",
        resource: Resource::Role,
        commands: ROLE_READERS,
        why: "as `iam:GetRole`, for an existing role",
    },
    ActionUse {
        action: "iam:GetRolePolicy",
        resource: Resource::Role,
        commands: ROLE_READERS,
        why: "as `iam:GetRole`, for each inline policy of an existing role",
    },
    ActionUse {
        action: "iam:CreateRole",
        resource: Resource::Role,
        commands: ROLE_CREATORS,
        why: "creates a role with its trust policy, tags and permissions boundary",
    },
    ActionUse {
        action: "iam:TagRole",
        resource: Resource::Role,
        commands: IRSA_EDITORS,
        why: "a role's tags at creation (IAM checks this action for them) and when they change",
    },
    ActionUse {
        action: "iam:UpdateAssumeRolePolicy",
        resource: Resource::Role,
        commands: &[
            Apply,
            CreateIamserviceaccount,
            UpdateIamserviceaccount,
            DeleteIamserviceaccount,
            CreatePodidentityassociation,
            DeletePodidentityassociation,
            MigrateToPodIdentity,
            Reconcile,
        ],
        why: "a role's trust policy gains or loses a ServiceAccount, or the Pod Identity statement",
    },
    ActionUse {
        action: "iam:PutRolePermissionsBoundary",
        resource: Resource::Role,
        commands: IRSA_WRITERS,
        why: "a role's permissions boundary changes",
    },
    ActionUse {
        action: "iam:DeleteRolePermissionsBoundary",
        resource: Resource::Role,
        commands: IRSA_WRITERS,
        why: "a role has a permissions boundary the input no longer asks for",
    },
    ActionUse {
        action: "iam:AttachRolePolicy",
        resource: Resource::Role,
        commands: ROLE_CREATORS,
        why: "attaches `attachPolicyARNs` and well-known managed policies; for `reconcile`, the policies a ServiceAccount asks for (`eksiam.io/policy-arns`) that its namespace allows (`eksiam.io/allowed-policies`)",
    },
    ActionUse {
        action: "iam:DetachRolePolicy",
        resource: Resource::Role,
        commands: IRSA_EDITORS,
        why: "detaches a managed policy the input does not list, and every policy before a role is deleted",
    },
    ActionUse {
        action: "iam:PutRolePolicy",
        resource: Resource::Role,
        commands: IRSA_WRITERS,
        why: "writes `attachPolicy` and well-known inline policies",
    },
    ActionUse {
        action: "iam:DeleteRolePolicy",
        resource: Resource::Role,
        commands: IRSA_EDITORS,
        why: "deletes an inline policy the input does not list, and every one before a role is deleted",
    },
    ActionUse {
        action: "iam:DeleteRole",
        resource: Resource::Role,
        commands: &[
            Apply,
            DeleteIamserviceaccount,
            DeletePodidentityassociation,
            Reconcile,
        ],
        why: "`delete iamserviceaccount` and `delete podidentityassociation`, and `apply --prune` for roles the file no longer lists",
    },
    ActionUse {
        action: "eks:ListAccessEntries",
        resource: Resource::Cluster,
        commands: ACCESS_READERS,
        why: "the cluster's access entries (`accessConfig.accessEntries`)",
    },
    ActionUse {
        action: "eks:DescribeAccessEntry",
        resource: Resource::AccessEntry,
        commands: ACCESS_READERS,
        why: "each access entry's type, groups, username and tags",
    },
    ActionUse {
        action: "eks:ListAssociatedAccessPolicies",
        resource: Resource::AccessEntry,
        commands: ACCESS_READERS,
        why: "each access entry's access policies and their scopes",
    },
    ActionUse {
        action: "eks:CreateAccessEntry",
        resource: Resource::Cluster,
        commands: ACCESS_WRITERS,
        why: "creates an access entry, with eksiam's tags",
    },
    ActionUse {
        action: "eks:UpdateAccessEntry",
        resource: Resource::AccessEntry,
        commands: ACCESS_WRITERS,
        why: "an entry's groups or username differ from the file",
    },
    ActionUse {
        action: "eks:DeleteAccessEntry",
        resource: Resource::AccessEntry,
        commands: &[Apply, DeleteAccessentry],
        why: "`delete accessentry`, and `apply --prune` for entries eksiam made that the file no longer lists",
    },
    ActionUse {
        action: "eks:AssociateAccessPolicy",
        resource: Resource::AccessEntry,
        commands: ACCESS_WRITERS,
        why: "associates an access policy, or changes its scope",
    },
    ActionUse {
        action: "eks:DisassociateAccessPolicy",
        resource: Resource::AccessEntry,
        commands: ACCESS_WRITERS,
        why: "removes an access policy the file does not list",
    },
    ActionUse {
        action: "eks:UpdateClusterConfig",
        resource: Resource::Cluster,
        commands: &[Apply, MigrateToAccessEntry],
        why: "moves `accessConfig.authenticationMode` forward when the file asks",
    },
    ActionUse {
        action: "eks:DescribeUpdate",
        resource: Resource::Cluster,
        commands: &[Apply, MigrateToAccessEntry],
        why: "waits for the authentication mode's update before the access entries are made",
    },
    ActionUse {
        action: "eks:ListPodIdentityAssociations",
        resource: Resource::Cluster,
        commands: POD_IDENTITY_READERS,
        why: "the cluster's Pod Identity associations (`iam.podIdentityAssociations`)",
    },
    ActionUse {
        action: "eks:DescribePodIdentityAssociation",
        resource: Resource::PodIdentityAssociation,
        commands: POD_IDENTITY_READERS,
        why: "an association's role, options and tags: those the input names, every one with `--prune`",
    },
    ActionUse {
        action: "eks:CreatePodIdentityAssociation",
        resource: Resource::Cluster,
        commands: POD_IDENTITY_WRITERS,
        why: "creates an association, with eksiam's tags",
    },
    ActionUse {
        action: "eks:UpdatePodIdentityAssociation",
        resource: Resource::PodIdentityAssociation,
        commands: POD_IDENTITY_WRITERS,
        why: "an association's role or options differ from the input",
    },
    ActionUse {
        action: "eks:DeletePodIdentityAssociation",
        resource: Resource::PodIdentityAssociation,
        commands: &[
            Apply,
            UpdatePodidentityassociation,
            DeletePodidentityassociation,
        ],
        why: "`delete podidentityassociation`, `apply --prune`, and an association replaced to drop its target role or session policy",
    },
    ActionUse {
        action: "iam:PassRole",
        resource: Resource::Account,
        commands: POD_IDENTITY_WRITERS,
        why: "EKS checks it for the role an association binds (only to `pods.eks.amazonaws.com`)",
    },
    ActionUse {
        action: "eks:DescribeAddon",
        resource: Resource::Addon,
        commands: &[Plan, Apply, CreatePodidentityassociation],
        why: "whether the cluster has the `eks-pod-identity-agent` add-on the associations need",
    },
    ActionUse {
        action: "eks:CreateAddon",
        resource: Resource::Cluster,
        commands: &[Apply, CreatePodidentityassociation],
        why: "`--install-agent`: installs the `eks-pod-identity-agent` add-on",
    },
];

/// The access-entry actions, on the cluster and on its entries.
const ACCESS_ON_CLUSTER: &[&str] = &[
    "eks:ListAccessEntries",
    "eks:CreateAccessEntry",
    "eks:UpdateClusterConfig",
    "eks:DescribeUpdate",
];
const ACCESS_ON_ENTRIES: &[&str] = &[
    "eks:DescribeAccessEntry",
    "eks:ListAssociatedAccessPolicies",
    "eks:UpdateAccessEntry",
    "eks:DeleteAccessEntry",
    "eks:AssociateAccessPolicy",
    "eks:DisassociateAccessPolicy",
];

/// Calls eksiam makes that need no permission, for the tables.
const FREE: &[(&str, &[Command], &str)] = &[(
    "sts:GetCallerIdentity",
    &[
        Plan,
        Apply,
        CreateIamserviceaccount,
        GetIamserviceaccount,
        UpdateIamserviceaccount,
        DeleteIamserviceaccount,
        CreateIamidentitymapping,
        GetIamidentitymapping,
        DeleteIamidentitymapping,
        DeleteAccessentry,
    ],
    "needs no permission (IAM cannot deny it): which identity eksiam runs as, when a plan removes aws-auth entries; presigned, it is also the EKS token when no `--kubeconfig` is given",
)];

/// What the ARNs of a policy are filled in with; `None` is `*`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub partition: String,
    pub account: Option<String>,
    pub region: Option<String>,
    /// The cluster's issuer, when known: its provider ARN exactly.
    pub issuer: Option<Issuer>,
}

impl Scope {
    fn account(&self) -> &str {
        self.account.as_deref().unwrap_or("*")
    }

    fn cluster_arn(&self, cluster: Option<&str>) -> String {
        format!(
            "arn:{}:eks:{}:{}:cluster/{}",
            self.partition,
            self.region.as_deref().unwrap_or("*"),
            self.account(),
            cluster.unwrap_or("*")
        )
    }

    /// The ARNs of the cluster's access entries (any principal).
    fn access_entries_arn(&self, cluster: Option<&str>) -> String {
        self.eks_arn("access-entry", cluster)
    }

    /// The ARNs of the cluster's EKS sub-resources of one type (`access-entry`, `addon`,
    /// `podidentityassociation`).
    fn eks_arn(&self, resource: &str, cluster: Option<&str>) -> String {
        format!(
            "arn:{}:eks:{}:{}:{resource}/{}/*",
            self.partition,
            self.region.as_deref().unwrap_or("*"),
            self.account(),
            cluster.unwrap_or("*")
        )
    }

    fn role_arn(&self, name: &str) -> String {
        format!("arn:{}:iam::{}:role/{name}", self.partition, self.account())
    }

    /// The provider's ARN: exact with the issuer; else any EKS issuer of the region (EKS
    /// issuers are `https://oidc.eks.REGION.amazonaws.com/id/ID`, the ID unknown offline).
    fn provider_arn(&self) -> String {
        if let Some(issuer) = &self.issuer {
            return issuer.provider_arn(&self.partition, self.account());
        }
        let host = match (self.region.as_deref(), self.partition.as_str()) {
            (Some(r), "aws" | "aws-us-gov") => format!("oidc.eks.{r}.amazonaws.com/id/*"),
            (Some(r), "aws-cn") => format!("oidc.eks.{r}.amazonaws.com.cn/id/*"),
            _ => "*".to_owned(),
        };
        crate::rules::trust::provider_arn(&self.partition, self.account(), &host)
    }

    /// What the reader should know about the ARNs of `policy` (printed on stderr).
    pub fn notes(&self, policy: &Policy) -> Vec<String> {
        let mut notes = Vec::new();
        let actions = policy.actions();
        let provider = actions.iter().any(|a| a.contains("OpenIDConnectProvider"));
        let regional = provider || actions.contains("eks:DescribeCluster");
        if actions.is_empty() {
            return notes;
        }
        if self.account.is_none() {
            notes.push(
                "the ARNs name account `*` (any account): pass `--account ID` to pin them to one"
                    .to_owned(),
            );
        }
        if self.region.is_none() && regional {
            notes.push(format!(
                "no region is known: the cluster and OIDC provider ARNs use `*` for it and the partition is `{}`; pass `--region`",
                self.partition
            ));
        }
        if self.issuer.is_none() && provider {
            notes.push("the OIDC provider's ID is known only to EKS: the policy allows any EKS issuer of the region; pass `--issuer URL` (from `aws eks describe-cluster`) to name it exactly".to_owned());
        }
        notes
    }
}

/// One statement of a policy (always `Allow`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    #[serde(rename = "Sid")]
    pub sid: String,
    #[serde(rename = "Effect")]
    effect: &'static str,
    #[serde(rename = "Action")]
    pub actions: Vec<String>,
    #[serde(rename = "Resource")]
    pub resources: Vec<String>,
    #[serde(rename = "Condition", skip_serializing_if = "BTreeMap::is_empty")]
    pub condition: BTreeMap<String, BTreeMap<String, Value>>,
}

/// An IAM identity policy document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    #[serde(rename = "Version")]
    version: &'static str,
    #[serde(rename = "Statement")]
    pub statements: Vec<Statement>,
}

impl Policy {
    /// The pretty JSON document, ending in a newline.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("policies serialise") + "\n"
    }

    /// Every action the policy allows.
    pub fn actions(&self) -> BTreeSet<&str> {
        self.statements
            .iter()
            .flat_map(|s| s.actions.iter().map(String::as_str))
            .collect()
    }
}

/// Builds statements, keeping only the actions wanted and dropping empty statements.
struct Builder<'a> {
    wanted: &'a BTreeSet<&'static str>,
    statements: Vec<Statement>,
}

impl Builder<'_> {
    fn add(
        &mut self,
        sid: impl Into<String>,
        actions: &[&str],
        resources: Vec<String>,
        condition: BTreeMap<String, BTreeMap<String, Value>>,
    ) {
        let actions: Vec<String> = actions
            .iter()
            .filter(|a| self.wanted.contains(*a))
            .map(|a| (*a).to_owned())
            .collect();
        if actions.is_empty() || resources.is_empty() {
            return;
        }
        self.statements.push(Statement {
            sid: sid.into(),
            effect: "Allow",
            actions,
            resources,
            condition,
        });
    }

    fn finish(self) -> Policy {
        Policy {
            version: "2012-10-17",
            statements: self.statements,
        }
    }
}

/// `{operator: {key: value}}` for each `(operator, key, values)`; one value is a string.
fn condition(entries: &[(&str, String, Vec<String>)]) -> BTreeMap<String, BTreeMap<String, Value>> {
    let mut out: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    for (op, key, values) in entries {
        let value = match values.as_slice() {
            [one] => Value::String(one.clone()),
            many => Value::from(many.to_vec()),
        };
        out.entry((*op).to_owned())
            .or_default()
            .insert(key.clone(), value);
    }
    out
}

/// Conditions that eksiam's ownership tags (managed-by, and the cluster when known) are set:
/// on the request (`aws:RequestTag`) or on the resource (`iam:ResourceTag`).
fn ownership_tags(
    key_prefix: &str,
    cluster: Option<&str>,
) -> Vec<(&'static str, String, Vec<String>)> {
    [(TAG_MANAGED_BY, Some(MANAGER)), (TAG_CLUSTER, cluster)]
        .into_iter()
        .filter_map(|(tag, value)| {
            Some((
                "StringEquals",
                format!("{key_prefix}/{tag}"),
                vec![value?.to_owned()],
            ))
        })
        .collect()
}

fn request_tags(cluster: Option<&str>) -> Vec<(&'static str, String, Vec<String>)> {
    ownership_tags("aws:RequestTag", cluster)
}

fn resource_tags(cluster: Option<&str>) -> Vec<(&'static str, String, Vec<String>)> {
    ownership_tags("iam:ResourceTag", cluster)
}

const OIDC_CREATE: &[&str] = &[
    "iam:CreateOpenIDConnectProvider",
    "iam:TagOpenIDConnectProvider",
];
const OIDC_UPDATE: &[&str] = &[
    "iam:UpdateOpenIDConnectProviderThumbprint",
    "iam:AddClientIDToOpenIDConnectProvider",
];
const ROLE_READS: &[&str] = &[
    "iam:GetRole",
    "iam:ListAttachedRolePolicies",
    "iam:ListRolePolicies",
    "iam:GetRolePolicy",
];

/// The cluster and OIDC provider statements, the same in both forms.
fn cluster_statements(b: &mut Builder, scope: &Scope, cluster: Option<&str>) {
    b.add(
        "EksCluster",
        &["eks:DescribeCluster"],
        vec![scope.cluster_arn(cluster)],
        BTreeMap::new(),
    );
    let provider = vec![scope.provider_arn()];
    b.add(
        "OidcProviderRead",
        &["iam:GetOpenIDConnectProvider"],
        provider.clone(),
        BTreeMap::new(),
    );
    b.add(
        "OidcProviderCreate",
        OIDC_CREATE,
        provider.clone(),
        condition(&request_tags(cluster)),
    );
    b.add("OidcProviderUpdate", OIDC_UPDATE, provider, BTreeMap::new());
    b.add(
        "ReadAllRoles",
        &["iam:GetAccountAuthorizationDetails"],
        vec!["*".to_owned()],
        BTreeMap::new(),
    );
    b.add(
        "AccessEntriesOfCluster",
        ACCESS_ON_CLUSTER,
        vec![scope.cluster_arn(cluster)],
        BTreeMap::new(),
    );
    b.add(
        "AccessEntries",
        ACCESS_ON_ENTRIES,
        vec![scope.access_entries_arn(cluster)],
        BTreeMap::new(),
    );
    b.add(
        "PodIdentityOfCluster",
        &[
            "eks:ListPodIdentityAssociations",
            "eks:CreatePodIdentityAssociation",
            "eks:CreateAddon",
        ],
        vec![scope.cluster_arn(cluster)],
        BTreeMap::new(),
    );
    b.add(
        "PodIdentityAssociations",
        &[
            "eks:DescribePodIdentityAssociation",
            "eks:UpdatePodIdentityAssociation",
            "eks:DeletePodIdentityAssociation",
        ],
        vec![scope.eks_arn("podidentityassociation", cluster)],
        BTreeMap::new(),
    );
    b.add(
        "PodIdentityAgent",
        &["eks:DescribeAddon"],
        vec![scope.eks_arn("addon", cluster)],
        BTreeMap::new(),
    );
    b.add(
        "PassRolesToPodIdentity",
        &["iam:PassRole"],
        vec!["*".to_owned()],
        condition(&[(
            "StringEquals",
            "iam:PassedToService".to_owned(),
            vec![crate::rules::trust::POD_IDENTITY_SERVICE.to_owned()],
        )]),
    );
}

/// The policy the `commands` need on every role, OIDC provider and cluster of the account.
/// Roles are created only with eksiam's `managed-by` tag and changed only when they carry it,
/// as eksiam itself does (`iam:TagRole` cannot be bounded so: it is how the tag is set).
pub fn broad(commands: &[Command], scope: &Scope) -> Policy {
    let wanted: BTreeSet<&'static str> = ACTIONS
        .iter()
        .filter(|a| a.commands.iter().any(|c| commands.contains(c)))
        .map(|a| a.action)
        .collect();
    let mut b = Builder {
        wanted: &wanted,
        statements: Vec::new(),
    };
    cluster_statements(&mut b, scope, None);
    let roles = vec![scope.role_arn("*")];
    b.add("ReadRoles", ROLE_READS, roles.clone(), BTreeMap::new());
    b.add(
        "CreateRoles",
        &["iam:CreateRole"],
        roles.clone(),
        condition(&request_tags(None)),
    );
    b.add("TagRoles", &["iam:TagRole"], roles.clone(), BTreeMap::new());
    b.add(
        "ManageEksiamRoles",
        &[
            "iam:UpdateAssumeRolePolicy",
            "iam:PutRolePermissionsBoundary",
            "iam:DeleteRolePermissionsBoundary",
            "iam:AttachRolePolicy",
            "iam:DetachRolePolicy",
            "iam:PutRolePolicy",
            "iam:DeleteRolePolicy",
            "iam:DeleteRole",
        ],
        roles,
        condition(&resource_tags(None)),
    );
    b.finish()
}

/// What a scoped policy covers besides the file's contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScopedOptions {
    /// `apply` (else `plan`: reads only).
    pub writes: bool,
    /// `--prune`: find the roles eksiam made for the cluster (by their tags) and delete them.
    pub prune: bool,
}

/// The policy `apply -f FILE` (or `plan -f FILE`) needs for exactly what `desired` names: its
/// cluster, its OIDC provider, its roles by name, the managed policies and boundaries it
/// attaches (`iam:PolicyARN`, `iam:PermissionsBoundary`), and the ownership tags its roles are
/// created with. Roles are read one by one (eksiam falls back to that when
/// `iam:GetAccountAuthorizationDetails` is denied), except with `--prune`, which must find
/// the roles the file no longer names.
pub fn scoped(desired: &Desired, scope: &Scope, opts: ScopedOptions) -> Policy {
    let prune_roles = opts.prune && desired.prune_scope.any_roles();
    let wanted = scoped_actions(desired, opts, prune_roles);
    let mut b = Builder {
        wanted: &wanted,
        statements: Vec::new(),
    };
    let cluster = Some(desired.cluster.as_str());
    cluster_statements(&mut b, scope, cluster);
    let all: Vec<&DesiredRole> = desired.roles.iter().collect();
    b.add(
        "ReadRoles",
        ROLE_READS,
        role_arns(scope, &all),
        BTreeMap::new(),
    );
    create_statements(&mut b, scope, cluster, &desired.roles);
    b.add(
        "ManageRoles",
        &[
            "iam:TagRole",
            "iam:UpdateAssumeRolePolicy",
            "iam:DetachRolePolicy",
            "iam:PutRolePolicy",
            "iam:DeleteRolePolicy",
        ],
        role_arns(scope, &all),
        BTreeMap::new(),
    );
    attach_statements(&mut b, scope, &desired.roles);
    if prune_roles {
        b.add(
            "PruneRoles",
            &[
                "iam:DeleteRole",
                "iam:DetachRolePolicy",
                "iam:DeleteRolePolicy",
            ],
            vec![scope.role_arn("*")],
            condition(&resource_tags(cluster)),
        );
    }
    b.finish()
}

/// The actions [`scoped`] grants: those the file's contents, `opts` and `--prune` call for.
fn scoped_actions(
    desired: &Desired,
    opts: ScopedOptions,
    prune_roles: bool,
) -> BTreeSet<&'static str> {
    let irsa = !desired.roles.is_empty() || !desired.service_accounts.is_empty() || prune_roles;
    let reaches_cluster = irsa || desired.oidc_provider || !desired.mappings.is_empty();
    let mut wanted: BTreeSet<&'static str> = BTreeSet::new();
    if reaches_cluster || (opts.prune && desired.prune_scope.mappings) {
        wanted.insert("eks:DescribeCluster");
    }
    if desired.oidc_provider {
        wanted.insert("iam:GetOpenIDConnectProvider");
        if opts.writes {
            wanted.extend(OIDC_CREATE.iter().chain(OIDC_UPDATE));
        }
    }
    if prune_roles {
        wanted.insert("iam:GetAccountAuthorizationDetails");
    }
    if !desired.roles.is_empty() {
        wanted.extend(ROLE_READS);
    }
    if desired.authentication_mode.is_some() {
        wanted.insert("eks:DescribeCluster");
        if opts.writes {
            wanted.extend(["eks:UpdateClusterConfig", "eks:DescribeUpdate"]);
        }
    }
    if !desired.access_entries.is_empty() || (opts.prune && desired.prune_scope.access_entries) {
        wanted.insert("eks:DescribeCluster");
        wanted.extend(
            ACTIONS
                .iter()
                .filter(|a| a.action.contains("Access"))
                .filter(|a| opts.writes || a.commands.contains(&Plan))
                .map(|a| a.action),
        );
    }
    if !desired.pod_identities.is_empty() || (opts.prune && desired.prune_scope.pod_identities) {
        wanted.insert("eks:DescribeCluster");
        wanted.extend(
            ACTIONS
                .iter()
                .filter(|a| {
                    a.commands.contains(&CreatePodidentityassociation)
                        || a.action.contains("PodIdentity")
                })
                .filter(|a| a.action.starts_with("eks:") || a.action == "iam:PassRole")
                .filter(|a| opts.writes || a.commands.contains(&Plan))
                .filter(|a| desired.install_agent || a.action != "eks:CreateAddon")
                .map(|a| a.action),
        );
    }
    if opts.writes {
        wanted.extend(
            ACTIONS
                .iter()
                .filter(|a| a.resource == Resource::Role && a.commands.contains(&Apply))
                .map(|a| a.action),
        );
    }
    wanted
}

/// The ARNs of `roles`, by name.
fn role_arns(scope: &Scope, roles: &[&DesiredRole]) -> Vec<String> {
    roles.iter().map(|r| scope.role_arn(&r.name)).collect()
}

/// Creating roles, grouped by permissions boundary: each role is created (and kept) with
/// exactly its own boundary, or none (and may then have a stray one removed). Statement ids
/// are numbered only when there are several boundaries.
fn create_statements(b: &mut Builder, scope: &Scope, cluster: Option<&str>, roles: &[DesiredRole]) {
    let mut by_boundary: BTreeMap<Option<&str>, Vec<&DesiredRole>> = BTreeMap::new();
    for r in roles {
        by_boundary
            .entry(r.permissions_boundary.as_deref())
            .or_default()
            .push(r);
    }
    let bounded = by_boundary.keys().filter(|k| k.is_some()).count();
    for (i, (boundary, roles)) in by_boundary.iter().enumerate() {
        let mut create = request_tags(cluster);
        match boundary {
            None => {
                b.add(
                    "CreateRoles",
                    &["iam:CreateRole"],
                    role_arns(scope, roles),
                    condition(&create),
                );
                b.add(
                    "RemoveBoundary",
                    &["iam:DeleteRolePermissionsBoundary"],
                    role_arns(scope, roles),
                    BTreeMap::new(),
                );
            }
            Some(boundary) => {
                let n = if bounded > 1 {
                    i.to_string()
                } else {
                    String::new()
                };
                let pin = (
                    "StringEquals",
                    "iam:PermissionsBoundary".to_owned(),
                    vec![(*boundary).to_owned()],
                );
                create.push(pin.clone());
                b.add(
                    format!("CreateRolesWithBoundary{n}"),
                    &["iam:CreateRole"],
                    role_arns(scope, roles),
                    condition(&create),
                );
                b.add(
                    format!("SetBoundary{n}"),
                    &["iam:PutRolePermissionsBoundary"],
                    role_arns(scope, roles),
                    condition(&[pin]),
                );
            }
        }
    }
}

/// Attaching managed policies, grouped by the set each role may have attached
/// (`iam:PolicyARN`); statement ids are numbered only when there are several sets.
fn attach_statements(b: &mut Builder, scope: &Scope, roles: &[DesiredRole]) {
    let mut by_policies: BTreeMap<Vec<String>, Vec<&DesiredRole>> = BTreeMap::new();
    for r in roles.iter().filter(|r| !r.managed_policies.is_empty()) {
        let mut set = r.managed_policies.clone();
        set.sort();
        set.dedup();
        by_policies.entry(set).or_default().push(r);
    }
    let groups = by_policies.len();
    for (i, (policies, roles)) in by_policies.into_iter().enumerate() {
        let n = if groups > 1 {
            i.to_string()
        } else {
            String::new()
        };
        b.add(
            format!("AttachPolicies{n}"),
            &["iam:AttachRolePolicy"],
            role_arns(scope, &roles),
            condition(&[("ArnEquals", "iam:PolicyARN".to_owned(), policies)]),
        );
    }
}

/// The Markdown table of every AWS call, the commands that make it and why.
pub fn explain() -> String {
    let mut out = String::from("| IAM action | on | needed by | why |\n|---|---|---|---|\n");
    for a in ACTIONS {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            a.action,
            a.resource.describe(),
            command_list(a.commands),
            a.why
        ));
    }
    for (action, commands, why) in FREE {
        out.push_str(&format!(
            "| `{action}` | — | {} | {why} |\n",
            command_list(commands)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load_str;

    fn scope() -> Scope {
        Scope {
            partition: "aws".into(),
            account: Some("111122223333".into()),
            region: Some("us-west-2".into()),
            issuer: None,
        }
    }

    fn desired(yaml: &str) -> Desired {
        let loaded = load_str("cluster.yaml", yaml.to_owned()).expect("valid config");
        Desired::from_config(&loaded.config, None)
    }

    fn statement<'a>(p: &'a Policy, sid: &str) -> &'a Statement {
        p.statements
            .iter()
            .find(|s| s.sid == sid)
            .unwrap_or_else(|| panic!("no statement {sid} in {}", p.to_json()))
    }

    const FILE: &str = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {name: s3-reader, namespace: backend}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
    - metadata: {name: worker, namespace: backend}
      attachPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"sqs:*\", Resource: \"*\"}]}
      permissionsBoundary: arn:aws:iam::111122223333:policy/boundary
";

    #[test]
    fn access_entries_are_granted_on_the_cluster_and_its_entries_reads_only_for_plan() {
        let file = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
accessConfig:
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/viewers
";
        let apply = scoped(
            &desired(file),
            &scope(),
            ScopedOptions {
                writes: true,
                prune: false,
            },
        );
        let entries = statement(&apply, "AccessEntries");
        assert_eq!(
            entries.resources,
            vec!["arn:aws:eks:us-west-2:111122223333:access-entry/prod/*"]
        );
        assert!(
            entries
                .actions
                .contains(&"eks:AssociateAccessPolicy".to_owned())
        );
        let cluster = statement(&apply, "AccessEntriesOfCluster");
        assert_eq!(
            cluster.actions,
            vec!["eks:ListAccessEntries", "eks:CreateAccessEntry"]
        );
        assert!(!apply.actions().iter().any(|a| a.starts_with("iam:")));

        let plan = scoped(&desired(file), &scope(), ScopedOptions::default());
        let read: Vec<&str> = plan.actions().into_iter().collect();
        assert_eq!(
            read,
            vec![
                "eks:DescribeAccessEntry",
                "eks:DescribeCluster",
                "eks:ListAccessEntries",
                "eks:ListAssociatedAccessPolicies"
            ]
        );
    }

    #[test]
    fn every_action_eksiam_calls_is_listed_once() {
        let mut seen = BTreeSet::new();
        for a in ACTIONS {
            assert!(seen.insert(a.action), "{} twice", a.action);
            assert!(!a.commands.is_empty(), "{}", a.action);
        }
        // The broad policy for every command grants each action exactly where it is listed.
        let all = broad(&Command::ALL, &scope());
        assert_eq!(all.actions(), seen);
    }

    #[test]
    fn a_file_scopes_roles_provider_cluster_and_policies() {
        let p = scoped(
            &desired(FILE),
            &scope(),
            ScopedOptions {
                writes: true,
                prune: false,
            },
        );
        assert_eq!(
            statement(&p, "EksCluster").resources,
            ["arn:aws:eks:us-west-2:111122223333:cluster/prod"]
        );
        assert_eq!(
            statement(&p, "OidcProviderCreate").resources,
            ["arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/*"]
        );
        let create = statement(&p, "CreateRoles");
        assert_eq!(
            create.resources,
            ["arn:aws:iam::111122223333:role/prod-backend-s3-reader"]
        );
        assert_eq!(
            serde_json::to_value(&create.condition).unwrap(),
            serde_json::json!({"StringEquals": {
                "aws:RequestTag/eksiam.io/managed-by": "eksiam",
                "aws:RequestTag/eksiam.io/cluster": "prod"}})
        );
        let bounded = statement(&p, "CreateRolesWithBoundary");
        assert_eq!(
            bounded.resources,
            ["arn:aws:iam::111122223333:role/prod-backend-worker"]
        );
        assert_eq!(
            bounded.condition["StringEquals"]["iam:PermissionsBoundary"],
            "arn:aws:iam::111122223333:policy/boundary"
        );
        let attach = statement(&p, "AttachPolicies");
        assert_eq!(
            attach.resources,
            ["arn:aws:iam::111122223333:role/prod-backend-s3-reader"]
        );
        assert_eq!(
            attach.condition["ArnEquals"]["iam:PolicyARN"],
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
        );
        assert_eq!(
            statement(&p, "RemoveBoundary").resources,
            ["arn:aws:iam::111122223333:role/prod-backend-s3-reader"]
        );
        assert_eq!(
            statement(&p, "SetBoundary").resources,
            ["arn:aws:iam::111122223333:role/prod-backend-worker"]
        );
        // No account-wide reads and no deletion of roles without `--prune`.
        let actions = p.actions();
        assert!(!actions.contains("iam:GetAccountAuthorizationDetails"));
        assert!(!actions.contains("iam:DeleteRole"));
        assert!(
            p.statements
                .iter()
                .all(|s| s.resources.iter().all(|r| r != "*"))
        );
    }

    #[test]
    fn plan_reads_only_and_prune_finds_roles_by_their_tags() {
        let d = desired(FILE);
        let read = scoped(&d, &scope(), ScopedOptions::default());
        assert_eq!(
            read.actions().into_iter().collect::<Vec<_>>(),
            [
                "eks:DescribeCluster",
                "iam:GetOpenIDConnectProvider",
                "iam:GetRole",
                "iam:GetRolePolicy",
                "iam:ListAttachedRolePolicies",
                "iam:ListRolePolicies",
            ]
        );
        let prune = scoped(
            &d,
            &scope(),
            ScopedOptions {
                writes: true,
                prune: true,
            },
        );
        let s = statement(&prune, "PruneRoles");
        assert_eq!(s.resources, ["arn:aws:iam::111122223333:role/*"]);
        assert_eq!(
            serde_json::to_value(&s.condition).unwrap(),
            serde_json::json!({"StringEquals": {
                "iam:ResourceTag/eksiam.io/managed-by": "eksiam",
                "iam:ResourceTag/eksiam.io/cluster": "prod"}})
        );
        assert!(statement(&prune, "ReadAllRoles").resources == ["*"]);
    }

    #[test]
    fn partition_account_and_issuer_fill_the_arns() {
        let mut s = Scope {
            partition: "aws-cn".into(),
            account: None,
            region: Some("cn-north-1".into()),
            issuer: None,
        };
        assert_eq!(
            s.provider_arn(),
            "arn:aws-cn:iam::*:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/*"
        );
        assert_eq!(
            s.cluster_arn(Some("c")),
            "arn:aws-cn:eks:cn-north-1:*:cluster/c"
        );
        let all = broad(&Command::ALL, &s);
        assert_eq!(s.notes(&all).len(), 2);
        assert!(s.notes(&broad(&[GetIamserviceaccount], &s))[0].contains("account `*`"));
        s.issuer =
            Some(Issuer::parse("https://oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC").unwrap());
        s.account = Some("111122223333".into());
        assert_eq!(
            s.provider_arn(),
            "arn:aws-cn:iam::111122223333:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC"
        );
        assert!(s.notes(&all).is_empty());
        s.region = None;
        s.issuer = None;
        assert_eq!(
            s.provider_arn(),
            "arn:aws-cn:iam::111122223333:oidc-provider/*"
        );
    }

    #[test]
    fn broad_forms_differ_by_command() {
        let get = broad(&[GetIamserviceaccount], &scope());
        assert_eq!(
            get.actions().into_iter().collect::<Vec<_>>(),
            ["eks:DescribeCluster", "iam:GetAccountAuthorizationDetails"]
        );
        let mapping = broad(&[CreateIamidentitymapping], &scope());
        assert_eq!(
            mapping.actions().into_iter().collect::<Vec<_>>(),
            ["eks:DescribeCluster"]
        );
        let assoc = broad(&[AssociateIamOidcProvider], &scope());
        assert!(!assoc.actions().iter().any(|a| a.contains("Role")));
        let delete = broad(&[DeleteIamserviceaccount], &scope());
        let manage = statement(&delete, "ManageEksiamRoles");
        assert!(manage.actions.contains(&"iam:DeleteRole".to_owned()));
        assert!(!manage.actions.contains(&"iam:AttachRolePolicy".to_owned()));
        assert_eq!(
            manage.condition["StringEquals"]["iam:ResourceTag/eksiam.io/managed-by"],
            "eksiam"
        );
    }

    #[test]
    fn several_boundaries_and_policy_sets_get_numbered_statements() {
        let d = desired(
            "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  serviceAccounts:
    - metadata: {name: a, namespace: x}
      attachPolicyARNs: [arn:aws:iam::111122223333:policy/p1]
      permissionsBoundary: arn:aws:iam::111122223333:policy/b1
    - metadata: {name: b, namespace: x}
      attachPolicyARNs: [arn:aws:iam::111122223333:policy/p2]
      permissionsBoundary: arn:aws:iam::111122223333:policy/b2
",
        );
        let p = scoped(
            &d,
            &scope(),
            ScopedOptions {
                writes: true,
                prune: false,
            },
        );
        let sids: Vec<&str> = p.statements.iter().map(|s| s.sid.as_str()).collect();
        assert!(sids.contains(&"CreateRolesWithBoundary0"), "{sids:?}");
        assert!(sids.contains(&"CreateRolesWithBoundary1"), "{sids:?}");
        assert!(sids.contains(&"AttachPolicies1"), "{sids:?}");
        assert!(!sids.contains(&"CreateRoles"), "{sids:?}");
        assert!(!sids.contains(&"RemoveBoundary"), "{sids:?}");
        // Sids are alphanumeric, as IAM requires.
        assert!(
            sids.iter()
                .all(|s| s.chars().all(|c| c.is_ascii_alphanumeric()))
        );
    }

    /// The operations named where the SDK is called: `AwsError::from_sdk("Op", "service", …)`
    /// in `aws/mod.rs`, `err("Op", …)` (IAM) in `aws/iam.rs` and `eks_err("Op", …)` in
    /// `aws/eks_access.rs`.
    fn calls_in_sources() -> BTreeSet<String> {
        fn literals(text: &str) -> impl Iterator<Item = &str> {
            text.split('"').skip(1).step_by(2)
        }
        let mut calls = BTreeSet::new();
        let aws = include_str!("../aws/mod.rs");
        for (i, _) in aws.match_indices("from_sdk(") {
            let rest = &aws[i..];
            let end = rest.find(')').unwrap_or(rest.len());
            let mut lits = literals(&rest[..end]);
            if let (Some(op), Some(service)) = (lits.next(), lits.next()) {
                calls.insert(format!("{service}:{op}"));
            }
        }
        let iam = include_str!("../aws/iam.rs");
        for (i, _) in iam.match_indices("err(\"") {
            if let Some(op) = literals(&iam[i..]).next() {
                calls.insert(format!("iam:{op}"));
            }
        }
        for eks in [
            include_str!("../aws/eks_access.rs"),
            include_str!("../aws/eks_pod_identity.rs"),
        ] {
            for (i, _) in eks.match_indices("eks_err(\"") {
                if let Some(op) = literals(&eks[i..]).next() {
                    calls.insert(format!("eks:{op}"));
                }
            }
        }
        calls
    }

    #[test]
    fn the_catalogue_matches_the_calls_in_the_sources() {
        let calls = calls_in_sources();
        assert!(calls.len() > 15, "{calls:?}");
        let listed: BTreeSet<String> = ACTIONS
            .iter()
            .map(|a| a.action.to_owned())
            .chain(FREE.iter().map(|f| f.0.to_owned()))
            .collect();
        let unlisted: Vec<&String> = calls.difference(&listed).collect();
        assert!(
            unlisted.is_empty(),
            "calls missing from ACTIONS: {unlisted:?}"
        );
        // Listed but never called by name: only the tag action IAM checks for the tags a
        // provider is created with.
        let implicit: Vec<&String> = listed.difference(&calls).collect();
        assert_eq!(
            implicit,
            [
                &"iam:PassRole".to_owned(),
                &"iam:TagOpenIDConnectProvider".to_owned()
            ]
        );
    }

    #[test]
    fn the_table_lists_every_action() {
        let table = explain();
        for a in ACTIONS {
            assert!(table.contains(&format!("`{}`", a.action)), "{}", a.action);
        }
        assert!(table.contains("`sts:GetCallerIdentity`"));
    }
}
