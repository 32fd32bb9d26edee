//! The resource kinds eksiam manages, one module each: its typed plan step, how its part of
//! the plan is computed from desired and observed state, and (with the `cli` feature) how it
//! is observed and applied. A new kind is a new module, a variant of [`Step`], its place in
//! [`diff`], and an arm in each `match` below (and in `live`'s runner).

pub mod access_entry;
pub mod aws_auth;
pub mod oidc_provider;
pub mod pod_identity;
pub mod role;
pub mod service_account;

use crate::plan::{Change, Describe, Differ, Kind, Op};

/// Plans every kind, in the order of the plan: OIDC provider, roles and their policies,
/// namespaces and ServiceAccounts, aws-auth, access entries, Pod Identity associations.
pub fn diff(d: &mut Differ) {
    let oidc_id = oidc_provider::diff(d);
    for r in &d.desired.roles {
        role::diff(d, r, oidc_id.as_deref());
    }
    if d.opts.prune && d.desired.prune_scope.any_roles() {
        role::prune(d);
    }
    service_account::diff(d);
    role::revoke_absent(d);
    role::trust_pod_identity(d);
    aws_auth::diff(d);
    access_entry::diff(d);
    pod_identity::diff(d);
}

/// A typed plan step, one variant per kind of change.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    OidcProvider(oidc_provider::ProviderStep),
    Role(role::RoleStep),
    PolicyAttachment(role::AttachmentStep),
    InlinePolicy(role::InlinePolicyStep),
    Namespace(service_account::NamespaceStep),
    ServiceAccount(service_account::ServiceAccountStep),
    AwsAuth(aws_auth::MappingStep),
    AccessEntry(access_entry::EntryStep),
    AccessPolicy(access_entry::PolicyStep),
    AuthenticationMode(access_entry::mode::ModeStep),
    PodIdentity(pod_identity::AssociationStep),
    Addon(pod_identity::AddonStep),
}

impl Step {
    fn describe(&self) -> &dyn Describe {
        match self {
            Step::OidcProvider(s) => s,
            Step::Role(s) => s,
            Step::PolicyAttachment(s) => s,
            Step::InlinePolicy(s) => s,
            Step::Namespace(s) => s,
            Step::ServiceAccount(s) => s,
            Step::AwsAuth(s) => s,
            Step::AccessEntry(s) => s,
            Step::AccessPolicy(s) => s,
            Step::AuthenticationMode(s) => s,
            Step::PodIdentity(s) => s,
            Step::Addon(s) => s,
        }
    }

    /// Steps that the executor carries out together, as one node: those of one kind that
    /// must be written in a single read-modify-write (aws-auth's entries are one ConfigMap).
    pub fn batch(&self) -> Option<&'static str> {
        match self {
            Step::AwsAuth(_) => Some(aws_auth::BATCH),
            _ => None,
        }
    }
}

impl Describe for Step {
    fn kind(&self) -> Kind {
        self.describe().kind()
    }

    fn op(&self) -> Op {
        self.describe().op()
    }

    fn changes(&self) -> Vec<Change> {
        self.describe().changes()
    }

    fn lowers_access(&self) -> bool {
        self.describe().lowers_access()
    }
}

#[cfg(feature = "cli")]
pub use runner::LiveRunner;

/// Whether the plan reads AWS beyond the cluster: the OIDC provider, roles, access entries.
pub fn reads_aws(desired: &crate::desired::Desired, opts: &crate::plan::DiffOptions) -> bool {
    let irsa = !desired.roles.is_empty()
        || !desired.service_accounts.is_empty()
        || !desired.absent_service_accounts.is_empty()
        || (opts.prune && desired.prune_scope.any_roles());
    desired.oidc_provider
        || irsa
        || reads_access_entries(desired, opts)
        || reads_pod_identities(desired, opts)
}

/// Whether the plan reads the Pod Identity associations.
fn reads_pod_identities(
    desired: &crate::desired::Desired,
    opts: &crate::plan::DiffOptions,
) -> bool {
    !desired.pod_identities.is_empty()
        || !desired.absent_pod_identities.is_empty()
        || (opts.prune && desired.prune_scope.pod_identities)
}

/// Whether the plan reads the access entries.
fn reads_access_entries(
    desired: &crate::desired::Desired,
    opts: &crate::plan::DiffOptions,
) -> bool {
    !desired.access_entries.is_empty()
        || !desired.absent_access_entries.is_empty()
        || desired.authentication_mode.is_some()
        || desired.bootstrap_admin.is_some()
        || (opts.prune && desired.prune_scope.access_entries)
}

