//! IAM roles for service accounts: reading what exists (one `GetAccountAuthorizationDetails`
//! per 1,000 roles, or per-role reads when that is denied) and the calls that change roles.

use super::{IamApi, gone_is_fine};
use crate::aws::{Aws, AwsError};
use crate::observed::ObservedRole;
use crate::rules::policy;
use aws_sdk_iam::types::{EntityType, RoleDetail, Tag};
use std::collections::BTreeMap;

fn decode(doc: Option<&str>) -> serde_json::Value {
    doc.and_then(|d| policy::parse_document(d).ok())
        .unwrap_or(serde_json::Value::Null)
}

fn tags(t: &[Tag]) -> BTreeMap<String, String> {
    t.iter()
        .map(|t| (t.key().to_owned(), t.value().to_owned()))
        .collect()
}

fn err<E, R>(op: &'static str, resource: &str, e: aws_sdk_iam::error::SdkError<E, R>) -> AwsError
where
    E: aws_sdk_iam::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    AwsError::from_sdk(op, "iam", resource, e)
}

/// A role as `GetAccountAuthorizationDetails` describes it, keyed by its name.
fn role_from_detail(r: &RoleDetail) -> Option<(String, ObservedRole)> {
    let name = r.role_name()?.to_owned();
    let role = ObservedRole {
        arn: r.arn().unwrap_or_default().to_owned(),
        assume_role_policy: decode(r.assume_role_policy_document()),
        managed_policies: r
            .attached_managed_policies()
            .iter()
            .filter_map(|p| p.policy_arn().map(str::to_owned))
            .collect(),
        inline_policies: r
            .role_policy_list()
            .iter()
            .filter_map(|p| Some((p.policy_name()?.to_owned(), decode(p.policy_document()))))
            .collect(),
        permissions_boundary: r
            .permissions_boundary()
            .and_then(|b| b.permissions_boundary_arn().map(str::to_owned)),
        tags: tags(r.tags()),
    };
    Some((name, role))
}

impl IamApi for Aws {
    async fn paced(&self) {
        self.pacer.acquire().await;
    }

