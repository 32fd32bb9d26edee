//! The AWS edge: EKS (DescribeCluster) and IAM (OIDC providers) through the AWS SDK, with the
//! SDK's standard configuration chain (`--region`, `--profile`, `AWS_ENDPOINT_URL`, …). SDK
//! types stay in this module; the rest of eksiam sees plain data and [`AwsError`]s that say
//! what failed and what to do.

pub mod eks_access;
pub mod eks_pod_identity;
pub mod eks_token;
pub mod iam;
pub mod pace;
pub mod reach;
pub mod trace;

use crate::observed::ObservedOidcProvider;
use aws_sdk_iam::error::ProvideErrorMetadata;
use std::fmt;

/// A failed AWS call: the operation, the resource, AWS's code and message, and a hint.
#[derive(Debug)]
pub struct AwsError {
    pub operation: &'static str,
    pub resource: String,
    pub code: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for AwsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of `{}` failed: ", self.operation, self.resource)?;
        if let Some(c) = &self.code {
            write!(f, "{c}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for AwsError {}

/// A failed AWS call is a failure talking to AWS (exit 1), with its hint.
impl From<AwsError> for crate::error::CliError {
    fn from(mut e: AwsError) -> Self {
        crate::error::CliError {
            kind: crate::error::ErrorKind::Remote,
            message: e.to_string(),
            hint: e.hint.take(),
            source: Some(Box::new(e)),
        }
    }
}

impl AwsError {
    pub(crate) fn from_sdk<E, R>(
        operation: &'static str,
        service: &str,
        resource: &str,
        e: aws_sdk_iam::error::SdkError<E, R>,
    ) -> AwsError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: fmt::Debug,
    {
        if let Some((message, hint)) = reach::connect_failure(&e) {
            return AwsError {
                operation,
                resource: resource.to_owned(),
                code: None,
                message,
                hint: Some(hint),
            };
        }
        let code = e.code().map(str::to_owned);
        let message = match e.message() {
            Some(m) => m.to_owned(),
            None => {
                let full = aws_sdk_iam::error::DisplayErrorContext(&e).to_string();
                if full.contains("no credentials found in chain") {
                    "no AWS credentials were found (environment, profile, web identity, container and instance metadata were tried)".to_owned()
                } else {
                    full
                }
            }
        };
        let hint = match code.as_deref() {
            Some("AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation") => Some(format!(
                "the identity eksiam runs as needs the IAM permission `{service}:{operation}`: grant it with the policy `eksiam iam-policy -f FILE` or `eksiam iam-policy --command CMD` prints"
            )),
            Some("InvalidClientTokenId" | "ExpiredToken" | "UnrecognizedClientException" | "SignatureDoesNotMatch") => Some(
                "the AWS credentials are invalid or expired: refresh them (`aws sso login`, or new keys) or choose a profile with `--profile`".into(),
            ),
            Some("Throttling" | "ThrottlingException" | "RequestLimitExceeded") => {
                Some(format!("AWS kept throttling the request: run again in a moment (another tool may share the account's quota), or allow reads more attempts with `AWS_MAX_ATTEMPTS` (eksiam makes {MAX_ATTEMPTS} unless told otherwise; writes are paced under the quota instead)"))
            }
            _ if message.contains("credentials") || message.contains("Credentials") => Some(
                "no AWS credentials found: set `AWS_PROFILE` or pass `--profile`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`".into(),
            ),
            _ if code.is_none() => Some("check network access to AWS (and `AWS_ENDPOINT_URL` if set)".into()),
            _ => None,
        };
        AwsError {
            operation,
            resource: resource.to_owned(),
            code,
            message,
            hint,
        }
    }
}

/// `Ok` when a deletion failed only because the thing is already gone (IAM's `NoSuchEntity`,
/// EKS's `ResourceNotFoundException`): one whose answer was lost and that the SDK retried, or
/// one someone else made meanwhile.
/// An EKS call's failure, naming the operation and what it was about.
pub(crate) fn eks_err<E, R>(
    op: &'static str,
    resource: &str,
    e: aws_sdk_eks::error::SdkError<E, R>,
) -> AwsError
where
    E: aws_sdk_eks::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    AwsError::from_sdk(op, "eks", resource, e)
}

/// `None` when a read failed only because the thing does not exist (EKS's
/// `ResourceNotFoundException`): the reads of access entries, associations and add-ons.
pub(crate) fn absent_if_not_found<T>(r: Result<T, AwsError>) -> Result<Option<T>, AwsError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.code.as_deref() == Some("ResourceNotFoundException") => Ok(None),
        Err(e) => Err(e),
    }
}

