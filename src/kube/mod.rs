//! The Kubernetes edge: a client from a kubeconfig (as kubectl finds it, or `--kubeconfig` /
//! `--context`), and the ConfigMap calls the aws-auth edit makes. k8s types stay here.

mod client;
mod watch;

pub use watch::{ServiceAccounts, WatchItem};

use crate::error::{CliError, ErrorKind};
use k8s_openapi::api::core::v1::ConfigMap;
use kube::api::{Api, ObjectMeta, PostParams};
use std::collections::BTreeMap;
use std::path::Path;

/// Namespaces by name, each with the annotations that restrict the roles it may use.
pub type Namespaces = BTreeMap<String, BTreeMap<String, String>>;

/// Where aws-auth lives.
pub const AWS_AUTH_NAMESPACE: &str = "kube-system";
pub const AWS_AUTH_NAME: &str = "aws-auth";

/// A connected client.
#[derive(Clone)]
pub struct Kube {
    client: kube::Client,
    /// Namespaces and ServiceAccounts the command read already: the pipeline's reads are
    /// answered from them instead of listing again (see [`Kube::having_read`]).
    read: Option<std::sync::Arc<(Namespaces, ServiceAccounts)>>,
}

impl Kube {
    /// This client, answering [`KubeApi::namespaces`] and [`KubeApi::service_accounts`] with
    /// what the command has just listed (one LIST each per run, not two).
    pub fn having_read(&self, namespaces: Namespaces, service_accounts: ServiceAccounts) -> Kube {
        Kube {
            client: self.client.clone(),
            read: Some(std::sync::Arc::new((namespaces, service_accounts))),
        }
    }
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
            Some("the identity in the kubeconfig needs RBAC permission to get, create and update the configmap `aws-auth` in `kube-system` (`eksiam rbac` prints the rules)".to_owned()),
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
        source: Some(Box::new(e)),
    }
}

/// How to reach the cluster, resolved from the command line and the environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct Access<'a> {
    /// `--kubeconfig`.
    pub kubeconfig: Option<&'a Path>,
    /// `--context`.
    pub context: Option<&'a str>,
    /// Whether `KUBECONFIG` is set (to something).
    pub kubeconfig_from_env: bool,
    /// `--skip-endpoint-check`.
    pub skip_endpoint_check: bool,
    /// `--in-cluster`: the pod's own ServiceAccount, as a controller in the cluster reaches
    /// its API server.
    pub in_cluster: bool,
}

/// Whether two API server URLs name the same endpoint: scheme, host (any case) and port
/// (443 when absent), ignoring a trailing `/`.
fn same_endpoint(a: &str, b: &str) -> bool {
    let parts = |u: &str| {
        let uri: http::Uri = u.trim_end_matches('/').parse().ok()?;
        Some((
            uri.scheme_str()?.to_ascii_lowercase(),
            uri.host()?.to_ascii_lowercase(),
            uri.port_u16().unwrap_or(443),
            uri.path().trim_end_matches('/').to_owned(),
        ))
    };
    matches!((parts(a), parts(b)), (Some(x), Some(y)) if x == y)
}

