//! `iam.podIdentityAssociations`' rules, as eksctl and the EKS API apply them: checked before
//! any network call, every problem reported with its position.

use super::validate::Validator;
use super::{ClusterConfig, Diagnostic, Document, PodIdentitySpec, Sp};
use crate::rules::arn::IamKind;
use crate::rules::naming;
use std::collections::HashMap;

/// The longest session policy EKS takes, in characters.
pub const SESSION_POLICY_MAX: usize = 2048;

/// How a message names a field of an association: `` `f` of pod identity association `ns/name` ``.
fn field(p: &PodIdentitySpec, f: &str) -> String {
    format!("`{f}` of pod identity association `{}`", p.key())
}

/// Checks every association of the file, and that each ServiceAccount has one at most.
pub(super) fn validate(v: &mut Validator, cfg: &ClusterConfig) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for p in &cfg.iam.pod_identity_associations {
        association(v, p);
        if p.role_arn.is_none() {
            v.role_tags(&cfg.metadata.tags, &p.tags, &p.key(), p.pos);
        }
        if let (Some(_), Some(sa)) = (&p.namespace, &p.service_account_name)
            && let Some(first) = seen.insert(p.key(), sa.pos.line)
        {
            v.error(
                sa,
                format!(
                    "ServiceAccount `{}` has two pod identity associations (first on line {first}); EKS allows one",
                    p.key()
                ),
                "merge the two entries into one",
            );
        }
    }
    shared_roles(v, cfg);
}

/// Checks one association (from a file or from flags).
pub(super) fn association(v: &mut Validator, p: &PodIdentitySpec) {
    let at = Sp {
        value: (),
        pos: p.pos,
    };
    match &p.namespace {
        // A misspelt key has been reported already.
        None if p.has_unknown_keys => {}
        None => v.error(
            &at,
            "a pod identity association has no `namespace`".to_owned(),
            "add the ServiceAccount's `namespace`",
        ),
        Some(ns) => {
            if let Err(e) = naming::check_dns1123_label(&ns.value) {
                v.error(
                    ns,
                    format!("namespace `{}` {e}", ns.value),
                    "use a valid Kubernetes namespace name such as `backend-apps`",
                );
            }
        }
    }
    match &p.service_account_name {
        None if p.has_unknown_keys => {}
        None => v.error(
            &at,
            "a pod identity association has no `serviceAccountName`".to_owned(),
            "add the ServiceAccount's name as `serviceAccountName`",
        ),
        Some(sa) => {
            if let Err(e) = naming::check_dns1123_subdomain(&sa.value) {
                v.error(
                    sa,
                    format!("ServiceAccount name `{}` {e}", sa.value),
                    "use a valid Kubernetes name such as `s3-reader`",
                );
            }
        }
    }
    match &p.role_arn {
        Some(role) => existing_role(v, p, role),
        None => new_role(v, p),
    }
    if let Some(t) = &p.target_role_arn {
        v.iam_arn(t, &field(p, "targetRoleARN"), &[IamKind::Role]);
    }
    if let Some(doc) = &p.session_policy {
        session_policy(v, p, doc);
    }
}

/// A role given by ARN is used as it is: nothing that would make or change one goes with it.
fn existing_role(v: &mut Validator, p: &PodIdentitySpec, role: &Sp<String>) {
    let name = field(p, "roleARN");
    v.iam_arn(role, &name, &[IamKind::Role]);
    let combined: Vec<String> = [
        ("roleName", p.role_name.is_some()),
        ("permissionPolicyARNs", !p.permission_policy_arns.is_empty()),
        ("permissionPolicy", p.permission_policy.is_some()),
        ("wellKnownPolicies", !p.well_known_policies.is_empty()),
        (
            "permissionsBoundaryARN",
            p.permissions_boundary_arn.is_some(),
        ),
        ("tags", !p.tags.is_empty()),
    ]
    .into_iter()
    .filter(|(_, set)| *set)
    .map(|(f, _)| format!("`{f}`"))
    .collect();
    if !combined.is_empty() {
        v.error(
            role,
            format!("{name} cannot be combined with {}", combined.join(", ")),
            "a role given by ARN is used as-is: remove `roleARN` to let eksiam create the role, or remove the other fields",
        );
    }
}

