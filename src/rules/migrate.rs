//! aws-auth → access entries: what each effective aws-auth entry becomes, or why it cannot
//! move. Pure; `utils migrate-to-access-entry` plans and applies the result.
//!
//! The Kubernetes identity is kept: the entry gets the mapping's username and groups, except
//! that `system:masters` (a group EKS refuses in entries) becomes the
//! `AmazonEKSClusterAdminPolicy` access policy at cluster scope, the other groups kept
//! (eksctl's migrator drops them). Node and Fargate roles become node entries, whose identity
//! EKS sets itself.

use crate::desired::{AccessScope, DesiredAccessEntry};
use crate::rules::authmap::{AwsAuth, MAP_ACCOUNTS};
use serde_json::Value;
use std::collections::BTreeMap;

/// The access policy that stands for `system:masters`.
pub fn cluster_admin_policy(partition: &str) -> String {
    format!("arn:{partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy")
}

/// An aws-auth entry that stays in aws-auth, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmigrated {
    /// The ARN, account or SSO permission set, as aws-auth names it.
    pub subject: String,
    pub reason: String,
}

/// What the migration makes of aws-auth.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Migration {
    pub entries: Vec<DesiredAccessEntry>,
    /// Principals that already have an access entry (it wins over aws-auth already).
    pub already: Vec<String>,
    pub unmigrated: Vec<Unmigrated>,
    /// Mappings of roles IAM does not have: they let no one in, so nothing is lost when
    /// aws-auth stops being read, and no entry can name them.
    pub gone: Vec<Unmigrated>,
    /// Roles of other accounts, migrated under the ARN aws-auth gives them: eksiam cannot
    /// read their path.
    pub unchecked: Vec<String>,
}

/// The roles of the cluster's account as IAM names them: aws-auth names a role without its
/// path (the authenticator strips it), an access entry needs its real ARN.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoleArns {
    pub account: String,
    /// Real ARNs by role name, lower-cased (IAM role names are unique without case).
    pub by_name: BTreeMap<String, String>,
}

/// A role ARN's account and name (its last path segment), or `None` when `arn` names no role.
fn role_of(arn: &str) -> Option<(String, String)> {
    let parsed = crate::rules::arn::Arn::parse(arn)?;
    let path = parsed.resource.strip_prefix("role/")?;
    let name = path.rsplit('/').next()?;
    Some((parsed.account, name.to_owned()))
}