/// Refuses a `--context` the kubeconfig (`which`, for the message) does not have, naming the
/// ones it has.
fn known_context(
    file: &kube::config::Kubeconfig,
    context: Option<&str>,
    which: &str,
) -> Result<(), CliError> {
    let Some(wanted) = context else {
        return Ok(());
    };
    if file.contexts.iter().any(|c| c.name == wanted) {
        return Ok(());
    }
    let names: Vec<String> = file
        .contexts
        .iter()
        .map(|c| format!("`{}`", c.name))
        .collect();
    Err(CliError {
        kind: ErrorKind::InvalidInput,
        message: format!("the kubeconfig {which} has no context `{wanted}` (`--context`)"),
        hint: Some(if names.is_empty() {
            "it has no contexts at all: add one (`kubectl config set-context`), or leave out `--context`".into()
        } else {
            format!("pass one it has: {}", names.join(", "))
        }),
        source: None,
    })
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
            source: None,
        };
        let config = match kubeconfig {
            Some(path) => {
                let file = kube::config::Kubeconfig::read_from(path).map_err(|e| CliError {
                    kind: ErrorKind::InvalidInput,
                    message: format!(
                        "cannot read the kubeconfig `{}` (`--kubeconfig`): {}",
                        path.display(),
                        crate::error::root_cause(&e)
                    ),
                    hint: Some("check the path given to `--kubeconfig`".into()),
                    source: None,
                })?;
                known_context(&file, context, &format!("`{}`", path.display()))?;
                kube::Config::from_custom_kubeconfig(file, &options).await
            }
            None => {
                // Read here only to name the contexts it has when `--context` is not one.
                if context.is_some()
                    && let Ok(file) = kube::config::Kubeconfig::read()
                {
                    known_context(
                        &file,
                        context,
                        "in use (`KUBECONFIG`, else `~/.kube/config`)",
                    )?;
                }
                kube::Config::from_kubeconfig(&options).await
            }
        }
        .map_err(|e| fail(e.to_string()))?;
        let client = client::build(config).map_err(|e| fail(e.to_string()))?;
        Ok(Kube { client, read: None })
    }

    /// Connects without a kubeconfig: endpoint and CA from `eks:DescribeCluster`, and an EKS
    /// bearer token presigned with the AWS credentials.
    ///
    /// # Errors
    /// AWS failures, a cluster without an endpoint, or no credentials.
    pub async fn connect_eks(aws: &crate::aws::Aws, cluster: &str) -> Result<Kube, CliError> {
        use crate::aws::OidcApi as _;
        use base64::Engine as _;
        let desc = aws.describe_cluster(cluster).await.map_err(|e| {
            let mut err = CliError::from(e);
            err.hint = Some(format!(
                "{}; or reach the cluster with `--kubeconfig`",
                err.hint.unwrap_or_else(|| "check the AWS settings".into())
            ));
            err
        })?;
        let bad = |what: String| {
            CliError {
            kind: ErrorKind::Remote,
            message: format!("cannot reach cluster `{cluster}`: {what}"),
            hint: Some("check the cluster's status with `aws eks describe-cluster`, or pass `--kubeconfig`".into()),
            source: None,
        }
        };
        let endpoint = desc
            .endpoint
            .clone()
            .ok_or_else(|| bad("it has no API endpoint yet".into()))?;
        let uri: http::Uri = endpoint
            .parse()
            .map_err(|e| bad(format!("bad endpoint `{endpoint}`: {e}")))?;
        let mut config = kube::Config::new(uri);
        if let Some(ca) = &desc.certificate_authority {
            let pem = base64::engine::general_purpose::STANDARD
                .decode(ca.trim())
                .map_err(|e| bad(format!("its certificate authority is not base64: {e}")))?;
            use rustls::pki_types::{CertificateDer, pem::PemObject as _};
            let ders: Vec<Vec<u8>> = CertificateDer::pem_slice_iter(&pem)
                .filter_map(Result::ok)
                .map(|c| c.to_vec())
                .collect();
            if ders.is_empty() {
                return Err(bad("its certificate authority holds no certificate".into()));
            }
            config.root_cert = Some(ders);
        }
        let token = aws.eks_token(cluster).await?;
        config.auth_info.token = Some(secrecy::SecretString::from(token.expose().to_owned()));
        let client = client::build(config).map_err(|e| bad(e.to_string()))?;
        Ok(Kube { client, read: None })
    }

    /// Reaches cluster `cluster` as `access` says: with `--kubeconfig`/`--context`, as kubectl
    /// would; else, when `KUBECONFIG` is set, with its current context, but only when that
    /// context's server is the endpoint `eks:DescribeCluster` reports for the cluster (unless
    /// told it is the same cluster behind another address); else without any kubeconfig,
    /// with an EKS token.
    ///
    /// # Errors
    /// No usable kubeconfig, a `KUBECONFIG` that points at another cluster, or AWS failures.
    pub async fn for_cluster(
        access: &Access<'_>,
        cluster: &str,
        region: Option<&str>,
        profile: Option<&str>,
    ) -> Result<Kube, CliError> {
        if access.in_cluster {
            return Kube::connect_in_cluster();
        }
        if access.kubeconfig.is_some() || access.context.is_some() {
            return Kube::connect(access.kubeconfig, access.context).await;
        }
        let aws = crate::aws::Aws::connect(region, profile).await?;
        if access.kubeconfig_from_env {
            return Kube::connect_env_checked(&aws, cluster, access.skip_endpoint_check).await;
        }
        Kube::connect_eks(&aws, cluster).await
    }

    /// Connects as the pod this process runs in: `KUBERNETES_SERVICE_HOST`/`_PORT`, and the
    /// ServiceAccount token and CA mounted under `/var/run/secrets/kubernetes.io/serviceaccount`
    /// (the token is read again as the kubelet rotates it).
    ///
    /// # Errors
    /// Not in a pod: the variables or the mounted files are missing.
    pub fn connect_in_cluster() -> Result<Kube, CliError> {
        let fail = |e: String| {
            CliError {
            kind: ErrorKind::InvalidInput,
            message: format!("`--in-cluster`: cannot use the pod's ServiceAccount: {e}"),
            hint: Some(
                "run in a pod with a ServiceAccount token mounted (`automountServiceAccountToken`), or reach the cluster with `--kubeconfig` or an EKS token instead"
                    .into(),
            ),
            source: None,
        }
        };
        let config = kube::Config::incluster().map_err(|e| fail(e.to_string()))?;
        let client = client::build(config).map_err(|e| fail(e.to_string()))?;
        Ok(Kube { client, read: None })
    }

    /// Connects with `KUBECONFIG`'s current context after checking that it is `cluster`.
    async fn connect_env_checked(
        aws: &crate::aws::Aws,
        cluster: &str,
        skip_endpoint_check: bool,
    ) -> Result<Kube, CliError> {
        use crate::aws::OidcApi as _;
        let config = kube::Config::from_kubeconfig(&kube::config::KubeConfigOptions::default())
            .await
            .map_err(|e| CliError {
                kind: ErrorKind::InvalidInput,
                message: format!("cannot use the kubeconfig `KUBECONFIG` names: {e}"),
                hint: Some(format!(
                    "fix it, or unset `KUBECONFIG` to reach `{cluster}` with an EKS token"
                )),
                source: None,
            })?;
        if !skip_endpoint_check {
            let endpoint = aws
                .describe_cluster(cluster)
                .await?
                .endpoint
                .unwrap_or_default();
            if !same_endpoint(&config.cluster_url.to_string(), &endpoint) {
                return Err(CliError {
                    kind: ErrorKind::InvalidInput,
                    message: format!(
                        "the current context of `KUBECONFIG` points at `{}`, but cluster `{cluster}` has the endpoint `{endpoint}`; eksiam will not change a cluster it cannot tell is `{cluster}`",
                        config.cluster_url
                    ),
                    hint: Some(format!(
                        "switch to the context of `{cluster}`, pass `--kubeconfig`/`--context`, unset `KUBECONFIG` to reach it with an EKS token, or pass `--skip-endpoint-check` if it is the same cluster behind another address"
                    )),
                    source: None,
                });
            }
        }
        let client = client::build(config).map_err(|e| CliError {
            kind: ErrorKind::InvalidInput,
            message: format!("cannot use the kubeconfig `KUBECONFIG` names: {e}"),
            hint: None,
            source: None,
        })?;
        Ok(Kube { client, read: None })
    }

    fn api(&self) -> Api<ConfigMap> {
        Api::namespaced(self.client.clone(), AWS_AUTH_NAMESPACE)
    }
}

