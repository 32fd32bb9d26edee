//! aws-auth's change as one pure edit of the parsed ConfigMap: upserts of the desired
//! mappings, removals, pruning of entries eksiam added earlier, and the lock-out guard. The
//! plan runs it on a copy of what was observed; the apply runs it again on what it reads
//! before each write.

use super::EntryChange;
use crate::desired::DesiredMapping;
use crate::plan::Op;
use crate::rules::authmap::{AwsAuth, Subject, Upsert};
use crate::rules::lockout;
use serde_json::Value;
use std::collections::BTreeSet;

/// The ConfigMap annotation that lists (lower-cased) the subjects eksiam added, so `--prune`
/// can remove exactly those without touching the entries' format.
pub const OWNED_ANNOTATION: &str = "eksiam.io/managed-mappings";

/// What to do to aws-auth.
#[derive(Debug, Clone, Copy)]
pub struct MappingEdit<'a> {
    pub desired: &'a [DesiredMapping],
    /// Subjects to remove (every entry for each).
    pub absent: &'a [Subject],
    /// Subjects eksiam added before (from [`OWNED_ANNOTATION`]).
    pub owned: &'a BTreeSet<String>,
    /// Remove owned subjects that `desired` no longer lists.
    pub prune: bool,
    /// Allow removals that risk locking nodes or people out.
    pub allow_lockout: bool,
    /// The subject the AWS identity eksiam runs as maps to, when known: removing its entry
    /// would lock the caller out.
    pub caller: Option<&'a Subject>,
    /// Remove the shadowed duplicates of every subject (the authenticator uses the last one).
    pub collapse_duplicates: bool,
}

/// The entry changes, messages and new ownership list of an edit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MappingResult {
    pub entries: Vec<EntryChange>,
    pub warnings: Vec<String>,
    pub conflicts: Vec<String>,
    pub owned_after: BTreeSet<String>,
}

fn action(key: &str, op: Op, before: Value, after: Value) -> EntryChange {
    EntryChange {
        key: key.to_owned(),
        op,
        before,
        after,
    }
}

/// Whether an entry maps a node role (removing it stops nodes from joining).
fn is_node_entry(e: &Value) -> bool {
    e.get("username")
        .and_then(Value::as_str)
        .is_some_and(|u| u.starts_with("system:node:"))
}

/// Applies the edit to `auth` and describes it.
pub fn edit(auth: &mut AwsAuth, e: &MappingEdit) -> MappingResult {
    let mut r = MappingResult {
        owned_after: e.owned.clone(),
        ..MappingResult::default()
    };
    duplicates(auth, e, &mut r);
    upserts(auth, e, &mut r);
    for subject in &removals(auth, e) {
        remove(auth, e, subject, &mut r);
    }
    r
}

/// Collapses shadowed duplicates when asked, else warns about them.
fn duplicates(auth: &mut AwsAuth, e: &MappingEdit, r: &mut MappingResult) {
    if !e.collapse_duplicates {
        for (id, n) in auth.duplicates() {
            r.warnings.push(format!(
                "`{id}` has {n} entries in aws-auth; aws-iam-authenticator uses the last one (`--collapse-duplicates` keeps only that one)"
            ));
        }
        return;
    }
    for subject in auth.duplicate_subjects() {
        let mut before = auth.collapse(&subject);
        let kept = auth.effective(&subject).cloned().unwrap_or(Value::Null);
        before.push(kept.clone());
        r.entries
            .push(action(subject.id(), Op::Update, Value::Array(before), kept));
    }
}

/// Adds or updates the desired mappings (a new subject becomes owned); an update that would
/// lower the caller's own access is refused (a conflict) unless the edit allows it.
fn upserts(auth: &mut AwsAuth, e: &MappingEdit, r: &mut MappingResult) {
    for m in e.desired {
        let key = m.mapping.subject.id().to_owned();
        let after = m.mapping.to_entry();
        if !e.allow_lockout
            && let Some(why) = lowers_caller(auth, e, &m.mapping.subject, &after)
        {
            r.conflicts.push(lockout::refusal(&format!(
                "changing the entry of `{key}` would {why}"
            )));
            continue;
        }
        let entry = match auth.upsert(&m.mapping, m.no_duplicate_arns) {
            Ok(Upsert::Added) => {
                r.owned_after.insert(key.to_ascii_lowercase());
                action(&key, Op::Create, Value::Null, after)
            }
            Ok(Upsert::Updated { before }) => {
                let now = auth.effective(&m.mapping.subject).cloned().unwrap_or(after);
                action(&key, Op::Update, before, now)
            }
            Ok(Upsert::Unchanged) => action(&key, Op::NoOp, Value::Null, Value::Null),
            Err(dup) => {
                r.conflicts.push(format!(
                    "{dup} and `noDuplicateARNs` is set: the existing entry is {}",
                    dup.existing
                ));
                continue;
            }
        };
        r.entries.push(entry);
    }
}

