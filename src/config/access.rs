//! `accessConfig`'s rules, as eksctl and the EKS API apply them: checked before any network
//! call, every problem reported with its position.

use super::{AccessConfig, AccessEntrySpec, AccessPolicySpec, Diagnostic, Sp};
use crate::rules::arn::{self, IamKind};
use std::collections::HashSet;

/// The authentication modes, in the only order EKS lets a cluster move through them.
pub const AUTHENTICATION_MODES: [&str; 3] = ["CONFIG_MAP", "API_AND_CONFIG_MAP", "API"];

/// The access entry types eksctl accepts; all but `STANDARD` are for nodes.
pub const ENTRY_TYPES: [&str; 6] = [
    "STANDARD",
    "EC2",
    "EC2_LINUX",
    "EC2_WINDOWS",
    "FARGATE_LINUX",
    "HYBRID_LINUX",
];

/// Prefixes EKS keeps for itself in an access entry's username.
pub const RESERVED_USERNAME_PREFIXES: [&str; 5] = ["system:", "eks:", "aws:", "amazon:", "iam:"];

/// The resource prefix of EKS access policy ARNs.
const ACCESS_POLICY_RESOURCE: &str = "cluster-access-policy/";

fn error(diags: &mut Vec<Diagnostic>, at: &Sp<impl Sized>, message: String, hint: &str) {
    diags.push(Diagnostic::error(Some(at.pos), message).with_hint(hint));
}

/// Checks `accessConfig`.
pub fn validate(access: &AccessConfig, diags: &mut Vec<Diagnostic>) {
    if let Some(b) = &access.bootstrap_cluster_creator_admin_permissions {
        diags.push(
            Diagnostic::warning(
                Some(b.pos),
                "`bootstrapClusterCreatorAdminPermissions` is set when the cluster is created; eksiam does not change it",
            )
            .with_hint("to revoke the creator's admin access now, delete its access entry"),
        );
    }
    if let Some(mode) = &access.authentication_mode
        && !AUTHENTICATION_MODES.contains(&mode.value.as_str())
    {
        error(
            diags,
            mode,
            format!(
                "`accessConfig.authenticationMode` is `{}`; it is one of {}",
                mode.value,
                AUTHENTICATION_MODES.join(", ")
            ),
            "write `API_AND_CONFIG_MAP` to use access entries beside aws-auth, or `API` for access entries alone",
        );
    }
    let mut seen = HashSet::new();
    for entry in &access.access_entries {
        validate_entry(entry, diags);
        if let Some(p) = &entry.principal_arn
            && !seen.insert(p.value.as_str())
        {
            error(
                diags,
                p,
                format!("`{}` has two access entries", p.value),
                "EKS keeps one entry per principal: merge them into one",
            );
        }
    }
}

/// Whether `text` is the ARN of an account's root user, `arn:PARTITION:iam::ACCOUNT:root`.
pub fn is_root_arn(text: &str) -> bool {
    arn::Arn::parse(text).is_some_and(|a| {
        a.service == "iam"
            && a.region.is_empty()
            && arn::is_account_id(&a.account)
            && a.resource == "root"
    })
}

/// Checks one access entry given on the command line (the file's rules).
pub fn validate_access_entry(entry: &AccessEntrySpec) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    validate_entry(entry, &mut diags);
    diags
}

fn validate_entry(entry: &AccessEntrySpec, diags: &mut Vec<Diagnostic>) {
    let entry_type = entry
        .entry_type
        .as_ref()
        .map_or("STANDARD", |t| t.value.as_str());
    if let Some(t) = &entry.entry_type
        && !ENTRY_TYPES.contains(&t.value.as_str())
    {
        error(
            diags,
            t,
            format!(
                "access entry type `{}` is not one of {}",
                t.value,
                ENTRY_TYPES.join(", ")
            ),
            "leave `type` out for a person or a tool (`STANDARD`)",
        );
    }
    principal(entry, entry_type, diags);
    if entry_type == "STANDARD" {
        standard_entry(entry, diags);
    } else {
        node_entry(entry, entry_type, diags);
    }
}

/// The principal: an IAM role (any type), user or root (`STANDARD`); never an STS session.
fn principal(entry: &AccessEntrySpec, entry_type: &str, diags: &mut Vec<Diagnostic>) {
    let at = Sp {
        value: (),
        pos: entry.pos,
    };
    let kinds: &[IamKind] = if entry_type == "STANDARD" {
        &[IamKind::Role, IamKind::User]
    } else {
        &[IamKind::Role]
    };
    match &entry.principal_arn {
        None => error(
            diags,
            &at,
            "an access entry needs `principalARN`".into(),
            "add the IAM role or user ARN it lets in, e.g. `principalARN: arn:aws:iam::111122223333:role/NAME`",
        ),
        Some(p) if p.value.contains(":sts::") && p.value.contains(":assumed-role/") => error(
            diags,
            p,
            format!(
                "`principalARN`: `{}` is an STS session, which cannot have an access entry",
                p.value
            ),
            "give the IAM role's ARN, `arn:aws:iam::ACCOUNT:role/NAME`: every session of the role gets in through it",
        ),
        // The account's root user is an IAM principal too (EKS gives a cluster's creator an
        // entry under it).
        Some(p) if entry_type == "STANDARD" && is_root_arn(&p.value) => {}
        Some(p) => {
            if let Err(e) = arn::check_iam(&p.value, kinds) {
                error(diags, p, format!("`principalARN`: {}", e.message), &e.hint);
            }
        }
    }
}

