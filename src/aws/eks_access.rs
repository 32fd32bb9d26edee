//! EKS access entries and their access policies through the SDK: the [`EksAccessApi`] seam.

use super::{Aws, AwsError, absent_if_not_found, eks_err, gone_is_fine};
use crate::desired::AccessScope;
use crate::observed::ObservedAccessEntry;
use aws_sdk_eks::types::{AccessScopeType, builders::AccessScopeBuilder};
use std::collections::BTreeMap;

/// A new access entry.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAccessEntry<'a> {
    pub principal: &'a str,
    pub entry_type: &'a str,
    pub groups: &'a [String],
    pub username: Option<&'a str>,
    pub tags: &'a BTreeMap<String, String>,
}

/// The EKS access-entry calls the pipeline makes.
#[allow(async_fn_in_trait)]
pub trait EksAccessApi {
    /// The principal ARNs of the cluster's access entries (`ListAccessEntries`, paged).
    async fn list_access_entries(&self, cluster: &str) -> Result<Vec<String>, AwsError>;
    /// One entry with its access policies (`DescribeAccessEntry` and
    /// `ListAssociatedAccessPolicies`); `None` when it is gone.
    async fn access_entry(
        &self,
        cluster: &str,
        principal: &str,
    ) -> Result<Option<ObservedAccessEntry>, AwsError>;
    /// `CreateAccessEntry`.
    async fn create_access_entry(
        &self,
        cluster: &str,
        entry: &NewAccessEntry<'_>,
    ) -> Result<(), AwsError>;
    /// `UpdateAccessEntry`: the groups and/or the username.
    async fn update_access_entry(
        &self,
        cluster: &str,
        principal: &str,
        groups: Option<&[String]>,
        username: Option<&str>,
    ) -> Result<(), AwsError>;
    /// `DeleteAccessEntry`.
    async fn delete_access_entry(&self, cluster: &str, principal: &str) -> Result<(), AwsError>;
    /// `AssociateAccessPolicy` (it replaces the scope of an existing association).
    async fn associate_access_policy(
        &self,
        cluster: &str,
        principal: &str,
        policy_arn: &str,
        scope: &AccessScope,
    ) -> Result<(), AwsError>;
    /// `DisassociateAccessPolicy`.
    async fn disassociate_access_policy(
        &self,
        cluster: &str,
        principal: &str,
        policy_arn: &str,
    ) -> Result<(), AwsError>;
    /// `UpdateClusterConfig` of `accessConfig.authenticationMode`; returns the update's id.
    async fn update_authentication_mode(
        &self,
        cluster: &str,
        mode: &str,
    ) -> Result<Option<String>, AwsError>;
    /// `DescribeUpdate`: the update's status (`InProgress`, `Successful`, `Failed`,
    /// `Cancelled`) and its errors.
    async fn update_status(
        &self,
        cluster: &str,
        id: &str,
    ) -> Result<(String, Vec<String>), AwsError>;
}

fn scope_of(s: Option<&aws_sdk_eks::types::AccessScope>) -> AccessScope {
    match s {
        Some(s) if s.r#type() == Some(&AccessScopeType::Namespace) => {
            AccessScope::new("namespace", s.namespaces())
        }
        _ => AccessScope::Cluster,
    }
}

impl EksAccessApi for Aws {
    async fn update_authentication_mode(
        &self,
        cluster: &str,
        mode: &str,
    ) -> Result<Option<String>, AwsError> {
        let access = aws_sdk_eks::types::UpdateAccessConfigRequest::builder()
            .authentication_mode(aws_sdk_eks::types::AuthenticationMode::from(mode))
            .build();
        let out = self
            .eks_w
            .update_cluster_config()
            .name(cluster)
            .access_config(access)
            .send()
            .await
            .map_err(|e| eks_err("UpdateClusterConfig", cluster, e))?;
        Ok(out.update.and_then(|u| u.id))
    }

    async fn update_status(
        &self,
        cluster: &str,
        id: &str,
    ) -> Result<(String, Vec<String>), AwsError> {
        let out = self
            .eks
            .describe_update()
            .name(cluster)
            .update_id(id)
            .send()
            .await
            .map_err(|e| eks_err("DescribeUpdate", cluster, e))?;
        let update = out
            .update
            .unwrap_or_else(|| aws_sdk_eks::types::Update::builder().build());
        let status = update
            .status()
            .map_or_else(|| "InProgress".to_owned(), |s| s.as_str().to_owned());
        let errors = update
            .errors()
            .iter()
            .map(|e| e.error_message().unwrap_or("unknown error").to_owned())
            .collect();
        Ok((status, errors))
    }