/// Runs a Kubernetes call again after 429 Too Many Requests or a 5xx (bounded, with backoff).
async fn retrying<T, F, Fut>(mut call: F) -> Result<T, kube::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, kube::Error>>,
{
    let mut attempt = 0u32;
    loop {
        match call().await {
            Err(kube::Error::Api(s)) if (s.code == 429 || s.code >= 500) && attempt < 6 => {
                attempt += 1;
                tokio::time::sleep(std::time::Duration::from_millis(100 << attempt)).await;
            }
            other => return other,
        }
    }
}

/// Lists every object of kind `K` in the cluster and keeps what `pick` makes of each.
async fn list_all<K, T>(
    client: &kube::Client,
    what: &str,
    pick: impl Fn(K) -> Option<T>,
) -> Result<Vec<T>, CliError>
where
    K: kube::Resource<Scope = k8s_openapi::NamespaceResourceScope>
        + Clone
        + serde::de::DeserializeOwned
        + std::fmt::Debug,
    K::DynamicType: Default,
{
    let api: Api<K> = Api::all(client.clone());
    let lp = kube::api::ListParams::default();
    let list = retrying(|| api.list(&lp))
        .await
        .map_err(|e| {
            let mut err = sa_error("listing", what, e);
            if err.hint.is_some() {
                err.hint = Some(format!(
                    "the identity in the kubeconfig needs RBAC `list` on {what} in every namespace (`eksiam rbac --command 'migrate kube2iam'` prints the rules)"
                ));
            }
            err
        })?;
    Ok(list.items.into_iter().filter_map(pick).collect())
}

