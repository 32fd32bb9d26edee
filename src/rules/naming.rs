//! Names: Kubernetes DNS-1123 names, IAM role names, and eksiam's deterministic role names.
//!
//! Role names are derived from the cluster, namespace and ServiceAccount so that a re-run finds
//! the role it made before without any local state.

use sha2::{Digest, Sha256};

/// IAM's limit on role names.
pub const ROLE_NAME_MAX: usize = 64;

/// Whether `name` is a valid EKS cluster name: a letter, then letters, digits and `-`, at
/// most 100 characters.
pub fn is_cluster_name(name: &str) -> bool {
    name.len() <= 100
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Whether `region` looks like an AWS region code (`us-west-2`, `cn-north-1`).
pub fn is_region(region: &str) -> bool {
    region
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && region.contains('-')
        && !region.starts_with('-')
        && !region.ends_with('-')
}

/// Checks a DNS-1123 label (namespaces): lower-case alphanumerics and `-`, at most 63.
///
/// # Errors
/// Why the name is invalid.
pub fn check_dns1123_label(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("must not be empty".into());
    }
    if name.len() > 63 {
        return Err(format!(
            "is {} characters long; the limit is 63",
            name.len()
        ));
    }
    check_label_chars(name)
}

/// Checks a DNS-1123 subdomain (ServiceAccount names): labels joined by `.`, at most 253.
///
/// # Errors
/// Why the name is invalid.
pub fn check_dns1123_subdomain(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("must not be empty".into());
    }
    if name.len() > 253 {
        return Err(format!(
            "is {} characters long; the limit is 253",
            name.len()
        ));
    }
    name.split('.').try_for_each(check_label_chars)
}

fn check_label_chars(label: &str) -> Result<(), String> {
    let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if label.chars().all(ok_char) && alnum(label.chars().next()) && alnum(label.chars().last()) {
        Ok(())
    } else {
        Err("must consist of lower-case letters, digits and `-`, and start and end with a letter or digit".into())
    }
}

/// Checks an IAM role name: 1–64 characters of `A-Za-z0-9+=,.@_-`.
///
/// # Errors
/// Why the name is invalid.
pub fn check_role_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("must not be empty".into());
    }
    if name.len() > ROLE_NAME_MAX {
        return Err(format!(
            "is {} characters long; IAM allows at most {ROLE_NAME_MAX}",
            name.len()
        ));
    }
    match name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "+=,.@_-".contains(*c)))
    {
        Some(c) => Err(format!(
            "contains `{c}`; IAM role names allow letters, digits and `+=,.@_-`"
        )),
        None => Ok(()),
    }
}

/// eksiam's role name for a ServiceAccount: `<cluster>-<namespace>-<name>`, or when that is
/// longer than IAM allows, its first characters and 16 hex digits (64 bits) of a hash of the
/// whole, so that different ServiceAccounts keep different names (a colliding name cannot be
/// searched for offline) and the same one always gets the same name.
pub fn role_name(cluster: &str, namespace: &str, name: &str) -> String {
    within_limit(format!("{cluster}-{namespace}-{name}"), LONG_HASH)
}

/// The name [`role_name`] gave before its hash grew to 64 bits (8 hex digits), when it differs:
/// roles made then keep their names.
pub fn earlier_role_name(cluster: &str, namespace: &str, name: &str) -> Option<String> {
    earlier(format!("{cluster}-{namespace}-{name}"))
}

/// The role name `eksiam reconcile` gives a ServiceAccount that asks for one, in
/// iam-service-account-controller's pattern `<prefix>_<namespace>_<name>`, shortened as
/// [`role_name`] is.
pub fn self_service_role_name(prefix: &str, namespace: &str, name: &str) -> String {
    within_limit(format!("{prefix}_{namespace}_{name}"), LONG_HASH)
}

/// [`earlier_role_name`] for [`self_service_role_name`].
pub fn earlier_self_service_role_name(prefix: &str, namespace: &str, name: &str) -> Option<String> {
    earlier(format!("{prefix}_{namespace}_{name}"))
}