pub(crate) fn gone_is_fine(r: Result<(), AwsError>) -> Result<(), AwsError> {
    match r {
        Err(e)
            if matches!(
                e.code.as_deref(),
                Some("NoSuchEntity" | "ResourceNotFoundException")
            ) =>
        {
            Ok(())
        }
        other => other,
    }
}

impl AwsError {
    /// A create refused because the thing exists, and what exists is not what was asked for
    /// (so it is not this run's own write whose answer was lost).
    pub fn created_meanwhile(self) -> AwsError {
        AwsError {
            hint: Some("another writer created it meanwhile: run again to plan against it".into()),
            ..self
        }
    }
}

/// What eksiam needs to know about a cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterDescription {
    pub name: String,
    pub arn: String,
    pub account: String,
    pub partition: String,
    /// The OIDC issuer, when the cluster has one.
    pub issuer: Option<crate::rules::trust::Issuer>,
    pub endpoint: Option<String>,
    pub certificate_authority: Option<String>,
    /// `accessConfig.authenticationMode`, when EKS reports it.
    pub authentication_mode: Option<String>,
    /// `accessConfig.bootstrapClusterCreatorAdminPermissions`, when EKS reports it.
    pub bootstrap_admin: Option<bool>,
}

/// What is needed to create an OIDC provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOidcProvider {
    pub url: String,
    pub client_ids: Vec<String>,
    pub thumbprints: Vec<String>,
    pub tags: Vec<(String, String)>,
}

/// The EKS and IAM calls the OIDC association makes: a seam between the pipeline and the SDK.
#[allow(async_fn_in_trait)]
pub trait OidcApi {
    /// The region the calls go to, when the client knows it.
    fn region(&self) -> Option<String> {
        None
    }
    /// `eks:DescribeCluster`.
    async fn describe_cluster(&self, name: &str) -> Result<ClusterDescription, AwsError>;
    /// `iam:GetOpenIDConnectProvider`; `None` when it does not exist.
    async fn get_oidc_provider(&self, arn: &str) -> Result<Option<ObservedOidcProvider>, AwsError>;
    /// `iam:CreateOpenIDConnectProvider`; returns the ARN.
    async fn create_oidc_provider(&self, p: &NewOidcProvider) -> Result<String, AwsError>;
    /// `iam:UpdateOpenIDConnectProviderThumbprint`.
    async fn update_thumbprints(&self, arn: &str, thumbprints: &[String]) -> Result<(), AwsError>;
    /// `iam:AddClientIDToOpenIDConnectProvider`.
    async fn add_client_id(&self, arn: &str, client_id: &str) -> Result<(), AwsError>;
}

/// The IAM role calls the pipeline makes (and STS's who-am-I): the seam between it and the
/// SDK, which unit tests of the orchestration fill with an in-memory fake.
#[allow(async_fn_in_trait)]
pub trait IamApi {
    /// Waits until the next write may start (AWS's write quota; see [`pace`]). Nothing to
    /// wait for by default.
    async fn paced(&self) {}
    /// Every role of the account with its policies (GetAccountAuthorizationDetails, paged).
    async fn all_roles(
        &self,
    ) -> Result<std::collections::BTreeMap<String, crate::observed::ObservedRole>, AwsError>;
    /// One role with its policies; `None` when it does not exist.
    async fn role(&self, name: &str) -> Result<Option<crate::observed::ObservedRole>, AwsError>;
    /// A role's ARN, with its path; `None` when it does not exist. By default read with the
    /// role; the SDK adapter makes one `GetRole`.
    async fn role_arn(&self, name: &str) -> Result<Option<String>, AwsError> {
        Ok(self.role(name).await?.map(|r| r.arn))
    }
    /// Creates a role; returns its ARN.
    async fn create_role(
        &self,
        name: &str,
        trust: &serde_json::Value,
        boundary: Option<&str>,
        tags: &std::collections::BTreeMap<String, String>,
    ) -> Result<String, AwsError>;
    /// Replaces a role's trust policy.
    async fn update_trust(&self, name: &str, trust: &serde_json::Value) -> Result<(), AwsError>;
    /// Sets (or with `None` removes) a role's permissions boundary.
    async fn set_boundary(&self, name: &str, boundary: Option<&str>) -> Result<(), AwsError>;
    /// Adds or overwrites tags.
    async fn tag_role(
        &self,
        name: &str,
        tags: &std::collections::BTreeMap<String, String>,
    ) -> Result<(), AwsError>;
    /// Attaches (or detaches) a managed policy.
    async fn attach(&self, name: &str, policy_arn: &str, attach: bool) -> Result<(), AwsError>;
    /// Puts (or with `None` deletes) an inline policy.
    async fn put_inline(
        &self,
        name: &str,
        policy_name: &str,
        doc: Option<&serde_json::Value>,
    ) -> Result<(), AwsError>;
    /// Deletes a role and the policies it was seen with.
    async fn delete_role(
        &self,
        name: &str,
        role: &crate::observed::ObservedRole,
    ) -> Result<(), AwsError>;
    /// The ARN of the identity the calls are made as.
    async fn caller_arn(&self) -> Result<String, AwsError>;
}

