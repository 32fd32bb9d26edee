//! The `kube-system/aws-auth` ConfigMap as aws-iam-authenticator reads it.
//!
//! `data.mapRoles` and `data.mapUsers` are YAML *strings* holding lists of entries;
//! `data.mapAccounts` a list of account IDs. Entries are kept as they were read, with every
//! field eksiam does not know, and a list is re-rendered only when an edit changed it, so
//! entries and keys eksiam does not touch stay exactly as they were.

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// The data keys the authenticator reads.
pub const MAP_ROLES: &str = "mapRoles";
pub const MAP_USERS: &str = "mapUsers";
pub const MAP_ACCOUNTS: &str = "mapAccounts";

/// What a mapping maps.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Role(String),
    User(String),
    Account(String),
}

impl Subject {
    /// The ARN or account ID.
    pub fn id(&self) -> &str {
        match self {
            Subject::Role(a) | Subject::User(a) | Subject::Account(a) => a,
        }
    }

    /// The aws-auth subject the authenticator maps an AWS caller to, from the ARN that
    /// `sts:GetCallerIdentity` returns: an assumed role becomes its role (without path, as the
    /// authenticator sees it), an IAM user stays itself. `None` for callers aws-auth cannot
    /// map (the root user, federated users).
    pub fn of_caller(arn: &str) -> Option<Subject> {
        let parsed = crate::rules::arn::Arn::parse(arn)?;
        match (parsed.service.as_str(), parsed.resource.split_once('/')) {
            // arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION
            ("sts", Some(("assumed-role", rest))) => {
                let role = rest.split('/').next().filter(|r| !r.is_empty())?;
                Some(Subject::Role(format!(
                    "arn:{}:iam::{}:role/{role}",
                    parsed.partition, parsed.account
                )))
            }
            ("iam", Some(("user", _))) => Some(Subject::User(arn.to_owned())),
            _ => None,
        }
    }