/// Bytes of the SHA-256 a shortened name keeps: 8 (64 bits) now, 4 before.
const LONG_HASH: usize = 8;
const EARLIER_HASH: usize = 4;

fn earlier(full: String) -> Option<String> {
    (full.len() > ROLE_NAME_MAX).then(|| within_limit(full, EARLIER_HASH))
}

/// `full`, or when longer than IAM allows, its first characters and `hash_bytes` bytes of its
/// SHA-256 in hex.
fn within_limit(full: String, hash_bytes: usize) -> String {
    if full.len() <= ROLE_NAME_MAX {
        return full;
    }
    let digest = Sha256::digest(full.as_bytes());
    let hash: String = digest[..hash_bytes]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // A byte budget, cut back to a character boundary: names that reach here unvalidated
    // (a ServiceAccount called `aüüü…`) must not split a character.
    let keep = full.floor_char_boundary(ROLE_NAME_MAX - hash.len() - 1);
    let head = full[..keep].trim_end_matches(['-', '.', '_']);
    format!("{head}-{hash}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_non_ascii_names_are_cut_on_character_boundaries() {
        let name = format!("a{}", "ü".repeat(40));
        let role = role_name("prod", "apps", &name);
        assert!(role.len() <= ROLE_NAME_MAX, "{role}");
        assert!(role.starts_with("prod-apps-a"));
        let cluster = format!("c{}", "ü".repeat(60));
        assert!(role_name(&cluster, "ns", "sa").len() <= ROLE_NAME_MAX);
    }

    #[test]
    fn short_names_are_readable() {
        assert_eq!(
            role_name("prod", "backend", "s3-reader"),
            "prod-backend-s3-reader"
        );
    }

    #[test]
    fn long_names_are_shortened_stably_and_distinctly() {
        let a = role_name(
            "a-very-long-cluster-name-for-production",
            "payments-team",
            "service-account-one",
        );
        let b = role_name(
            "a-very-long-cluster-name-for-production",
            "payments-team",
            "service-account-two",
        );
        assert!(a.len() <= ROLE_NAME_MAX, "{a}");
        assert_ne!(a, b);
        assert_eq!(
            a,
            role_name(
                "a-very-long-cluster-name-for-production",
                "payments-team",
                "service-account-one"
            )
        );
        assert!(a.starts_with("a-very-long-cluster-name-for-production-paymen"));
        check_role_name(&a).unwrap();
        // Pinned: changing the scheme would orphan every role created before (the earlier
        // scheme's names are still found, see `earlier_role_name`).
        assert_eq!(
            a,
            "a-very-long-cluster-name-for-production-payment-4d116786a9744e26"
        );
        assert_eq!(
            earlier_role_name(
                "a-very-long-cluster-name-for-production",
                "payments-team",
                "service-account-one"
            )
            .as_deref(),
            Some("a-very-long-cluster-name-for-production-payments-team-s-4d116786")
        );
        assert_eq!(earlier_role_name("prod", "apps", "web"), None);
    }

    #[test]
    fn exactly_64_is_kept() {
        let n = role_name(&"c".repeat(40), "ns", &"n".repeat(20));
        assert_eq!(n.len(), 64);
        assert!(!n.contains("--"));
    }

    #[test]
    fn dns_names() {
        assert!(check_dns1123_label("kube-system").is_ok());
        assert!(check_dns1123_label("Kube").is_err());
        assert!(check_dns1123_label("-a").is_err());
        assert!(check_dns1123_label(&"a".repeat(64)).is_err());
        assert!(check_dns1123_subdomain("my.sa-1").is_ok());
        assert!(check_dns1123_subdomain("my_sa").is_err());
        assert!(check_dns1123_subdomain("a..b").is_err());
    }

    #[test]
    fn role_names() {
        assert!(check_role_name("my-role_1+=,.@").is_ok());
        assert!(check_role_name("my/role").is_err());
        assert!(check_role_name(&"r".repeat(65)).is_err());
        assert!(check_role_name("").is_err());
    }
}
