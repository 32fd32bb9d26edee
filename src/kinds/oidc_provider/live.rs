//! Observing the cluster's issuer and its IAM OIDC provider, and carrying out the provider's
//! step, through the [`OidcApi`] seam.

use super::ProviderStep;
use crate::aws::{AwsError, ClusterDescription, NewOidcProvider, OidcApi};
use crate::desired::{MANAGER, TAG_CLUSTER, TAG_MANAGED_BY};
use crate::error::{CliError, ErrorKind};
use crate::observed::Observed;
use crate::redact::RedactedUrl;
use crate::rules::trust::AUDIENCE;
use crate::thumbprint;

/// Where the thumbprint comes from.
#[derive(Debug, Clone)]
pub enum ThumbprintSource {
    /// `--thumbprint HEX`: no network call to the issuer.
    Given(String),
    /// A TLS handshake with the issuer.
    Fetch(thumbprint::Options),
}

/// Fetches a thumbprint, turning failures into user-facing errors.
///
/// # Errors
/// Invalid input (not https, unreadable CA file) or a network/TLS failure.
pub async fn fetch_thumbprint(
    issuer: &str,
    opts: &thumbprint::Options,
) -> Result<thumbprint::Thumbprint, CliError> {
    thumbprint::fetch(issuer, opts).await.map_err(|e| CliError {
        kind: if e.is_invalid_input() {
            ErrorKind::InvalidInput
        } else {
            ErrorKind::Remote
        },
        message: format!(
            "cannot fetch the thumbprint of `{}`: {e}",
            RedactedUrl::new(issuer)
        ),
        hint: e.hint(),
        source: Some(Box::new(e)),
    })
}

/// A warning for thumbprints that do not come from a public root.
pub fn thumbprint_warning(issuer: &str, t: &thumbprint::Thumbprint) -> Option<String> {
    (!t.publicly_trusted).then(|| {
        format!(
            "the certificate chain of `{}` does not lead to a public root (a TLS-inspecting proxy?): thumbprint {} is of the certificate this network presents",
            RedactedUrl::new(issuer),
            t.sha1_hex
        )
    })
}

/// What the observation found.
pub struct Observation {
    pub cluster: ClusterDescription,
    pub observed: Observed,
    pub warnings: Vec<String>,
}

/// Reads the cluster, its OIDC provider, and the issuer's thumbprint.
///
/// # Errors
/// AWS failures, a cluster without an issuer, or a failed thumbprint fetch.
pub async fn observe(
    api: &impl OidcApi,
    cluster: &str,
    source: &ThumbprintSource,
) -> Result<Observation, CliError> {
    let desc = api.describe_cluster(cluster).await?;
    let issuer = desc.issuer.clone().ok_or_else(|| CliError {
        kind: ErrorKind::Remote,
        message: format!("cluster `{cluster}` has no OIDC issuer"),
        hint: Some(
            "EKS clusters get an issuer when they are created; check the cluster's status".into(),
        ),
        source: None,
    })?;
    let arn = issuer.provider_arn(&desc.partition, &desc.account);
    let provider = api.get_oidc_provider(&arn).await?;
    let mut warnings = Vec::new();
    let thumbprint = match source {
        ThumbprintSource::Given(t) => t.to_ascii_lowercase(),
        ThumbprintSource::Fetch(opts) => {
            let t = fetch_thumbprint(issuer.url(), opts).await?;
            warnings.extend(thumbprint_warning(issuer.url(), &t));
            t.sha1_hex
        }
    };
    let observed = Observed {
        account: Some(desc.account.clone()),
        issuer: Some(issuer),
        oidc_provider: provider,
        thumbprint: Some(thumbprint),
        ..Observed::live()
    };
    Ok(Observation {
        cluster: desc,
        observed,
        warnings,
    })
}

/// Carries out the provider's step (`target`: the provider's ARN, when known); returns what
/// was done, one line per call.
///
/// # Errors
/// The first failed AWS call, with what was done before it in the message.
pub async fn apply(
    api: &impl OidcApi,
    step: &ProviderStep,
    target: Option<&str>,
) -> Result<Vec<String>, CliError> {
    let mut done = Vec::new();
    match step {
        ProviderStep::Create {
            url,
            thumbprint,
            cluster,
        } => {
            let (Some(url), Some(thumbprint)) = (url.get(), thumbprint.get()) else {
                return Err(CliError::internal(
                    "cannot apply: the issuer or its thumbprint is not known",
                ));
            };
            let arn = create(api, url, thumbprint, cluster, target).await?;
            done.push(format!("created {arn}"));
        }
        ProviderStep::Update {
            arn,
            client_ids,
            thumbprint,
        } => {
            if client_ids.is_some() {
                api.add_client_id(arn, AUDIENCE)
                    .await
                    .map_err(|e| fail(e, &done))?;
                done.push(format!("client ID `{AUDIENCE}` added"));
            }
            if let Some((_, t)) = thumbprint {
                api.update_thumbprints(arn, std::slice::from_ref(t))
                    .await
                    .map_err(|e| fail(e, &done))?;
                done.push(format!("thumbprint set to {t}"));
            }
        }
    }
    Ok(done)
}

