//! Reading namespaces and ServiceAccounts and carrying out their steps, through the
//! [`KubeApi`] seam.

use super::{NamespaceStep, ServiceAccountStep};
use crate::error::CliError;
use crate::kube::KubeApi;
use crate::plan::Known;
use std::collections::BTreeMap;

/// A value the plan could not know cannot be written: the plan and the executor disagree.
fn known(v: &Known) -> Result<String, CliError> {
    v.get()
        .map(str::to_owned)
        .ok_or_else(|| CliError::internal("cannot apply: the role ARN is not known"))
}

/// Creates a namespace.
///
/// # Errors
/// The failed call.
pub async fn apply_namespace(
    kube: &impl KubeApi,
    step: &NamespaceStep,
) -> Result<String, CliError> {
    kube.create_namespace(&step.name, &step.labels).await?;
    Ok("created".into())
}

/// Creates, patches or deletes a ServiceAccount.
///
/// # Errors
/// The failed call, or a value only known after apply (a bug).
pub async fn apply(kube: &impl KubeApi, step: &ServiceAccountStep) -> Result<String, CliError> {
    match step {
        ServiceAccountStep::Create {
            namespace,
            name,
            labels,
            annotations,
        } => {
            let annotations = annotations
                .iter()
                .map(|(k, v)| Ok((k.clone(), known(v)?)))
                .collect::<Result<BTreeMap<_, _>, CliError>>()?;
            kube.create_service_account(namespace, name, labels, &annotations)
                .await?;
            Ok("created".into())
        }
        ServiceAccountStep::Update {
            namespace,
            name,
            labels,
            annotations,
        } => {
            let patch = |c: &Option<super::MapChange>| {
                c.iter()
                    .flat_map(|c| &c.after)
                    .map(|(k, v)| Ok((k.clone(), v.as_ref().map(known).transpose()?)))
                    .collect::<Result<BTreeMap<_, _>, CliError>>()
            };
            kube.patch_service_account(namespace, name, &patch(labels)?, &patch(annotations)?)
                .await?;
            Ok("patched".into())
        }
        ServiceAccountStep::Delete {
            namespace, name, ..
        } => {
            kube.delete_service_account(namespace, name).await?;
            Ok("deleted".into())
        }
    }
}