/// Every AWS call the pipeline makes, as one bound: a new adapter trait joins it here.
pub trait AwsApi:
    IamApi + OidcApi + eks_access::EksAccessApi + eks_pod_identity::PodIdentityApi
{
}

impl<T: IamApi + OidcApi + eks_access::EksAccessApi + eks_pod_identity::PodIdentityApi> AwsApi
    for T
{
}

/// SDK clients for one region (cheap to clone: the clients share their connections).
#[derive(Clone)]
pub struct Aws {
    config: aws_config::SdkConfig,
    pub(crate) eks: aws_sdk_eks::Client,
    pub(crate) iam: aws_sdk_iam::Client,
    /// The clients writes go through: paced, and throttles not retried by the SDK (see
    /// [`pace`]).
    pub(crate) eks_w: aws_sdk_eks::Client,
    pub(crate) iam_w: aws_sdk_iam::Client,
    /// The region in use.
    pub region: String,
    /// The pace of this run's writes (shared by the clones).
    pacer: std::sync::Arc<pace::Pacer>,
    /// A cluster the command described already (name, description): `describe_cluster` of it
    /// answers from here instead of asking again (see [`Aws::having_described`]).
    described: Option<std::sync::Arc<(String, ClusterDescription)>>,
}

/// Attempts per AWS call (first try and retries) when the user did not choose a number.
pub const MAX_ATTEMPTS: u32 = 10;
const DEFAULT_SDK_ATTEMPTS: u32 = 3;

