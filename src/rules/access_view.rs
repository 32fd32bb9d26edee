//! Who gets into a cluster, and as whom: aws-auth and access entries read together as EKS and
//! aws-iam-authenticator read them. Pure; `get access` and `explain` print it.
//!
//! The rules: a caller's ARN is canonicalised (an assumed-role session is its role, without
//! the role's path); aws-auth entries match it without regard to case, the last of duplicates
//! wins, and `mapAccounts` lets in every principal of an account under its own ARN; an access
//! entry wins over aws-auth for the same principal (`API_AND_CONFIG_MAP`); `CONFIG_MAP` mode
//! reads aws-auth only, `API` access entries only. Username templates are shown as written:
//! they are filled in at each login.

use crate::desired::AccessScope;
use crate::observed::ObservedAccessEntry;
use crate::rules::arn::{Arn, strip_role_path};
use crate::rules::authmap::{AwsAuth, MAP_ACCOUNTS, MAP_ROLES, MAP_USERS};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// How a principal gets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Via {
    AccessEntry,
    MapRoles,
    MapUsers,
    MapAccounts,
}

/// The Kubernetes identity a principal gets.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    pub via: Via,
    /// The entry's principal, or the aws-auth ARN or account that matched.
    pub principal: String,
    /// `None`: EKS chooses it (an access entry without one).
    pub username: Option<String>,
    pub groups: Vec<String>,
    /// Access policies (access entries only), by ARN.
    pub access_policies: BTreeMap<String, Value>,
    /// The access entry's type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_type: Option<String>,
}

/// What one ARN gets.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub arn: String,
    /// The ARN EKS and the authenticator look up.
    pub canonical_arn: String,
    /// How it gets in, or `None`: it does not.
    pub identity: Option<Identity>,
    /// An aws-auth mapping the access entry wins over, or one the mode ignores.
    pub ignored: Vec<Identity>,
}

/// The ARN looked up for a caller: an assumed-role session is its role without path; an IAM
/// role ARN loses its path too; others stay as they are.
pub fn canonical(arn: &str) -> String {
    let Some(a) = Arn::parse(arn) else {
        return arn.to_owned();
    };
    match (a.service.as_str(), a.resource.split_once('/')) {
        ("sts", Some(("assumed-role", rest))) => {
            let role = rest.split('/').next().unwrap_or_default();
            format!("arn:{}:iam::{}:role/{role}", a.partition, a.account)
        }
        ("iam", Some(("role", _))) => strip_role_path(arn).0,
        _ => arn.to_owned(),
    }
}

/// What aws-auth gives `canonical` (the last matching entry), as the authenticator reads it.
fn from_aws_auth(auth: &AwsAuth, canonical: &str) -> Option<Identity> {
    let mut found = None;
    let is_role = canonical.contains(":role/");
    for (section, entry) in auth.entries() {
        let (key, via) = match section {
            s if s == MAP_ROLES && is_role => ("rolearn", Via::MapRoles),
            s if s == MAP_USERS && !is_role => ("userarn", Via::MapUsers),
            _ => continue,
        };
        let Some(arn) = entry.get(key).and_then(Value::as_str) else {
            continue;
        };
        let arn_key = if is_role {
            strip_role_path(arn).0
        } else {
            arn.to_owned()
        };
        if arn_key.eq_ignore_ascii_case(canonical) {
            found = Some(Identity {
                via,
                principal: arn.to_owned(),
                username: entry
                    .get("username")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                groups: crate::rules::authmap::groups(entry),
                access_policies: BTreeMap::new(),
                entry_type: None,
            });
        }
    }
    if found.is_some() {
        return found;
    }
    let account = Arn::parse(canonical)?.account;
    auth.entries()
        .filter(|(s, _)| *s == MAP_ACCOUNTS)
        .any(|(_, e)| e.as_str().map_or_else(|| e.to_string(), str::to_owned) == account)
        .then(|| Identity {
            via: Via::MapAccounts,
            principal: account,
            username: Some(canonical.to_owned()),
            groups: Vec::new(),
            access_policies: BTreeMap::new(),
            entry_type: None,
        })
}

