//! Reading access entries and carrying out their steps, through the [`EksAccessApi`] seam.

use super::{EntryStep, PolicyChange, PolicyStep};
use crate::aws::eks_access::{EksAccessApi, NewAccessEntry};
use crate::error::CliError;
use crate::observed::ObservedAccessEntry;
use std::collections::BTreeMap;

/// How many entries are described at once.
const READ_CONCURRENCY: usize = 8;

/// The cluster's access entries with their policies: one paged list, then each entry's
/// description and policies, several entries at a time.
///
/// # Errors
/// The failed EKS call.
pub async fn observe(
    eks: &impl EksAccessApi,
    cluster: &str,
) -> Result<BTreeMap<String, ObservedAccessEntry>, CliError> {
    use futures_util::stream::{self, StreamExt as _, TryStreamExt as _};
    let principals = eks.list_access_entries(cluster).await?;
    let found: Vec<_> = stream::iter(principals)
        .map(|p| async move { eks.access_entry(cluster, &p).await.map(|e| (p, e)) })
        .buffer_unordered(READ_CONCURRENCY)
        .try_collect()
        .await?;
    Ok(found
        .into_iter()
        .filter_map(|(p, e)| e.map(|e| (p, e)))
        .collect())
}

/// Creates, updates or deletes an entry.
///
/// # Errors
/// The failed EKS call.
pub async fn apply_entry(
    eks: &impl EksAccessApi,
    cluster: &str,
    step: &EntryStep,
) -> Result<String, CliError> {
    match step {
        EntryStep::Create {
            principal,
            entry_type,
            groups,
            username,
            tags,
        } => {
            let entry = NewAccessEntry {
                principal,
                entry_type,
                groups,
                username: username.as_deref(),
                tags,
            };
            match eks.create_access_entry(cluster, &entry).await {
                Ok(()) => Ok("created".into()),
                // It appeared since it was observed: most often this very call, retried after
                // its answer was lost. Adopt it when it says what was asked.
                Err(e) if e.code.as_deref() == Some("ResourceInUseException") => {
                    match eks.access_entry(cluster, principal).await? {
                        Some(found) if says(&found, step) => Ok("exists as asked: adopted".into()),
                        _ => Err(e.created_meanwhile().into()),
                    }
                }
                Err(e) => Err(e.into()),
            }
        }
        EntryStep::Update {
            principal,
            groups,
            username,
        } => {
            let groups = groups.as_ref().map(|(_, after)| after.as_slice());
            let username = username.as_ref().and_then(|(_, after)| after.as_deref());
            eks.update_access_entry(cluster, principal, groups, username)
                .await?;
            Ok("updated".into())
        }
        EntryStep::Delete { principal, .. } => {
            eks.delete_access_entry(cluster, principal).await?;
            Ok("deleted".into())
        }
    }
}

/// Whether an entry found on a refused create is the one `step` asks for.
fn says(found: &ObservedAccessEntry, step: &EntryStep) -> bool {
    let EntryStep::Create {
        entry_type,
        groups,
        username,
        ..
    } = step
    else {
        return false;
    };
    let mut have = found.groups.clone();
    have.sort();
    have.dedup();
    found.entry_type == *entry_type
        && have == *groups
        && (username.is_none() || found.username == *username)
}

/// How long the wait for an authentication mode update may take, and the longest pause
/// between two looks (EKS takes minutes).
const MODE_UPDATE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(45 * 60);
const MODE_POLL_MAX: std::time::Duration = std::time::Duration::from_secs(15);

/// Moves the authentication mode and waits until EKS has done it: the access entries made
/// after it need the new mode.
///
/// # Errors
/// The failed call, an update that failed, or one still running after 45 minutes.
pub async fn apply_mode(
    eks: &impl EksAccessApi,
    cluster: &str,
    step: &super::mode::ModeStep,
) -> Result<String, CliError> {
    let Some(id) = eks.update_authentication_mode(cluster, &step.after).await? else {
        return Ok(format!("set to {}", step.after));
    };
    let started = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(500);
    loop {
        let (status, errors) = eks.update_status(cluster, &id).await?;
        match status.as_str() {
            "Successful" => return Ok(format!("set to {}", step.after)),
            "Failed" | "Cancelled" => {
                return Err(CliError {
                    kind: crate::error::ErrorKind::Remote,
                    message: format!(
                        "the update of authenticationMode to `{}` (update {id}) ended `{status}`: {}",
                        step.after,
                        errors.join("; ")
                    ),
                    hint: Some(format!(
                        "see `aws eks describe-update --name {cluster} --update-id {id}`"
                    )),
                    source: None,
                });
            }
            _ if started.elapsed() > MODE_UPDATE_TIMEOUT => {
                return Err(CliError {
                    kind: crate::error::ErrorKind::Remote,
                    message: format!(
                        "the update of authenticationMode to `{}` (update {id}) is still in progress after 45 minutes",
                        step.after
                    ),
                    hint: Some("run the same command again once it is done".into()),
                    source: None,
                });
            }
            _ => {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(MODE_POLL_MAX);
            }
        }
    }
}

/// Associates or disassociates an access policy.
///
/// # Errors
/// The failed EKS call.
pub async fn apply_policy(
    eks: &impl EksAccessApi,
    cluster: &str,
    step: &PolicyStep,
) -> Result<String, CliError> {
    match &step.change {
        PolicyChange::Associate { after, .. } => {
            eks.associate_access_policy(cluster, &step.principal, &step.policy_arn, after)
                .await?;
            Ok("associated".into())
        }
        PolicyChange::Disassociate { .. } => {
            eks.disassociate_access_policy(cluster, &step.principal, &step.policy_arn)
                .await?;
            Ok("disassociated".into())
        }
        PolicyChange::Unchanged => Ok("unchanged".into()),
    }
}
