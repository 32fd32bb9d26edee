//! aws-auth identity mappings (`kube-system/aws-auth`): one plan action per entry that
//! changes, all carried out as one read-modify-write of the ConfigMap.

mod edit;
#[cfg(feature = "cli")]
pub mod live;

pub use edit::{MappingEdit, MappingResult, OWNED_ANNOTATION, parse_owned, render_owned};

use crate::desired::DesiredMapping;
use crate::kinds::Step;
use crate::plan::{Change, Describe, Differ, Kind, Op};
use crate::rules::authmap::{AwsAuth, Subject};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The executor's node for every aws-auth action: one ConfigMap, one write.
pub const BATCH: &str = "kube-system/aws-auth";

/// One entry's change: the entry before and after (`null` when absent).
#[derive(Debug, Clone, PartialEq)]
pub struct EntryChange {
    /// The mapped ARN or account.
    pub key: String,
    pub op: Op,
    pub before: Value,
    pub after: Value,
}

/// What the run asks of aws-auth, kept with the plan so that the apply can make the same
/// edit again on a fresher ConfigMap after a conflicting write.
#[derive(Debug, Clone, PartialEq)]
pub struct EditRequest {
    pub desired: Vec<DesiredMapping>,
    /// Subjects to remove (every entry for each).
    pub absent: Vec<Subject>,
    /// Remove owned subjects that `desired` no longer lists.
    pub prune: bool,
    pub allow_lockout: bool,
    /// The subject the AWS identity eksiam runs as maps to, when known.
    pub caller: Option<Subject>,
    pub collapse_duplicates: bool,
}

impl EditRequest {
    /// Applies the request to `auth`, whose ownership annotation lists `owned`.
    pub fn edit(&self, auth: &mut AwsAuth, owned: &BTreeSet<String>) -> MappingResult {
        edit::edit(
            auth,
            &MappingEdit {
                desired: &self.desired,
                absent: &self.absent,
                owned,
                prune: self.prune,
                allow_lockout: self.allow_lockout,
                caller: self.caller.as_ref(),
                collapse_duplicates: self.collapse_duplicates,
            },
        )
    }
}

/// An aws-auth action: an entry's change, and the whole edit it is part of.
#[derive(Debug, Clone, PartialEq)]
pub struct MappingStep {
    pub entry: EntryChange,
    pub request: Arc<EditRequest>,
}

impl Describe for MappingStep {
    fn kind(&self) -> Kind {
        Kind::AwsAuthMapping
    }

    fn op(&self) -> Op {
        self.entry.op
    }

    fn changes(&self) -> Vec<Change> {
        if self.entry.op == Op::NoOp {
            return Vec::new();
        }
        vec![Change {
            field: "entry".into(),
            before: self.entry.before.clone(),
            after: self.entry.after.clone(),
        }]
    }

    fn lowers_access(&self) -> bool {
        match self.entry.op {
            Op::Delete => true,
            // Collapsing duplicates (`before` lists them) keeps the entry the authenticator uses.
            Op::Update if !self.entry.before.is_array() => {
                crate::rules::lockout::entry_lowered(&self.entry.before, &self.entry.after)
            }
            _ => false,
        }
    }
}

/// Plans the aws-auth edit, when the desired state has mappings (or removes or prunes them).
pub fn diff(d: &mut Differ) {
    let desired = d.desired;
    let prune = d.opts.prune && desired.prune_scope.mappings;
    if desired.mappings.is_empty() && desired.absent_mappings.is_empty() && !prune {
        return;
    }
    let mut auth = match &d.observed.aws_auth {
        Some(a) => a.clone(),
        None if desired.mappings.is_empty() => return,
        // Offline, nothing was read: the ConfigMap is planned from nothing, said of the
        // whole plan, not claimed missing.
        None if d.observed.offline => AwsAuth::empty(),
        None => {
            d.plan.warnings.push(
                "the ConfigMap `kube-system/aws-auth` does not exist; it will be created".into(),
            );
            AwsAuth::empty()
        }
    };
    let request = Arc::new(EditRequest {
        desired: desired.mappings.clone(),
        absent: desired.absent_mappings.clone(),
        prune,
        allow_lockout: d.opts.allow_lockout,
        caller: d.observed.caller.clone(),
        collapse_duplicates: d.opts.collapse_duplicates,
    });
    let r = request.edit(&mut auth, &d.observed.aws_auth_owned);
    for entry in r.entries {
        let key = entry.key.clone();
        let step = MappingStep {
            entry,
            request: Arc::clone(&request),
        };
        d.push(&key, Some(key.clone()), Vec::new(), Step::AwsAuth(step));
    }
    d.plan.warnings.extend(r.warnings);
    d.plan.conflicts.extend(r.conflicts);
}