fn from_entry(principal: &str, e: &ObservedAccessEntry) -> Identity {
    Identity {
        via: Via::AccessEntry,
        principal: principal.to_owned(),
        username: e.username.clone(),
        groups: e.groups.clone(),
        access_policies: e
            .policies
            .iter()
            .map(|(arn, scope)| (arn.clone(), scope.to_json()))
            .collect(),
        entry_type: Some(e.entry_type.clone()),
    }
}

/// The access entry of `canonical`, when there is one.
fn entry_of<'a>(
    entries: &'a BTreeMap<String, ObservedAccessEntry>,
    canonical: &str,
) -> Option<(&'a String, &'a ObservedAccessEntry)> {
    entries
        .iter()
        .find(|(p, _)| strip_role_path(p).0.eq_ignore_ascii_case(canonical))
}

/// What `arn` gets, with the cluster's aws-auth (`None`: none), access entries, and
/// `authenticationMode` (`None`: not known, both are read).
pub fn explain(
    arn: &str,
    auth: Option<&AwsAuth>,
    entries: &BTreeMap<String, ObservedAccessEntry>,
    mode: Option<&str>,
) -> Explanation {
    let canonical_arn = canonical(arn);
    let entry = entry_of(entries, &canonical_arn).map(|(p, e)| from_entry(p, e));
    let mapped = auth.and_then(|a| from_aws_auth(a, &canonical_arn));
    let (identity, ignored) = match mode {
        Some("CONFIG_MAP") => (mapped, entry.into_iter().collect()),
        Some("API") => (entry, mapped.into_iter().collect()),
        _ => match entry {
            Some(e) => (Some(e), mapped.into_iter().collect()),
            None => (mapped, Vec::new()),
        },
    };
    Explanation {
        arn: arn.to_owned(),
        canonical_arn,
        identity,
        ignored,
    }
}

/// Every principal that can reach the cluster, each with how it gets in: the access entries
/// and the aws-auth mappings, the winner of each pair only (mapAccounts as one row per account).
pub fn who(
    auth: Option<&AwsAuth>,
    entries: &BTreeMap<String, ObservedAccessEntry>,
    mode: Option<&str>,
) -> Vec<Explanation> {
    let mut principals: Vec<String> = Vec::new();
    if mode != Some("CONFIG_MAP") {
        principals.extend(entries.keys().cloned());
    }
    if let Some(auth) = auth.filter(|_| mode != Some("API")) {
        for (section, e) in auth.entries() {
            let p = match section {
                s if s == MAP_ACCOUNTS => None,
                _ => ["rolearn", "userarn"]
                    .iter()
                    .find_map(|k| e.get(*k).and_then(Value::as_str))
                    .map(str::to_owned),
            };
            if let Some(p) = p
                && !principals
                    .iter()
                    .any(|x| canonical(x).eq_ignore_ascii_case(&canonical(&p)))
            {
                principals.push(p);
            }
        }
    }
    let mut rows: Vec<Explanation> = principals
        .iter()
        .map(|p| explain(p, auth, entries, mode))
        .filter(|x| x.identity.is_some())
        .collect();
    if let Some(auth) = auth.filter(|_| mode != Some("API")) {
        for (_, e) in auth.entries().filter(|(s, _)| *s == MAP_ACCOUNTS) {
            let account = e.as_str().map_or_else(|| e.to_string(), str::to_owned);
            rows.push(Explanation {
                arn: format!("account {account}"),
                canonical_arn: account.clone(),
                identity: Some(Identity {
                    via: Via::MapAccounts,
                    principal: account,
                    username: Some("(each principal's own ARN)".into()),
                    groups: Vec::new(),
                    access_policies: BTreeMap::new(),
                    entry_type: None,
                }),
                ignored: Vec::new(),
            });
        }
    }
    rows
}

