//! `eksiam plan` and `eksiam apply`: the declarative commands over a ClusterConfig file.

use super::{GlobalArgs, OutputFormat};
use crate::app::{self, Connector, Settings};
use crate::config::{self, Loaded};
use crate::desired::Desired;
use crate::error::CliError;
use crate::kinds::oidc_provider::live::ThumbprintSource;
use crate::plan::{self, DiffOptions, Plan};
use crate::rules::filter::Selection;
use clap::Args;
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
    #[arg(long, value_name = "N", default_value_t = crate::exec::DEFAULT_CONCURRENCY, value_parser = clap::value_parser!(usize))]
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
    /// Install the `eks-pod-identity-agent` add-on when Pod Identity associations need it and
    /// the cluster lacks it
    #[arg(long)]
    pub install_agent: bool,
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
    let (mut desired, left_out) =
        Desired::from_selected(&loaded.config, global.region.as_deref(), &selection);
    desired.install_agent = args.install_agent;
    if global.verbose > 0 {
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
        let plan = app::plan_offline(&desired, args.thumbprint.clone(), &opts, file_warnings);
        print_plan(global, &plan, false)?;
        app::refuse_conflicts(&plan)?;
        return Ok(plan);
    }
    let thumbprint = if desired.oidc_provider {
        Some(thumbprint_source(args.thumbprint.as_ref(), &args.tls)?)
    } else {
        None
    };
    let settings = settings(global, thumbprint, apply, concurrency);
    execute(global, &settings, desired, &opts, file_warnings, None)
}

/// `--thumbprint`, else a handshake with the TLS options.
pub(super) fn thumbprint_source(
    given: Option<&String>,
    tls: &super::thumbprint::TlsArgs,
) -> Result<ThumbprintSource, CliError> {
    Ok(match given {
        Some(t) => ThumbprintSource::Given(t.clone()),
        None => ThumbprintSource::Fetch(tls.options()?),
    })
}

/// The run's settings, from the global flags and the command's.
pub(super) fn settings(
    global: &GlobalArgs,
    thumbprint: Option<ThumbprintSource>,
    apply: bool,
    concurrency: usize,
) -> Settings {
    Settings {
        region: global.region.clone(),
        profile: global.profile.clone(),
        thumbprint,
        apply,
        concurrency,
        verbose: global.verbose > 0,
        quiet: global.quiet,
        backup_dir: backup_dir(),
    }
}

/// Where aws-auth backups go: `EKSIAM_BACKUP_DIR`, else `$XDG_STATE_HOME/eksiam/backups`,
/// else `~/.local/state/eksiam/backups`.
fn backup_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("EKSIAM_BACKUP_DIR") {
        return PathBuf::from(d);
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .unwrap_or_else(std::env::temp_dir);
    state.join("eksiam/backups")
}

/// Runs the pipeline against the live account and cluster (reusing `aws` when the command
/// already connected), printing the plan before anything is applied. Shared by `apply -f`
/// and the imperative commands.
pub(super) fn execute(
    global: &GlobalArgs,
    settings: &Settings,
    desired: Desired,
    opts: &DiffOptions,
    warnings: Vec<String>,
    aws: Option<crate::aws::Aws>,
) -> Result<Plan, CliError> {
    execute_showing(global, settings, desired, opts, warnings, aws, |plan| {
        print_plan(global, plan, settings.apply)
    })
}

/// An imperative command's run: the pipeline on `desired`, applied unless `dry_run`.
pub(super) fn run_imperative(
    global: &GlobalArgs,
    desired: Desired,
    opts: DiffOptions,
    dry_run: bool,
    warnings: Vec<String>,
) -> Result<ExitCode, CliError> {
    let settings = settings(global, None, !dry_run, crate::exec::DEFAULT_CONCURRENCY);
    execute(global, &settings, desired, &opts, warnings, None)?;
    Ok(ExitCode::SUCCESS)
}

/// A migration's run: plans `desired` through the pipeline and applies it unless `dry_run`;
/// shows the plan, or with `-o yaml` the ClusterConfig fragment `fragment` writes from it.
///
/// # Errors
/// A failed read or write, or a plan that cannot be applied.
pub(super) fn run_migration(
    global: &GlobalArgs,
    desired: Desired,
    warnings: Vec<String>,
    aws: crate::aws::Aws,
    dry_run: bool,
    fragment: impl FnOnce(&Plan) -> String,
) -> Result<ExitCode, CliError> {
    let settings = settings(global, None, !dry_run, crate::exec::DEFAULT_CONCURRENCY);
    let yaml = global.output == OutputFormat::Yaml;
    execute_showing(
        global,
        &settings,
        desired,
        &DiffOptions::default(),
        warnings,
        Some(aws),
        |plan| {
            if yaml {
                super::print_stdout(&fragment(plan))
            } else {
                print_plan(global, plan, settings.apply)
            }
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

/// [`execute`], showing the plan with `show`.
pub(super) fn execute_showing(
    global: &GlobalArgs,
    settings: &Settings,
    desired: Desired,
    opts: &DiffOptions,
    warnings: Vec<String>,
    aws: Option<crate::aws::Aws>,
    show: impl FnOnce(&Plan) -> Result<(), CliError>,
) -> Result<Plan, CliError> {
    let connector = Connector {
        aws,
        ..global.connector()
    };
    super::runtime().block_on(app::run(
        &connector, settings, desired, opts, warnings, show,
    ))
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
