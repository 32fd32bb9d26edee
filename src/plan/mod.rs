//! The plan: typed changes, one [`Step`](crate::kinds::Step) per action, each naming the
//! actions it depends on; computed by [`diff`] from desired and observed state and rendered
//! for people or machines. The field-level `changes` of `-o json` are derived from the typed
//! steps, never parsed back.

mod diff;
mod render;

pub use diff::{DiffOptions, Differ, diff};
pub use render::{render_json, render_text};

use crate::kinds::Step;
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
    AccessEntry,
    AccessPolicyAssociation,
    AuthenticationMode,
    PodIdentityAssociation,
    EksAddon,
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
            Kind::AccessEntry => "access-entry",
            Kind::AccessPolicyAssociation => "access-policy-association",
            Kind::AuthenticationMode => "authentication-mode",
            Kind::PodIdentityAssociation => "pod-identity-association",
            Kind::EksAddon => "eks-addon",
        }
    }

    /// The heading the text plan shows this kind's actions under.
    pub fn group(self) -> &'static str {
        match self {
            Kind::OidcProvider => "IAM OIDC provider",
            Kind::IamRole | Kind::IamRolePolicyAttachment | Kind::IamRoleInlinePolicy => {
                "IAM roles for service accounts"
            }
            Kind::Namespace | Kind::Serviceaccount => "Kubernetes namespaces and ServiceAccounts",
            Kind::AwsAuthMapping => "aws-auth identity mappings (kube-system/aws-auth)",
            Kind::AccessEntry | Kind::AccessPolicyAssociation | Kind::AuthenticationMode => {
                "EKS access entries"
            }
            Kind::PodIdentityAssociation | Kind::EksAddon => "EKS Pod Identity associations",
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

/// A value that is either known now or only once AWS has made it (offline plans: the
/// account, hence every ARN, is not known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    Is(String),
    AfterApply,
}

impl Known {
    /// From an optional value: `None` is known only after apply.
    pub fn from_option(v: Option<String>) -> Known {
        v.map_or(Known::AfterApply, Known::Is)
    }

    /// The value, when known.
    pub fn get(&self) -> Option<&str> {
        match self {
            Known::Is(s) => Some(s),
            Known::AfterApply => None,
        }
    }

    /// How it reads in a plan: the value, or [`UNKNOWN`].
    pub fn as_str(&self) -> &str {
        self.get().unwrap_or(UNKNOWN)
    }
}

impl Serialize for Known {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One field's change, as the plan shows it (derived from a typed step).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

impl Change {
    /// A field's change from `before` to `after`.
    pub fn new(field: &str, before: impl Serialize, after: impl Serialize) -> Change {
        Change {
            field: field.to_owned(),
            before: serde_json::to_value(before).expect("plan values serialise"),
            after: serde_json::to_value(after).expect("plan values serialise"),
        }
    }
}

/// What every typed step tells the plan: its kind, what it does, and its fields' changes.
pub trait Describe {
    fn kind(&self) -> Kind;
    fn op(&self) -> Op;
    fn changes(&self) -> Vec<Change>;
    /// Whether the step takes access to the cluster away from someone (the rules are in
    /// `rules::lockout`): the guard then needs to know who runs eksiam.
    fn lowers_access(&self) -> bool {
        false
    }
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub id: String,
    /// The ARN, `namespace/name`, or mapped ARN/account; `None` when not known yet.
    pub target: Option<String>,
    /// The actions that must be done before this one: the executor's order.
    pub depends_on: Vec<String>,
    /// What to do, typed per kind.
    pub step: Step,
}

impl Action {
    /// The kind of resource.
    pub fn kind(&self) -> Kind {
        self.step.kind()
    }

    /// What the action does.
    pub fn op(&self) -> Op {
        self.step.op()
    }

    /// The field-level changes, as rendered.
    pub fn changes(&self) -> Vec<Change> {
        self.step.changes()
    }
}

impl Serialize for Action {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            id: &'a str,
            kind: Kind,
            action: Op,
            target: &'a Option<String>,
            changes: Vec<Change>,
            depends_on: &'a [String],
        }
        Json {
            id: &self.id,
            kind: self.kind(),
            action: self.op(),
            target: &self.target,
            changes: self.changes(),
            depends_on: &self.depends_on,
        }
        .serialize(s)
    }
}

/// Which cluster the plan is for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterInfo {
    pub name: String,
    pub region: Option<String>,
    pub account: Option<String>,
    /// Whether the plan was made offline (nothing read): an unknown account is then known
    /// only after apply; in a live plan, one the command had no reason to read.
    #[serde(skip)]
    pub offline: bool,
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
            match a.op() {
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
        self.actions.iter().any(|a| a.op() != Op::NoOp)
    }
}
