//! The real connections: the AWS SDK and the cluster's API server.

use super::Connect;
use crate::aws::Aws;
use crate::error::CliError;
use crate::kube::{Access, Kube};

/// Connects to AWS with `--profile` and to the cluster as [`Access`] says.
pub struct Connector<'a> {
    pub profile: Option<&'a str>,
    pub access: Access<'a>,
    /// A client the command already made (it needed the region first), reused.
    pub aws: Option<Aws>,
    /// A cluster client the command already made (it read the cluster first), reused.
    pub kube: Option<Kube>,
}

impl Connect for Connector<'_> {
    type Aws = Aws;
    type Kube = Kube;

    async fn aws(&self, region: Option<&str>) -> Result<Aws, CliError> {
        match &self.aws {
            Some(aws) => Ok(aws.clone()),
            None => Aws::connect(region, self.profile).await,
        }
    }

    async fn kube(&self, cluster: &str, region: Option<&str>) -> Result<Kube, CliError> {
        if let Some(kube) = &self.kube {
            return Ok(kube.clone());
        }
        Kube::for_cluster(&self.access, cluster, region, self.profile).await
    }
}