/// What a pod template (or a bare pod) says about the pods it makes.
fn pod_source(
    kind: &str,
    meta: ObjectMeta,
    pod_meta: Option<ObjectMeta>,
    spec: Option<k8s_openapi::api::core::v1::PodSpec>,
) -> Option<crate::rules::kube2iam::PodSource> {
    let spec = spec?;
    Some(crate::rules::kube2iam::PodSource {
        kind: kind.to_owned(),
        namespace: meta.namespace?,
        name: meta.name?,
        service_account: spec.service_account_name.filter(|s| !s.is_empty()),
        annotations: pod_meta.and_then(|m| m.annotations).unwrap_or_default(),
    })
}

impl Kube {
    /// The pod templates of every Deployment, StatefulSet, DaemonSet, Job and CronJob, and
    /// every bare Pod (Jobs and Pods that a controller owns are read through their owner).
    ///
    /// # Errors
    /// A refused or failed LIST.
    pub async fn pod_sources(&self) -> Result<Vec<crate::rules::kube2iam::PodSource>, CliError> {
        use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, StatefulSet};
        use k8s_openapi::api::batch::v1::{CronJob, Job};
        use k8s_openapi::api::core::v1::Pod;
        let c = &self.client;
        let owned = |m: &ObjectMeta| m.owner_references.as_ref().is_some_and(|o| !o.is_empty());
        let (deployments, statefulsets, daemonsets, jobs, cronjobs, pods) = tokio::join!(
            list_all(c, "deployments", |d: Deployment| {
                let t = d.spec?.template;
                pod_source("Deployment", d.metadata, t.metadata, t.spec)
            }),
            list_all(c, "statefulsets", |s: StatefulSet| {
                let t = s.spec?.template;
                pod_source("StatefulSet", s.metadata, t.metadata, t.spec)
            }),
            list_all(c, "daemonsets", |d: DaemonSet| {
                let t = d.spec?.template;
                pod_source("DaemonSet", d.metadata, t.metadata, t.spec)
            }),
            list_all(c, "jobs", |j: Job| {
                if owned(&j.metadata) {
                    return None;
                }
                let t = j.spec?.template;
                pod_source("Job", j.metadata, t.metadata, t.spec)
            }),
            list_all(c, "cronjobs", |j: CronJob| {
                let t = j.spec?.job_template.spec?.template;
                pod_source("CronJob", j.metadata, t.metadata, t.spec)
            }),
            list_all(c, "pods", |p: Pod| {
                if owned(&p.metadata) {
                    return None;
                }
                let annotations = p.metadata.annotations.clone();
                let meta = ObjectMeta {
                    annotations,
                    ..ObjectMeta::default()
                };
                pod_source("Pod", p.metadata, Some(meta), p.spec)
            }),
        );
        let mut all = deployments?;
        for more in [statefulsets?, daemonsets?, jobs?, cronjobs?, pods?] {
            all.extend(more);
        }
        Ok(all)
    }
}

