//! The executor's runner: each kind's apply, behind one call, through the clients the run
//! observed with.

use super::{Step, access_entry, aws_auth, oidc_provider, role, service_account};
use crate::aws::eks_access::EksAccessApi;
use crate::aws::{IamApi, OidcApi};
use crate::error::CliError;
use crate::exec::Runner;
use crate::kube::{AwsAuthObject, KubeApi};
use crate::plan::Action;

/// Applies through the clients the run observed with.
pub struct LiveRunner<'a, A, K> {
    pub aws: Option<&'a A>,
    pub kube: Option<&'a K>,
    pub cluster: &'a str,
    /// aws-auth as observed: the first write is made against it.
    pub aws_auth: Option<&'a AwsAuthObject>,
    /// Where the aws-auth it replaces is saved first.
    pub backup_dir: &'a std::path::Path,
}

/// A plan action without what the runner needs: the plan and the runner disagree.
fn missing(what: &str) -> CliError {
    CliError::internal(format!("cannot apply: {what}"))
}

impl<A: IamApi + OidcApi + EksAccessApi, K: KubeApi> LiveRunner<'_, A, K> {
    fn aws(&self) -> Result<&A, CliError> {
        self.aws.ok_or_else(|| missing("no AWS connection"))
    }

    fn kube(&self) -> Result<&K, CliError> {
        self.kube.ok_or_else(|| missing("no cluster connection"))
    }
}

impl<A: IamApi + OidcApi + EksAccessApi, K: KubeApi> Runner for LiveRunner<'_, A, K> {
    async fn run(&self, actions: &[&Action]) -> Result<Vec<String>, CliError> {
        let a = actions.first().ok_or_else(|| missing("an empty node"))?;
        let one = |msg: String| vec![format!("{}: {msg}", a.id)];
        match &a.step {
            Step::OidcProvider(s) => {
                let lines = oidc_provider::live::apply(self.aws()?, s, a.target.as_deref()).await?;
                Ok(lines.into_iter().flat_map(one).collect())
            }
            Step::Role(s) => Ok(one(role::live::apply_role(self.aws()?, s).await?)),
            Step::PolicyAttachment(s) => {
                Ok(one(role::live::apply_attachment(self.aws()?, s).await?))
            }
            Step::InlinePolicy(s) => Ok(one(role::live::apply_inline(self.aws()?, s).await?)),
            Step::Namespace(s) => Ok(one(
                service_account::live::apply_namespace(self.kube()?, s).await?
            )),
            Step::ServiceAccount(s) => {
                Ok(one(service_account::live::apply(self.kube()?, s).await?))
            }
            Step::AccessEntry(s) => Ok(one(access_entry::live::apply_entry(
                self.aws()?,
                self.cluster,
                s,
            )
            .await?)),
            Step::AccessPolicy(s) => Ok(one(access_entry::live::apply_policy(
                self.aws()?,
                self.cluster,
                s,
            )
            .await?)),
            Step::AuthenticationMode(s) => Ok(one(access_entry::live::apply_mode(
                self.aws()?,
                self.cluster,
                s,
            )
            .await?)),
            Step::AwsAuth(s) => {
                let first = self
                    .aws_auth
                    .cloned()
                    .ok_or_else(|| missing("aws-auth was not observed"))?;
                aws_auth::live::apply(
                    self.kube()?,
                    self.cluster,
                    &s.request,
                    first,
                    self.backup_dir,
                )
                .await
            }
        }
    }
}
