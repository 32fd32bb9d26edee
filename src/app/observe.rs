//! What the plan needs to see, read from AWS and the cluster at the same time: each side is
//! connected only when the desired state needs it, and each kind reads its own part.

use super::{Connect, Settings};
use crate::aws::{ClusterDescription, OidcApi as _};
use crate::desired::Desired;
use crate::error::CliError;
use crate::kinds::{access_entry, aws_auth, oidc_provider, role};
use crate::kube::{AwsAuthObject, KubeApi};
use crate::observed::{Observed, ObservedRole, ObservedServiceAccount};
use crate::plan::DiffOptions;
use std::collections::{BTreeMap, BTreeSet};

/// Everything observed, with the clients to apply through.
pub(super) struct Seen<A, K> {
    pub aws: Option<A>,
    pub kube: Option<K>,
    pub observed: Observed,
    /// The partition the cluster's ARN names, when AWS was read.
    pub partition: Option<String>,
    /// aws-auth as read, when the plan edits it (the first write is made against it).
    pub aws_auth: Option<AwsAuthObject>,
    pub warnings: Vec<String>,
}

/// Observes AWS and the cluster as far as `desired` needs.
///
/// # Errors
/// The first failure: AWS's, then the cluster's (both sides run to the end, so the error
/// reported does not depend on which failed first).
pub(super) async fn observe<C: Connect>(
    connect: &C,
    settings: &Settings,
    desired: &Desired,
    opts: &DiffOptions,
    region: Option<&str>,
) -> Result<Seen<C::Aws, C::Kube>, CliError> {
    let prune_roles = opts.prune && desired.prune_scope.roles;
    let prune_mappings = opts.prune && desired.prune_scope.mappings;
    let prune_access = opts.prune && desired.prune_scope.access_entries;
    let (aws_side, kube_side) = tokio::join!(
        observe_aws(
            connect,
            settings,
            desired,
            region,
            (prune_roles, prune_access)
        ),
        observe_cluster(connect, desired, region, prune_roles, prune_mappings),
    );
    let (aws_side, kube_side) = (aws_side?, kube_side?);
    let mut seen = Seen {
        aws: None,
        kube: None,
        observed: Observed::offline(),
        partition: None,
        aws_auth: None,
        warnings: Vec::new(),
    };
    if let Some(side) = aws_side {
        seen.partition = Some(side.cluster.partition);
        seen.observed.account = Some(side.cluster.account);
        seen.observed.issuer = side.cluster.issuer;
        seen.observed.authentication_mode = side.cluster.authentication_mode;
        seen.observed.bootstrap_admin = side.cluster.bootstrap_admin;
        if let Some(oidc) = side.oidc {
            seen.observed.oidc_provider = oidc.oidc_provider;
            seen.observed.thumbprint = oidc.thumbprint;
        }
        seen.observed.roles = side.roles;
        seen.observed.access_entries = side.access_entries;
        seen.warnings = side.warnings;
        seen.aws = Some(side.aws);
    }
    if let Some(side) = kube_side {
        if let Some(obj) = side.aws_auth {
            aws_auth::live::observe(&obj, &mut seen.observed)?;
            seen.aws_auth = Some(obj);
        }
        if let Some((namespaces, service_accounts)) = side.service_accounts {
            seen.observed.namespaces = namespaces;
            seen.observed.service_accounts = service_accounts;
        }
        seen.kube = Some(side.kube);
    }
    Ok(seen)
}

/// What AWS holds for the plan: the cluster, its OIDC provider, the roles.
struct AwsSide<A> {
    aws: A,
    cluster: ClusterDescription,
    /// The OIDC provider and the issuer's thumbprint, when the plan manages the provider.
    oidc: Option<Observed>,
    roles: BTreeMap<String, ObservedRole>,
    access_entries: BTreeMap<String, crate::observed::ObservedAccessEntry>,
    warnings: Vec<String>,
}