/// The subjects to remove: those asked for, and with `prune` the owned ones `desired` no
/// longer lists.
fn removals(auth: &AwsAuth, e: &MappingEdit) -> Vec<Subject> {
    let mut removals: Vec<Subject> = e.absent.to_vec();
    if !e.prune {
        return removals;
    }
    let wanted: BTreeSet<String> = e
        .desired
        .iter()
        .map(|m| m.mapping.subject.id().to_ascii_lowercase())
        .collect();
    for owned in e.owned.iter().filter(|o| !wanted.contains(*o)) {
        // The annotation keeps ids only; find the entry's kind from the data.
        for candidate in [
            Subject::Role(owned.clone()),
            Subject::User(owned.clone()),
            Subject::Account(owned.clone()),
        ] {
            if auth.effective(&candidate).is_some() {
                removals.push(candidate);
            }
        }
    }
    removals
}

/// Removes every entry of `subject`, unless that would lock nodes, the caller or everyone
/// out and the edit does not allow it (a conflict then).
fn remove(auth: &mut AwsAuth, e: &MappingEdit, subject: &Subject, r: &mut MappingResult) {
    let key = subject.id();
    let mut probe = auth.clone();
    let removed = probe.remove(subject);
    if removed.is_empty() {
        r.entries
            .push(action(key, Op::NoOp, Value::Null, Value::Null));
        return;
    }
    if !e.allow_lockout
        && let Some(why) = lockout(&probe, e, subject, &removed)
    {
        r.conflicts
            .push(lockout::refusal(&format!("removing `{key}` would {why}")));
        return;
    }
    *auth = probe;
    r.owned_after.remove(&key.to_ascii_lowercase());
    let before = if removed.len() == 1 {
        removed.into_iter().next().unwrap_or(Value::Null)
    } else {
        Value::Array(removed)
    };
    r.entries.push(action(key, Op::Delete, before, Value::Null));
}

/// What replacing `subject`'s entry with `after` would take from the AWS identity eksiam
/// runs as, when that entry maps it.
fn lowers_caller(
    auth: &AwsAuth,
    e: &MappingEdit,
    subject: &Subject,
    after: &Value,
) -> Option<String> {
    let caller = e.caller.filter(|c| subject.maps_caller(c))?;
    let before = auth.effective(subject)?;
    lockout::entry_lowered(before, after).then(|| {
        format!(
            "lower the access of the AWS identity eksiam runs as (`{caller}`): its groups or username change from {before} to {after}"
        )
    })
}

/// What removing `removed` (leaving `after`) would lock out, if anything.
fn lockout(
    after: &AwsAuth,
    e: &MappingEdit,
    subject: &Subject,
    removed: &[Value],
) -> Option<String> {
    if removed.iter().any(is_node_entry) {
        return Some(
            "stop the nodes that use it from joining the cluster (it maps `system:node:…`)".into(),
        );
    }
    // An account entry matters only to a caller without an entry of its own.
    if let Some(caller) = e
        .caller
        .filter(|c| subject.maps_caller(c) && after.effective(c).is_none())
    {
        return Some(format!(
            "take away the mapping of the AWS identity eksiam runs as (`{caller}`), and with it that identity's access to the cluster"
        ));
    }
    after
        .empties_map_roles()
        .then(|| "leave `mapRoles` empty".to_owned())
}

/// Reads the ownership annotation (a JSON list of subject ids); a missing or unreadable one
/// means eksiam owns nothing.
pub fn parse_owned(annotation: Option<&String>) -> BTreeSet<String> {
    annotation
        .and_then(|a| serde_json::from_str::<Vec<String>>(a).ok())
        .map(|v| v.into_iter().map(|s| s.to_ascii_lowercase()).collect())
        .unwrap_or_default()
}