/// A role eksiam makes: its name, permissions, boundary and tags.
fn new_role(v: &mut Validator, p: &PodIdentitySpec) {
    for arn in &p.permission_policy_arns {
        v.iam_arn(arn, &field(p, "permissionPolicyARNs"), &[IamKind::Policy]);
    }
    if let Some(b) = &p.permissions_boundary_arn {
        v.iam_arn(b, &field(p, "permissionsBoundaryARN"), &[IamKind::Policy]);
    }
    if let Some(doc) = &p.permission_policy {
        v.attach_policy(doc, &field(p, "permissionPolicy"));
    }
    if let Some(rn) = &p.role_name
        && let Err(e) = naming::check_role_name(&rn.value)
    {
        v.error(
            rn,
            format!("{} `{}` {e}", field(p, "roleName"), rn.value),
            "choose a shorter name of letters, digits and `+=,.@_-`",
        );
    }
    v.tags(&p.tags, &field(p, "tags"));
    let no_permissions = p.permission_policy_arns.is_empty()
        && p.permission_policy.is_none()
        && p.well_known_policies.is_empty();
    // A role that only chains to the target role needs the permission to assume it, which
    // eksctl also asks to be given explicitly.
    if no_permissions && !p.has_unknown_keys {
        let at = p.service_account_name.as_ref().map_or(p.pos, |s| s.pos);
        v.diags.push(
            Diagnostic::error(
                Some(at),
                format!("pod identity association `{}` has no permissions", p.key()),
            )
            .with_hint("add `permissionPolicyARNs`, `permissionPolicy` or `wellKnownPolicies`, or use an existing role with `roleARN`"),
        );
    }
}

/// A session policy is a policy document EKS accepts: statements, valid effects, its size.
fn session_policy(v: &mut Validator, p: &PodIdentitySpec, doc: &Sp<Document>) {
    let name = field(p, "policy");
    v.attach_policy(doc, &name);
    if !p.disable_session_tags {
        v.error(
            doc,
            format!(
                "{name} needs `disableSessionTags` set: EKS refuses a session policy with session tags"
            ),
            "add `disableSessionTags: true` to the association",
        );
    }
    let len = doc.value.to_string().chars().count();
    if len > SESSION_POLICY_MAX {
        v.error(
            doc,
            format!("{name} is {len} characters; EKS takes at most {SESSION_POLICY_MAX}"),
            "shorten the session policy, or move permissions to the role's own policies",
        );
    }
}

/// The name of the role eksiam makes for `p`: its `roleName`, else the deterministic one.
pub fn role_name(cluster: &str, p: &PodIdentitySpec) -> Option<String> {
    if p.role_arn.is_some() {
        return None;
    }
    if let Some(rn) = &p.role_name {
        return Some(rn.value.clone());
    }
    Some(naming::role_name(
        cluster,
        &p.namespace.as_ref()?.value,
        &p.service_account_name.as_ref()?.value,
    ))
}

/// The permissions a made role carries, to compare two entries that share it.
fn permissions(p: &PodIdentitySpec) -> impl PartialEq + use<'_> {
    (
        p.permission_policy_arns
            .iter()
            .map(|a| &a.value)
            .collect::<Vec<_>>(),
        p.permission_policy.as_ref().map(|d| &d.value),
        p.well_known_policies
            .iter()
            .map(|w| w.value)
            .collect::<Vec<_>>(),
        p.permissions_boundary_arn.as_ref().map(|b| &b.value),
        p.tags
            .iter()
            .map(|(k, v)| (&k.value, &v.value))
            .collect::<Vec<_>>(),
    )
}

/// Associations may share a made role only when they ask for the same permissions, and a made
/// role is either an IRSA role (`iam.serviceAccounts`) or a Pod Identity one, never both.
fn shared_roles(v: &mut Validator, cfg: &ClusterConfig) {
    let cluster = &cfg.metadata.name.value;
    let irsa: HashMap<String, &super::ServiceAccountSpec> = cfg
        .iam
        .service_accounts
        .iter()
        .filter(|sa| sa.attach_role_arn.is_none())
        .map(|sa| {
            let name = sa.role_name.as_ref().map_or_else(
                || naming::role_name(cluster, sa.namespace(), &sa.name.value),
                |r| r.value.clone(),
            );
            (name, sa)
        })
        .collect();
    let mut by_role: HashMap<String, &PodIdentitySpec> = HashMap::new();
    for p in &cfg.iam.pod_identity_associations {
        let Some(name) = role_name(cluster, p) else {
            continue;
        };
        let at = p
            .role_name
            .as_ref()
            .or(p.service_account_name.as_ref())
            .map_or(p.pos, |s| s.pos);
        if let Some(sa) = irsa.get(&name) {
            v.diags.push(
                Diagnostic::error(
                    Some(at),
                    format!(
                        "role `{name}` of pod identity association `{}` is also the role of ServiceAccount `{}/{}` in `iam.serviceAccounts` (line {})",
                        p.key(), sa.namespace(), sa.name.value, sa.name.pos.line
                    ),
                )
                .with_hint("give the association its own `roleName`, or bind the IRSA role with `roleARN`"),
            );
        }
        match by_role.get(&name) {
            Some(first) if permissions(first) != permissions(p) => v.diags.push(
                Diagnostic::error(
                    Some(at),
                    format!(
                        "role `{name}` is used by pod identity associations `{}` (line {}) and `{}` with different permissions",
                        first.key(), first.pos.line, p.key()
                    ),
                )
                .with_hint("a shared role must list the same policies, boundary and tags in every entry; or give each its own `roleName`"),
            ),
            Some(_) => {}
            None => {
                by_role.insert(name, p);
            }
        }
    }
}
