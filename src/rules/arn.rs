//! IAM ARNs: parsing, the shapes eksiam accepts, partitions, and role-path stripping.

use std::fmt;

/// The partitions IAM ARNs can name.
pub const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// A parsed ARN: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn {
    pub partition: String,
    pub service: String,
    pub region: String,
    pub account: String,
    pub resource: String,
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arn:{}:{}:{}:{}:{}",
            self.partition, self.service, self.region, self.account, self.resource
        )
    }
}

impl Arn {
    /// Splits `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` into its fields; `None` when
    /// `text` does not have that shape. Checks nothing else (see [`check_iam`]).
    pub fn parse(text: &str) -> Option<Arn> {
        let mut parts = text.splitn(6, ':');
        if parts.next()? != "arn" {
            return None;
        }
        let mut field = || parts.next().map(str::to_owned);
        Some(Arn {
            partition: field()?,
            service: field()?,
            region: field()?,
            account: field()?,
            resource: field()?,
        })
    }
}

/// What an IAM ARN points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IamKind {
    Role,
    User,
    Policy,
}

impl IamKind {
    fn prefix(self) -> &'static str {
        match self {
            IamKind::Role => "role/",
            IamKind::User => "user/",
            IamKind::Policy => "policy/",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            IamKind::Role => "role",
            IamKind::User => "user",
            IamKind::Policy => "policy",
        }
    }
}

/// A rejected ARN: what is wrong and how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArnError {
    pub message: String,
    pub hint: String,
}

/// A checked IAM ARN, with a warning when something is legal but suspicious.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedArn {
    pub arn: Arn,
    pub kind: IamKind,
    pub warning: Option<String>,
}

fn example(kind: IamKind) -> &'static str {
    match kind {
        IamKind::Role => "arn:aws:iam::111122223333:role/NAME",
        IamKind::User => "arn:aws:iam::111122223333:user/NAME",
        IamKind::Policy => "arn:aws:iam::aws:policy/NAME or arn:aws:iam::111122223333:policy/NAME",
    }
}

/// Checks that `text` is an IAM ARN of one of the `allowed` kinds.
///
/// # Errors
/// An [`ArnError`] naming the first part that is wrong.
pub fn check_iam(text: &str, allowed: &[IamKind]) -> Result<CheckedArn, ArnError> {
    let wanted = allowed
        .iter()
        .map(|k| k.noun())
        .collect::<Vec<_>>()
        .join(" or ");
    let hint = allowed
        .iter()
        .map(|k| example(*k))
        .collect::<Vec<_>>()
        .join(", or ");
    let fail = |message: String| ArnError {
        message,
        hint: format!("write it as {hint}"),
    };
    let Some(arn) = Arn::parse(text) else {
        return Err(fail(format!(
            "`{text}` is not an ARN (expected an IAM {wanted} ARN)"
        )));
    };
    if !PARTITIONS.contains(&arn.partition.as_str()) {
        return Err(fail(format!(
            "`{text}` has an unknown partition `{}` (expected one of {})",
            arn.partition,
            PARTITIONS.join(", ")
        )));
    }
    if arn.service != "iam" {
        return Err(fail(format!(
            "`{text}` is not an IAM ARN (service is `{}`, expected `iam`)",
            arn.service
        )));
    }
    if !arn.region.is_empty() {
        return Err(fail(format!(
            "`{text}` names a region (`{}`); IAM ARNs have an empty region field",
            arn.region
        )));
    }
    let Some(kind) = allowed
        .iter()
        .copied()
        .find(|k| arn.resource.starts_with(k.prefix()))
    else {
        return Err(fail(format!("`{text}` is not an IAM {wanted} ARN")));
    };
    let name = arn.resource.rsplit('/').next().unwrap_or_default();
    if name.is_empty() {
        return Err(fail(format!("`{text}` has no {} name", kind.noun())));
    }
    let mut warning = None;
    if arn.account == "aws" {
        if kind != IamKind::Policy {
            return Err(fail(format!(
                "`{text}`: only AWS managed policies have the account `aws`"
            )));
        }
    } else if arn.account.is_empty() || !arn.account.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail(format!(
            "`{text}` has an invalid account ID `{}` (expected 12 digits)",
            arn.account
        )));
    } else if arn.account.len() != 12 {
        // eksctl's own examples use short placeholder accounts; IAM will refuse them, so this
        // is a warning rather than an error.
        warning = Some(format!(
            "`{text}` has a {}-digit account ID; AWS account IDs have 12 digits",
            arn.account.len()
        ));
    }
    Ok(CheckedArn { arn, kind, warning })
}