    /// Whether this entry maps `caller`: the same role (an entry's IAM path does not matter
    /// to the authenticator), the same user, or the caller's account (`mapAccounts` maps
    /// every user and role of an account).
    pub fn maps_caller(&self, caller: &Subject) -> bool {
        match (self, caller) {
            (Subject::Role(entry), Subject::Role(c)) => crate::rules::arn::strip_role_path(entry)
                .0
                .eq_ignore_ascii_case(c),
            (Subject::User(entry), Subject::User(c)) => entry.eq_ignore_ascii_case(c),
            (Subject::Account(acct), Subject::User(c) | Subject::Role(c)) => {
                crate::rules::arn::Arn::parse(c).is_some_and(|a| a.account == *acct)
            }
            _ => false,
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The `groups` of an aws-auth entry (none when absent or not a list of strings).
pub fn groups(entry: &Value) -> Vec<String> {
    entry
        .get("groups")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// A wanted mapping: a subject and, for roles and users, the Kubernetes identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub subject: Subject,
    pub username: Option<String>,
    pub groups: Vec<String>,
}

impl Mapping {
    /// The entry as it would be written (eksctl's key order: arn, username, groups).
    pub fn to_entry(&self) -> Value {
        match &self.subject {
            Subject::Account(a) => Value::String(a.clone()),
            Subject::Role(arn) | Subject::User(arn) => {
                let key = if matches!(self.subject, Subject::Role(_)) {
                    "rolearn"
                } else {
                    "userarn"
                };
                let mut m = Map::new();
                m.insert(key.into(), arn.clone().into());
                if let Some(u) = &self.username {
                    m.insert("username".into(), u.clone().into());
                }
                if !self.groups.is_empty() {
                    m.insert("groups".into(), self.groups.clone().into());
                }
                Value::Object(m)
            }
        }
    }
}

/// An aws-auth list that cannot be parsed; eksiam refuses to overwrite it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`data.{key}` of `kube-system/aws-auth` cannot be parsed: {message}")]
pub struct ParseError {
    pub key: &'static str,
    pub message: String,
}

/// One of the three lists, with the text it was read from.
#[derive(Debug, Clone, PartialEq)]
struct List {
    key: &'static str,
    entries: Vec<Value>,
    /// The text as read (`None` when the key was absent).
    original: Option<String>,
    dirty: bool,
}

impl List {
    fn parse(key: &'static str, text: Option<&String>) -> Result<List, ParseError> {
        let entries = match text {
            None => Vec::new(),
            Some(t) if is_skippable(t) => Vec::new(),
            Some(t) => {
                let opts = crate::config::yaml::options();
                let v: Value =
                    serde_saphyr::from_str_with_options(t, opts).map_err(|e| ParseError {
                        key,
                        message: e.to_string(),
                    })?;
                match v {
                    Value::Null => Vec::new(),
                    Value::Array(items) => items,
                    _ => {
                        return Err(ParseError {
                            key,
                            message: "expected a YAML list".into(),
                        });
                    }
                }
            }
        };
        for (i, e) in entries.iter().enumerate() {
            let ok = if key == MAP_ACCOUNTS {
                e.is_string() || e.is_number()
            } else {
                e.is_object()
            };
            if !ok {
                return Err(ParseError {
                    key,
                    message: format!(
                        "entry {} is not {}",
                        i + 1,
                        if key == MAP_ACCOUNTS {
                            "an account ID"
                        } else {
                            "a mapping"
                        }
                    ),
                });
            }
        }
        Ok(List {
            key,
            entries,
            original: text.cloned(),
            dirty: false,
        })
    }

    fn arn_key(&self) -> &'static str {
        if self.key == MAP_ROLES {
            "rolearn"
        } else {
            "userarn"
        }
    }

    /// The subject of entry `i`, if it has one (`sso` role entries have none).
    fn id_of(&self, e: &Value) -> Option<String> {
        match e {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Object(m) => m
                .get(self.arn_key())
                .and_then(Value::as_str)
                .map(str::to_owned),
            _ => None,
        }
    }

    fn positions(&self, id: &str) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| self.id_of(e).is_some_and(|x| x.eq_ignore_ascii_case(id)))
            .map(|(i, _)| i)
            .collect()
    }

    fn render(&self) -> String {
        if self.entries.is_empty() {
            return String::new();
        }
        serde_saphyr::to_string(&self.entries).unwrap_or_default()
    }
}

/// The result of an upsert.
#[derive(Debug, Clone, PartialEq)]
pub enum Upsert {
    /// A new entry was appended.
    Added,
    /// The effective entry for the subject was changed; `before` is what it was.
    Updated { before: Value },
    /// The effective entry already said this.
    Unchanged,
}

/// An upsert refused because the ARN is mapped differently and duplicates are not allowed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("`{subject}` is already mapped in aws-auth with a different username or groups")]
pub struct DuplicateArn {
    pub subject: String,
    pub existing: Value,
}

/// The parsed aws-auth data.
#[derive(Debug, Clone, PartialEq)]
pub struct AwsAuth {
    roles: List,
    users: List,
    accounts: List,
}

impl AwsAuth {
    /// An empty ConfigMap's data.
    pub fn empty() -> AwsAuth {
        let empty = BTreeMap::new();
        AwsAuth::parse(&empty).expect("empty data parses")
    }

    /// Parses the ConfigMap's `data`.
    ///
    /// # Errors
    /// A [`ParseError`] when a list is not valid YAML or not a list of the expected entries.
    pub fn parse(data: &BTreeMap<String, String>) -> Result<AwsAuth, ParseError> {
        Ok(AwsAuth {
            roles: List::parse(MAP_ROLES, data.get(MAP_ROLES))?,
            users: List::parse(MAP_USERS, data.get(MAP_USERS))?,
            accounts: List::parse(MAP_ACCOUNTS, data.get(MAP_ACCOUNTS))?,
        })
    }

