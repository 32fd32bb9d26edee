//! Reading roles and carrying out role steps, through the [`IamApi`] seam.

use super::{AttachmentStep, InlineChange, InlinePolicyStep, RoleStep};
use crate::aws::{AwsError, IamApi};
use crate::desired::Desired;
use crate::error::CliError;
use crate::observed::ObservedRole;
use crate::plan::Op;
use std::collections::BTreeMap;

/// How many roles are read at once when they are read one by one.
const READ_CONCURRENCY: usize = 8;

/// Up to this many roles are looked up one by one (`GetRole`); more are read with the
/// account's listing (one `GetAccountAuthorizationDetails` per 1,000 roles).
const LOOKUPS_BEFORE_LISTING: usize = 10;

/// The real ARNs (with their paths) of the roles `names`, by lower-cased name; a role IAM
/// does not have is absent. Few names are read one by one, many from the account's listing
/// (one by one again when the listing is denied).
///
/// # Errors
/// The failed IAM call.
pub async fn arns_by_name(
    iam: &impl IamApi,
    names: &[String],
) -> Result<BTreeMap<String, String>, CliError> {
    use futures_util::stream::{self, StreamExt as _, TryStreamExt as _};
    if names.len() > LOOKUPS_BEFORE_LISTING {
        match iam.all_roles().await {
            Ok(all) => {
                return Ok(all
                    .into_iter()
                    .map(|(name, role)| (name.to_ascii_lowercase(), role.arn))
                    .collect());
            }
            Err(e) if e.code.as_deref() == Some("AccessDenied") => {}
            Err(e) => return Err(e.into()),
        }
    }
    let found: Vec<(String, Option<String>)> = stream::iter(names)
        .map(|n| async move { iam.role_arn(n).await.map(|a| (n.to_ascii_lowercase(), a)) })
        .buffer_unordered(READ_CONCURRENCY)
        .try_collect()
        .await?;
    Ok(found
        .into_iter()
        .filter_map(|(n, a)| a.map(|a| (n, a)))
        .collect())
}

/// Carries out a role step; returns what was done.
///
/// # Errors
/// The failed IAM call.
pub async fn apply_role(iam: &impl IamApi, step: &RoleStep) -> Result<String, CliError> {
    match step {
        RoleStep::Create {
            name,
            trust,
            boundary,
            tags,
        } => {
            let arn = iam
                .create_role(name, trust, boundary.as_deref(), tags)
                .await?;
            Ok(format!("created {arn}"))
        }
        RoleStep::Update {
            name,
            trust,
            boundary,
            tags,
        } => {
            let mut done = Vec::new();
            if let Some((_, after)) = trust {
                iam.update_trust(name, after).await?;
                done.push("trust policy");
            }
            if let Some((_, after)) = boundary {
                iam.set_boundary(name, after.as_deref()).await?;
                done.push("permissions boundary");
            }
            if let Some(t) = tags {
                iam.tag_role(name, &t.after).await?;
                done.push("tags");
            }
            Ok(format!("updated {}", done.join(", ")))
        }
        RoleStep::Delete { name, role } => {
            iam.delete_role(name, role).await?;
            Ok("deleted".into())
        }
    }
}

/// Attaches or detaches a managed policy.
///
/// # Errors
/// The failed IAM call.
pub async fn apply_attachment(
    iam: &impl IamApi,
    step: &AttachmentStep,
) -> Result<String, CliError> {
    let attach = step.op == Op::Create;
    iam.attach(&step.role, &step.policy_arn, attach).await?;
    Ok(if attach { "attached" } else { "detached" }.into())
}

/// Puts or deletes an inline policy.
///
/// # Errors
/// The failed IAM call.
pub async fn apply_inline(iam: &impl IamApi, step: &InlinePolicyStep) -> Result<String, CliError> {
    let doc = match &step.change {
        InlineChange::Put { after, .. } => Some(after),
        InlineChange::Delete { .. } => None,
        InlineChange::Unchanged => return Ok("unchanged".into()),
    };
    iam.put_inline(&step.role, &step.name, doc).await?;
    Ok(if doc.is_some() { "put" } else { "deleted" }.into())
}

/// The roles the plan needs: every role of the account in one paged call when allowed (which
/// also finds the roles eksiam manages for `--prune`), else the desired roles one by one.
/// `--prune` and `delete iamserviceaccount` need the paged call: without it the roles to
/// delete cannot be found.
///
/// # Errors
/// The failed IAM call; a denied paged call when only it can find the roles.
pub async fn observe(
    iam: &impl IamApi,
    desired: &Desired,
    prune_roles: bool,
    warnings: &mut Vec<String>,
) -> Result<(BTreeMap<String, ObservedRole>, bool), CliError> {
    // `delete iamserviceaccount` names no role: only the tags tell which one is the
    // ServiceAccount's.
    let deleting = !desired.absent_service_accounts.is_empty()
        || !desired.absent_pod_identities.is_empty()
        || desired.pod_identities.iter().any(|p| p.from_irsa);
    match iam.all_roles().await {
        Ok(all) => Ok((all, true)),
        Err(e) if e.code.as_deref() == Some("AccessDenied") && (prune_roles || deleting) => {
            let mut err = CliError::from(e);
            err.hint = Some(format!(
                "{} finds the roles eksiam made by their tags, which needs the IAM permission `iam:GetAccountAuthorizationDetails`: grant it (`eksiam iam-policy {}` prints the policy)",
                if deleting {
                    "`delete iamserviceaccount`"
                } else {
                    "`--prune`"
                },
                if deleting {
                    "--command \"delete iamserviceaccount\""
                } else {
                    "-f FILE --prune"
                },
            ));
            Err(err)
        }
        Err(e) if e.code.as_deref() == Some("AccessDenied") => {
            warnings.push(
                "`iam:GetAccountAuthorizationDetails` is denied: reading roles one by one".into(),
            );
            Ok((one_by_one(iam, desired).await?, false))
        }
        Err(e) => Err(e.into()),
    }
}

/// Reads the roles `names` one by one (three or more reads each, so several at a time):
/// `None` for a role that does not exist. What `app::confirm` reads again, and the desired
/// roles when the account listing is denied.
///
/// # Errors
/// The failed IAM call.
pub async fn reread(
    iam: &impl IamApi,
    names: &[String],
) -> Result<BTreeMap<String, Option<ObservedRole>>, AwsError> {
    use futures_util::stream::{self, StreamExt as _, TryStreamExt as _};
    stream::iter(names)
        .map(|name| async move { iam.role(name).await.map(|o| (name.clone(), o)) })
        .buffer_unordered(READ_CONCURRENCY)
        .try_collect()
        .await
}

/// Reads the desired roles one by one (see [`reread`]).
async fn one_by_one(
    iam: &impl IamApi,
    desired: &Desired,
) -> Result<BTreeMap<String, ObservedRole>, CliError> {
    // A role may still have the name it was made with (`DesiredRole::earlier_name`).
    let names: Vec<String> = desired
        .roles
        .iter()
        .flat_map(|r| std::iter::once(&r.name).chain(&r.earlier_name))
        .cloned()
        .collect();
    Ok(reread(iam, &names)
        .await?
        .into_iter()
        .filter_map(|(name, role)| role.map(|r| (name, r)))
        .collect())
}
