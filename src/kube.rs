//! The Kubernetes edge: a client from a kubeconfig (as kubectl finds it, or `--kubeconfig` /
//! `--context`), and the ConfigMap calls the aws-auth edit makes. k8s types stay here.

use crate::error::{CliError, ErrorKind};
use k8s_openapi::api::core::v1::ConfigMap;
use kube::api::{Api, ObjectMeta, PostParams};
use std::collections::BTreeMap;
use std::path::Path;

/// Where aws-auth lives.
pub const AWS_AUTH_NAMESPACE: &str = "kube-system";
pub const AWS_AUTH_NAME: &str = "aws-auth";

/// A connected client.
pub struct Kube {
    client: kube::Client,
}

/// The aws-auth ConfigMap as read: data, annotations and the version to write against.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AwsAuthObject {
    pub data: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
    /// `None` when the ConfigMap does not exist.
    pub resource_version: Option<String>,
    /// The object as read, so a write keeps every field eksiam does not edit (labels,
    /// `binaryData`, owner references, …).
    raw: Option<ConfigMap>,
}

/// Why a write failed.
#[derive(Debug)]
pub enum WriteError {
    /// Someone else wrote first (409): re-read and retry.
    Conflict,
    /// Anything else.
    Other(CliError),
}

fn kube_error(operation: &str, e: kube::Error) -> CliError {
    let (message, hint) = match &e {
        kube::Error::Api(status) if status.is_forbidden() => (
            format!("{operation} `{AWS_AUTH_NAMESPACE}/{AWS_AUTH_NAME}` was forbidden: {}", status.message),
            Some("the identity in the kubeconfig needs RBAC permission to get, create and update configmaps in `kube-system`".to_owned()),
        ),
        kube::Error::Api(status) => (
            format!("{operation} `{AWS_AUTH_NAMESPACE}/{AWS_AUTH_NAME}` failed: {} ({} {})", status.message, status.code, status.reason),
            None,
        ),
        other => (
            format!("{operation} `{AWS_AUTH_NAMESPACE}/{AWS_AUTH_NAME}` failed: {other}"),
            Some("check that the cluster's API server is reachable with the kubeconfig in use (`--kubeconfig`, `--context`)".to_owned()),
        ),
    };
    CliError {
        kind: ErrorKind::Remote,
        message,
        hint,
    }
}

impl Kube {
    /// Connects as kubectl would: `kubeconfig` or `KUBECONFIG` or `~/.kube/config`, with
    /// `context` or the current context.
    ///
    /// # Errors
    /// When no usable kubeconfig is found.
    pub async fn connect(
        kubeconfig: Option<&Path>,
        context: Option<&str>,
    ) -> Result<Kube, CliError> {
        let options = kube::config::KubeConfigOptions {
            context: context.map(str::to_owned),
            ..Default::default()
        };
        let fail = |e: String| CliError {
            kind: ErrorKind::InvalidInput,
            message: format!("cannot use the kubeconfig: {e}"),
            hint: Some(
                "pass `--kubeconfig PATH` (and `--context NAME`), or set `KUBECONFIG`".into(),
            ),
        };
        let config = match kubeconfig {
            Some(path) => {
                let file =
                    kube::config::Kubeconfig::read_from(path).map_err(|e| fail(e.to_string()))?;
                kube::Config::from_custom_kubeconfig(file, &options).await
            }
            None => kube::Config::from_kubeconfig(&options).await,
        }
        .map_err(|e| fail(e.to_string()))?;
        let client = kube::Client::try_from(config).map_err(|e| fail(e.to_string()))?;
        Ok(Kube { client })
    }

    fn api(&self) -> Api<ConfigMap> {
        Api::namespaced(self.client.clone(), AWS_AUTH_NAMESPACE)
    }

    /// Reads aws-auth (one GET).
    ///
    /// # Errors
    /// When the API server cannot be read.
    pub async fn read_aws_auth(&self) -> Result<AwsAuthObject, CliError> {
        let cm = self
            .api()
            .get_opt(AWS_AUTH_NAME)
            .await
            .map_err(|e| kube_error("reading", e))?;
        Ok(match cm {
            None => AwsAuthObject::default(),
            Some(cm) => AwsAuthObject {
                data: cm.data.clone().unwrap_or_default(),
                annotations: cm.metadata.annotations.clone().unwrap_or_default(),
                resource_version: cm.metadata.resource_version.clone(),
                raw: Some(cm),
            },
        })
    }

    /// Writes aws-auth: creates it when `obj` was read as absent, else replaces it at the
    /// version it was read (optimistic concurrency).
    ///
    /// # Errors
    /// [`WriteError::Conflict`] when another writer came first.
    pub async fn write_aws_auth(&self, obj: &AwsAuthObject) -> Result<(), WriteError> {
        let mut cm = obj.raw.clone().unwrap_or_else(|| ConfigMap {
            metadata: ObjectMeta {
                name: Some(AWS_AUTH_NAME.into()),
                namespace: Some(AWS_AUTH_NAMESPACE.into()),
                ..ObjectMeta::default()
            },
            ..ConfigMap::default()
        });
        cm.metadata.annotations = (!obj.annotations.is_empty()).then(|| obj.annotations.clone());
        cm.metadata.resource_version = obj.resource_version.clone();
        cm.data = Some(obj.data.clone());
        let pp = PostParams {
            field_manager: Some("eksiam".into()),
            ..PostParams::default()
        };
        let result = match &obj.resource_version {
            None => self.api().create(&pp, &cm).await.map(|_| ()),
            Some(_) => self
                .api()
                .replace(AWS_AUTH_NAME, &pp, &cm)
                .await
                .map(|_| ()),
        };
        match result {
            Ok(()) => Ok(()),
            Err(kube::Error::Api(s)) if s.is_conflict() || s.is_already_exists() => {
                Err(WriteError::Conflict)
            }
            Err(e) => Err(WriteError::Other(kube_error("writing", e))),
        }
    }
}