    fn list(&self, subject: &Subject) -> &List {
        match subject {
            Subject::Role(_) => &self.roles,
            Subject::User(_) => &self.users,
            Subject::Account(_) => &self.accounts,
        }
    }

    fn list_mut(&mut self, subject: &Subject) -> &mut List {
        match subject {
            Subject::Role(_) => &mut self.roles,
            Subject::User(_) => &mut self.users,
            Subject::Account(_) => &mut self.accounts,
        }
    }

    /// The entry the authenticator uses for `subject` (the last one, when there are several).
    pub fn effective(&self, subject: &Subject) -> Option<&Value> {
        let list = self.list(subject);
        list.positions(subject.id())
            .last()
            .map(|&i| &list.entries[i])
    }

    /// Makes `mapping` the effective entry for its subject. An identical entry is left alone;
    /// a different one is updated in place, keeping its unknown fields.
    ///
    /// # Errors
    /// [`DuplicateArn`] when `no_duplicate_arns` is set and the subject is mapped differently.
    pub fn upsert(
        &mut self,
        mapping: &Mapping,
        no_duplicate_arns: bool,
    ) -> Result<Upsert, DuplicateArn> {
        let list = self.list_mut(&mapping.subject);
        let Some(&i) = list.positions(mapping.subject.id()).last() else {
            list.entries.push(mapping.to_entry());
            list.dirty = true;
            return Ok(Upsert::Added);
        };
        let before = list.entries[i].clone();
        let Value::Object(fields) = &mut list.entries[i] else {
            // An account entry: same ID means same mapping.
            return Ok(Upsert::Unchanged);
        };
        if same_identity(fields, mapping) {
            return Ok(Upsert::Unchanged);
        }
        if no_duplicate_arns {
            return Err(DuplicateArn {
                subject: mapping.subject.id().to_owned(),
                existing: before,
            });
        }
        match &mapping.username {
            Some(u) => {
                fields.insert("username".into(), u.clone().into());
            }
            None => {
                fields.remove("username");
            }
        }
        if mapping.groups.is_empty() {
            fields.remove("groups");
        } else {
            fields.insert("groups".into(), mapping.groups.clone().into());
        }
        list.dirty = true;
        Ok(Upsert::Updated { before })
    }

    /// Removes every entry for `subject`; returns what was removed.
    pub fn remove(&mut self, subject: &Subject) -> Vec<Value> {
        let list = self.list_mut(subject);
        let positions = list.positions(subject.id());
        let mut removed = Vec::new();
        for i in positions.into_iter().rev() {
            removed.insert(0, list.entries.remove(i));
        }
        if !removed.is_empty() {
            list.dirty = true;
        }
        removed
    }

    /// Keeps only the effective (last) entry of `subject`; returns the entries removed.
    pub fn collapse(&mut self, subject: &Subject) -> Vec<Value> {
        let list = self.list_mut(subject);
        let mut positions = list.positions(subject.id());
        positions.pop();
        let mut removed = Vec::new();
        for i in positions.into_iter().rev() {
            removed.insert(0, list.entries.remove(i));
        }
        if !removed.is_empty() {
            list.dirty = true;
        }
        removed
    }

    /// The subject of every entry that has duplicates.
    pub fn duplicate_subjects(&self) -> Vec<Subject> {
        let mut out = Vec::new();
        for (list, make) in [
            (&self.roles, Subject::Role as fn(String) -> Subject),
            (&self.users, Subject::User),
            (&self.accounts, Subject::Account),
        ] {
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            for e in &list.entries {
                if let Some(id) = list.id_of(e) {
                    *seen.entry(id).or_insert(0) += 1;
                }
            }
            let mut lower_seen = std::collections::BTreeSet::new();
            for (id, _) in seen {
                if list.positions(&id).len() > 1 && lower_seen.insert(id.to_ascii_lowercase()) {
                    out.push(make(id));
                }
            }
        }
        out
    }

