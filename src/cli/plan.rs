//! `eksiam plan` and `eksiam apply`: the declarative commands over a ClusterConfig file.

use super::{GlobalArgs, OutputFormat};
use crate::aws::Aws;
use crate::config::{self, Loaded};
use crate::desired::Desired;
use crate::error::CliError;
use crate::filter::Selection;
use crate::kube::Kube;
use crate::mappings;
use crate::observed::Observed;
use crate::oidc::{self, ThumbprintSource};
use crate::plan::{self, DiffOptions, Plan};
use clap::Args;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::ExitCode;

/// Show what `apply -f FILE` would change, without changing anything.
#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub file: FileArgs,
    /// Plan without any network call, as if the account and cluster held nothing yet
    #[arg(long)]
    pub offline: bool,
    /// Exit 0 when there is nothing to change, 2 when there are changes
    #[arg(long)]
    pub detailed_exitcode: bool,
}

/// Make the cluster's IAM match a ClusterConfig file.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub file: FileArgs,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// How many AWS and Kubernetes calls run at once
    #[arg(long, value_name = "N", default_value_t = crate::apply::DEFAULT_CONCURRENCY, value_parser = clap::value_parser!(usize))]
    pub concurrency: usize,
    /// With `--dry-run`: plan without any network call, as if the account and cluster held nothing yet
    #[arg(long)]
    pub offline: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// The options shared by the commands that read a ClusterConfig.
#[derive(Debug, Args)]
pub struct FileArgs {
    /// The ClusterConfig file (eksctl's `eksctl.io/v1alpha5` format)
    #[arg(short = 'f', long = "config-file", value_name = "FILE")]
    pub file: PathBuf,
    /// Also delete what eksiam manages for this cluster but the file no longer lists
    #[arg(long)]
    pub prune: bool,
    /// Allow aws-auth removals that would lock out nodes (a `system:node:` mapping), the AWS
    /// identity eksiam runs as, or empty `mapRoles`
    #[arg(long)]
    pub allow_lockout: bool,
    /// Remove shadowed duplicate aws-auth entries, keeping the one the authenticator uses
    #[arg(long)]
    pub collapse_duplicates: bool,
    /// Rebind ServiceAccounts that are already annotated with another role
    #[arg(long)]
    pub override_existing_serviceaccounts: bool,
    /// Only ServiceAccounts whose `namespace/name` matches one of these globs
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip ServiceAccounts whose `namespace/name` matches one of these globs
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Use this issuer thumbprint (40 hex characters) instead of fetching it
    #[arg(long, value_name = "HEX", value_parser = super::utils::parse_thumbprint)]
    pub thumbprint: Option<String>,
    #[command(flatten)]
    pub tls: super::thumbprint::TlsArgs,
}