    async fn list_access_entries(&self, cluster: &str) -> Result<Vec<String>, AwsError> {
        let mut pages = self
            .eks
            .list_access_entries()
            .cluster_name(cluster)
            .into_paginator()
            .send();
        let mut principals = Vec::new();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| eks_err("ListAccessEntries", cluster, e))?;
            principals.extend(page.access_entries().iter().cloned());
        }
        Ok(principals)
    }

    async fn access_entry(
        &self,
        cluster: &str,
        principal: &str,
    ) -> Result<Option<ObservedAccessEntry>, AwsError> {
        let described = self
            .eks
            .describe_access_entry()
            .cluster_name(cluster)
            .principal_arn(principal)
            .send()
            .await;
        let described = absent_if_not_found(
            described.map_err(|e| eks_err("DescribeAccessEntry", principal, e)),
        )?;
        let Some(entry) = described.and_then(|out| out.access_entry) else {
            return Ok(None);
        };
        let mut policies = BTreeMap::new();
        let mut pages = self
            .eks
            .list_associated_access_policies()
            .cluster_name(cluster)
            .principal_arn(principal)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| eks_err("ListAssociatedAccessPolicies", principal, e))?;
            for p in page.associated_access_policies() {
                if let Some(arn) = p.policy_arn() {
                    policies.insert(arn.to_owned(), scope_of(p.access_scope()));
                }
            }
        }
        Ok(Some(ObservedAccessEntry {
            entry_type: entry.r#type().unwrap_or("STANDARD").to_owned(),
            groups: entry.kubernetes_groups().to_vec(),
            username: entry
                .username()
                .filter(|u| !u.is_empty())
                .map(str::to_owned),
            tags: entry
                .tags()
                .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default(),
            policies,
        }))
    }

    async fn create_access_entry(
        &self,
        cluster: &str,
        entry: &NewAccessEntry<'_>,
    ) -> Result<(), AwsError> {
        self.eks_w
            .create_access_entry()
            .cluster_name(cluster)
            .principal_arn(entry.principal)
            .r#type(entry.entry_type)
            .set_kubernetes_groups((!entry.groups.is_empty()).then(|| entry.groups.to_vec()))
            .set_username(entry.username.map(str::to_owned))
            .set_tags(Some(entry.tags.clone().into_iter().collect()))
            .send()
            .await
            .map_err(|e| eks_err("CreateAccessEntry", entry.principal, e))?;
        Ok(())
    }

    async fn update_access_entry(
        &self,
        cluster: &str,
        principal: &str,
        groups: Option<&[String]>,
        username: Option<&str>,
    ) -> Result<(), AwsError> {
        self.eks_w
            .update_access_entry()
            .cluster_name(cluster)
            .principal_arn(principal)
            .set_kubernetes_groups(groups.map(<[String]>::to_vec))
            .set_username(username.map(str::to_owned))
            .send()
            .await
            .map_err(|e| eks_err("UpdateAccessEntry", principal, e))?;
        Ok(())
    }

    async fn delete_access_entry(&self, cluster: &str, principal: &str) -> Result<(), AwsError> {
        let deleted = self
            .eks_w
            .delete_access_entry()
            .cluster_name(cluster)
            .principal_arn(principal)
            .send()
            .await;
        gone_is_fine(
            deleted
                .map(drop)
                .map_err(|e| eks_err("DeleteAccessEntry", principal, e)),
        )
    }

    async fn associate_access_policy(
        &self,
        cluster: &str,
        principal: &str,
        policy_arn: &str,
        scope: &AccessScope,
    ) -> Result<(), AwsError> {
        let scope = match scope {
            AccessScope::Cluster => AccessScopeBuilder::default().r#type(AccessScopeType::Cluster),
            AccessScope::Namespaces(ns) => AccessScopeBuilder::default()
                .r#type(AccessScopeType::Namespace)
                .set_namespaces(Some(ns.clone())),
        }
        .build();
        self.eks_w
            .associate_access_policy()
            .cluster_name(cluster)
            .principal_arn(principal)
            .policy_arn(policy_arn)
            .access_scope(scope)
            .send()
            .await
            .map_err(|e| eks_err("AssociateAccessPolicy", principal, e))?;
        Ok(())
    }

    async fn disassociate_access_policy(
        &self,
        cluster: &str,
        principal: &str,
        policy_arn: &str,
    ) -> Result<(), AwsError> {
        let removed = self
            .eks_w
            .disassociate_access_policy()
            .cluster_name(cluster)
            .principal_arn(principal)
            .policy_arn(policy_arn)
            .send()
            .await;
        gone_is_fine(
            removed
                .map(drop)
                .map_err(|e| eks_err("DisassociateAccessPolicy", principal, e)),
        )
    }
}
