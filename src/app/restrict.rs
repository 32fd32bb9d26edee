//! The namespace restrictions of a plan (`rules::namespace_roles`): every role the desired
//! state binds to a ServiceAccount, through IRSA or Pod Identity, must be one its namespace
//! allows. Checked after observing and before anything is shown or changed, so `plan`,
//! `--dry-run` and `apply` refuse alike (exit 3). Namespaces are known only when the plan
//! lists them (it manages ServiceAccounts); a plan that does not connect to the cluster
//! (`roleOnly` roles, associations alone) is not checked.

use crate::desired::{Desired, RoleRef};
use crate::error::{CliError, ErrorKind};
use crate::observed::Observed;
use crate::rules::namespace_roles::NamespaceRoles;
use std::collections::BTreeMap;

/// The ARN of the role `r` names: as observed, or as it will be once created (its name alone
/// while the account is not known).
fn role_arn(r: &RoleRef, desired: &Desired, observed: &Observed) -> String {
    match r {
        RoleRef::Existing(arn) => arn.clone(),
        RoleRef::Managed(name) => observed.roles.get(name).map_or_else(
            || match &observed.account {
                Some(account) => format!("arn:{}:iam::{account}:role/{name}", desired.partition),
                None => name.clone(),
            },
            |o| o.arn.clone(),
        ),
    }
}

/// Refuses a plan that binds a role a namespace does not allow, or meets a namespace whose
/// restriction cannot be read.
///
/// # Errors
/// Invalid input (exit 3) naming each binding, its namespace and the annotation refusing it.
pub fn check(desired: &Desired, observed: &Observed) -> Result<(), CliError> {
    let irsa = desired
        .service_accounts
        .iter()
        .map(|s| ("IRSA", &s.namespace, &s.name, &s.role));
    let pods = desired
        .pod_identities
        .iter()
        .map(|p| ("Pod Identity", &p.namespace, &p.service_account, &p.role));
    let mut rules: BTreeMap<&str, Result<Option<NamespaceRoles>, String>> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut unreadable = std::collections::BTreeSet::new();
    for (via, ns, name, role) in irsa.chain(pods) {
        let Some(annotations) = observed.namespace_annotations.get(ns) else {
            continue;
        };
        let rule = rules
            .entry(ns)
            .or_insert_with(|| NamespaceRoles::from_annotations(annotations));
        match rule {
            Ok(None) => {}
            Ok(Some(r)) => {
                let arn = role_arn(role, desired, observed);
                if let Some(why) = r.refusal(&arn) {
                    problems.push(format!(
                        "serviceaccount {ns}/{name} ({via}): namespace `{ns}` does not allow role `{arn}`; it allows only {why}"
                    ));
                }
            }
            Err(e) => {
                // Said once per namespace, however many bindings it has.
                if unreadable.insert(ns) {
                    problems.push(format!("namespace `{ns}`: {e}"));
                }
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(CliError {
        kind: ErrorKind::InvalidInput,
        message: format!(
            "the plan binds roles their namespaces do not allow; nothing was changed:\n  - {}",
            problems.join("\n  - ")
        ),
        hint: Some(
            "bind a role the namespace allows, or have the namespace's owner add a pattern that matches the role to the annotation named above (`kubectl annotate namespace NS --overwrite ANNOTATION='[\"PATTERN\", ...]'`)"
                .into(),
        ),
        source: None,
    })
}
