//! The lock-out rule, written once: which changes lower a principal's access to the cluster,
//! and how a refusal reads. Each kind's plan step answers `Describe::lowers_access` with these
//! rules; the pipeline's guard (`app::lockout`) then asks which AWS identity eksiam runs as,
//! and refuses the whole plan when it cannot tell; each kind refuses a step that lowers that
//! identity's own access. `--allow-lockout` lifts every refusal.

use serde_json::Value;

/// A Kubernetes identity as aws-auth or an access entry gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity<'a> {
    pub username: Option<&'a str>,
    pub groups: &'a [String],
}

/// Whether moving from `before` to `after` takes anything away: a group dropped, or another
/// username (RBAC bindings and audit name users, so a rename loses what was bound to the old
/// name). Adding groups lowers nothing.
pub fn identity_lowered(before: Identity, after: Identity) -> bool {
    before.username != after.username || groups_dropped(before.groups, after.groups)
}

/// Whether a group of `before` is not in `after`.
pub fn groups_dropped(before: &[String], after: &[String]) -> bool {
    before.iter().any(|g| !after.contains(g))
}

/// Whether replacing the aws-auth entry `before` with `after` lowers its subject's access
/// (entries are compared by their `username` and `groups`; `null` is no entry).
pub fn entry_lowered(before: &Value, after: &Value) -> bool {
    if before.is_null() {
        return false;
    }
    if after.is_null() {
        return true;
    }
    let groups = crate::rules::authmap::groups;
    let user = |v: &Value| v.get("username").and_then(Value::as_str).map(str::to_owned);
    let (bg, ag) = (groups(before), groups(after));
    let (bu, au) = (user(before), user(after));
    identity_lowered(
        Identity {
            username: bu.as_deref(),
            groups: &bg,
        },
        Identity {
            username: au.as_deref(),
            groups: &ag,
        },
    )
}

/// Whether an access scope shrinks: cluster-wide to some namespaces, or a namespace dropped
/// (`None` is the whole cluster, `Some` the namespaces).
pub fn scope_narrowed(before: Option<&[String]>, after: Option<&[String]>) -> bool {
    match (before, after) {
        (None, None) => false,
        (None, Some(_)) => true,
        (Some(_), None) => false,
        (Some(b), Some(a)) => b.iter().any(|ns| !a.contains(ns)),
    }
}

/// Whether an `authenticationMode` change lowers access: `API` ignores aws-auth, so whoever
/// is only there loses the cluster.
pub fn mode_lowered(before: Option<&str>, after: &str) -> bool {
    after == "API" && before != Some("API")
}

/// A refusal of the guard, as every kind words it.
pub fn refusal(what: &str) -> String {
    format!("{what}; pass `--allow-lockout` if that is intended")
}

/// The refusal when the plan lowers access and eksiam cannot tell which AWS identity it runs
/// as: it could be the caller's own, so the plan is not applied blind.
pub fn unknown_caller(cause: &str, lowered: &[String]) -> String {
    refusal(&format!(
        "this plan lowers access ({}), and eksiam cannot tell which AWS identity it runs as (`sts:GetCallerIdentity`: {cause}), so it cannot tell whether that is its own",
        lowered
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_dropped_group_or_another_username_lowers_an_identity_added_groups_do_not() {
        let masters = s(&["system:masters", "ops"]);
        let viewers = s(&["viewers"]);
        let more = s(&["system:masters", "ops", "viewers"]);
        let id = |u, g| Identity {
            username: u,
            groups: g,
        };
        assert!(identity_lowered(
            id(Some("ci"), &masters),
            id(Some("ci"), &viewers)
        ));
        assert!(identity_lowered(
            id(Some("ci"), &masters),
            id(Some("deploy"), &more)
        ));
        assert!(!identity_lowered(
            id(Some("ci"), &masters),
            id(Some("ci"), &more)
        ));
        assert!(!identity_lowered(id(None, &masters), id(None, &masters)));
    }

    #[test]
    fn aws_auth_entries_lower_when_removed_or_narrowed() {
        let admin = json!({"rolearn": "arn:aws:iam::1:role/ci", "username": "ci", "groups": ["system:masters"]});
        let viewer =
            json!({"rolearn": "arn:aws:iam::1:role/ci", "username": "ci", "groups": ["viewers"]});
        let both = json!({"rolearn": "arn:aws:iam::1:role/ci", "username": "ci", "groups": ["system:masters", "viewers"]});
        assert!(entry_lowered(&admin, &viewer));
        assert!(entry_lowered(&admin, &Value::Null));
        assert!(!entry_lowered(&admin, &both));
        assert!(!entry_lowered(&Value::Null, &admin));
    }

    #[test]
    fn scopes_narrow_from_the_cluster_or_by_a_namespace() {
        let ab = s(&["a", "b"]);
        let a = s(&["a"]);
        assert!(scope_narrowed(None, Some(&ab)));
        assert!(scope_narrowed(Some(&ab), Some(&a)));
        assert!(!scope_narrowed(Some(&a), Some(&ab)));
        assert!(!scope_narrowed(Some(&a), None));
        assert!(!scope_narrowed(None, None));
    }

    #[test]
    fn only_the_move_to_api_lowers_access() {
        assert!(mode_lowered(Some("CONFIG_MAP"), "API"));
        assert!(mode_lowered(Some("API_AND_CONFIG_MAP"), "API"));
        assert!(mode_lowered(None, "API"));
        assert!(!mode_lowered(Some("API"), "API"));
        assert!(!mode_lowered(Some("CONFIG_MAP"), "API_AND_CONFIG_MAP"));
    }
}