    /// Every role of the account with its policies and tags, in one call per 1,000 roles.
    ///
    /// # Errors
    /// AWS failures, including `AccessDenied` (the caller then reads roles one by one).
    async fn all_roles(&self) -> Result<BTreeMap<String, ObservedRole>, AwsError> {
        // The SDK's paginator sends the next page's `Marker` with the same `Filter` and
        // `MaxItems`, and stops when no `Marker` comes back (IAM sends one exactly when
        // `IsTruncated`) or when the same one comes back twice.
        let mut pages = self
            .iam
            .get_account_authorization_details()
            .filter(EntityType::Role)
            .max_items(1000)
            .into_paginator()
            .send();
        let mut roles = BTreeMap::new();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| err("GetAccountAuthorizationDetails", "roles", e))?;
            roles.extend(page.role_detail_list().iter().filter_map(role_from_detail));
        }
        Ok(roles)
    }

    /// One role with its policies and tags (four reads), or `None` when it does not exist.
    ///
    /// # Errors
    /// AWS failures.
    async fn role(&self, name: &str) -> Result<Option<ObservedRole>, AwsError> {
        let role = match self.iam.get_role().role_name(name).send().await {
            Ok(out) => match out.role {
                Some(r) => r,
                None => return Ok(None),
            },
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_no_such_entity_exception()) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(err("GetRole", name, e)),
        };
        let attached = self
            .iam
            .list_attached_role_policies()
            .role_name(name)
            .send()
            .await
            .map_err(|e| err("ListAttachedRolePolicies", name, e))?;
        let inline_names = self
            .iam
            .list_role_policies()
            .role_name(name)
            .send()
            .await
            .map_err(|e| err("ListRolePolicies", name, e))?;
        let mut inline = BTreeMap::new();
        for p in inline_names.policy_names() {
            let out = self
                .iam
                .get_role_policy()
                .role_name(name)
                .policy_name(p)
                .send()
                .await
                .map_err(|e| err("GetRolePolicy", name, e))?;
            inline.insert(p.clone(), decode(Some(out.policy_document())));
        }
        Ok(Some(ObservedRole {
            arn: role.arn().to_owned(),
            assume_role_policy: decode(role.assume_role_policy_document()),
            managed_policies: attached
                .attached_policies()
                .iter()
                .filter_map(|p| p.policy_arn().map(str::to_owned))
                .collect(),
            inline_policies: inline,
            permissions_boundary: role
                .permissions_boundary()
                .and_then(|b| b.permissions_boundary_arn().map(str::to_owned)),
            tags: tags(role.tags()),
        }))
    }

    /// One `GetRole`: the role's ARN with its path, or `None` when it does not exist.
    ///
    /// # Errors
    /// AWS failures.
    async fn role_arn(&self, name: &str) -> Result<Option<String>, AwsError> {
        match self.iam.get_role().role_name(name).send().await {
            Ok(out) => Ok(out.role.map(|r| r.arn)),
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_no_such_entity_exception()) =>
            {
                Ok(None)
            }
            Err(e) => Err(err("GetRole", name, e)),
        }
    }

    /// `CreateRole`; returns the ARN.
    ///
    /// # Errors
    /// AWS failures.
    async fn create_role(
        &self,
        name: &str,
        trust: &serde_json::Value,
        boundary: Option<&str>,
        role_tags: &BTreeMap<String, String>,
    ) -> Result<String, AwsError> {
        let mut req = self
            .iam_w
            .create_role()
            .role_name(name)
            .assume_role_policy_document(trust.to_string())
            .description("IAM role for Kubernetes service accounts, managed by eksiam")
            .set_permissions_boundary(boundary.map(str::to_owned));
        for (k, v) in role_tags {
            req = req.tags(
                Tag::builder()
                    .key(k)
                    .value(v)
                    .build()
                    .map_err(|e| AwsError {
                        operation: "CreateRole",
                        resource: name.to_owned(),
                        code: None,
                        message: e.to_string(),
                        hint: None,
                    })?,
            );
        }
        match req.send().await.map_err(|e| err("CreateRole", name, e)) {
            Ok(out) => Ok(out.role.map(|r| r.arn().to_owned()).unwrap_or_default()),
            // The role appeared since it was observed: most often this very call, retried
            // after its answer was lost. Adopt it when it is exactly what was asked for.
            Err(e) if e.code.as_deref() == Some("EntityAlreadyExists") => {
                match self.role(name).await? {
                    Some(r)
                        if crate::rules::policy::equivalent(&r.assume_role_policy, trust)
                            && r.permissions_boundary.as_deref() == boundary
                            && role_tags.iter().all(|(k, v)| r.tags.get(k) == Some(v)) =>
                    {
                        Ok(r.arn)
                    }
                    _ => Err(e.created_meanwhile()),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// `UpdateAssumeRolePolicy`.
    ///
    /// # Errors
    /// AWS failures.
    async fn update_trust(&self, name: &str, trust: &serde_json::Value) -> Result<(), AwsError> {
        self.iam_w
            .update_assume_role_policy()
            .role_name(name)
            .policy_document(trust.to_string())
            .send()
            .await
            .map_err(|e| err("UpdateAssumeRolePolicy", name, e))?;
        Ok(())
    }

    /// `PutRolePermissionsBoundary`, or `DeleteRolePermissionsBoundary` for `None`.
    ///
    /// # Errors
    /// AWS failures.
    async fn set_boundary(&self, name: &str, boundary: Option<&str>) -> Result<(), AwsError> {
        match boundary {
            Some(b) => self
                .iam_w
                .put_role_permissions_boundary()
                .role_name(name)
                .permissions_boundary(b)
                .send()
                .await
                .map(|_| ())
                .map_err(|e| err("PutRolePermissionsBoundary", name, e)),
            None => gone_is_fine(
                self.iam_w
                    .delete_role_permissions_boundary()
                    .role_name(name)
                    .send()
                    .await
                    .map(|_| ())
                    .map_err(|e| err("DeleteRolePermissionsBoundary", name, e)),
            ),
        }
    }

    /// `TagRole`.
    ///
    /// # Errors
    /// AWS failures.
    async fn tag_role(
        &self,
        name: &str,
        role_tags: &BTreeMap<String, String>,
    ) -> Result<(), AwsError> {
        let mut req = self.iam_w.tag_role().role_name(name);
        for (k, v) in role_tags {
            if let Ok(t) = Tag::builder().key(k).value(v).build() {
                req = req.tags(t);
            }
        }
        req.send()
            .await
            .map(|_| ())
            .map_err(|e| err("TagRole", name, e))
    }

    /// `AttachRolePolicy` / `DetachRolePolicy`.
    ///
    /// # Errors
    /// AWS failures.
    async fn attach(&self, name: &str, policy_arn: &str, attach: bool) -> Result<(), AwsError> {
        if attach {
            self.iam_w
                .attach_role_policy()
                .role_name(name)
                .policy_arn(policy_arn)
                .send()
                .await
                .map(|_| ())
                .map_err(|e| err("AttachRolePolicy", name, e))
        } else {
            gone_is_fine(
                self.iam_w
                    .detach_role_policy()
                    .role_name(name)
                    .policy_arn(policy_arn)
                    .send()
                    .await
                    .map(|_| ())
                    .map_err(|e| err("DetachRolePolicy", name, e)),
            )
        }
    }

    /// `PutRolePolicy`, or `DeleteRolePolicy` for `None`.
    ///
    /// # Errors
    /// AWS failures.
    async fn put_inline(
        &self,
        name: &str,
        policy_name: &str,
        doc: Option<&serde_json::Value>,
    ) -> Result<(), AwsError> {
        match doc {
            Some(d) => self
                .iam_w
                .put_role_policy()
                .role_name(name)
                .policy_name(policy_name)
                .policy_document(d.to_string())
                .send()
                .await
                .map(|_| ())
                .map_err(|e| err("PutRolePolicy", name, e)),
            None => gone_is_fine(
                self.iam_w
                    .delete_role_policy()
                    .role_name(name)
                    .policy_name(policy_name)
                    .send()
                    .await
                    .map(|_| ())
                    .map_err(|e| err("DeleteRolePolicy", name, e)),
            ),
        }
    }

    /// Deletes a role after detaching its managed policies and deleting its inline ones (IAM
    /// refuses to delete a role that still has policies).
    ///
    /// # Errors
    /// AWS failures.
    async fn delete_role(&self, name: &str, role: &ObservedRole) -> Result<(), AwsError> {
        for p in &role.managed_policies {
            self.attach(name, p, false).await?;
        }
        for p in role.inline_policies.keys() {
            self.put_inline(name, p, None).await?;
        }
        gone_is_fine(
            self.iam_w
                .delete_role()
                .role_name(name)
                .send()
                .await
                .map(|_| ())
                .map_err(|e| err("DeleteRole", name, e)),
        )
    }

    async fn caller_arn(&self) -> Result<String, AwsError> {
        Aws::caller_arn(self).await
    }
}