    /// Subjects that have more than one entry, with their count (the last one wins).
    pub fn duplicates(&self) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for list in [&self.roles, &self.users, &self.accounts] {
            let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
            for e in &list.entries {
                if let Some(id) = list.id_of(e) {
                    counts.entry(id.to_ascii_lowercase()).or_insert((id, 0)).1 += 1;
                }
            }
            out.extend(counts.into_values().filter(|(_, n)| *n > 1));
        }
        out
    }

    /// Every entry in ConfigMap order: roles, then users, then accounts.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        [&self.roles, &self.users, &self.accounts]
            .into_iter()
            .flat_map(|l| l.entries.iter().map(move |e| (l.key, e)))
    }

    /// Whether any edit changed the data.
    pub fn is_dirty(&self) -> bool {
        self.roles.dirty || self.users.dirty || self.accounts.dirty
    }

    /// Whether `mapRoles` had entries before and has none now (a lock-out risk).
    pub fn empties_map_roles(&self) -> bool {
        self.roles.dirty
            && self.roles.entries.is_empty()
            && self.roles.original.as_ref().is_some_and(|t| {
                List::parse(MAP_ROLES, Some(t)).is_ok_and(|l| !l.entries.is_empty())
            })
    }

    /// Applies the edits to `data`: changed lists are re-rendered, everything else is kept
    /// byte for byte. A list that became empty and was absent stays absent.
    pub fn write_into(&self, data: &mut BTreeMap<String, String>) {
        for list in [&self.roles, &self.users, &self.accounts] {
            if !list.dirty {
                continue;
            }
            if list.entries.is_empty() && list.original.is_none() {
                data.remove(list.key);
            } else {
                data.insert(list.key.to_owned(), list.render());
            }
        }
    }
}

/// Whether the authenticator skips a list's text as empty (its `isSkippable`): blank, or an
/// empty string written as a quoted YAML scalar (`""`, `''`) or with backticks.
fn is_skippable(text: &str) -> bool {
    matches!(text.trim(), "" | "\"\"" | "''" | "``")
}

