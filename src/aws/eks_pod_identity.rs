//! EKS Pod Identity associations and the agent add-on through the SDK: the
//! [`PodIdentityApi`] seam.

use super::{Aws, AwsError, absent_if_not_found, eks_err, gone_is_fine};
use crate::observed::ObservedPodIdentity;
use std::collections::BTreeMap;

/// The add-on that serves Pod Identity credentials on the nodes.
pub const AGENT_ADDON: &str = "eks-pod-identity-agent";

/// One association as `ListPodIdentityAssociations` summarises it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssociationSummary {
    pub namespace: String,
    pub service_account: String,
    pub id: String,
}

/// What an association is to say (create and update).
#[derive(Debug, Clone, PartialEq)]
pub struct AssociationSpec<'a> {
    pub role_arn: &'a str,
    pub target_role_arn: Option<&'a str>,
    pub disable_session_tags: bool,
    /// The session policy, as JSON text.
    pub session_policy: Option<String>,
}

/// The EKS Pod Identity calls the pipeline makes.
#[allow(async_fn_in_trait)]
pub trait PodIdentityApi {
    /// The cluster's associations (`ListPodIdentityAssociations`, paged).
    async fn list_pod_identities(&self, cluster: &str)
    -> Result<Vec<AssociationSummary>, AwsError>;
    /// One association (`DescribePodIdentityAssociation`); `None` when it is gone.
    async fn pod_identity(
        &self,
        cluster: &str,
        id: &str,
    ) -> Result<Option<ObservedPodIdentity>, AwsError>;
    /// `CreatePodIdentityAssociation`.
    async fn create_pod_identity(
        &self,
        cluster: &str,
        namespace: &str,
        service_account: &str,
        spec: &AssociationSpec<'_>,
        tags: &BTreeMap<String, String>,
    ) -> Result<(), AwsError>;
    /// `UpdatePodIdentityAssociation`.
    async fn update_pod_identity(
        &self,
        cluster: &str,
        id: &str,
        spec: &AssociationSpec<'_>,
    ) -> Result<(), AwsError>;
    /// `DeletePodIdentityAssociation` (gone already is fine).
    async fn delete_pod_identity(&self, cluster: &str, id: &str) -> Result<(), AwsError>;
    /// Whether the cluster has the add-on (`DescribeAddon`).
    async fn has_addon(&self, cluster: &str, name: &str) -> Result<bool, AwsError>;
    /// `CreateAddon`, at the version EKS picks for the cluster.
    async fn create_addon(
        &self,
        cluster: &str,
        name: &str,
        tags: &BTreeMap<String, String>,
    ) -> Result<(), AwsError>;
}

/// An association as EKS describes it.
fn observed(a: aws_sdk_eks::types::PodIdentityAssociation) -> ObservedPodIdentity {
    let text = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_owned);
    ObservedPodIdentity {
        id: a.association_id().unwrap_or_default().to_owned(),
        role_arn: a.role_arn().unwrap_or_default().to_owned(),
        target_role_arn: text(a.target_role_arn()),
        disable_session_tags: a.disable_session_tags().unwrap_or(false),
        session_policy: text(a.policy())
            .map(|p| serde_json::from_str(&p).unwrap_or(serde_json::Value::String(p))),
        tags: a
            .tags()
            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default(),
        owner_arn: text(a.owner_arn()),
    }
}

impl PodIdentityApi for Aws {
    async fn list_pod_identities(
        &self,
        cluster: &str,
    ) -> Result<Vec<AssociationSummary>, AwsError> {
        let mut pages = self
            .eks
            .list_pod_identity_associations()
            .cluster_name(cluster)
            .into_paginator()
            .send();
        let mut found = Vec::new();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| eks_err("ListPodIdentityAssociations", cluster, e))?;
            found.extend(page.associations().iter().map(|a| AssociationSummary {
                namespace: a.namespace().unwrap_or_default().to_owned(),
                service_account: a.service_account().unwrap_or_default().to_owned(),
                id: a.association_id().unwrap_or_default().to_owned(),
            }));
        }
        Ok(found)
    }

    async fn pod_identity(
        &self,
        cluster: &str,
        id: &str,
    ) -> Result<Option<ObservedPodIdentity>, AwsError> {
        let described = self
            .eks
            .describe_pod_identity_association()
            .cluster_name(cluster)
            .association_id(id)
            .send()
            .await;
        let described = absent_if_not_found(
            described.map_err(|e| eks_err("DescribePodIdentityAssociation", id, e)),
        )?;
        Ok(described.and_then(|out| out.association).map(observed))
    }

    async fn create_pod_identity(
        &self,
        cluster: &str,
        namespace: &str,
        service_account: &str,
        spec: &AssociationSpec<'_>,
        tags: &BTreeMap<String, String>,
    ) -> Result<(), AwsError> {
        let key = format!("{namespace}/{service_account}");
        self.eks_w
            .create_pod_identity_association()
            .cluster_name(cluster)
            .namespace(namespace)
            .service_account(service_account)
            .role_arn(spec.role_arn)
            .set_target_role_arn(spec.target_role_arn.map(str::to_owned))
            .set_disable_session_tags(spec.disable_session_tags.then_some(true))
            .set_policy(spec.session_policy.clone())
            .set_tags(Some(tags.clone().into_iter().collect()))
            .send()
            .await
            .map_err(|e| eks_err("CreatePodIdentityAssociation", &key, e))?;
        Ok(())
    }

    async fn update_pod_identity(
        &self,
        cluster: &str,
        id: &str,
        spec: &AssociationSpec<'_>,
    ) -> Result<(), AwsError> {
        self.eks_w
            .update_pod_identity_association()
            .cluster_name(cluster)
            .association_id(id)
            .role_arn(spec.role_arn)
            .set_target_role_arn(spec.target_role_arn.map(str::to_owned))
            .disable_session_tags(spec.disable_session_tags)
            .set_policy(spec.session_policy.clone())
            .send()
            .await
            .map_err(|e| eks_err("UpdatePodIdentityAssociation", id, e))?;
        Ok(())
    }

    async fn delete_pod_identity(&self, cluster: &str, id: &str) -> Result<(), AwsError> {
        let deleted = self
            .eks_w
            .delete_pod_identity_association()
            .cluster_name(cluster)
            .association_id(id)
            .send()
            .await;
        gone_is_fine(
            deleted
                .map(drop)
                .map_err(|e| eks_err("DeletePodIdentityAssociation", id, e)),
        )
    }

    async fn has_addon(&self, cluster: &str, name: &str) -> Result<bool, AwsError> {
        let described = self
            .eks
            .describe_addon()
            .cluster_name(cluster)
            .addon_name(name)
            .send()
            .await;
        let described =
            absent_if_not_found(described.map_err(|e| eks_err("DescribeAddon", name, e)))?;
        Ok(described.is_some_and(|out| out.addon.is_some()))
    }

    async fn create_addon(
        &self,
        cluster: &str,
        name: &str,
        tags: &BTreeMap<String, String>,
    ) -> Result<(), AwsError> {
        self.eks_w
            .create_addon()
            .cluster_name(cluster)
            .addon_name(name)
            .set_tags(Some(tags.clone().into_iter().collect()))
            .send()
            .await
            .map_err(|e| eks_err("CreateAddon", name, e))?;
        Ok(())
    }
}
