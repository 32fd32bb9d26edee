//! What the plan needs to see, read from AWS and the cluster at the same time: each side is
//! connected only when the desired state needs it, and each kind reads its own part.

use super::{Connect, Settings};
use crate::aws::{ClusterDescription, OidcApi as _};
use crate::desired::Desired;
use crate::error::CliError;
use crate::kinds::{self, aws_auth, oidc_provider, role};
use crate::kube::{AwsAuthObject, KubeApi};
use crate::observed::{Observed, ObservedRole, ObservedServiceAccount};
use crate::plan::DiffOptions;
use std::collections::BTreeMap;

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
    let (aws_side, kube_side) = tokio::join!(
        observe_aws(connect, settings, desired, opts, region),
        observe_cluster(connect, desired, opts, region, prune_roles),
    );
    let (aws_side, kube_side) = (aws_side?, kube_side?);
    let mut seen = Seen {
        aws: None,
        kube: None,
        observed: Observed::live(),
        partition: None,
        aws_auth: None,
        warnings: Vec::new(),
    };
    if let Some(side) = aws_side {
        seen.partition = Some(side.cluster.partition);
        seen.observed.account = Some(side.cluster.account);
        seen.observed.issuer = side.cluster.issuer;
        seen.observed.authentication_mode = side.cluster.authentication_mode;
        seen.observed.cluster_arn = Some(side.cluster.arn.clone());
        seen.observed.bootstrap_admin = side.cluster.bootstrap_admin;
        if let Some(oidc) = side.oidc {
            seen.observed.oidc_provider = oidc.oidc_provider;
            seen.observed.thumbprint = oidc.thumbprint;
        }
        seen.observed.roles = side.roles;
        seen.observed.roles_listed = side.roles_listed;
        seen.observed.absorb(side.reads);
        seen.warnings = side.warnings;
        seen.aws = Some(side.aws);
    }
    if let Some(side) = kube_side {
        if let Some(obj) = side.aws_auth {
            aws_auth::live::observe(&obj, &mut seen.observed)?;
            seen.aws_auth = Some(obj);
        }
        if let Some((namespaces, service_accounts)) = side.service_accounts {
            seen.observed.namespaces = namespaces.keys().cloned().collect();
            seen.observed.namespace_annotations = namespaces
                .into_iter()
                .filter(|(_, a)| !a.is_empty())
                .collect();
            seen.observed.service_accounts = service_accounts;
        }
        if let Some(namespaces) = side.restrictions {
            seen.observed.namespace_annotations = namespaces
                .into_iter()
                .filter(|(_, a)| !a.is_empty())
                .collect();
        }
        seen.warnings.extend(side.warnings);
        seen.kube = side.kube;
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
    /// Whether `roles` come from the account listing.
    roles_listed: bool,
    /// What the other kinds read.
    reads: crate::observed::KindReads,
    warnings: Vec<String>,
}

/// Observes AWS when the plan needs it (`None` otherwise). The cluster and its OIDC provider
/// are read while the roles are read.
async fn observe_aws<C: Connect>(
    connect: &C,
    settings: &Settings,
    desired: &Desired,
    opts: &DiffOptions,
    region: Option<&str>,
) -> Result<Option<AwsSide<C::Aws>>, CliError> {
    if !kinds::reads_aws(desired, opts) {
        return Ok(None);
    }
    let prune_roles = opts.prune && desired.prune_scope.any_roles();
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
    let needs_roles = !desired.roles.is_empty()
        || prune_roles
        || !desired.absent_service_accounts.is_empty()
        || !desired.absent_pod_identities.is_empty()
        || desired.pod_identities.iter().any(|p| p.from_irsa);
    let roles = async {
        let mut warnings = Vec::new();
        let roles = if needs_roles {
            role::live::observe(&aws, desired, prune_roles, &mut warnings).await?
        } else {
            (BTreeMap::new(), false)
        };
        Ok::<_, CliError>((roles, warnings))
    };
    let reads = kinds::observe_aws(&aws, desired, opts);
    // Joined, not raced: the error reported is the cluster's, then the roles', then the
    // other kinds', whichever came first.
    let (cluster, roles, reads) = tokio::join!(cluster, roles, reads);
    let ((cluster, oidc, oidc_warnings), ((roles, roles_listed), role_warnings)) =
        (cluster?, roles?);
    Ok(Some(AwsSide {
        aws,
        cluster,
        oidc,
        roles,
        roles_listed,
        reads: reads?,
        warnings: [oidc_warnings, role_warnings].concat(),
    }))
}

/// What the cluster holds for the plan.
struct ClusterSide<K> {
    /// The client to apply through; `None` when the cluster was read only for the namespace
    /// restrictions (the plan changes nothing there).
    kube: Option<K>,
    aws_auth: Option<AwsAuthObject>,
    /// The namespaces and the ServiceAccounts of the namespaces the plan touches.
    service_accounts: Option<(crate::kube::Namespaces, ServiceAccounts)>,
    /// The namespaces alone, for a plan that binds roles without managing ServiceAccounts.
    restrictions: Option<crate::kube::Namespaces>,
    warnings: Vec<String>,
}

/// The namespaces' restrictions for a plan that otherwise does not read the cluster (one
/// LIST). A cluster that cannot be reached, or a LIST that is refused, leaves them unchecked,
/// with a warning: such plans never needed the cluster before, and the restriction guards the
/// namespace owners' ServiceAccounts, which the plan does not write.
async fn restrictions_only<C: Connect>(
    connect: &C,
    desired: &Desired,
    region: Option<&str>,
) -> ClusterSide<C::Kube> {
    let read = async {
        let kube = connect.kube(&desired.cluster, region).await?;
        kube.namespaces().await
    };
    let (restrictions, warnings) = match read.await {
        Ok(namespaces) => (Some(namespaces), Vec::new()),
        Err(e) => (
            None,
            vec![format!(
                "namespace restrictions (`eksiam.io/allowed-roles`) were not checked: the cluster's namespaces could not be read: {}",
                e.message
            )],
        ),
    };
    ClusterSide {
        kube: None,
        aws_auth: None,
        service_accounts: None,
        restrictions,
        warnings,
    }
}

type ServiceAccounts = BTreeMap<(String, String), ObservedServiceAccount>;

/// Observes the cluster when the plan needs it (`None` otherwise): aws-auth is read while
/// the namespaces and ServiceAccounts are listed.
async fn observe_cluster<C: Connect>(
    connect: &C,
    desired: &Desired,
    opts: &DiffOptions,
    region: Option<&str>,
    prune_roles: bool,
) -> Result<Option<ClusterSide<C::Kube>>, CliError> {
    let manages_sas = desired
        .service_accounts
        .iter()
        .any(|s| s.manage_service_account)
        || !desired.absent_service_accounts.is_empty()
        || kinds::service_account::created_for_pod_identity(desired).next().is_some()
        // --prune may unbind the ServiceAccounts of roles the file no longer lists.
        || prune_roles;
    let reads_aws_auth = kinds::reads_aws_auth(desired, opts);
    if !(reads_aws_auth || manages_sas) {
        if desired.binds_unmanaged() {
            return Ok(Some(restrictions_only(connect, desired, region).await));
        }
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
                kinds::service_account::created_for_pod_identity(desired)
                    .map(|p| p.namespace.clone()),
            )
            .chain(
                prune_roles
                    .then(|| namespaces.keys().cloned())
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
        kube: Some(kube),
        aws_auth,
        service_accounts,
        restrictions: None,
        warnings: Vec::new(),
    }))
}