fn same_identity(fields: &Map<String, Value>, mapping: &Mapping) -> bool {
    let username = fields.get("username").and_then(Value::as_str);
    let mut groups: Vec<&str> = fields
        .get("groups")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut wanted: Vec<&str> = mapping.groups.iter().map(String::as_str).collect();
    groups.sort_unstable();
    wanted.sort_unstable();
    username == mapping.username.as_deref() && groups == wanted
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn callers_map_to_what_the_authenticator_sees() {
        assert_eq!(
            Subject::of_caller("arn:aws:sts::111122223333:assumed-role/deployer/session-1"),
            Some(Subject::Role(
                "arn:aws:iam::111122223333:role/deployer".into()
            ))
        );
        assert_eq!(
            Subject::of_caller("arn:aws-cn:sts::111122223333:assumed-role/d/s"),
            Some(Subject::Role("arn:aws-cn:iam::111122223333:role/d".into()))
        );
        assert_eq!(
            Subject::of_caller("arn:aws:iam::111122223333:user/ops/alice"),
            Some(Subject::User(
                "arn:aws:iam::111122223333:user/ops/alice".into()
            ))
        );
        assert_eq!(Subject::of_caller("arn:aws:iam::111122223333:root"), None);
        assert_eq!(
            Subject::of_caller("arn:aws:sts::111122223333:federated-user/bob"),
            None
        );
        let role = Subject::Role("arn:aws:iam::111122223333:role/deployer".into());
        assert!(
            Subject::Role("arn:aws:iam::111122223333:role/ci/Deployer".into()).maps_caller(&role)
        );
        assert!(
            !Subject::Role("arn:aws:iam::111122223333:role/deployer-2".into()).maps_caller(&role)
        );
        let alice = Subject::User("arn:aws:iam::111122223333:user/alice".into());
        assert!(Subject::Account("111122223333".into()).maps_caller(&alice));
        assert!(!Subject::Account("444455556666".into()).maps_caller(&alice));
        assert!(Subject::Account("111122223333".into()).maps_caller(&role));
    }

    const NODE_ROLES: &str = "- rolearn: arn:aws:iam::111122223333:role/eks-node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups:\n    - system:bootstrappers\n    - system:nodes\n  x-team-note: keep me\n";

    fn data(roles: &str) -> BTreeMap<String, String> {
        BTreeMap::from([
            (MAP_ROLES.to_owned(), roles.to_owned()),
            ("other".to_owned(), "untouched: true\n".to_owned()),
        ])
    }

    fn role(arn: &str, user: &str, groups: &[&str]) -> Mapping {
        Mapping {
            subject: Subject::Role(arn.into()),
            username: Some(user.into()),
            groups: groups.iter().map(|g| g.to_string()).collect(),
        }
    }

    #[test]
    fn upsert_appends_and_keeps_unknown_fields_and_templates() {
        let mut d = data(NODE_ROLES);
        let mut auth = AwsAuth::parse(&d).unwrap();
        let admin = role(
            "arn:aws:iam::111122223333:role/admin",
            "admin",
            &["system:masters"],
        );
        assert_eq!(auth.upsert(&admin, false).unwrap(), Upsert::Added);
        auth.write_into(&mut d);
        assert_eq!(d["other"], "untouched: true\n");
        let reparsed = AwsAuth::parse(&d).unwrap();
        let node = reparsed
            .effective(&Subject::Role(
                "arn:aws:iam::111122223333:role/eks-node".into(),
            ))
            .unwrap();
        assert_eq!(node["username"], "system:node:{{EC2PrivateDNSName}}");
        assert_eq!(node["x-team-note"], "keep me");
        assert_eq!(
            node["groups"],
            json!(["system:bootstrappers", "system:nodes"])
        );
        assert_eq!(reparsed.entries().count(), 2);
    }

    #[test]
    fn identical_upsert_is_a_no_op_and_case_insensitive() {
        let mut auth = AwsAuth::parse(&data(NODE_ROLES)).unwrap();
        let same = role(
            "arn:aws:iam::111122223333:role/EKS-NODE",
            "system:node:{{EC2PrivateDNSName}}",
            &["system:nodes", "system:bootstrappers"],
        );
        assert_eq!(auth.upsert(&same, true).unwrap(), Upsert::Unchanged);
        assert!(!auth.is_dirty());
        let mut d = data(NODE_ROLES);
        auth.write_into(&mut d);
        assert_eq!(
            d[MAP_ROLES], NODE_ROLES,
            "untouched text is kept byte for byte"
        );
    }

    #[test]
    fn different_upsert_updates_in_place_or_is_refused() {
        let mut auth = AwsAuth::parse(&data(NODE_ROLES)).unwrap();
        let changed = role(
            "arn:aws:iam::111122223333:role/eks-node",
            "node",
            &["system:nodes"],
        );
        let err = auth.clone().upsert(&changed, true).unwrap_err();
        assert_eq!(err.subject, "arn:aws:iam::111122223333:role/eks-node");
        match auth.upsert(&changed, false).unwrap() {
            Upsert::Updated { before } => {
                assert_eq!(before["username"], "system:node:{{EC2PrivateDNSName}}")
            }
            other => panic!("{other:?}"),
        }
        let e = auth.effective(&changed.subject).unwrap();
        assert_eq!(e["username"], "node");
        assert_eq!(e["x-team-note"], "keep me");
        assert_eq!(auth.entries().count(), 1);
    }

    #[test]
    fn remove_deletes_every_duplicate() {
        let text = format!(
            "{NODE_ROLES}- rolearn: arn:aws:iam::111122223333:role/eks-node\n  username: dup\n"
        );
        let mut auth = AwsAuth::parse(&data(&text)).unwrap();
        assert_eq!(
            auth.duplicates(),
            vec![("arn:aws:iam::111122223333:role/eks-node".to_owned(), 2)]
        );
        assert_eq!(
            auth.effective(&Subject::Role(
                "arn:aws:iam::111122223333:role/eks-node".into()
            ))
            .unwrap()["username"],
            "dup"
        );
        let removed = auth.remove(&Subject::Role(
            "arn:aws:iam::111122223333:role/eks-node".into(),
        ));
        assert_eq!(removed.len(), 2);
        assert!(auth.empties_map_roles());
    }

    #[test]
    fn collapse_keeps_the_effective_entry() {
        let text = format!(
            "{NODE_ROLES}- rolearn: arn:aws:iam::111122223333:role/EKS-node\n  username: dup\n"
        );
        let mut auth = AwsAuth::parse(&data(&text)).unwrap();
        let subjects = auth.duplicate_subjects();
        assert_eq!(subjects.len(), 1);
        let removed = auth.collapse(&subjects[0]);
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0]["x-team-note"], "keep me");
        assert_eq!(auth.entries().count(), 1);
        assert_eq!(auth.entries().next().unwrap().1["username"], "dup");
        assert!(auth.duplicate_subjects().is_empty());
    }

    #[test]
    fn accounts_and_users() {
        let mut d = BTreeMap::from([(MAP_ACCOUNTS.to_owned(), "- \"000000000000\"\n".to_owned())]);
        let mut auth = AwsAuth::parse(&d).unwrap();
        let acct = Mapping {
            subject: Subject::Account("000000000000".into()),
            username: None,
            groups: vec![],
        };
        assert_eq!(auth.upsert(&acct, false).unwrap(), Upsert::Unchanged);
        let user = Mapping {
            subject: Subject::User("arn:aws:iam::111122223333:user/alice".into()),
            username: Some("alice".into()),
            groups: vec![],
        };
        assert_eq!(auth.upsert(&user, false).unwrap(), Upsert::Added);
        auth.write_into(&mut d);
        assert_eq!(
            d[MAP_USERS],
            "- userarn: arn:aws:iam::111122223333:user/alice\n  username: alice\n"
        );
        assert!(!d.contains_key(MAP_ROLES));
    }

    #[test]
    fn lists_the_authenticator_skips_are_empty_and_kept_until_edited() {
        for skipped in ["", "  \n", "\"\"", "''", "``", " \"\"\n"] {
            let mut auth =
                AwsAuth::parse(&data(skipped)).unwrap_or_else(|e| panic!("{skipped:?}: {e}"));
            assert_eq!(auth.entries().count(), 0, "{skipped:?}");
            let mut out = data(skipped);
            auth.write_into(&mut out);
            assert_eq!(out[MAP_ROLES], skipped, "untouched: kept byte for byte");
            auth.upsert(&role("arn:aws:iam::111122223333:role/x", "x", &[]), false)
                .unwrap();
            auth.write_into(&mut out);
            assert!(
                out[MAP_ROLES].starts_with("- rolearn: arn:aws:iam::111122223333:role/x"),
                "{out:?}"
            );
        }
        // Only those: a quoted non-empty string is still not a list.
        assert!(AwsAuth::parse(&data("\"x\"")).is_err());
    }

    #[test]
    fn broken_lists_are_refused() {
        for bad in [
            "- rolearn: [unclosed\n",
            "rolearn: not-a-list\n",
            "- just a string\n",
        ] {
            let err = AwsAuth::parse(&data(bad)).unwrap_err();
            assert_eq!(err.key, MAP_ROLES, "{bad}");
        }
    }

    #[test]
    fn sso_entries_are_kept_and_never_matched() {
        let text = "- sso:\n    permissionSetName: Admin\n    accountID: \"111122223333\"\n  username: admin\n";
        let mut auth = AwsAuth::parse(&data(text)).unwrap();
        auth.upsert(&role("arn:aws:iam::111122223333:role/x", "x", &[]), false)
            .unwrap();
        let mut d = data(text);
        auth.write_into(&mut d);
        let back = AwsAuth::parse(&d).unwrap();
        let (_, first) = back.entries().next().unwrap();
        assert_eq!(first["sso"]["accountID"], "111122223333");
    }
}
