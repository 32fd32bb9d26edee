//! The resource kinds eksiam manages, one module each: its typed plan step, how its part of
//! the plan is computed from desired and observed state, and (with the `cli` feature) how it
//! is observed and applied. A new kind is a new module, a variant of [`Step`], its place in
//! [`diff`], and an arm in each `match` below (and in `live`'s runner).

pub mod access_entry;
pub mod aws_auth;
#[cfg(feature = "cli")]
pub mod live;
pub mod oidc_provider;
pub mod role;
pub mod service_account;

use crate::plan::{Change, Describe, Differ, Kind, Op};

/// Plans every kind, in the order of the plan: OIDC provider, roles and their policies,
/// namespaces and ServiceAccounts, aws-auth, access entries.
pub fn diff(d: &mut Differ) {
    let oidc_id = oidc_provider::diff(d);
    for r in &d.desired.roles {
        role::diff(d, r, oidc_id.as_deref());
    }
    if d.opts.prune && d.desired.prune_scope.roles {
        role::prune(d);
    }
    service_account::diff(d);
    role::revoke_absent(d);
    aws_auth::diff(d);
    access_entry::diff(d);
}

/// A typed plan step, one variant per kind of change.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    OidcProvider(oidc_provider::ProviderStep),
    Role(role::RoleStep),
    PolicyAttachment(role::AttachmentStep),
    InlinePolicy(role::InlinePolicyStep),
    Namespace(service_account::NamespaceStep),
    ServiceAccount(service_account::ServiceAccountStep),
    AwsAuth(aws_auth::MappingStep),
    AccessEntry(access_entry::EntryStep),
    AccessPolicy(access_entry::PolicyStep),
    AuthenticationMode(access_entry::mode::ModeStep),
}

impl Step {
    fn describe(&self) -> &dyn Describe {
        match self {
            Step::OidcProvider(s) => s,
            Step::Role(s) => s,
            Step::PolicyAttachment(s) => s,
            Step::InlinePolicy(s) => s,
            Step::Namespace(s) => s,
            Step::ServiceAccount(s) => s,
            Step::AwsAuth(s) => s,
            Step::AccessEntry(s) => s,
            Step::AccessPolicy(s) => s,
            Step::AuthenticationMode(s) => s,
        }
    }

    /// Steps that the executor carries out together, as one node: those of one kind that
    /// must be written in a single read-modify-write (aws-auth's entries are one ConfigMap).
    pub fn batch(&self) -> Option<&'static str> {
        match self {
            Step::AwsAuth(_) => Some(aws_auth::BATCH),
            _ => None,
        }
    }
}

impl Describe for Step {
    fn kind(&self) -> Kind {
        self.describe().kind()
    }

    fn op(&self) -> Op {
        self.describe().op()
    }

    fn changes(&self) -> Vec<Change> {
        self.describe().changes()
    }
}