/// The names of the roles of `account` that aws-auth maps: the roles whose real ARNs the
/// migration needs ([`RoleArns`]).
pub fn mapped_role_names(auth: &AwsAuth, account: &str) -> Vec<String> {
    let mut names: Vec<String> = auth
        .entries()
        .filter_map(|(_, e)| e.get("rolearn").and_then(Value::as_str))
        .filter_map(role_of)
        .filter(|(a, _)| a == account)
        .map(|(_, name)| name)
        .collect();
    names.sort_by_key(|n| n.to_ascii_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

/// The ARN an access entry for the aws-auth principal `arn` names: a role of the account
/// takes its real ARN from IAM (`Err` when IAM has no such role); users, and roles of other
/// accounts (`Ok((arn, false))`: not checked), keep the ARN as written.
fn real_arn(arn: &str, roles: &RoleArns) -> Result<(String, bool), String> {
    let Some((account, name)) = role_of(arn) else {
        return Ok((arn.to_owned(), true));
    };
    if account != roles.account {
        return Ok((arn.to_owned(), false));
    }
    roles
        .by_name
        .get(&name.to_ascii_lowercase())
        .map(|real| (real.clone(), true))
        .ok_or_else(|| {
            format!(
                "IAM has no role `{name}` in account {account}: the mapping lets no one in, and an access entry needs an existing principal (remove the mapping from aws-auth)"
            )
        })
}

/// Migrates the effective entries of `auth` (the last of duplicates, as the authenticator
/// reads them), naming each role of the account by its real ARN from `roles`; `has_entry`
/// says which principals already have an access entry.
pub fn migrate(
    auth: &AwsAuth,
    partition: &str,
    roles: &RoleArns,
    has_entry: impl Fn(&str) -> bool,
) -> Migration {
    let mut effective: BTreeMap<String, (usize, &Value)> = BTreeMap::new();
    let mut out = Migration::default();
    for (i, (section, entry)) in auth.entries().enumerate() {
        if section == MAP_ACCOUNTS {
            let account = entry
                .as_str()
                .map_or_else(|| entry.to_string(), str::to_owned);
            out.unmigrated.push(Unmigrated {
                subject: format!("account {account}"),
                reason: "an account mapping lets in every IAM user of the account; access entries name one principal each: give each one its own entry".into(),
            });
            continue;
        }
        if let Some(sso) = entry.get("sso") {
            out.unmigrated.push(Unmigrated {
                subject: format!("sso {}", sso.get("permissionSetName").and_then(Value::as_str).unwrap_or("?")),
                reason: "an SSO permission-set mapping matches the permission set's role whatever its generated name; an access entry needs that role's exact ARN (`aws iam list-roles --path-prefix /aws-reserved/sso.amazonaws.com/`)".into(),
            });
            continue;
        }
        let arn = ["rolearn", "userarn"]
            .iter()
            .find_map(|k| entry.get(*k).and_then(Value::as_str));
        match arn {
            // The authenticator compares ARNs without case and roles without their path:
            // the last entry of each principal so compared is the one it uses.
            Some(arn) => {
                let (seen_as, _) = crate::rules::arn::strip_role_path(arn);
                effective.insert(seen_as.to_ascii_lowercase(), (i, entry));
            }
            None => out.unmigrated.push(Unmigrated {
                subject: entry
                    .get("userid")
                    .and_then(Value::as_str)
                    .map_or_else(|| entry.to_string(), |u| format!("userid {u}")),
                reason: "a mapping by user ID has no ARN an access entry could name".into(),
            }),
        }
    }
    let mut ordered: Vec<(usize, &Value)> = effective.into_values().collect();
    ordered.sort_by_key(|(i, _)| *i);
    for (_, entry) in ordered {
        let arn = ["rolearn", "userarn"]
            .iter()
            .find_map(|k| entry.get(*k).and_then(Value::as_str))
            .unwrap_or_default()
            .to_owned();
        let principal = match real_arn(&arn, roles) {
            Ok((principal, checked)) => {
                if !checked {
                    out.unchecked.push(arn.clone());
                }
                principal
            }
            Err(reason) => {
                out.gone.push(Unmigrated {
                    subject: arn,
                    reason,
                });
                continue;
            }
        };
        if has_entry(&principal) || has_entry(&arn) {
            out.already.push(principal);
            continue;
        }
        match entry_for(&principal, entry, partition) {
            Ok(e) => out.entries.push(e),
            Err(reason) => out.unmigrated.push(Unmigrated {
                subject: principal,
                reason,
            }),
        }
    }
    out
}

/// The access entry for one mapping, or why there cannot be one.
fn entry_for(arn: &str, entry: &Value, partition: &str) -> Result<DesiredAccessEntry, String> {
    if arn.contains(":role/aws-service-role/") {
        return Err("a service-linked role: its service manages its own access".into());
    }
    let username = entry.get("username").and_then(Value::as_str);
    let groups = crate::rules::authmap::groups(entry);
    let node = |entry_type: &str| DesiredAccessEntry {
        principal_arn: arn.to_owned(),
        entry_type: entry_type.to_owned(),
        groups: Vec::new(),
        username: None,
        policies: BTreeMap::new(),
    };
    match username {
        Some("system:node:{{EC2PrivateDNSName}}")
            if groups.iter().any(|g| g == "eks:kube-proxy-windows") =>
        {
            return Ok(node("EC2_WINDOWS"));
        }
        Some("system:node:{{EC2PrivateDNSName}}") => return Ok(node("EC2_LINUX")),
        Some("system:node:{{SessionName}}")
            if groups.iter().any(|g| g == "system:node-proxier") =>
        {
            return Ok(node("FARGATE_LINUX"));
        }
        _ => {}
    }
    if let Some(u) = username.filter(|u| {
        crate::config::RESERVED_USERNAME_PREFIXES
            .iter()
            .any(|p| u.starts_with(p))
    }) {
        return Err(format!("its username `{u}` is reserved in access entries"));
    }
    let mut policies = BTreeMap::new();
    let mut kept: Vec<String> = Vec::new();
    for g in groups {
        if g == "system:masters" {
            policies.insert(cluster_admin_policy(partition), AccessScope::Cluster);
        } else if g.starts_with("system:") {
            return Err(format!(
                "its group `{g}` is a `system:` group, which EKS refuses in access entries"
            ));
        } else {
            kept.push(g);
        }
    }
    kept.sort();
    kept.dedup();
    Ok(DesiredAccessEntry {
        principal_arn: arn.to_owned(),
        entry_type: "STANDARD".into(),
        groups: kept,
        username: username.map(str::to_owned),
        policies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(roles: &str, users: &str, accounts: &str) -> AwsAuth {
        AwsAuth::parse(&BTreeMap::from([
            ("mapRoles".to_owned(), roles.to_owned()),
            ("mapUsers".to_owned(), users.to_owned()),
            ("mapAccounts".to_owned(), accounts.to_owned()),
        ]))
        .unwrap()
    }

    const ROLES: &str = "- rolearn: arn:aws:iam::111122223333:role/node
  username: system:node:{{EC2PrivateDNSName}}
  groups: [system:bootstrappers, system:nodes]
- rolearn: arn:aws:iam::111122223333:role/win
  username: system:node:{{EC2PrivateDNSName}}
  groups: [system:bootstrappers, system:nodes, eks:kube-proxy-windows]
- rolearn: arn:aws:iam::111122223333:role/fargate
  username: system:node:{{SessionName}}
  groups: [system:bootstrappers, system:nodes, system:node-proxier]
- rolearn: arn:aws:iam::111122223333:role/admin
  username: admin:{{SessionName}}
  groups: [system:masters, platform]
- rolearn: arn:aws:iam::111122223333:role/dev
  username: dev
  groups: [old]
- rolearn: arn:aws:iam::111122223333:role/DEV
  username: dev
  groups: [devs]
- rolearn: arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers
  username: emr-containers
- sso:
    permissionSetName: Admin
    accountID: \"111122223333\"
  username: sso-admin
- rolearn: arn:aws:iam::111122223333:role/bootstrapper
  username: bob
  groups: [system:bootstrappers]
- rolearn: arn:aws:iam::111122223333:role/existing
  username: x
";

    #[test]
    fn each_shape_becomes_the_entry_that_keeps_its_identity_or_says_why_not() {
        let a = auth(
            ROLES,
            "- userarn: arn:aws:iam::111122223333:user/alice\n  username: alice\n  groups: [readers]\n",
            "- \"444455556666\"\n",
        );
        let names = mapped_role_names(&a, "111122223333");
        let roles = RoleArns {
            account: "111122223333".into(),
            by_name: names
                .iter()
                .map(|n| (n.to_ascii_lowercase(), format!("arn:aws:iam::111122223333:role/{n}")))
                .chain([(
                    "awsserviceroleforamazonemrcontainers".to_owned(),
                    "arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers".to_owned(),
                )])
                .collect(),
        };
        let m = migrate(&a, "aws", &roles, |p| p.ends_with("role/existing"));
        let by: BTreeMap<&str, &DesiredAccessEntry> = m
            .entries
            .iter()
            .map(|e| (e.principal_arn.as_str(), e))
            .collect();
        assert_eq!(
            by["arn:aws:iam::111122223333:role/node"].entry_type,
            "EC2_LINUX"
        );
        assert_eq!(
            by["arn:aws:iam::111122223333:role/win"].entry_type,
            "EC2_WINDOWS"
        );
        assert_eq!(
            by["arn:aws:iam::111122223333:role/fargate"].entry_type,
            "FARGATE_LINUX"
        );
        let admin = by["arn:aws:iam::111122223333:role/admin"];
        assert_eq!(admin.groups, vec!["platform"], "the other groups are kept");
        assert_eq!(admin.username.as_deref(), Some("admin:{{SessionName}}"));
        assert_eq!(
            admin.policies,
            BTreeMap::from([(cluster_admin_policy("aws"), AccessScope::Cluster)])
        );
        // The last of duplicates (compared without case) is the one the authenticator uses,
        // under the name IAM spells.
        assert!(!by.contains_key("arn:aws:iam::111122223333:role/DEV"));
        assert_eq!(
            by["arn:aws:iam::111122223333:role/dev"].groups,
            vec!["devs"]
        );
        assert_eq!(
            by["arn:aws:iam::111122223333:user/alice"].groups,
            vec!["readers"]
        );
        assert_eq!(m.already, vec!["arn:aws:iam::111122223333:role/existing"]);
        let left: Vec<&str> = m.unmigrated.iter().map(|u| u.subject.as_str()).collect();
        assert_eq!(
            left,
            vec![
                "sso Admin",
                "account 444455556666",
                "arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers",
                "arn:aws:iam::111122223333:role/bootstrapper",
            ]
        );
        assert!(m.unmigrated[3].reason.contains("`system:bootstrappers`"));
    }

    #[test]
    fn roles_take_their_real_arn_from_iam_and_missing_ones_stay_with_the_reason() {
        let a = auth(
            "- rolearn: arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0123abcd
  username: admin:{{SessionName}}
  groups: [system:masters, platform]
- rolearn: arn:aws:iam::111122223333:role/gone
  username: gone
  groups: [devs]
- rolearn: arn:aws:iam::444455556666:role/partner
  username: partner
  groups: [partners]
",
            "- userarn: arn:aws:iam::111122223333:user/ops/alice\n  username: alice\n  groups: [readers]\n",
            "",
        );
        assert_eq!(
            mapped_role_names(&a, "111122223333"),
            vec!["AWSReservedSSO_Admin_0123abcd", "gone"]
        );
        let sso = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_Admin_0123abcd";
        let roles = RoleArns {
            account: "111122223333".into(),
            by_name: BTreeMap::from([("awsreservedsso_admin_0123abcd".to_owned(), sso.to_owned())]),
        };
        let m = migrate(&a, "aws", &roles, |_| false);
        let admin = m.entries.iter().find(|e| e.principal_arn == sso).unwrap();
        assert_eq!(admin.username.as_deref(), Some("admin:{{SessionName}}"));
        assert_eq!(admin.groups, vec!["platform"]);
        assert_eq!(
            admin.policies,
            BTreeMap::from([(cluster_admin_policy("aws"), AccessScope::Cluster)])
        );
        assert!(m.unmigrated.is_empty(), "{:?}", m.unmigrated);
        assert_eq!(m.gone.len(), 1, "{:?}", m.gone);
        assert_eq!(m.gone[0].subject, "arn:aws:iam::111122223333:role/gone");
        assert!(m.gone[0].reason.contains("IAM has no role `gone`"));
        // Another account's role and users keep the ARN aws-auth gives them.
        assert_eq!(m.unchecked, vec!["arn:aws:iam::444455556666:role/partner"]);
        let principals: Vec<&str> = m.entries.iter().map(|e| e.principal_arn.as_str()).collect();
        assert_eq!(
            principals,
            vec![
                sso,
                "arn:aws:iam::444455556666:role/partner",
                "arn:aws:iam::111122223333:user/ops/alice"
            ]
        );

        // An entry that exists under the real ARN is not made again.
        let m = migrate(&a, "aws", &roles, |p| p == sso);
        assert_eq!(m.already, vec![sso]);
    }
}