/// A failed call, saying what was done before it.
fn fail(e: AwsError, done: &[String]) -> CliError {
    let mut err = CliError::from(e);
    if !done.is_empty() {
        err.message = format!("{}\nalready done: {}", err.message, done.join("; "));
    }
    err
}

/// Creates the provider; returns its ARN. A provider that appeared since it was observed
/// (most often this very call, retried after its answer was lost) is adopted when it says
/// what was asked.
async fn create(
    api: &impl OidcApi,
    url: &str,
    thumbprint: &str,
    cluster: &str,
    target: Option<&str>,
) -> Result<String, CliError> {
    let created = api
        .create_oidc_provider(&NewOidcProvider {
            url: url.to_owned(),
            client_ids: vec![AUDIENCE.into()],
            thumbprints: vec![thumbprint.to_owned()],
            tags: vec![
                (TAG_MANAGED_BY.into(), MANAGER.into()),
                (TAG_CLUSTER.into(), cluster.to_owned()),
            ],
        })
        .await;
    match (created, target) {
        (Ok(arn), _) => Ok(arn),
        (Err(e), Some(arn)) if e.code.as_deref() == Some("EntityAlreadyExists") => {
            match api.get_oidc_provider(arn).await? {
                Some(p)
                    if p.client_ids.iter().any(|c| c == AUDIENCE)
                        && p.thumbprints
                            .iter()
                            .any(|t| t.eq_ignore_ascii_case(thumbprint)) =>
                {
                    Ok(p.arn)
                }
                _ => Err(e.created_meanwhile().into()),
            }
        }
        (Err(e), _) => Err(e.into()),
    }
}

/// When `plan` writes a role's trust for IRSA and the provider it names is not managed here
/// (`iam.withOIDC`, `--with-oidc`), reads that provider; a warning when it does not exist (IAM
/// refuses a trust naming a provider it does not have). Runs that write no such trust make no
/// call.
///
/// # Errors
/// The failed IAM call.
pub async fn missing_trusted(
    aws: &impl crate::aws::OidcApi,
    desired: &crate::desired::Desired,
    observed: &Observed,
    plan: &crate::plan::Plan,
) -> Result<Option<String>, CliError> {
    use crate::kinds::{Step, role::RoleStep};
    if desired.oidc_provider || observed.oidc_provider.is_some() {
        return Ok(None);
    }
    let (Some(account), Some(issuer)) = (&observed.account, &observed.issuer) else {
        return Ok(None);
    };
    // Once over the roles and once over the plan (a lookup per action, not a scan).
    let irsa: std::collections::HashSet<&str> = desired
        .roles
        .iter()
        .filter(|r| !r.subjects.is_empty())
        .map(|r| r.name.as_str())
        .collect();
    let writes_irsa_trust = plan.actions.iter().any(|a| match &a.step {
        Step::Role(RoleStep::Create { name, .. })
        | Step::Role(RoleStep::Update {
            name,
            trust: Some(_),
            ..
        }) => irsa.contains(name.as_str()),
        _ => false,
    });
    if !writes_irsa_trust {
        return Ok(None);
    }
    let arn = issuer.provider_arn(&desired.partition, account);
    crate::verbosity::say(crate::verbosity::CALLS, || {
        format!(
            "decision: a trust to be written names `{arn}`, which this run does not manage: checking that it exists"
        )
    });
    match aws.get_oidc_provider(&arn).await {
        Ok(Some(_)) => return Ok(None),
        Ok(None) => {}
        // Only a check, never needed to apply: a caller without the permission (the printed
        // policies of `reconcile` and `create iamserviceaccount` do not grant it) is not
        // failed for it.
        Err(e) if e.code.as_deref() == Some("AccessDenied") => {
            crate::verbosity::say(crate::verbosity::CALLS, || {
                format!(
                    "decision: `{arn}` could not be checked (`iam:GetOpenIDConnectProvider` is denied)"
                )
            });
            return Ok(None);
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Some(format!(
        "the roles trust the IAM OIDC provider `{arn}`, which does not exist, and this run does not create it: IAM will refuse their trust policies; create it first (`eksiam utils associate-iam-oidc-provider --cluster {}`, or `iam.withOIDC: true` in a file)",
        desired.cluster
    )))
}
