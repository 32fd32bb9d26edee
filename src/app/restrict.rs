//! The namespace restrictions of a plan (`rules::namespace_roles`): every role the desired
//! state binds to a ServiceAccount, through IRSA or Pod Identity, must be one its namespace
//! allows. Checked after observing and before anything is shown or changed, so `plan`,
//! `--dry-run` and `apply` refuse alike (exit 3). Namespaces are known only when the plan
//! lists them (it manages ServiceAccounts); a plan that does not connect to the cluster
//! (`roleOnly` roles, associations alone) is not checked.

use crate::desired::{Desired, RoleRef};
use crate::error::{CliError, ErrorKind};
use crate::observed::Observed;
use crate::rules::namespace_roles::refusal_in;

/// The ARN of the role `r` names (its name alone while the account is not known).
fn role_arn(r: &RoleRef, desired: &Desired, observed: &Observed) -> String {
    match r {
        RoleRef::Existing(arn) => arn.clone(),
        RoleRef::Managed(name) => observed
            .role_arn(&desired.partition, name)
            .unwrap_or_else(|| name.clone()),
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
    let mut problems = Vec::new();
    for (via, ns, name, role) in irsa.chain(pods) {
        let arn = role_arn(role, desired, observed);
        if let Some(why) = refusal_in(&observed.namespace_annotations, ns, &arn) {
            problems.push(format!("serviceaccount {ns}/{name} ({via}): {why}"));
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
