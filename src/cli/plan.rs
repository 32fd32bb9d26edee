//! `eksiam plan` and `eksiam apply`: the declarative commands over a ClusterConfig file.

use super::{GlobalArgs, OutputFormat};
use crate::config::{self, Loaded};
use crate::desired::Desired;
use crate::error::CliError;
use crate::filter;
use crate::observed::Observed;
use crate::plan::{self, DiffOptions, Plan};
use clap::Args;
use std::io::Write as _;
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
    /// With `--dry-run`: plan without any network call
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
    #[arg(long, value_name = "HEX")]
    pub thumbprint: Option<String>,
}

/// Runs `plan`.
///
/// # Errors
/// Invalid input, or (later) a failure to read the account and cluster.
pub fn cmd_plan(global: &GlobalArgs, args: PlanArgs) -> Result<ExitCode, CliError> {
    let plan = make_plan(global, &args.file, args.offline)?;
    print_plan(global, &plan)?;
    Ok(if args.detailed_exitcode && plan.has_changes() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `apply`.
///
/// # Errors
/// Invalid input, or (later) a failure while applying.
pub fn cmd_apply(global: &GlobalArgs, args: ApplyArgs) -> Result<ExitCode, CliError> {
    if args.offline && !args.dry_run {
        return Err(CliError::input(
            "`--offline` can only plan: nothing can be applied without reaching AWS",
            "add `--dry-run`, or use `eksiam plan -f FILE --offline`",
        ));
    }
    if !args.dry_run {
        return Err(live_not_available());
    }
    let plan = make_plan(global, &args.file, args.offline)?;
    print_plan(global, &plan)?;
    Ok(ExitCode::SUCCESS)
}

fn live_not_available() -> CliError {
    CliError::input(
        "this build of eksiam plans offline only: reading and changing a live account and cluster is not available yet",
        "use `eksiam plan -f FILE --offline` (see CHANGELOG.md for what this version supports)",
    )
}

fn make_plan(global: &GlobalArgs, args: &FileArgs, offline: bool) -> Result<Plan, CliError> {
    if let Some(t) = &args.thumbprint
        && !(t.len() == 40 && t.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(CliError::input(
            format!("`--thumbprint {t}` is not a SHA-1 thumbprint"),
            "give 40 hexadecimal characters, as printed by `openssl x509 -fingerprint -sha1` without the colons",
        ));
    }
    let loaded = config::load(&args.file)?;
    report_warnings(global, &loaded);
    if !offline {
        return Err(live_not_available());
    }
    let mut cfg = loaded.config.clone();
    cfg.iam.service_accounts.retain(|sa| {
        filter::selected(
            &format!("{}/{}", sa.namespace(), sa.name.value),
            &args.include,
            &args.exclude,
        )
    });
    let desired = Desired::from_config(&cfg, global.region.as_deref());
    if global.verbose {
        eprintln!(
            "loaded `{}`: {} roles, {} ServiceAccounts, {} identity mappings",
            loaded.file,
            desired.roles.len(),
            desired.service_accounts.len(),
            desired.mappings.len()
        );
    }
    let mut observed = Observed::offline();
    observed.thumbprint = args.thumbprint.as_ref().map(|t| t.to_ascii_lowercase());
    let opts = DiffOptions {
        override_existing_service_accounts: args.override_existing_serviceaccounts,
        prune: args.prune,
    };
    let mut plan = plan::diff(&desired, &observed, &opts);
    let file_warnings = loaded.warnings.iter().map(|w| w.one_line(&loaded.file));
    plan.warnings.splice(0..0, file_warnings);
    Ok(plan)
}

fn report_warnings(global: &GlobalArgs, loaded: &Loaded) {
    if global.quiet {
        return;
    }
    for w in &loaded.warnings {
        eprintln!("{}", w.render(&loaded.file, &loaded.source));
    }
}

fn print_plan(global: &GlobalArgs, plan: &Plan) -> Result<(), CliError> {
    let text = match global.output {
        OutputFormat::Text => plan::render_text(plan, global.colour()),
        OutputFormat::Json => plan::render_json(plan) + "\n",
        OutputFormat::Yaml => {
            let value: serde_json::Value =
                serde_json::from_str(&plan::render_json(plan)).expect("plan JSON parses");
            serde_saphyr::to_string(&value).expect("plans serialise as YAML")
        }
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // `eksiam plan … | head` closes the pipe early: that is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError {
            kind: crate::error::ErrorKind::Remote,
            message: format!("cannot write the plan to stdout: {e}"),
            hint: None,
        }),
    }
}
