//! IAM roles for service accounts: the role (trust policy, permissions boundary, ownership
//! tags), its managed-policy attachments and its inline policies.

mod diff;
#[cfg(feature = "cli")]
pub mod live;

pub use diff::{
    Foreign, Here, admits_pod_identity, diff, foreign, prune, revoke_absent, trust_pod_identity,
};

use crate::observed::ObservedRole;
use crate::plan::{Change, Describe, Kind, Op};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Tags that differ: their values before (`None`: absent) and after.
#[derive(Debug, Clone, PartialEq)]
pub struct TagChange {
    pub before: BTreeMap<String, Option<String>>,
    pub after: BTreeMap<String, String>,
}

/// What to do to a role.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleStep {
    Create {
        name: String,
        trust: Value,
        boundary: Option<String>,
        tags: BTreeMap<String, String>,
    },
    /// Only the fields that differ are `Some`; none at all is no change.
    Update {
        name: String,
        /// The trust policy before and after.
        trust: Option<(Value, Value)>,
        /// The permissions boundary before and after.
        boundary: Option<(Option<String>, Option<String>)>,
        tags: Option<TagChange>,
    },
    /// Delete the role, detaching and deleting the policies it was seen with.
    Delete { name: String, role: ObservedRole },
}

impl RoleStep {
    /// The role's name.
    pub fn name(&self) -> &str {
        match self {
            RoleStep::Create { name, .. }
            | RoleStep::Update { name, .. }
            | RoleStep::Delete { name, .. } => name,
        }
    }
}

impl Describe for RoleStep {
    fn kind(&self) -> Kind {
        Kind::IamRole
    }

    fn op(&self) -> Op {
        match self {
            RoleStep::Create { .. } => Op::Create,
            RoleStep::Update {
                trust: None,
                boundary: None,
                tags: None,
                ..
            } => Op::NoOp,
            RoleStep::Update { .. } => Op::Update,
            RoleStep::Delete { .. } => Op::Delete,
        }
    }

    fn changes(&self) -> Vec<Change> {
        match self {
            RoleStep::Create {
                trust,
                boundary,
                tags,
                ..
            } => {
                let mut changes = vec![Change::new("assume_role_policy", Value::Null, trust)];
                if let Some(b) = boundary {
                    changes.push(Change::new("permissions_boundary", Value::Null, b));
                }
                changes.push(Change::new("tags", Value::Null, tags));
                changes
            }
            RoleStep::Update {
                trust,
                boundary,
                tags,
                ..
            } => {
                let mut changes = Vec::new();
                if let Some((before, after)) = trust {
                    changes.push(Change::new("assume_role_policy", before, after));
                }
                if let Some((before, after)) = boundary {
                    changes.push(Change::new("permissions_boundary", before, after));
                }
                if let Some(t) = tags {
                    changes.push(Change::new("tags", &t.before, &t.after));
                }
                changes
            }
            RoleStep::Delete { role, .. } => deletion_changes(role),
        }
    }
}

/// What deleting a role removes: its trust policy and its policies.
fn deletion_changes(r: &ObservedRole) -> Vec<Change> {
    let mut changes = vec![Change::new(
        "assume_role_policy",
        &r.assume_role_policy,
        Value::Null,
    )];
    if !r.managed_policies.is_empty() {
        changes.push(Change::new(
            "managed_policies",
            &r.managed_policies,
            Value::Null,
        ));
    }
    if !r.inline_policies.is_empty() {
        let names: Vec<&String> = r.inline_policies.keys().collect();
        changes.push(Change::new("inline_policies", json!(names), Value::Null));
    }
    changes
}

/// A managed policy's attachment to a role.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachmentStep {
    pub role: String,
    pub policy_arn: String,
    /// [`Op::Create`] attaches, [`Op::Delete`] detaches, [`Op::NoOp`]: attached already.
    pub op: Op,
}

impl Describe for AttachmentStep {
    fn kind(&self) -> Kind {
        Kind::IamRolePolicyAttachment
    }

    fn op(&self) -> Op {
        self.op
    }

    fn changes(&self) -> Vec<Change> {
        match self.op {
            Op::Create => vec![Change::new("policy_arn", Value::Null, &self.policy_arn)],
            Op::Delete => vec![Change::new("policy_arn", &self.policy_arn, Value::Null)],
            Op::Update | Op::NoOp => Vec::new(),
        }
    }
}

/// What to do to an inline policy.
#[derive(Debug, Clone, PartialEq)]
pub enum InlineChange {
    /// Create (`before` is `None`) or replace the document.
    Put {
        before: Option<Value>,
        after: Value,
    },
    Delete {
        before: Value,
    },
    Unchanged,
}

/// An inline policy of a role.
#[derive(Debug, Clone, PartialEq)]
pub struct InlinePolicyStep {
    pub role: String,
    pub name: String,
    pub change: InlineChange,
}

impl Describe for InlinePolicyStep {
    fn kind(&self) -> Kind {
        Kind::IamRoleInlinePolicy
    }

    fn op(&self) -> Op {
        match &self.change {
            InlineChange::Put { before: None, .. } => Op::Create,
            InlineChange::Put { .. } => Op::Update,
            InlineChange::Delete { .. } => Op::Delete,
            InlineChange::Unchanged => Op::NoOp,
        }
    }

    fn changes(&self) -> Vec<Change> {
        match &self.change {
            InlineChange::Put { before, after } => {
                vec![Change::new("policy_document", before, after)]
            }
            InlineChange::Delete { before } => {
                vec![Change::new("policy_document", before, Value::Null)]
            }
            InlineChange::Unchanged => Vec::new(),
        }
    }
}