/// Whether an Event reports success (`Normal`) or a problem (`Warning`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Normal,
    Warning,
}

impl Kube {
    /// Records a Kubernetes Event on ServiceAccount `ns/name` (`kubectl describe sa` shows
    /// it), from the component `eksiam`. A repeat (the same type, reason and message on the
    /// same ServiceAccount) is counted on the Event already there, as Kubernetes' own
    /// recorders do: its name is derived from what it says, and a create that finds it
    /// raises its `count` and `lastTimestamp` instead.
    ///
    /// # Errors
    /// A refused or failed create or update.
    pub async fn record_event(
        &self,
        ns: &str,
        name: &str,
        kind: EventType,
        reason: &str,
        message: &str,
    ) -> Result<(), CliError> {
        use k8s_openapi::api::core::v1::{Event, EventSource, ObjectReference};
        use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
        let now = Time(k8s_openapi::jiff::Timestamp::now());
        let event = Event {
            metadata: ObjectMeta {
                name: Some(event_name(name, kind, reason, message)),
                namespace: Some(ns.to_owned()),
                ..ObjectMeta::default()
            },
            involved_object: ObjectReference {
                api_version: Some("v1".into()),
                kind: Some("ServiceAccount".into()),
                namespace: Some(ns.to_owned()),
                name: Some(name.to_owned()),
                ..ObjectReference::default()
            },
            reason: Some(reason.to_owned()),
            message: Some(message.to_owned()),
            type_: Some(format!("{kind:?}")),
            source: Some(EventSource {
                component: Some(crate::desired::MANAGER.to_owned()),
                host: None,
            }),
            reporting_component: Some(crate::desired::MANAGER.to_owned()),
            first_timestamp: Some(now.clone()),
            last_timestamp: Some(now),
            count: Some(1),
            ..Event::default()
        };
        let api: Api<Event> = Api::namespaced(self.client.clone(), ns);
        let pp = PostParams::default();
        let failed = |e| {
            sa_error(
                "recording an event on serviceaccount",
                &format!("{ns}/{name}"),
                e,
            )
        };
        match retrying(|| api.create(&pp, &event)).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(s)) if s.code == 409 => {
                let id = event.metadata.name.clone().unwrap_or_default();
                let seen = retrying(|| api.get(&id)).await.map_err(failed)?;
                let patch = serde_json::json!({
                    "count": seen.count.unwrap_or(1) + 1,
                    "lastTimestamp": event.last_timestamp,
                });
                let (pp, patch) = (
                    kube::api::PatchParams::default(),
                    kube::api::Patch::Merge(&patch),
                );
                retrying(|| api.patch(&id, &pp, &patch))
                    .await
                    .map(|_| ())
                    .map_err(failed)
            }
            Err(e) => Err(failed(e)),
        }
    }
}

/// The name of the Event saying `reason` and `message` on ServiceAccount `name`: the same for
/// a repeat, so that it is counted on one Event. (A DNS subdomain: the name, shortened, and
/// 16 hex digits of a SHA-256 of the rest.)
fn event_name(name: &str, kind: EventType, reason: &str, message: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{kind:?}\n{reason}\n{message}").as_bytes());
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let head: String = name.chars().take(200).collect();
    format!("{}.{hash}", head.trim_end_matches(['.', '-']))
}