/// Where an access scope's namespaces are shown.
pub fn scope_text(scope: &AccessScope) -> String {
    match scope {
        AccessScope::Cluster => "cluster".into(),
        AccessScope::Namespaces(ns) => ns.join(","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth() -> AwsAuth {
        AwsAuth::parse(&BTreeMap::from([
            (
                "mapRoles".to_owned(),
                "- rolearn: arn:aws:iam::111122223333:role/teams/admin\n  username: admin:{{SessionName}}\n  groups: [system:masters]\n- rolearn: arn:aws:iam::111122223333:role/dev\n  username: old\n- rolearn: arn:aws:iam::111122223333:role/DEV\n  username: dev\n  groups: [devs]\n".to_owned(),
            ),
            (
                "mapUsers".to_owned(),
                "- userarn: arn:aws:iam::111122223333:user/alice\n  username: alice\n".to_owned(),
            ),
            ("mapAccounts".to_owned(), "- \"444455556666\"\n".to_owned()),
        ]))
        .unwrap()
    }

    fn entries() -> BTreeMap<String, ObservedAccessEntry> {
        BTreeMap::from([(
            "arn:aws:iam::111122223333:role/dev".to_owned(),
            ObservedAccessEntry {
                entry_type: "STANDARD".into(),
                groups: vec!["engineers".into()],
                ..Default::default()
            },
        )])
    }

    #[test]
    fn sessions_are_their_role_without_path_and_the_last_duplicate_wins() {
        let x = explain(
            "arn:aws:sts::111122223333:assumed-role/admin/alice",
            Some(&auth()),
            &BTreeMap::new(),
            Some("CONFIG_MAP"),
        );
        assert_eq!(x.canonical_arn, "arn:aws:iam::111122223333:role/admin");
        let id = x.identity.unwrap();
        assert_eq!(id.via, Via::MapRoles);
        assert_eq!(id.username.as_deref(), Some("admin:{{SessionName}}"));
        assert_eq!(id.groups, vec!["system:masters"]);
        let dev = explain(
            "arn:aws:iam::111122223333:role/dev",
            Some(&auth()),
            &BTreeMap::new(),
            None,
        );
        assert_eq!(dev.identity.unwrap().username.as_deref(), Some("dev"));
    }

    #[test]
    fn an_access_entry_wins_over_aws_auth_and_the_mode_decides_what_is_read() {
        let both = explain(
            "arn:aws:iam::111122223333:role/dev",
            Some(&auth()),
            &entries(),
            None,
        );
        assert_eq!(both.identity.as_ref().unwrap().via, Via::AccessEntry);
        assert_eq!(both.ignored[0].via, Via::MapRoles);
        let config_map = explain(
            "arn:aws:iam::111122223333:role/dev",
            Some(&auth()),
            &entries(),
            Some("CONFIG_MAP"),
        );
        assert_eq!(config_map.identity.unwrap().via, Via::MapRoles);
        let api = explain(
            "arn:aws:iam::111122223333:user/alice",
            Some(&auth()),
            &entries(),
            Some("API"),
        );
        assert!(api.identity.is_none(), "API ignores aws-auth");
        assert_eq!(api.ignored[0].via, Via::MapUsers);
    }

    #[test]
    fn account_mappings_let_in_every_principal_under_its_own_arn() {
        let x = explain(
            "arn:aws:iam::444455556666:user/bob",
            Some(&auth()),
            &BTreeMap::new(),
            None,
        );
        let id = x.identity.unwrap();
        assert_eq!(id.via, Via::MapAccounts);
        assert_eq!(
            id.username.as_deref(),
            Some("arn:aws:iam::444455556666:user/bob")
        );
        let rows = who(Some(&auth()), &entries(), None);
        let vias: Vec<Via> = rows
            .iter()
            .map(|r| r.identity.as_ref().unwrap().via)
            .collect();
        assert_eq!(
            vias,
            vec![
                Via::AccessEntry,
                Via::MapRoles,
                Via::MapUsers,
                Via::MapAccounts
            ]
        );
    }
}
