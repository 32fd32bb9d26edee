//! A change to a role that only the account listing shows is confirmed by reading that role
//! directly before it is planned. `GetAccountAuthorizationDetails` is one bulk read of the
//! whole account: real IAM is eventually consistent and a listing can lag a write, and an
//! emulator's can leave fields out (ministack's has no permissions boundaries). Planning from
//! it alone would re-apply a change that is already made, on every run. A run whose listing
//! shows no change to an existing role makes no extra call.

use crate::aws::{AwsApi, IamApi};
use crate::desired::Desired;
use crate::error::CliError;
use crate::kinds::Step;
use crate::kinds::role::RoleStep;
use crate::observed::Observed;
use crate::plan::{self, DiffOptions, Op, Plan};
use std::collections::BTreeSet;

/// Plans, with what a live run reads to trust the plan: the roles whose change only the
/// account listing shows, read again (and the plan made again), and the OIDC provider the
/// trusts to be written name when the run does not manage it. Returns the plan and the
/// warnings of both; without AWS, the plan alone.
///
/// # Errors
/// A failed IAM call other than a denial.
pub async fn diff_confirmed(
    aws: Option<&impl AwsApi>,
    desired: &Desired,
    observed: &mut Observed,
    opts: &DiffOptions,
) -> Result<(Plan, Vec<String>), CliError> {
    let mut plan = plan::diff(desired, observed, opts);
    let Some(aws) = aws else {
        return Ok((plan, Vec::new()));
    };
    let (reread, denied) = reread_listed(aws, &plan, observed).await?;
    if reread {
        plan = plan::diff(desired, observed, opts);
    }
    let no_provider =
        crate::kinds::oidc_provider::live::missing_trusted(aws, desired, observed, &plan).await?;
    Ok((plan, denied.into_iter().chain(no_provider).collect()))
}

/// The existing roles `plan` keeps and changes (their trust, boundary, tags or policies),
/// when the observed roles come from the account listing; in plan order, once each. Roles it
/// deletes are not read again: what deletes them is their tags, the same in both reads, and
/// the commands that delete may not hold the permission to read one.
pub fn listed_changes(plan: &Plan, observed: &Observed) -> Vec<String> {
    if !observed.roles_listed {
        return Vec::new();
    }
    let deleted: BTreeSet<&str> = plan
        .actions
        .iter()
        .filter_map(|a| match &a.step {
            Step::Role(s @ RoleStep::Delete { .. }) => Some(s.name()),
            _ => None,
        })
        .collect();
    let mut seen = BTreeSet::new();
    plan.actions
        .iter()
        .filter(|a| a.op() != Op::NoOp)
        .filter_map(|a| match &a.step {
            Step::Role(s @ RoleStep::Update { .. }) => Some(s.name()),
            Step::PolicyAttachment(s) => Some(s.role.as_str()),
            Step::InlinePolicy(s) => Some(s.role.as_str()),
            _ => None,
        })
        .filter(|role| observed.roles.contains_key(*role) && !deleted.contains(role))
        .filter(|role| seen.insert(*role))
        .map(str::to_owned)
        .collect()
}

/// Reads the roles of [`listed_changes`] again, one by one, into `observed`. Returns whether
/// any was read (the plan must then be made again), and a warning when reading them is
/// denied: the plan then stands on the listing alone, as before.
///
/// # Errors
/// A failed IAM call other than a denial.
async fn reread_listed(
    iam: &impl IamApi,
    plan: &Plan,
    observed: &mut Observed,
) -> Result<(bool, Option<String>), CliError> {
    let names = listed_changes(plan, observed);
    if names.is_empty() {
        return Ok((false, None));
    }
    crate::verbosity::say(crate::verbosity::CALLS, || {
        format!(
            "decision: the account listing shows changes to {}: reading them directly first",
            names.join(", ")
        )
    });
    let read = match crate::kinds::role::live::reread(iam, &names).await {
        Ok(read) => read,
        Err(e) if e.code.as_deref() == Some("AccessDenied") => {
            return Ok((
                false,
                Some(format!(
                    "the changes to {} are planned from the account listing alone: `{}` is denied",
                    names.join(", "),
                    e.operation
                )),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    for (name, role) in read {
        match role {
            Some(r) => observed.roles.insert(name, r),
            None => observed.roles.remove(&name),
        };
    }
    Ok((true, None))
}
