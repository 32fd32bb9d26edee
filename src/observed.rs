//! The observed state: what AWS and the cluster hold now, as plain data. The AWS and Kubernetes
//! adapters fill it in; offline planning uses [`Observed::offline`], an account and cluster that
//! hold nothing yet and whose identifiers are not known.

use crate::rules::authmap::AwsAuth;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Namespaces every cluster has.
pub const BUILTIN_NAMESPACES: &[&str] =
    &["default", "kube-node-lease", "kube-public", "kube-system"];

/// What exists now.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Observed {
    /// The AWS account, when known.
    pub account: Option<String>,
    /// The cluster's ARN, when known: the identity ownership names.
    pub cluster_arn: Option<String>,
    /// The cluster's OIDC issuer, when known.
    pub issuer: Option<crate::rules::trust::Issuer>,
    /// The IAM OIDC provider for the issuer, if it exists.
    pub oidc_provider: Option<ObservedOidcProvider>,
    /// The issuer's current thumbprint, when fetched.
    pub thumbprint: Option<String>,
    /// Roles by name: the ones the desired state names, and those eksiam manages for the cluster.
    pub roles: BTreeMap<String, ObservedRole>,
    /// Whether the roles were read from the account listing (which can lag a write or leave
    /// fields out) rather than one by one.
    pub roles_listed: bool,
    /// Nothing was read (`--offline`): what is absent here is unknown, not missing.
    pub offline: bool,
    pub namespaces: BTreeSet<String>,
    /// The annotations restricting roles (`rules::namespace_roles`) of the namespaces that
    /// have any, when the namespaces were listed.
    pub namespace_annotations: BTreeMap<String, BTreeMap<String, String>>,
    pub service_accounts: BTreeMap<(String, String), ObservedServiceAccount>,
    /// The aws-auth ConfigMap's data; `None` when the ConfigMap does not exist.
    pub aws_auth: Option<AwsAuth>,
    /// The aws-auth subjects eksiam added (from the ConfigMap's ownership annotation).
    pub aws_auth_owned: BTreeSet<String>,
    /// What the AWS identity eksiam runs as maps to in aws-auth, when known (read only when
    /// the plan may remove mappings).
    pub caller: Option<crate::rules::authmap::Subject>,
    /// The cluster's access entries by principal ARN (read when the plan manages them).
    pub access_entries: BTreeMap<String, ObservedAccessEntry>,
    /// The cluster's `authenticationMode`, when known.
    pub authentication_mode: Option<String>,
    /// Whether the cluster's creator got an admin entry at creation, when known.
    pub bootstrap_admin: Option<bool>,
    /// The Pod Identity associations the plan needs to see, by (`namespace`, `name`).
    pub pod_identities: BTreeMap<(String, String), ObservedPodIdentity>,
    /// Whether the cluster has the `eks-pod-identity-agent` add-on, when known.
    pub pod_identity_agent: Option<bool>,
}

/// What the kinds read from AWS beyond the cluster, its OIDC provider and the roles (see
/// `kinds::observe_aws`); [`Observed::absorb`] takes it in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KindReads {
    pub access_entries: BTreeMap<String, ObservedAccessEntry>,
    pub pod_identities: BTreeMap<(String, String), ObservedPodIdentity>,
    pub pod_identity_agent: Option<bool>,
}

/// An EKS Pod Identity association.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObservedPodIdentity {
    /// EKS's id of the association (what updates and deletes name).
    pub id: String,
    pub role_arn: String,
    pub target_role_arn: Option<String>,
    pub disable_session_tags: bool,
    /// The session policy, parsed.
    pub session_policy: Option<Value>,
    pub tags: BTreeMap<String, String>,
    /// The add-on that made it, if one did (EKS lets only that add-on change it).
    pub owner_arn: Option<String>,
}

/// An EKS access entry and its access policies.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObservedAccessEntry {
    pub entry_type: String,
    pub groups: Vec<String>,
    /// As EKS reports it (it chooses one when none was given).
    pub username: Option<String>,
    pub tags: BTreeMap<String, String>,
    /// Associated access policies by ARN.
    pub policies: BTreeMap<String, crate::desired::AccessScope>,
}

/// An IAM OIDC provider.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservedOidcProvider {
    pub arn: String,
    pub client_ids: Vec<String>,
    pub thumbprints: Vec<String>,
}

/// An IAM role.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservedRole {
    pub arn: String,
    /// The trust policy, already decoded.
    pub assume_role_policy: Value,
    pub managed_policies: Vec<String>,
    pub inline_policies: BTreeMap<String, Value>,
    pub permissions_boundary: Option<String>,
    pub tags: BTreeMap<String, String>,
}

/// A ServiceAccount's metadata.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObservedServiceAccount {
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
}

impl Observed {
    /// Takes in what the kinds read.
    pub fn absorb(&mut self, reads: KindReads) {
        self.access_entries = reads.access_entries;
        self.pod_identities = reads.pod_identities;
        self.pod_identity_agent = reads.pod_identity_agent;
    }

    /// The ARN of role `name`: as observed, or as it will be once created in `partition`;
    /// `None` while the account is not known.
    pub fn role_arn(&self, partition: &str, name: &str) -> Option<String> {
        self.roles.get(name).map(|r| r.arn.clone()).or_else(|| {
            let account = self.account.as_deref()?;
            Some(format!("arn:{partition}:iam::{account}:role/{name}"))
        })
    }

    /// What a live observation starts from, before anything is read: as
    /// [`Observed::offline`], but what is not found then is missing, not unknown.
    pub fn live() -> Observed {
        Observed {
            offline: false,
            ..Observed::offline()
        }
    }

    /// An empty account and a new cluster, as `--offline` assumes.
    pub fn offline() -> Observed {
        Observed {
            namespaces: BUILTIN_NAMESPACES.iter().map(|s| (*s).to_owned()).collect(),
            offline: true,
            ..Observed::default()
        }
    }
}
