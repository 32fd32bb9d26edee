//! The cluster's `authenticationMode`: which of aws-auth and access entries EKS reads. It
//! moves only forward (`CONFIG_MAP` → `API_AND_CONFIG_MAP` → `API`), only when the input asks,
//! and never back: the plan says so, and refuses a move back.

use crate::config::AUTHENTICATION_MODES;
use crate::kinds::Step;
use crate::plan::{Change, Describe, Differ, Kind, Op};
use serde_json::Value;

/// A change of the cluster's authentication mode.
#[derive(Debug, Clone, PartialEq)]
pub struct ModeStep {
    /// The mode now, when known (`None` offline).
    pub before: Option<String>,
    pub after: String,
}

impl Describe for ModeStep {
    fn kind(&self) -> Kind {
        Kind::AuthenticationMode
    }

    fn op(&self) -> Op {
        if self.before.as_deref() == Some(self.after.as_str()) {
            Op::NoOp
        } else {
            Op::Update
        }
    }

    fn changes(&self) -> Vec<Change> {
        if self.op() == Op::NoOp {
            return Vec::new();
        }
        let before = self
            .before
            .as_ref()
            .map_or(Value::Null, |b| b.clone().into());
        vec![Change::new("authentication_mode", before, &self.after)]
    }
}

fn rank(mode: &str) -> Option<usize> {
    AUTHENTICATION_MODES.iter().position(|m| *m == mode)
}

/// Says when the file's `bootstrapClusterCreatorAdminPermissions` is not what the cluster was
/// created with: it is set at creation only.
fn bootstrap(d: &mut Differ) {
    if let (Some(want), Some(have)) = (d.desired.bootstrap_admin, d.observed.bootstrap_admin)
        && want != have
    {
        d.plan.warnings.push(format!(
            "the cluster was created with `bootstrapClusterCreatorAdminPermissions: {have}` and the file says `{want}`: it is set at creation and cannot change{}",
            if have {
                "; to take the creator's admin access away, delete its access entry (`eksiam delete accessentry`)"
            } else {
                ""
            }
        ));
    }
}

/// Plans the mode the input asks for; returns the action's id when it changes (access entries
/// are made after it).
pub fn diff(d: &mut Differ) -> Option<String> {
    bootstrap(d);
    let after = d.desired.authentication_mode.clone()?;
    let before = d.observed.authentication_mode.clone();
    if let Some(b) = &before
        && rank(b) > rank(&after)
    {
        d.plan.conflicts.push(format!(
            "the cluster's authenticationMode is `{b}` and the file asks for `{after}`: EKS moves it only forward (CONFIG_MAP → API_AND_CONFIG_MAP → API); change the file to `{b}`"
        ));
        return None;
    }
    let step = ModeStep { before, after };
    let changes = step.op() != Op::NoOp;
    if changes {
        d.plan.warnings.push(format!(
            "setting authenticationMode to `{}` cannot be undone: EKS never moves it back",
            step.after
        ));
        if step.after == "API" && !d.opts.allow_lockout {
            unentered_mappings(d);
        }
    }
    let id = d.push(
        &d.desired.cluster.clone(),
        Some(d.desired.cluster.clone()),
        Vec::new(),
        Step::AuthenticationMode(step),
    );
    changes.then_some(id)
}

/// `API` mode ignores aws-auth: every principal it maps that has no access entry (now or in
/// this plan) would lose access. A conflict names them, unless `--allow-lockout`.
fn unentered_mappings(d: &mut Differ) {
    let Some(auth) = &d.observed.aws_auth else {
        return;
    };
    let entered = |arn: &str| {
        d.observed
            .access_entries
            .keys()
            .chain(d.desired.access_entries.iter().map(|e| &e.principal_arn))
            .any(|p| {
                crate::rules::arn::strip_role_path(p)
                    .0
                    .eq_ignore_ascii_case(arn)
            })
    };
    let mut lost: Vec<String> = Vec::new();
    for (_, entry) in auth.entries() {
        let subject = ["rolearn", "userarn"]
            .iter()
            .find_map(|k| entry.get(*k).and_then(Value::as_str))
            .map(str::to_owned)
            .or_else(|| entry.as_str().map(|a| format!("account {a}")));
        if let Some(s) = subject
            && !entered(&s)
            && !lost.contains(&s)
        {
            lost.push(s);
        }
    }
    if !lost.is_empty() {
        d.plan.conflicts.push(format!(
            "authenticationMode `API` ignores aws-auth, which still maps {} without an access entry: they would lose access to the cluster. Give them access entries first (`eksiam utils migrate-to-access-entry --cluster {}` makes them from aws-auth), or pass `--allow-lockout`",
            lost.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", "),
            d.desired.cluster
        ));
    }
}