/// A `STANDARD` entry's groups, username and access policies.
fn standard_entry(entry: &AccessEntrySpec, diags: &mut Vec<Diagnostic>) {
    for g in &entry.kubernetes_groups {
        if g.value.trim().is_empty() {
            error(
                diags,
                g,
                "a group name must not be empty".into(),
                "remove the empty entry",
            );
        } else if g.value.starts_with("system:") {
            error(
                diags,
                g,
                format!(
                    "EKS refuses the group `{}` in access entries (`system:` groups are its own)",
                    g.value
                ),
                "for `system:masters`, associate `arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy` with `accessScope: {type: cluster}` instead",
            );
        }
    }
    if let Some(u) = &entry.kubernetes_username {
        if u.value.trim().is_empty() {
            error(
                diags,
                u,
                "`kubernetesUsername` must not be empty".into(),
                "leave it out and EKS chooses one",
            );
        } else if let Some(prefix) = RESERVED_USERNAME_PREFIXES
            .iter()
            .find(|p| u.value.starts_with(**p))
        {
            error(
                diags,
                u,
                format!(
                    "EKS refuses the username `{}`: names starting with `{prefix}` are reserved",
                    u.value
                ),
                "choose another name, or leave it out and EKS chooses one",
            );
        }
    }
    let mut policies = HashSet::new();
    for p in &entry.access_policies {
        validate_policy(p, diags);
        if let Some(arn) = &p.policy_arn
            && !policies.insert(arn.value.as_str())
        {
            error(
                diags,
                arn,
                format!("`{}` is associated twice with this entry", arn.value),
                "keep one association; give it every namespace it needs",
            );
        }
    }
}

/// Node entries take no groups, username or policies: EKS sets them.
fn node_entry(entry: &AccessEntrySpec, entry_type: &str, diags: &mut Vec<Diagnostic>) {
    let hint = "remove it: EKS gives node entries their username and groups itself";
    if let Some(g) = entry.kubernetes_groups.first() {
        error(
            diags,
            g,
            format!("an access entry of type `{entry_type}` takes no `kubernetesGroups`"),
            hint,
        );
    }
    if let Some(u) = &entry.kubernetes_username {
        error(
            diags,
            u,
            format!("an access entry of type `{entry_type}` takes no `kubernetesUsername`"),
            hint,
        );
    }
    if let Some(p) = entry.access_policies.first() {
        let at = Sp {
            value: (),
            pos: p.pos,
        };
        error(
            diags,
            &at,
            format!("an access entry of type `{entry_type}` takes no `accessPolicies`"),
            "access policies are for `STANDARD` entries only",
        );
    }
}

fn validate_policy(p: &AccessPolicySpec, diags: &mut Vec<Diagnostic>) {
    let at = Sp {
        value: (),
        pos: p.pos,
    };
    let example = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
    match &p.policy_arn {
        None => error(
            diags,
            &at,
            "an access policy needs `policyARN`".into(),
            &format!("add the EKS access policy's ARN, e.g. `policyARN: {example}`"),
        ),
        Some(a) => {
            let ok = arn::Arn::parse(&a.value).is_some_and(|parsed| {
                parsed.service == "eks"
                    && parsed.account == "aws"
                    && parsed
                        .resource
                        .strip_prefix(ACCESS_POLICY_RESOURCE)
                        .is_some_and(|name| !name.is_empty())
            });
            if !ok {
                error(
                    diags,
                    a,
                    format!("`{}` is not an EKS access policy ARN", a.value),
                    &format!("write it as `{example}` (`aws eks list-access-policies` lists them)"),
                );
            }
        }
    }
    match p.scope_type.as_ref().map(|t| (t, t.value.as_str())) {
        None => error(
            diags,
            &at,
            "an access policy needs `accessScope.type`".into(),
            "add `accessScope: {type: cluster}`, or `{type: namespace, namespaces: [a, b]}`",
        ),
        Some((_, "cluster")) => {
            if let Some(ns) = p.namespaces.first() {
                error(
                    diags,
                    ns,
                    "a `cluster` scope takes no `namespaces`".into(),
                    "remove `namespaces`, or write `type: namespace`",
                );
            }
        }
        Some((t, "namespace")) => {
            if p.namespaces.is_empty() {
                error(
                    diags,
                    t,
                    "a `namespace` scope needs at least one namespace".into(),
                    "add `namespaces: [NAME]` under `accessScope`",
                );
            }
        }
        Some((t, other)) => error(
            diags,
            t,
            format!("access scope type `{other}` is not `cluster` or `namespace`"),
            "write `type: cluster` or `type: namespace`",
        ),
    }
}
