//! The namespace restrictions of a plan (`rules::namespace_roles`): every role the desired
//! state binds to a ServiceAccount, through IRSA or Pod Identity, must be one its namespace
//! allows. Checked after observing and before anything is shown or changed, so `plan`,
//! `--dry-run` and `apply` refuse alike (exit 3). A plan that binds roles without managing
//! ServiceAccounts (`roleOnly` roles, Pod Identity associations) lists the namespaces for this
//! alone; when that LIST fails it goes unchecked, with a warning.

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

/// Keeps the names roles were made with before shortened names kept 64 bits of hash: a role
/// whose derived name is new to the account, while its earlier name is a role eksiam made for
/// this cluster and these ServiceAccounts, goes on under the earlier name (no churn for roles
/// made then). The ServiceAccounts and associations that use it follow.
pub fn keep_earlier_names(desired: &mut Desired, observed: &Observed) {
    use crate::kinds::role::{Here, foreign};
    let here = Here::observed(&desired.cluster, observed);
    let mut renamed = Vec::new();
    for role in &mut desired.roles {
        let Some(earlier) = role.earlier_name.clone() else {
            continue;
        };
        // The earlier role is this one's when eksiam may change it for this role: the one
        // ownership rule (eksiam's, this cluster's, no other ServiceAccount's).
        let ours = observed
            .roles
            .get(&earlier)
            .is_some_and(|made| foreign(role, made, &here).is_none());
        if ours && !observed.roles.contains_key(&role.name) {
            renamed.push((
                std::mem::replace(&mut role.name, earlier),
                role.name.clone(),
            ));
        }
    }
    for (new, earlier) in renamed {
        let refs = desired
            .service_accounts
            .iter_mut()
            .map(|s| &mut s.role)
            .chain(desired.pod_identities.iter_mut().map(|p| &mut p.role));
        for r in refs {
            if *r == RoleRef::Managed(new.clone()) {
                *r = RoleRef::Managed(earlier.clone());
            }
        }
    }
}

/// Takes out of `desired` the self-service roles (`reconcile`'s) whose name an existing role
/// holds that eksiam may not change, with the ServiceAccounts bound to them: one taken name
/// skips its ServiceAccount, not the whole run (a watch would otherwise retry for ever and
/// serve no one). Returns a warning for each ServiceAccount skipped, in the form
/// [`crate::rules::self_service::skipped`] gives.
pub fn skip_foreign_self_service(desired: &mut Desired, observed: &Observed) -> Vec<String> {
    use crate::kinds::role::{Foreign, Here, foreign};
    let mut taken = Vec::new();
    desired.roles.retain(|role| {
        if !role.tags.contains_key(crate::desired::TAG_SELF_SERVICE) {
            return true;
        }
        let Some(obs) = observed.roles.get(&role.name) else {
            return true;
        };
        let whose = match foreign(role, obs, &Here::observed(&desired.cluster, observed)) {
            None => return true,
            Some(Foreign::NotEksiams) => "eksiam did not create it".to_owned(),
            Some(Foreign::OtherCluster(c)) => format!("eksiam manages it for cluster `{c}`"),
            Some(Foreign::OtherServiceAccounts(owners)) => {
                format!("it is eksiam's role for {owners}")
            }
        };
        taken.push((role.name.clone(), whose));
        false
    });
    desired
        .held_roles
        .extend(taken.iter().map(|(name, _)| name.clone()));
    let mut warnings = Vec::new();
    desired.service_accounts.retain(|sa| {
        let RoleRef::Managed(name) = &sa.role else {
            return true;
        };
        let Some((_, whose)) = taken.iter().find(|(t, _)| t == name) else {
            return true;
        };
        warnings.push(crate::rules::self_service::skipped(
            &sa.namespace,
            &sa.name,
            &format!(
                "role `{name}` already exists and {whose}; eksiam will not change it (rename or delete that role, or choose another `--role-prefix`)"
            ),
        ));
        false
    });
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observed::{ObservedRole, ObservedServiceAccount};
    use crate::rules::self_service;
    use std::collections::BTreeMap;

    fn role(tags: &[(&str, &str)]) -> ObservedRole {
        ObservedRole {
            arn: String::new(),
            assume_role_policy: serde_json::Value::Null,
            managed_policies: Vec::new(),
            inline_policies: BTreeMap::new(),
            permissions_boundary: None,
            tags: tags
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    #[test]
    fn a_taken_self_service_name_skips_only_its_service_account() {
        let asks = ObservedServiceAccount {
            labels: BTreeMap::new(),
            annotations: BTreeMap::from([(
                self_service::REQUEST_ANNOTATION.to_owned(),
                "managed".to_owned(),
            )]),
        };
        let sas = ["mine", "other", "theirs", "elsewhere"]
            .map(|n| (("apps".to_owned(), n.to_owned()), asks.clone()))
            .into_iter()
            .collect();
        let (mut desired, _) = self_service::desired(
            "prod",
            None,
            self_service::DEFAULT_PREFIX,
            &sas,
            &BTreeMap::new(),
        );
        let mut observed = Observed::offline();
        let eksiam = [
            (crate::desired::TAG_MANAGED_BY, crate::desired::MANAGER),
            (crate::desired::TAG_CLUSTER, "prod"),
        ];
        observed
            .roles
            .insert("k8s-sa_apps_mine".into(), role(&eksiam));
        observed
            .roles
            .insert("k8s-sa_apps_theirs".into(), role(&[("team", "x")]));
        observed.roles.insert(
            "k8s-sa_apps_elsewhere".into(),
            role(&[
                (crate::desired::TAG_MANAGED_BY, crate::desired::MANAGER),
                (crate::desired::TAG_CLUSTER, "dev"),
            ]),
        );
        let warnings = skip_foreign_self_service(&mut desired, &observed);
        let left: Vec<&str> = desired
            .service_accounts
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(left, ["mine", "other"]);
        assert_eq!(desired.roles.len(), 2);
        assert_eq!(warnings.len(), 2, "{warnings:#?}");
        assert!(
            warnings[0].starts_with("serviceaccount apps/elsewhere is skipped: role `k8s-sa_apps_elsewhere` already exists and eksiam manages it for cluster `dev`"),
            "{warnings:#?}"
        );
        assert!(
            warnings[1]
                .contains("`k8s-sa_apps_theirs` already exists and eksiam did not create it"),
            "{warnings:#?}"
        );
        // A file's roles are never skipped: their conflicts stop the plan, as before.
        let mut filed = desired.clone();
        for r in &mut filed.roles {
            r.tags.remove(crate::desired::TAG_SELF_SERVICE);
        }
        observed
            .roles
            .insert("k8s-sa_apps_other".into(), role(&[("team", "x")]));
        assert!(skip_foreign_self_service(&mut filed, &observed).is_empty());
    }
}