/// Whether `text` is a 12-digit AWS account ID.
pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The partition of an AWS region (`cn-north-1` → `aws-cn`).
pub fn partition_of_region(region: &str) -> &'static str {
    const PREFIXES: &[(&str, &str)] = &[
        ("cn-", "aws-cn"),
        ("us-gov-", "aws-us-gov"),
        ("us-isob-", "aws-iso-b"),
        ("us-isof-", "aws-iso-f"),
        ("us-iso-", "aws-iso"),
        ("eu-isoe-", "aws-iso-e"),
        ("eusc-", "aws-eusc"),
    ];
    PREFIXES
        .iter()
        .find(|(p, _)| region.starts_with(p))
        .map_or("aws", |(_, partition)| partition)
}

/// Removes the IAM path from a role ARN (`…:role/a/b/name` → `…:role/name`), as aws-auth needs:
/// the authenticator sees the path-less assumed-role ARN. Returns whether a path was removed.
pub fn strip_role_path(arn: &str) -> (String, bool) {
    let Some(idx) = arn.find(":role/") else {
        return (arn.to_owned(), false);
    };
    let (head, resource) = arn.split_at(idx + ":role/".len());
    match resource.rsplit_once('/') {
        Some((_, name)) => (format!("{head}{name}"), true),
        None => (arn.to_owned(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_role_user_and_policy_arns() {
        let r = check_iam("arn:aws:iam::111122223333:role/app", &[IamKind::Role]).unwrap();
        assert_eq!(r.kind, IamKind::Role);
        assert_eq!(r.warning, None);
        let p = check_iam(
            "arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAccess",
            &[IamKind::Policy],
        )
        .unwrap();
        assert_eq!(p.arn.partition, "aws-cn");
        let u = check_iam(
            "arn:aws-us-gov:iam::111122223333:user/ops/alice",
            &[IamKind::Role, IamKind::User],
        )
        .unwrap();
        assert_eq!(u.kind, IamKind::User);
    }

    #[test]
    fn rejects_wrong_shapes() {
        for bad in [
            "not-an-arn",
            "arn:aws:iam:11111:policy/entity/boundary",
            "arn:aws:s3:::bucket",
            "arn:aws:iam:us-east-1:111122223333:role/x",
            "arn:azure:iam::111122223333:role/x",
            "arn:aws:iam::111122223333:role/",
            "arn:aws:iam::12345678901x:role/x",
            "arn:aws:iam::aws:role/x",
        ] {
            assert!(
                check_iam(bad, &[IamKind::Role, IamKind::Policy]).is_err(),
                "{bad}"
            );
        }
        let e = check_iam("arn:aws:iam::111122223333:policy/p", &[IamKind::Role]).unwrap_err();
        assert!(e.message.contains("not an IAM role ARN"), "{}", e.message);
    }

    #[test]
    fn short_accounts_warn() {
        let r = check_iam("arn:aws:iam::123:role/x", &[IamKind::Role]).unwrap();
        assert!(r.warning.unwrap().contains("3-digit"));
    }

    #[test]
    fn partitions_from_regions() {
        assert_eq!(partition_of_region("us-west-2"), "aws");
        assert_eq!(partition_of_region("cn-northwest-1"), "aws-cn");
        assert_eq!(partition_of_region("us-gov-west-1"), "aws-us-gov");
        assert_eq!(partition_of_region("us-isob-east-1"), "aws-iso-b");
    }

    #[test]
    fn strips_role_paths() {
        assert_eq!(
            strip_role_path("arn:aws:iam::111122223333:role/teams/dev/admin"),
            ("arn:aws:iam::111122223333:role/admin".to_owned(), true)
        );
        assert_eq!(
            strip_role_path("arn:aws:iam::111122223333:role/admin"),
            ("arn:aws:iam::111122223333:role/admin".to_owned(), false)
        );
        assert_eq!(
            strip_role_path("arn:aws:iam::111122223333:user/a/b"),
            ("arn:aws:iam::111122223333:user/a/b".to_owned(), false)
        );
    }
}
