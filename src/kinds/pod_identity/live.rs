//! Reading Pod Identity associations and the agent add-on, and carrying out their steps,
//! through the [`PodIdentityApi`] seam.

use super::{AGENT_ADDON, AddonStep, AssociationStep, Wanted};
use crate::aws::eks_pod_identity::{AssociationSpec, AssociationSummary, PodIdentityApi};
use crate::desired::Desired;
use crate::error::CliError;
use crate::observed::ObservedPodIdentity;
use crate::plan::DiffOptions;
use std::collections::{BTreeMap, BTreeSet};

/// How many associations are described at once.
const READ_CONCURRENCY: usize = 8;

/// The associations the plan needs, by (`namespace`, `name`), and whether the cluster has the
/// agent add-on (read only when associations are wanted).
pub type Reads = (
    BTreeMap<(String, String), ObservedPodIdentity>,
    Option<bool>,
);

/// One paged list of the cluster's associations, then a description of those the list cannot
/// tell enough about: the ones the desired state names, and with `--prune` every one (only a
/// description has the ownership tags).
///
/// # Errors
/// The failed EKS call.
pub async fn observe(
    eks: &impl PodIdentityApi,
    desired: &Desired,
    opts: &DiffOptions,
) -> Result<Reads, CliError> {
    let cluster = desired.cluster.as_str();
    let agent = async {
        if desired.pod_identities.is_empty() {
            Ok(None)
        } else {
            eks.has_addon(cluster, AGENT_ADDON).await.map(Some)
        }
    };
    let (listed, agent) = tokio::join!(eks.list_pod_identities(cluster), agent);
    let (listed, agent) = (listed?, agent?);
    let prune = opts.prune && desired.prune_scope.pod_identities;
    let named: BTreeSet<(String, String)> = desired
        .pod_identities
        .iter()
        .map(|p| (p.namespace.clone(), p.service_account.clone()))
        .chain(desired.absent_pod_identities.iter().cloned())
        .collect();
    let wanted = listed
        .into_iter()
        .filter(|a| prune || named.contains(&(a.namespace.clone(), a.service_account.clone())));
    Ok((describe(eks, cluster, wanted).await?, agent))
}

/// The listed associations, described several at a time, by (`namespace`, `name`); those
/// gone since the list are left out.
///
/// # Errors
/// The failed EKS call.
pub async fn describe(
    eks: &impl PodIdentityApi,
    cluster: &str,
    listed: impl IntoIterator<Item = AssociationSummary>,
) -> Result<BTreeMap<(String, String), ObservedPodIdentity>, CliError> {
    use futures_util::stream::{self, StreamExt as _, TryStreamExt as _};
    let found: Vec<_> = stream::iter(listed)
        .map(|a| async move {
            eks.pod_identity(cluster, &a.id)
                .await
                .map(|o| ((a.namespace, a.service_account), o))
        })
        .buffer_unordered(READ_CONCURRENCY)
        .try_collect()
        .await?;
    Ok(found
        .into_iter()
        .filter_map(|(key, o)| o.map(|o| (key, o)))
        .collect())
}

/// What `wanted` is, for the API: the role's ARN must be known by now.
fn spec(wanted: &Wanted) -> Result<AssociationSpec<'_>, CliError> {
    let role_arn = wanted.role_arn.get().ok_or_else(|| {
        CliError::internal("cannot apply: a Pod Identity association's role ARN is not known")
    })?;
    Ok(AssociationSpec {
        role_arn,
        target_role_arn: wanted.target_role_arn.as_deref(),
        disable_session_tags: wanted.disable_session_tags,
        session_policy: wanted.session_policy.as_ref().map(ToString::to_string),
    })
}

/// Creates, updates (or replaces) or deletes an association.
///
/// # Errors
/// The failed EKS call.
pub async fn apply_association(
    eks: &impl PodIdentityApi,
    cluster: &str,
    step: &AssociationStep,
) -> Result<String, CliError> {
    match step {
        AssociationStep::Create {
            namespace,
            service_account,
            wanted,
            tags,
        } => {
            let s = spec(wanted)?;
            match eks
                .create_pod_identity(cluster, namespace, service_account, &s, tags)
                .await
            {
                Ok(()) => Ok("created".into()),
                // It appeared since it was observed (most often this very call, retried after
                // its answer was lost): adopt it when it says what was asked, else make it so.
                Err(e) if e.code.as_deref() == Some("ResourceInUseException") => {
                    let Some(found) = find(eks, cluster, namespace, service_account).await? else {
                        return Err(e.created_meanwhile().into());
                    };
                    if wanted.said_by(&found) {
                        return Ok("exists as asked: adopted".into());
                    }
                    reshape(
                        eks,
                        cluster,
                        namespace,
                        service_account,
                        &found,
                        wanted,
                        tags,
                    )
                    .await?;
                    Ok("existed: updated in place".into())
                }
                Err(e) => Err(e.into()),
            }
        }
        AssociationStep::Update {
            namespace,
            service_account,
            before,
            wanted,
            tags,
        } => {
            reshape(
                eks,
                cluster,
                namespace,
                service_account,
                before,
                wanted,
                tags,
            )
            .await
        }
        AssociationStep::Delete { before, .. } => {
            eks.delete_pod_identity(cluster, &before.id).await?;
            Ok("deleted".into())
        }
        AssociationStep::Absent { .. } => Ok("not there".into()),
    }
}

/// The association of `namespace/service_account`, described, if there is one now.
async fn find(
    eks: &impl PodIdentityApi,
    cluster: &str,
    namespace: &str,
    service_account: &str,
) -> Result<Option<ObservedPodIdentity>, CliError> {
    let listed = eks.list_pod_identities(cluster).await?;
    let Some(a) = listed
        .into_iter()
        .find(|a| a.namespace == namespace && a.service_account == service_account)
    else {
        return Ok(None);
    };
    Ok(eks.pod_identity(cluster, &a.id).await?)
}

/// Makes an existing association say `wanted`: updated in place, or replaced when a target
/// role or session policy must go (an update cannot remove them).
async fn reshape(
    eks: &impl PodIdentityApi,
    cluster: &str,
    namespace: &str,
    service_account: &str,
    before: &ObservedPodIdentity,
    wanted: &Wanted,
    tags: &BTreeMap<String, String>,
) -> Result<String, CliError> {
    let s = spec(wanted)?;
    if wanted.needs_replacing(before) {
        eks.delete_pod_identity(cluster, &before.id).await?;
        eks.create_pod_identity(cluster, namespace, service_account, &s, tags)
            .await?;
        return Ok("replaced (an update cannot remove a target role or a session policy)".into());
    }
    eks.update_pod_identity(cluster, &before.id, &s).await?;
    Ok("updated".into())
}

/// Installs the add-on.
///
/// # Errors
/// The failed EKS call.
pub async fn apply_addon(
    eks: &impl PodIdentityApi,
    cluster: &str,
    step: &AddonStep,
) -> Result<String, CliError> {
    match eks.create_addon(cluster, &step.name, &step.tags).await {
        Ok(()) => Ok("created (EKS rolls the agent out to the nodes)".into()),
        Err(e) if e.code.as_deref() == Some("ResourceInUseException") => {
            Ok("exists already".into())
        }
        Err(e) => Err(e.into()),
    }
}