/// Whether the plan reads aws-auth: to edit it, or to check a switch to `API` mode against it.
pub fn reads_aws_auth(desired: &crate::desired::Desired, opts: &crate::plan::DiffOptions) -> bool {
    !desired.mappings.is_empty()
        || !desired.absent_mappings.is_empty()
        || (opts.prune && desired.prune_scope.mappings)
        || desired.authentication_mode.as_deref() == Some("API")
}

/// What the kinds read from AWS besides the cluster, its OIDC provider and the roles.
///
/// # Errors
/// The failed call.
#[cfg(feature = "cli")]
pub async fn observe_aws(
    aws: &impl crate::aws::AwsApi,
    desired: &crate::desired::Desired,
    opts: &crate::plan::DiffOptions,
) -> Result<crate::observed::KindReads, crate::error::CliError> {
    let mut reads = crate::observed::KindReads::default();
    let entries = async {
        if reads_access_entries(desired, opts) {
            access_entry::live::observe(aws, &desired.cluster).await
        } else {
            Ok(std::collections::BTreeMap::new())
        }
    };
    let associations = async {
        if reads_pod_identities(desired, opts) {
            pod_identity::live::observe(aws, desired, opts).await
        } else {
            Ok((std::collections::BTreeMap::new(), None))
        }
    };
    let (entries, associations) = tokio::join!(entries, associations);
    reads.access_entries = entries?;
    (reads.pod_identities, reads.pod_identity_agent) = associations?;
    Ok(reads)
}

/// The executor's runner: each kind's apply, behind one call, through the clients the run
/// observed with.
#[cfg(feature = "cli")]
mod runner {
    use super::{Step, access_entry, aws_auth, oidc_provider, pod_identity, role, service_account};
    use crate::aws::AwsApi;
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

    impl<A: AwsApi, K: KubeApi> LiveRunner<'_, A, K> {
        fn aws(&self) -> Result<&A, CliError> {
            self.aws.ok_or_else(|| missing("no AWS connection"))
        }

        fn kube(&self) -> Result<&K, CliError> {
            self.kube.ok_or_else(|| missing("no cluster connection"))
        }
    }

    /// How many times a throttled AWS step is run again, each in its next slot.
    const THROTTLED_RUNS: u32 = 30;

    /// Whether the step failed because AWS throttled a write.
    fn throttled(e: &CliError) -> bool {
        e.source
            .as_deref()
            .and_then(|s| s.downcast_ref::<crate::aws::AwsError>())
            .is_some_and(|a| crate::aws::pace::is_throttle_code(a.code.as_deref()))
    }

    impl<A: AwsApi, K: KubeApi> Runner for LiveRunner<'_, A, K> {
        async fn run(&self, actions: &[&Action]) -> Result<Vec<String>, CliError> {
            let a = actions.first().ok_or_else(|| missing("an empty node"))?;
            if matches!(
                a.step,
                Step::Namespace(_) | Step::ServiceAccount(_) | Step::AwsAuth(_)
            ) {
                return self.run_once(actions).await;
            }
            // AWS writes wait for their slot under the account's write quota; a throttled
            // one runs again in its next slot (every write of a step may be made again).
            let mut runs = 0;
            loop {
                crate::aws::IamApi::paced(self.aws()?).await;
                runs += 1;
                match self.run_once(actions).await {
                    Err(e) if throttled(&e) && runs < THROTTLED_RUNS => {}
                    done => return done,
                }
            }
        }
    }

    impl<A: AwsApi, K: KubeApi> LiveRunner<'_, A, K> {
        async fn run_once(&self, actions: &[&Action]) -> Result<Vec<String>, CliError> {
            let a = actions.first().ok_or_else(|| missing("an empty node"))?;
            let one = |msg: String| vec![format!("{}: {msg}", a.id)];
            match &a.step {
                Step::OidcProvider(s) => {
                    let lines =
                        oidc_provider::live::apply(self.aws()?, s, a.target.as_deref()).await?;
                    Ok(lines.into_iter().flat_map(one).collect())
                }
                Step::Role(s) => Ok(one(role::live::apply_role(self.aws()?, s).await?)),
                Step::PolicyAttachment(s) => {
                    Ok(one(role::live::apply_attachment(self.aws()?, s).await?))
                }
                Step::InlinePolicy(s) => Ok(one(role::live::apply_inline(self.aws()?, s).await?)),
                Step::Namespace(s) => {
                    Ok(one(
                        service_account::live::apply_namespace(self.kube()?, s).await?
                    ))
                }
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
                Step::PodIdentity(s) => Ok(one(pod_identity::live::apply_association(
                    self.aws()?,
                    self.cluster,
                    s,
                )
                .await?)),
                Step::Addon(s) => Ok(one(pod_identity::live::apply_addon(
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
}