/// Runs `plan`.
///
/// # Errors
/// Invalid input, or a failure to read the account and cluster.
pub fn cmd_plan(global: &GlobalArgs, args: PlanArgs) -> Result<ExitCode, CliError> {
    let plan = run(global, &args.file, args.offline, false, 1)?;
    Ok(if args.detailed_exitcode && plan.has_changes() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `apply`.
///
/// # Errors
/// Invalid input, or a failure while reading or applying.
pub fn cmd_apply(global: &GlobalArgs, args: ApplyArgs) -> Result<ExitCode, CliError> {
    if args.offline && !args.dry_run {
        return Err(CliError::input(
            "`--offline` can only plan: nothing can be applied without reaching AWS",
            "add `--dry-run`, or use `eksiam plan -f FILE --offline`",
        ));
    }
    run(
        global,
        &args.file,
        args.offline,
        !args.dry_run,
        args.concurrency,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the file, plans (offline or against AWS), prints the plan, and applies it when asked.
fn run(
    global: &GlobalArgs,
    args: &FileArgs,
    offline: bool,
    apply: bool,
    concurrency: usize,
) -> Result<Plan, CliError> {
    let loaded = config::load(&args.file)?;
    report_warnings(global, &loaded);
    let selection = Selection {
        include: args.include.clone(),
        exclude: args.exclude.clone(),
    };
    let (desired, left_out) =
        Desired::from_selected(&loaded.config, global.region.as_deref(), &selection);
    if global.verbose {
        eprintln!(
            "loaded `{}`: {} roles, {} ServiceAccounts, {} identity mappings",
            loaded.file,
            desired.roles.len(),
            desired.service_accounts.len(),
            desired.mappings.len()
        );
    }
    let opts = DiffOptions {
        override_existing_service_accounts: args.override_existing_serviceaccounts,
        prune: args.prune,
        allow_lockout: args.allow_lockout,
        collapse_duplicates: args.collapse_duplicates,
    };
    let file_warnings: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| w.one_line(&loaded.file))
        .chain(left_out)
        .collect();
    if offline {
        let mut observed = Observed::offline();
        observed.thumbprint = args.thumbprint.clone();
        let mut plan = plan::diff(&desired, &observed, &opts);
        plan.warnings.splice(0..0, file_warnings);
        print_plan(global, &plan, false)?;
        refuse_conflicts(&plan)?;
        return Ok(plan);
    }
    let live = Live {
        thumbprint: args.thumbprint.clone(),
        tls: &args.tls,
        apply,
        concurrency,
    };
    execute(global, desired, &opts, &live, file_warnings)
}

/// How a run against a live account and cluster goes.
pub(super) struct Live<'a> {
    /// `--thumbprint`: skip fetching it.
    pub thumbprint: Option<String>,
    pub tls: &'a super::thumbprint::TlsArgs,
    /// Apply after printing the plan (else stop there).
    pub apply: bool,
    pub concurrency: usize,
}

/// Observes what `desired` needs (AWS and/or the cluster), plans, prints the plan, and applies
/// it when asked. Shared by `apply -f` and the imperative commands.
pub(super) fn execute(
    global: &GlobalArgs,
    mut desired: Desired,
    opts: &DiffOptions,
    live: &Live,
    file_warnings: Vec<String>,
) -> Result<Plan, CliError> {
    super::runtime().block_on(async {
        let region = global.region.as_deref().or(desired.region.as_deref());
        let prune_roles = opts.prune && desired.prune_scope.roles;
        let prune_mappings = opts.prune && desired.prune_scope.mappings;
        // AWS and the cluster are observed at the same time: neither needs the other.
        let (aws_side, kube_side) = tokio::join!(
            observe_aws(global, &desired, live, region, prune_roles),
            observe_cluster(global, &desired, region, prune_roles, prune_mappings),
        );
        // Both sides run to the end, so the error reported does not depend on which failed
        // first: AWS's, then the cluster's.
        let (aws_side, kube_side) = (aws_side?, kube_side?);
        let mut observed = Observed::offline();
        let mut warnings = file_warnings;
        let aws = aws_side.map(|side| {
            // The cluster's ARN names the partition for certain; the region only implies it.
            desired.partition = side.cluster.partition;
            observed.account = Some(side.cluster.account);
            observed.issuer = side.cluster.issuer;
            if let Some(oidc) = side.oidc {
                observed.oidc_provider = oidc.oidc_provider;
                observed.thumbprint = oidc.thumbprint;
            }
            observed.roles = side.roles;
            warnings.extend(side.warnings);
            side.aws
        });
        let mut auth_obj = None;
        let kube = match kube_side {
            Some(side) => {
                if let Some(obj) = side.aws_auth {
                    mappings::observe(&obj, &mut observed)?;
                    auth_obj = Some(obj);
                }
                if let Some((namespaces, service_accounts)) = side.service_accounts {
                    observed.namespaces = namespaces;
                    observed.service_accounts = service_accounts;
                }
                Some(side.kube)
            }
            None => None,
        };
        let mut plan =
            diff_guarded(global, region, aws.as_ref(), &desired, &mut observed, opts).await;
        plan.warnings.splice(0..0, warnings);
        print_plan(global, &plan, live.apply)?;
        // A plan that cannot be applied fails the same way planned or applied.
        refuse_conflicts(&plan)?;
        if !live.apply || !plan.has_changes() {
            return Ok(plan);
        }
        let mut done = Vec::new();
        if let Some(aws) = &aws {
            done = oidc::apply(aws, &plan, &observed).await?;
            for line in &done {
                global.log(line);
            }
        }
        let targets = crate::apply::Targets {
            aws: aws.as_ref(),
            kube: kube.as_ref(),
            observed: &observed,
        };
        let progress =
            crate::apply::Progress::for_actions(crate::apply::count(&plan), global.quiet);
        crate::apply::apply(&plan, &targets, live.concurrency, &progress, done).await?;
        if let (Some(kube), Some(obj)) = (&kube, auth_obj) {
            for line in mappings::apply(
                kube,
                &desired.cluster,
                &desired,
                opts,
                obj,
                observed.caller.as_ref(),
            )
            .await?
            {
                global.log(&line);
            }
        }
        Ok(plan)
    })
}

/// What AWS holds for the plan: the cluster, its OIDC provider, the roles.
struct AwsSide {
    aws: Aws,
    cluster: crate::aws::ClusterDescription,
    /// The OIDC provider and the issuer's thumbprint, when the plan manages the provider.
    oidc: Option<Observed>,
    roles: BTreeMap<String, crate::observed::ObservedRole>,
    warnings: Vec<String>,
}

/// Observes AWS when the plan needs it (`None` otherwise). The cluster and its OIDC provider
/// are read while the roles are read.
async fn observe_aws(
    global: &GlobalArgs,
    desired: &Desired,
    live: &Live<'_>,
    region: Option<&str>,
    prune_roles: bool,
) -> Result<Option<AwsSide>, CliError> {
    let irsa = !desired.roles.is_empty()
        || !desired.service_accounts.is_empty()
        || !desired.absent_service_accounts.is_empty();
    if !(desired.oidc_provider || irsa || prune_roles) {
        return Ok(None);
    }
    let aws = Aws::connect(region, global.profile.as_deref()).await?;
    let cluster = async {
        if desired.oidc_provider {
            let source = match &live.thumbprint {
                Some(t) => ThumbprintSource::Given(t.clone()),
                None => ThumbprintSource::Fetch(live.tls.options()?),
            };
            let obs = oidc::observe(&aws, &desired.cluster, &source).await?;
            Ok::<_, CliError>((obs.cluster, Some(obs.observed), obs.warnings))
        } else {
            use crate::aws::OidcApi as _;
            let desc = aws.describe_cluster(&desired.cluster).await?;
            Ok((desc, None, Vec::new()))
        }
    };
    let needs_roles =
        !desired.roles.is_empty() || prune_roles || !desired.absent_service_accounts.is_empty();
    let roles = async {
        let mut warnings = Vec::new();
        let roles = if needs_roles {
            observe_roles(&aws, desired, prune_roles, &mut warnings).await?
        } else {
            Default::default()
        };
        Ok::<_, CliError>((roles, warnings))
    };
    // Joined, not raced: the error reported is the cluster's, then the roles', whichever
    // came first.
    let (cluster, roles) = tokio::join!(cluster, roles);
    let ((cluster, oidc, oidc_warnings), (roles, role_warnings)) = (cluster?, roles?);
    Ok(Some(AwsSide {
        aws,
        cluster,
        oidc,
        roles,
        warnings: [oidc_warnings, role_warnings].concat(),
    }))
}

/// What the cluster holds for the plan.
struct ClusterSide {
    kube: Kube,
    aws_auth: Option<crate::kube::AwsAuthObject>,
    /// The namespaces and the ServiceAccounts of the namespaces the plan touches.
    service_accounts: Option<(BTreeSet<String>, ServiceAccounts)>,
}

type ServiceAccounts = BTreeMap<(String, String), crate::observed::ObservedServiceAccount>;

/// Observes the cluster when the plan needs it (`None` otherwise): aws-auth is read while
/// the namespaces and ServiceAccounts are listed.
async fn observe_cluster(
    global: &GlobalArgs,
    desired: &Desired,
    region: Option<&str>,
    prune_roles: bool,
    prune_mappings: bool,
) -> Result<Option<ClusterSide>, CliError> {
    let manages_sas = desired
        .service_accounts
        .iter()
        .any(|s| s.manage_service_account)
        || !desired.absent_service_accounts.is_empty()
        // --prune may unbind the ServiceAccounts of roles the file no longer lists.
        || prune_roles;
    let reads_aws_auth = !desired.mappings.is_empty() || prune_mappings;
    if !(reads_aws_auth || manages_sas) {
        return Ok(None);
    }
    let kube = Kube::for_cluster(
        &global.access(),
        &desired.cluster,
        region,
        global.profile.as_deref(),
    )
    .await?;
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

/// Plans; when the plan removes aws-auth entries, asks which AWS identity eksiam runs as
/// (`sts:GetCallerIdentity`) and plans again, so the lock-out guard also protects that
/// identity's own mapping. Runs that remove nothing make no extra call. Without credentials
/// or a region there is no caller to protect, and the guard keeps its other checks.
pub(super) async fn diff_guarded(
    global: &GlobalArgs,
    region: Option<&str>,
    aws: Option<&Aws>,
    desired: &Desired,
    observed: &mut Observed,
    opts: &DiffOptions,
) -> Plan {
    let plan = plan::diff(desired, observed, opts);
    let removes = plan
        .actions
        .iter()
        .any(|a| a.kind == plan::Kind::AwsAuthMapping && a.action == plan::Op::Delete);
    if !removes || opts.allow_lockout {
        return plan;
    }
    // The run's AWS client when it has one; a mapping-only run connects just for this.
    let arn = match aws {
        Some(aws) => aws.caller_arn().await.map_err(CliError::from),
        None => match Aws::connect(region, global.profile.as_deref()).await {
            Ok(aws) => aws.caller_arn().await.map_err(CliError::from),
            Err(e) => Err(e),
        },
    };
    match arn {
        Ok(arn) => observed.caller = crate::authmap::Subject::of_caller(&arn),
        Err(e) => {
            if global.verbose {
                eprintln!(
                    "cannot tell which AWS identity eksiam runs as ({}): aws-auth removals are not checked against it",
                    e.message
                );
            }
            return plan;
        }
    }
    plan::diff(desired, observed, opts)
}

/// The roles the plan needs: every role of the account in one paged call when allowed (which
/// also finds the roles eksiam manages for `--prune`), else the desired roles one by one.
/// `--prune` and `delete iamserviceaccount` need the paged call: without it the roles to
/// delete cannot be found.
async fn observe_roles(
    aws: &Aws,
    desired: &Desired,
    prune_roles: bool,
    warnings: &mut Vec<String>,
) -> Result<std::collections::BTreeMap<String, crate::observed::ObservedRole>, CliError> {
    // `delete iamserviceaccount` names no role: only the tags tell which one is the
    // ServiceAccount's.
    let deleting = !desired.absent_service_accounts.is_empty();
    match aws.all_roles().await {
        Ok(all) => Ok(all),
        Err(e) if e.code.as_deref() == Some("AccessDenied") && (prune_roles || deleting) => {
            let mut err = CliError::from(e);
            err.hint = Some(format!(
                "{} finds the roles eksiam made by their tags, which needs the IAM permission `iam:GetAccountAuthorizationDetails`: grant it (`eksiam iam-policy {}` prints the policy)",
                if deleting {
                    "`delete iamserviceaccount`"
                } else {
                    "`--prune`"
                },
                if deleting {
                    "--command \"delete iamserviceaccount\""
                } else {
                    "-f FILE --prune"
                },
            ));
            Err(err)
        }
        Err(e) if e.code.as_deref() == Some("AccessDenied") => {
            warnings.push(
                "`iam:GetAccountAuthorizationDetails` is denied: reading roles one by one".into(),
            );
            // Three or more reads per role, so several roles at a time.
            use futures_util::stream::{self, StreamExt as _, TryStreamExt as _};
            let found: Vec<_> = stream::iter(&desired.roles)
                .map(|r| async move { aws.role(&r.name).await.map(|o| (r.name.clone(), o)) })
                .buffer_unordered(crate::apply::DEFAULT_CONCURRENCY)
                .try_collect()
                .await?;
            Ok(found
                .into_iter()
                .filter_map(|(name, role)| role.map(|r| (name, r)))
                .collect())
        }
        Err(e) => Err(e.into()),
    }
}

/// Fails (exit 1, after the plan is printed) when the plan cannot be applied as it stands,
/// whether it is only planned (`plan`, `--dry-run`) or about to be applied: a plan that says
/// "cannot apply" never exits 0 or 2.
pub(super) fn refuse_conflicts(plan: &Plan) -> Result<(), CliError> {
    if plan.conflicts.is_empty() {
        return Ok(());
    }
    Err(CliError {
        kind: crate::error::ErrorKind::Remote,
        message: format!(
            "the plan cannot be applied; nothing was changed:\n  - {}",
            plan.conflicts.join("\n  - ")
        ),
        hint: None,
    })
}

/// Prints a plan in the chosen format on stdout. With `-q`, a text plan about to be applied
/// is not printed (machine output always is).
pub(super) fn print_plan(global: &GlobalArgs, plan: &Plan, applying: bool) -> Result<(), CliError> {
    let text = match global.output {
        OutputFormat::Text if global.quiet && applying => return Ok(()),
        OutputFormat::Text => plan::render_text(plan, global.colour()),
        OutputFormat::Json => plan::render_json(plan) + "\n",
        OutputFormat::Yaml => {
            let value: serde_json::Value =
                serde_json::from_str(&plan::render_json(plan)).expect("plan JSON parses");
            serde_saphyr::to_string(&value).expect("plans serialise as YAML")
        }
    };
    super::print_stdout(&text)
}

fn report_warnings(global: &GlobalArgs, loaded: &Loaded) {
    if global.quiet {
        return;
    }
    for w in &loaded.warnings {
        eprintln!("{}", w.render(&loaded.file, &loaded.source));
    }
}