/// Observes AWS when the plan needs it (`None` otherwise). The cluster and its OIDC provider
/// are read while the roles are read.
async fn observe_aws<C: Connect>(
    connect: &C,
    settings: &Settings,
    desired: &Desired,
    region: Option<&str>,
    (prune_roles, prune_access): (bool, bool),
) -> Result<Option<AwsSide<C::Aws>>, CliError> {
    let irsa = !desired.roles.is_empty()
        || !desired.service_accounts.is_empty()
        || !desired.absent_service_accounts.is_empty();
    let access = !desired.access_entries.is_empty()
        || !desired.absent_access_entries.is_empty()
        || desired.authentication_mode.is_some()
        || desired.bootstrap_admin.is_some()
        || prune_access;
    if !(desired.oidc_provider || irsa || prune_roles || access) {
        return Ok(None);
    }
    let aws = connect.aws(region).await?;
    let cluster = async {
        if desired.oidc_provider {
            let source = settings.thumbprint.as_ref().ok_or_else(|| {
                CliError::internal("the OIDC provider is planned without a thumbprint source")
            })?;
            let obs = oidc_provider::live::observe(&aws, &desired.cluster, source).await?;
            Ok::<_, CliError>((obs.cluster, Some(obs.observed), obs.warnings))
        } else {
            let desc = aws.describe_cluster(&desired.cluster).await?;
            Ok((desc, None, Vec::new()))
        }
    };
    let needs_roles =
        !desired.roles.is_empty() || prune_roles || !desired.absent_service_accounts.is_empty();
    let roles = async {
        let mut warnings = Vec::new();
        let roles = if needs_roles {
            role::live::observe(&aws, desired, prune_roles, &mut warnings).await?
        } else {
            BTreeMap::new()
        };
        Ok::<_, CliError>((roles, warnings))
    };
    let entries = async {
        if access {
            access_entry::live::observe(&aws, &desired.cluster).await
        } else {
            Ok(BTreeMap::new())
        }
    };
    // Joined, not raced: the error reported is the cluster's, then the roles', then the
    // access entries', whichever came first.
    let (cluster, roles, entries) = tokio::join!(cluster, roles, entries);
    let ((cluster, oidc, oidc_warnings), (roles, role_warnings)) = (cluster?, roles?);
    Ok(Some(AwsSide {
        aws,
        cluster,
        oidc,
        roles,
        access_entries: entries?,
        warnings: [oidc_warnings, role_warnings].concat(),
    }))
}

/// What the cluster holds for the plan.
struct ClusterSide<K> {
    kube: K,
    aws_auth: Option<AwsAuthObject>,
    /// The namespaces and the ServiceAccounts of the namespaces the plan touches.
    service_accounts: Option<(BTreeSet<String>, ServiceAccounts)>,
}

type ServiceAccounts = BTreeMap<(String, String), ObservedServiceAccount>;

/// Observes the cluster when the plan needs it (`None` otherwise): aws-auth is read while
/// the namespaces and ServiceAccounts are listed.
async fn observe_cluster<C: Connect>(
    connect: &C,
    desired: &Desired,
    region: Option<&str>,
    prune_roles: bool,
    prune_mappings: bool,
) -> Result<Option<ClusterSide<C::Kube>>, CliError> {
    let manages_sas = desired
        .service_accounts
        .iter()
        .any(|s| s.manage_service_account)
        || !desired.absent_service_accounts.is_empty()
        // --prune may unbind the ServiceAccounts of roles the file no longer lists.
        || prune_roles;
    // Switching to `API` mode is checked against what aws-auth still maps.
    let reads_aws_auth = !desired.mappings.is_empty()
        || !desired.absent_mappings.is_empty()
        || prune_mappings
        || desired.authentication_mode.as_deref() == Some("API");
    if !(reads_aws_auth || manages_sas) {
        return Ok(None);
    }
    let kube = connect.kube(&desired.cluster, region).await?;
    let aws_auth = async {
        if reads_aws_auth {
            Ok(Some(kube.read_aws_auth().await?))
        } else {
            Ok::<_, CliError>(None)
        }
    };
    let service_accounts = async {
        if !manages_sas {
            return Ok::<_, CliError>(None);
        }
        let namespaces = kube.namespaces().await?;
        let wanted: Vec<String> = desired
            .service_accounts
            .iter()
            .map(|s| s.namespace.clone())
            .chain(
                desired
                    .absent_service_accounts
                    .iter()
                    .map(|(ns, _)| ns.clone()),
            )
            .chain(
                prune_roles
                    .then(|| namespaces.iter().cloned())
                    .into_iter()
                    .flatten(),
            )
            .collect();
        let sas = kube.service_accounts(&wanted).await?;
        Ok(Some((namespaces, sas)))
    };
    let (aws_auth, service_accounts) = tokio::join!(aws_auth, service_accounts);
    let (aws_auth, service_accounts) = (aws_auth?, service_accounts?);
    Ok(Some(ClusterSide {
        kube,
        aws_auth,
        service_accounts,
    }))
}
