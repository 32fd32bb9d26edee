//! The plan: an ordered list of actions computed by [`diff`] from desired and observed state,
//! with their field-level changes and dependencies; rendered for people or machines.

pub mod awsauth;
mod diff;
mod render;

pub use diff::{DiffOptions, diff};
pub use render::{render_json, render_text};

use serde::Serialize;
use serde_json::Value;

/// Placeholder for values only AWS knows, in offline plans.
pub const UNKNOWN: &str = "(known after apply)";

/// The kind of resource an action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    OidcProvider,
    IamRole,
    IamRolePolicyAttachment,
    IamRoleInlinePolicy,
    Namespace,
    Serviceaccount,
    AwsAuthMapping,
}

impl Kind {
    /// The name used in ids, JSON and text.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::OidcProvider => "oidc-provider",
            Kind::IamRole => "iam-role",
            Kind::IamRolePolicyAttachment => "iam-role-policy-attachment",
            Kind::IamRoleInlinePolicy => "iam-role-inline-policy",
            Kind::Namespace => "namespace",
            Kind::Serviceaccount => "serviceaccount",
            Kind::AwsAuthMapping => "aws-auth-mapping",
        }
    }
}

/// What an action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    Create,
    Update,
    Delete,
    NoOp,
}

/// One field's change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub id: String,
    pub kind: Kind,
    pub action: Op,
    /// The ARN, `namespace/name`, or mapped ARN/account; `None` when not known yet.
    pub target: Option<String>,
    pub changes: Vec<Change>,
    pub depends_on: Vec<String>,
}

/// Which cluster the plan is for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterInfo {
    pub name: String,
    pub region: Option<String>,
    pub account: Option<String>,
}

/// The actions, in an order that respects their dependencies.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub cluster: ClusterInfo,
    pub actions: Vec<Action>,
    pub warnings: Vec<String>,
    /// Reasons the plan cannot be applied as it stands (e.g. a role of the same name that
    /// eksiam does not own). Empty for a plan that can be applied.
    pub conflicts: Vec<String>,
}

/// Counts of actions by kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub create: usize,
    pub update: usize,
    pub delete: usize,
    pub no_op: usize,
}

impl Plan {
    /// Counts the actions.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for a in &self.actions {
            match a.action {
                Op::Create => s.create += 1,
                Op::Update => s.update += 1,
                Op::Delete => s.delete += 1,
                Op::NoOp => s.no_op += 1,
            }
        }
        s
    }

    /// Whether applying would change anything.
    pub fn has_changes(&self) -> bool {
        self.actions.iter().any(|a| a.action != Op::NoOp)
    }
}