/// The annotation value for an ownership list.
pub fn render_owned(owned: &BTreeSet<String>) -> String {
    serde_json::to_string(&owned.iter().collect::<Vec<_>>()).expect("strings serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::authmap::Mapping;
    use std::collections::BTreeMap;

    const NODE: &str = "- rolearn: arn:aws:iam::111122223333:role/node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:nodes]\n";

    fn auth(roles: &str) -> AwsAuth {
        AwsAuth::parse(&BTreeMap::from([("mapRoles".to_owned(), roles.to_owned())])).unwrap()
    }

    fn wanted(arn: &str) -> DesiredMapping {
        DesiredMapping {
            mapping: Mapping {
                subject: Subject::Role(arn.into()),
                username: Some("u".into()),
                groups: vec!["g".into()],
            },
            no_duplicate_arns: false,
        }
    }

    fn run(
        a: &mut AwsAuth,
        desired: &[DesiredMapping],
        absent: &[Subject],
        owned: &BTreeSet<String>,
        prune: bool,
        allow: bool,
    ) -> MappingResult {
        edit(
            a,
            &MappingEdit {
                desired,
                absent,
                owned,
                prune,
                allow_lockout: allow,
                caller: None,
                collapse_duplicates: false,
            },
        )
    }

    #[test]
    fn added_entries_become_owned_and_prune_removes_only_those() {
        let mut a = auth(NODE);
        let none = BTreeSet::new();
        let r = run(
            &mut a,
            &[wanted("arn:aws:iam::1:role/A")],
            &[],
            &none,
            false,
            false,
        );
        assert_eq!(
            r.owned_after,
            BTreeSet::from(["arn:aws:iam::1:role/a".to_owned()])
        );
        // The file drops the mapping: prune removes it, never the node role it did not add.
        let r2 = run(&mut a, &[], &[], &r.owned_after, true, false);
        assert_eq!(r2.entries.len(), 1);
        assert_eq!(r2.entries[0].op, Op::Delete);
        assert!(r2.owned_after.is_empty());
        assert_eq!(a.entries().count(), 1);
    }

    #[test]
    fn removing_a_node_role_or_the_last_role_needs_allow_lockout() {
        let mut a = auth(NODE);
        let node = Subject::Role("arn:aws:iam::111122223333:role/node".into());
        let r = run(
            &mut a,
            &[],
            std::slice::from_ref(&node),
            &BTreeSet::new(),
            false,
            false,
        );
        assert_eq!(r.conflicts.len(), 1, "{r:?}");
        assert_eq!(a.entries().count(), 1, "nothing removed");
        let r = run(
            &mut a,
            &[],
            std::slice::from_ref(&node),
            &BTreeSet::new(),
            false,
            true,
        );
        assert!(r.conflicts.is_empty());
        assert_eq!(a.entries().count(), 0);
        let mut b = auth("- rolearn: arn:aws:iam::1:role/only\n  username: x\n");
        let r = run(
            &mut b,
            &[],
            &[Subject::Role("arn:aws:iam::1:role/only".into())],
            &BTreeSet::new(),
            false,
            false,
        );
        assert!(r.conflicts[0].contains("leave `mapRoles` empty"), "{r:?}");
    }

    #[test]
    fn removing_the_callers_own_mapping_needs_allow_lockout() {
        let text = "- rolearn: arn:aws:iam::1:role/teams/ci-deployer\n  username: ci\n- rolearn: arn:aws:iam::1:role/admin\n  username: admin\n";
        let entry = Subject::Role("arn:aws:iam::1:role/teams/ci-deployer".into());
        // The caller as STS names it: the role without its path.
        let caller = Subject::of_caller("arn:aws:sts::1:assumed-role/ci-deployer/pipeline-42");
        let edit_as = |a: &mut AwsAuth, caller: Option<&Subject>, allow: bool| {
            edit(
                a,
                &MappingEdit {
                    desired: &[],
                    absent: std::slice::from_ref(&entry),
                    owned: &BTreeSet::new(),
                    prune: false,
                    allow_lockout: allow,
                    caller,
                    collapse_duplicates: false,
                },
            )
        };
        let mut a = auth(text);
        let r = edit_as(&mut a, caller.as_ref(), false);
        assert!(
            r.conflicts[0].contains("the AWS identity eksiam runs as"),
            "{r:?}"
        );
        assert_eq!(a.entries().count(), 2, "nothing removed");
        // Someone else removing it, or the caller saying so, is fine.
        let other = Subject::of_caller("arn:aws:sts::1:assumed-role/admin/alice");
        assert!(
            edit_as(&mut a.clone(), other.as_ref(), false)
                .conflicts
                .is_empty()
        );
        assert!(edit_as(&mut a, caller.as_ref(), true).conflicts.is_empty());
        assert_eq!(a.entries().count(), 1);
    }

    #[test]
    fn removing_an_absent_subject_is_a_no_op() {
        let mut a = auth(NODE);
        let r = run(
            &mut a,
            &[],
            &[Subject::User("arn:aws:iam::1:user/x".into())],
            &BTreeSet::new(),
            false,
            false,
        );
        assert_eq!(r.entries[0].op, Op::NoOp);
        assert!(!a.is_dirty());
    }

    #[test]
    fn ownership_annotation_round_trips() {
        let owned = BTreeSet::from(["b".to_owned(), "a".to_owned()]);
        let text = render_owned(&owned);
        assert_eq!(text, r#"["a","b"]"#);
        assert_eq!(parse_owned(Some(&text)), owned);
        assert!(parse_owned(Some(&"not json".to_owned())).is_empty());
        assert!(parse_owned(None).is_empty());
    }
}