impl Aws {
    /// Loads the AWS configuration (SDK chain; `region` and `profile` override it).
    ///
    /// # Errors
    /// When no region can be found.
    pub async fn connect(
        region: Option<&str>,
        profile: Option<&str>,
    ) -> Result<Aws, crate::error::CliError> {
        let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest());
        if let Some(p) = profile {
            loader = loader.profile_name(p);
        }
        if let Some(r) = region {
            loader = loader.region(aws_config::Region::new(r.to_owned()));
        }
        let mut config = loader.load().await;
        // IAM throttles bulk writes readily: more attempts than the SDK's 3, unless the user
        // chose a number (`AWS_MAX_ATTEMPTS`, or a profile's `max_attempts` other than 3).
        // The mode (`AWS_RETRY_MODE`, a profile's `retry_mode`) is kept.
        if std::env::var_os("AWS_MAX_ATTEMPTS").is_none()
            && config
                .retry_config()
                .is_none_or(|r| r.max_attempts() == DEFAULT_SDK_ATTEMPTS)
        {
            let retry = match config.retry_config().map(|r| r.mode()) {
                Some(aws_config::retry::RetryMode::Adaptive) => {
                    aws_config::retry::RetryConfig::adaptive()
                }
                _ => aws_config::retry::RetryConfig::standard(),
            };
            config = config
                .into_builder()
                .retry_config(retry.with_max_attempts(MAX_ATTEMPTS))
                .build();
        }
        let Some(region) = config.region().map(|r| r.to_string()) else {
            return Err(crate::error::CliError::input(
                "no AWS region is configured",
                "pass `--region` or set `AWS_REGION` (with `-f FILE`, `metadata.region` in the file also counts)",
            ));
        };
        let pacer = pace::Pacer::new();
        let feedback = pace::Feedback(pacer.clone());
        let unreachable = reach::Unreachable::new(&reach::endpoint_for_messages(
            config.endpoint_url(),
            &region,
        ));
        Ok(Aws {
            eks: aws_sdk_eks::Client::from_conf(
                aws_sdk_eks::config::Builder::from(&config)
                    .interceptor(trace::Trace)
                    .retry_classifier(unreachable.clone())
                    .build(),
            ),
            iam: aws_sdk_iam::Client::from_conf(
                aws_sdk_iam::config::Builder::from(&config)
                    .interceptor(trace::Trace)
                    .retry_classifier(unreachable.clone())
                    .build(),
            ),
            eks_w: aws_sdk_eks::Client::from_conf(
                aws_sdk_eks::config::Builder::from(&config)
                    .interceptor(trace::Trace)
                    .interceptor(feedback.clone())
                    .retry_classifier(pace::NoThrottleRetry)
                    .retry_classifier(unreachable.clone())
                    .build(),
            ),
            iam_w: aws_sdk_iam::Client::from_conf(
                aws_sdk_iam::config::Builder::from(&config)
                    .interceptor(trace::Trace)
                    .interceptor(feedback)
                    .retry_classifier(pace::NoThrottleRetry)
                    .retry_classifier(unreachable)
                    .build(),
            ),
            pacer,
            described: None,
            config,
            region,
        })
    }

    /// The ARN of the identity the calls are made as (`sts:GetCallerIdentity`, which needs
    /// no permission).
    ///
    /// # Errors
    /// No or invalid credentials, or STS unreachable.
    pub async fn caller_arn(&self) -> Result<String, AwsError> {
        let sts = aws_sdk_sts::config::Builder::from(&self.config)
            .interceptor(trace::Trace)
            .build();
        let out = aws_sdk_sts::Client::from_conf(sts)
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| AwsError::from_sdk("GetCallerIdentity", "sts", "the caller", e))?;
        Ok(out.arn.unwrap_or_default())
    }

    /// An EKS bearer token for `cluster`, presigned with the configured credentials.
    ///
    /// # Errors
    /// When no credentials can be found.
    pub async fn eks_token(
        &self,
        cluster: &str,
    ) -> Result<crate::aws::eks_token::EksToken, crate::error::CliError> {
        use aws_credential_types::provider::ProvideCredentials as _;
        let no_creds = |detail: String| {
            crate::error::CliError {
            kind: crate::error::ErrorKind::Remote,
            message: format!("cannot make a token for cluster `{cluster}`: {detail}"),
            hint: Some("no AWS credentials found: set `AWS_PROFILE` or pass `--profile`, or set `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`; or reach the cluster with `--kubeconfig`".into()),
            source: None,
        }
        };
        let provider = self
            .config
            .credentials_provider()
            .ok_or_else(|| no_creds("no credentials provider is configured".into()))?;
        let creds = provider
            .provide_credentials()
            .await
            .map_err(|e| no_creds(aws_sdk_iam::error::DisplayErrorContext(&e).to_string()))?;
        crate::aws::eks_token::presign(cluster, &self.region, &creds, std::time::SystemTime::now())
            .map_err(no_creds)
    }
}

impl Aws {
    /// These clients, answering `describe_cluster(name)` with `description`, which the
    /// command has just read (one `DescribeCluster` per run, not two).
    pub fn having_described(&self, name: &str, description: ClusterDescription) -> Aws {
        Aws {
            described: Some(std::sync::Arc::new((name.to_owned(), description))),
            ..self.clone()
        }
    }
}

impl OidcApi for Aws {
    fn region(&self) -> Option<String> {
        Some(self.region.clone())
    }

