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

    fn lowers_access(&self) -> bool {
        self.op() != Op::NoOp
            && crate::rules::lockout::mode_lowered(self.before.as_deref(), &self.after)
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

/// The mode's moves: the waypoint the entries are made after, and the move to `API` that
/// waits for them.
#[derive(Debug, Default)]
pub struct Moves {
    /// The id of the move the access entries depend on, when the mode changes before them.
    pub before_entries: Option<String>,
    /// The move to `API`, made only once every access entry and policy of the plan exists.
    pub after_entries: Option<ModeStep>,
}

/// Plans the mode the input asks for, in the order EKS allows safely: a move to `API` goes
/// through `API_AND_CONFIG_MAP` first (aws-auth still read), the entries are made there, and
/// only then does the cluster move to `API` ([`finish`]). A failed entry leaves the cluster at
/// `API_AND_CONFIG_MAP`, where everyone in aws-auth still gets in.
pub fn diff(d: &mut Differ) -> Moves {
    bootstrap(d);
    let Some(after) = d.desired.authentication_mode.clone() else {
        return Moves::default();
    };
    let before = d.observed.authentication_mode.clone();
    if let Some(b) = &before
        && rank(b) > rank(&after)
    {
        d.plan.conflicts.push(format!(
            "the cluster's authenticationMode is `{b}` and the file asks for `{after}`: EKS moves it only forward (CONFIG_MAP → API_AND_CONFIG_MAP → API); change the file to `{b}`"
        ));
        return Moves::default();
    }
    let step = ModeStep { before, after };
    if step.op() == Op::NoOp {
        push(d, step, "", Vec::new());
        return Moves::default();
    }
    d.plan.warnings.push(format!(
        "setting authenticationMode to `{}` cannot be undone: EKS never moves it back",
        step.after
    ));
    if step.after != "API" {
        let id = push(d, step, "", Vec::new());
        return Moves {
            before_entries: Some(id),
            after_entries: None,
        };
    }
    if !d.opts.allow_lockout {
        unentered_mappings(d);
    }
    let waypoint = ModeStep {
        before: step.before.clone(),
        after: WAYPOINT.to_owned(),
    };
    let before_entries =
        (waypoint.op() != Op::NoOp).then(|| push(d, waypoint, &format!("/{WAYPOINT}"), Vec::new()));
    Moves {
        before_entries,
        after_entries: Some(ModeStep {
            before: Some(WAYPOINT.to_owned()),
            after: step.after,
        }),
    }
}

/// The mode a move to `API` passes through while the entries are made.
const WAYPOINT: &str = "API_AND_CONFIG_MAP";

/// Adds a mode step keyed by the cluster (and `suffix`); returns its id.
fn push(d: &mut Differ, step: ModeStep, suffix: &str, depends_on: Vec<String>) -> String {
    let cluster = d.desired.cluster.clone();
    d.push(
        &format!("{cluster}{suffix}"),
        Some(cluster),
        depends_on,
        Step::AuthenticationMode(step),
    )
}

/// Adds the move to `API` (from [`Moves::after_entries`]) after the plan's access entries and
/// policies, and after the waypoint.
pub fn finish(d: &mut Differ, moves: Moves) {
    let Some(step) = moves.after_entries else {
        return;
    };
    let depends_on = moves
        .before_entries
        .into_iter()
        .chain(
            d.plan
                .actions
                .iter()
                .filter(|a| matches!(a.step, Step::AccessEntry(_) | Step::AccessPolicy(_)))
                .map(|a| a.id.clone()),
        )
        .collect();
    push(d, step, "", depends_on);
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