fn sa_error(operation: &str, target: &str, e: kube::Error) -> CliError {
    let (message, hint) = match &e {
        kube::Error::Api(s) if s.is_forbidden() => (
            format!("{operation} `{target}` was forbidden: {}", s.message),
            Some("the identity in the kubeconfig needs RBAC permission on namespaces and serviceaccounts (`eksiam rbac` prints the rules)".to_owned()),
        ),
        kube::Error::Api(s) => (format!("{operation} `{target}` failed: {} ({} {})", s.message, s.code, s.reason), None),
        other => (format!("{operation} `{target}` failed: {other}"), None),
    };
    CliError {
        kind: ErrorKind::Remote,
        message,
        hint,
        source: Some(Box::new(e)),
    }
}

impl KubeApi for Kube {
    /// Reads aws-auth (one GET).
    ///
    /// # Errors
    /// When the API server cannot be read.
    async fn read_aws_auth(&self) -> Result<AwsAuthObject, CliError> {
        let api = self.api();
        let cm = retrying(|| api.get_opt(AWS_AUTH_NAME))
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
    async fn write_aws_auth(&self, obj: &AwsAuthObject) -> Result<(), WriteError> {
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
        // Retrying is safe: the write is conditional on what was read, so a retry of a write
        // that landed but lost its answer gets a conflict, and the caller re-reads.
        let api = self.api();
        let result = match &obj.resource_version {
            None => retrying(|| api.create(&pp, &cm)).await.map(|_| ()),
            Some(_) => retrying(|| api.replace(AWS_AUTH_NAME, &pp, &cm))
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

    /// All namespaces (one LIST), with the annotations that restrict the roles they may use
    /// (`rules::namespace_roles::ANNOTATIONS`).
    ///
    /// # Errors
    /// When the API server refuses or cannot be reached.
    async fn namespaces(&self) -> Result<Namespaces, CliError> {
        if let Some(read) = &self.read {
            return Ok(read.0.clone());
        }
        let api: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(self.client.clone());
        let lp = kube::api::ListParams::default();
        let list = retrying(|| api.list(&lp))
            .await
            .map_err(|e| sa_error("listing", "namespaces", e))?;
        Ok(list
            .items
            .into_iter()
            .filter_map(|n| {
                let mut annotations = n.metadata.annotations.unwrap_or_default();
                annotations.retain(|k, _| {
                    crate::rules::namespace_roles::ANNOTATIONS.contains(&k.as_str())
                });
                Some((n.metadata.name?, annotations))
            })
            .collect())
    }

    /// ServiceAccounts of `namespaces`: one cluster-wide LIST, or one LIST per namespace when
    /// RBAC allows only that.
    ///
    /// # Errors
    /// When neither is allowed.
    async fn service_accounts(
        &self,
        namespaces: &[String],
    ) -> Result<BTreeMap<(String, String), crate::observed::ObservedServiceAccount>, CliError> {
        use k8s_openapi::api::core::v1::ServiceAccount;
        let wanted: std::collections::BTreeSet<&String> = namespaces.iter().collect();
        if let Some(read) = &self.read {
            let mut sas = read.1.clone();
            sas.retain(|(ns, _), _| wanted.contains(ns));
            return Ok(sas);
        }
        let all: Api<ServiceAccount> = Api::all(self.client.clone());
        let lp = kube::api::ListParams::default();
        let items = match retrying(|| all.list(&lp)).await {
            Ok(list) => list.items,
            Err(kube::Error::Api(s)) if s.is_forbidden() => {
                let mut items = Vec::new();
                for ns in &wanted {
                    let api: Api<ServiceAccount> = Api::namespaced(self.client.clone(), ns);
                    match retrying(|| api.list(&lp)).await {
                        Ok(list) => items.extend(list.items),
                        Err(kube::Error::Api(s)) if s.is_not_found() => {}
                        Err(e) => return Err(sa_error("listing serviceaccounts in", ns, e)),
                    }
                }
                items
            }
            Err(e) => return Err(sa_error("listing", "serviceaccounts", e)),
        };
        Ok(items
            .into_iter()
            .filter_map(|sa| {
                let ns = sa.metadata.namespace?;
                let name = sa.metadata.name?;
                wanted.contains(&ns).then(|| {
                    (
                        (ns, name),
                        crate::observed::ObservedServiceAccount {
                            labels: sa.metadata.labels.unwrap_or_default(),
                            annotations: sa.metadata.annotations.unwrap_or_default(),
                        },
                    )
                })
            })
            .collect())
    }

    /// Creates a namespace with `labels`; an existing one is fine.
    ///
    /// # Errors
    /// API failures.
    async fn create_namespace(
        &self,
        name: &str,
        labels: &BTreeMap<String, String>,
    ) -> Result<(), CliError> {
        let api: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(self.client.clone());
        let ns = k8s_openapi::api::core::v1::Namespace {
            metadata: ObjectMeta {
                name: Some(name.into()),
                labels: Some(labels.clone()),
                ..ObjectMeta::default()
            },
            ..Default::default()
        };
        let pp = PostParams::default();
        match retrying(|| api.create(&pp, &ns)).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(s)) if s.is_already_exists() => Ok(()),
            Err(e) => Err(sa_error("creating namespace", name, e)),
        }
    }

    /// Creates a ServiceAccount, or when it appeared meanwhile, merge-patches the same metadata.
    ///
    /// # Errors
    /// API failures.
    async fn create_service_account(
        &self,
        ns: &str,
        name: &str,
        labels: &BTreeMap<String, String>,
        annotations: &BTreeMap<String, String>,
    ) -> Result<(), CliError> {
        use k8s_openapi::api::core::v1::ServiceAccount;
        let api: Api<ServiceAccount> = Api::namespaced(self.client.clone(), ns);
        let sa = ServiceAccount {
            metadata: ObjectMeta {
                name: Some(name.into()),
                namespace: Some(ns.into()),
                labels: Some(labels.clone()),
                annotations: Some(annotations.clone()),
                ..ObjectMeta::default()
            },
            ..Default::default()
        };
        let pp = PostParams::default();
        match retrying(|| api.create(&pp, &sa)).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(s)) if s.is_already_exists() => {
                let set = |m: &BTreeMap<String, String>| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), Some(v.clone())))
                        .collect()
                };
                self.patch_service_account(ns, name, &set(labels), &set(annotations))
                    .await
            }
            Err(e) => Err(sa_error(
                "creating serviceaccount",
                &format!("{ns}/{name}"),
                e,
            )),
        }
    }

    /// A JSON merge patch of a ServiceAccount's labels and annotations (`None` removes a key).
    /// Only those keys are touched; the object is never replaced.
    ///
    /// # Errors
    /// API failures.
    async fn patch_service_account(
        &self,
        ns: &str,
        name: &str,
        labels: &BTreeMap<String, Option<String>>,
        annotations: &BTreeMap<String, Option<String>>,
    ) -> Result<(), CliError> {
        use k8s_openapi::api::core::v1::ServiceAccount;
        let api: Api<ServiceAccount> = Api::namespaced(self.client.clone(), ns);
        let mut meta = serde_json::Map::new();
        if !labels.is_empty() {
            meta.insert("labels".into(), serde_json::json!(labels));
        }
        if !annotations.is_empty() {
            meta.insert("annotations".into(), serde_json::json!(annotations));
        }
        let patch = kube::api::Patch::Merge(serde_json::json!({"metadata": meta}));
        let pp = kube::api::PatchParams {
            field_manager: Some("eksiam".into()),
            ..Default::default()
        };
        retrying(|| api.patch(name, &pp, &patch))
            .await
            .map(|_| ())
            .map_err(|e| sa_error("patching serviceaccount", &format!("{ns}/{name}"), e))
    }

    /// Deletes a ServiceAccount; a missing one is fine.
    ///
    /// # Errors
    /// API failures.
    async fn delete_service_account(&self, ns: &str, name: &str) -> Result<(), CliError> {
        use k8s_openapi::api::core::v1::ServiceAccount;
        let api: Api<ServiceAccount> = Api::namespaced(self.client.clone(), ns);
        let dp = kube::api::DeleteParams::default();
        match retrying(|| api.delete(name, &dp)).await {
            Ok(_) => Ok(()),
            Err(kube::Error::Api(s)) if s.is_not_found() => Ok(()),
            Err(e) => Err(sa_error(
                "deleting serviceaccount",
                &format!("{ns}/{name}"),
                e,
            )),
        }
    }
}