    async fn describe_cluster(&self, name: &str) -> Result<ClusterDescription, AwsError> {
        if let Some((described, description)) = self.described.as_deref()
            && described == name
        {
            return Ok(description.clone());
        }
        let out = self.eks.describe_cluster().name(name).send().await.map_err(|e| {
            let not_found = e.as_service_error().is_some_and(|s| s.is_resource_not_found_exception());
            let mut err = AwsError::from_sdk("DescribeCluster", "eks", name, e);
            if not_found {
                err.hint = Some(format!(
                    "no EKS cluster `{name}` in region `{}`: check the name, or pass `--region`",
                    self.region
                ));
            }
            err
        })?;
        let c = out.cluster.ok_or_else(|| AwsError {
            operation: "DescribeCluster",
            resource: name.to_owned(),
            code: None,
            message: "the answer holds no cluster".into(),
            hint: None,
        })?;
        let arn = c.arn.unwrap_or_default();
        let mut parts = arn.split(':');
        let partition = parts.nth(1).unwrap_or("aws").to_owned();
        let account = parts.nth(2).unwrap_or_default().to_owned();
        let issuer = c
            .identity
            .and_then(|i| i.oidc)
            .and_then(|o| o.issuer)
            .map(|url| crate::rules::trust::Issuer::parse(&url))
            .transpose()
            .map_err(|e| AwsError {
                operation: "DescribeCluster",
                resource: name.to_owned(),
                code: None,
                message: e.to_string(),
                hint: Some("eksiam registers and trusts https issuers only; check the endpoint eksiam talks to (`AWS_ENDPOINT_URL`)".into()),
            })?;
        Ok(ClusterDescription {
            name: c.name.unwrap_or_else(|| name.to_owned()),
            arn,
            account,
            partition,
            issuer,
            authentication_mode: c
                .access_config
                .as_ref()
                .and_then(|a| a.authentication_mode())
                .map(|m| m.as_str().to_owned()),
            bootstrap_admin: c
                .access_config
                .as_ref()
                .and_then(|a| a.bootstrap_cluster_creator_admin_permissions()),
            endpoint: c.endpoint,
            certificate_authority: c.certificate_authority.and_then(|ca| ca.data),
        })
    }

    async fn get_oidc_provider(&self, arn: &str) -> Result<Option<ObservedOidcProvider>, AwsError> {
        match self
            .iam
            .get_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .send()
            .await
        {
            Ok(out) => Ok(Some(ObservedOidcProvider {
                arn: arn.to_owned(),
                client_ids: out.client_id_list.unwrap_or_default(),
                thumbprints: out.thumbprint_list.unwrap_or_default(),
            })),
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_no_such_entity_exception()) =>
            {
                Ok(None)
            }
            Err(e) => Err(AwsError::from_sdk(
                "GetOpenIDConnectProvider",
                "iam",
                arn,
                e,
            )),
        }
    }

    async fn create_oidc_provider(&self, p: &NewOidcProvider) -> Result<String, AwsError> {
        let mut req = self.iam_w.create_open_id_connect_provider().url(&p.url);
        for c in &p.client_ids {
            req = req.client_id_list(c);
        }
        for t in &p.thumbprints {
            req = req.thumbprint_list(t);
        }
        for (k, v) in &p.tags {
            let tag = aws_sdk_iam::types::Tag::builder()
                .key(k)
                .value(v)
                .build()
                .map_err(|e| AwsError {
                    operation: "CreateOpenIDConnectProvider",
                    resource: p.url.clone(),
                    code: None,
                    message: e.to_string(),
                    hint: None,
                })?;
            req = req.tags(tag);
        }
        let out = req
            .send()
            .await
            .map_err(|e| AwsError::from_sdk("CreateOpenIDConnectProvider", "iam", &p.url, e))?;
        Ok(out.open_id_connect_provider_arn.unwrap_or_default())
    }

    async fn update_thumbprints(&self, arn: &str, thumbprints: &[String]) -> Result<(), AwsError> {
        self.iam_w
            .update_open_id_connect_provider_thumbprint()
            .open_id_connect_provider_arn(arn)
            .set_thumbprint_list(Some(thumbprints.to_vec()))
            .send()
            .await
            .map_err(|e| {
                AwsError::from_sdk("UpdateOpenIDConnectProviderThumbprint", "iam", arn, e)
            })?;
        Ok(())
    }

    async fn add_client_id(&self, arn: &str, client_id: &str) -> Result<(), AwsError> {
        self.iam_w
            .add_client_id_to_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .client_id(client_id)
            .send()
            .await
            .map_err(|e| AwsError::from_sdk("AddClientIDToOpenIDConnectProvider", "iam", arn, e))?;
        Ok(())
    }
}