impl AwsAuthObject {
    /// An aws-auth object that was not read from a server (`resource_version: None`: absent).
    pub fn new(
        data: BTreeMap<String, String>,
        annotations: BTreeMap<String, String>,
        resource_version: Option<String>,
    ) -> AwsAuthObject {
        AwsAuthObject {
            data,
            annotations,
            resource_version,
            raw: None,
        }
    }
}

/// The Kubernetes calls the pipeline makes: the seam between it and the API server, which
/// unit tests of the orchestration fill with an in-memory fake.
#[allow(async_fn_in_trait)]
pub trait KubeApi {
    /// Reads aws-auth (one GET).
    async fn read_aws_auth(&self) -> Result<AwsAuthObject, CliError>;
    /// Writes aws-auth against its `resourceVersion` (create when it has none).
    async fn write_aws_auth(&self, obj: &AwsAuthObject) -> Result<(), WriteError>;
    /// All namespaces, with their role-restricting annotations.
    async fn namespaces(&self) -> Result<Namespaces, CliError>;
    /// The ServiceAccounts of these namespaces.
    async fn service_accounts(
        &self,
        namespaces: &[String],
    ) -> Result<BTreeMap<(String, String), crate::observed::ObservedServiceAccount>, CliError>;
    /// Creates a namespace (an existing one is fine).
    async fn create_namespace(
        &self,
        name: &str,
        labels: &BTreeMap<String, String>,
    ) -> Result<(), CliError>;
    /// Creates a ServiceAccount.
    async fn create_service_account(
        &self,
        ns: &str,
        name: &str,
        labels: &BTreeMap<String, String>,
        annotations: &BTreeMap<String, String>,
    ) -> Result<(), CliError>;
    /// Merge-patches a ServiceAccount's labels and annotations (`None` removes one).
    async fn patch_service_account(
        &self,
        ns: &str,
        name: &str,
        labels: &BTreeMap<String, Option<String>>,
        annotations: &BTreeMap<String, Option<String>>,
    ) -> Result<(), CliError>;
    /// Deletes a ServiceAccount.
    async fn delete_service_account(&self, ns: &str, name: &str) -> Result<(), CliError>;
}

#[cfg(test)]
mod tests {
    use super::same_endpoint;

    #[test]
    fn endpoints_compare_by_scheme_host_and_port() {
        assert!(same_endpoint(
            "https://ABC.gr7.us-west-2.eks.amazonaws.com",
            "https://abc.gr7.us-west-2.eks.amazonaws.com:443/"
        ));
        assert!(same_endpoint(
            "https://127.0.0.1:6443/",
            "https://127.0.0.1:6443"
        ));
        assert!(!same_endpoint(
            "https://127.0.0.1:6443",
            "https://127.0.0.1:6444"
        ));
        assert!(!same_endpoint("https://a.example", "http://a.example"));
        assert!(!same_endpoint("https://a.example", ""));
    }
}
