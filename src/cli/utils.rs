//! `eksiam utils …`: eksctl's `utils` commands.

use super::GlobalArgs;
use super::thumbprint::TlsArgs;
use crate::aws::Aws;
use crate::desired::Desired;
use crate::error::CliError;
use crate::plan::DiffOptions;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// eksctl's utility commands.
#[derive(Debug, Subcommand)]
pub enum UtilsCommand {
    AssociateIamOidcProvider(AssociateArgs),
    MigrateToAccessEntry(super::migrate::MigrateArgs),
    MigrateToPodIdentity(super::migrate_pod_identity::MigrateArgs),
}

/// Register the cluster's OIDC issuer as an IAM OIDC provider
///
/// Creates the provider with client ID `sts.amazonaws.com` and the issuer's thumbprint, or
/// brings an existing one up to date. Prints the plan first; `--dry-run` stops there.
#[derive(Debug, Args)]
pub struct AssociateArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = parse_cluster)]
    pub cluster: String,
    /// Use this thumbprint (40 hex characters) instead of fetching it from the issuer
    #[arg(long, value_name = "HEX", value_parser = parse_thumbprint)]
    pub thumbprint: Option<String>,
    #[command(flatten)]
    pub tls: TlsArgs,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// Checks a `--cluster` value before anything is called.
pub fn parse_cluster(name: &str) -> Result<String, String> {
    if crate::rules::naming::is_cluster_name(name) {
        Ok(name.to_owned())
    } else {
        Err("EKS cluster names start with a letter and contain only letters, digits and `-` (at most 100)".into())
    }
}

/// Checks a `--region` value.
pub fn parse_region(region: &str) -> Result<String, String> {
    if crate::rules::naming::is_region(region) {
        Ok(region.to_owned())
    } else {
        Err("write a region code such as `us-west-2`".into())
    }
}

/// Checks a `--namespace` value (a DNS-1123 label).
pub fn parse_namespace(ns: &str) -> Result<String, String> {
    crate::rules::naming::check_dns1123_label(ns)
        .map(|()| ns.to_owned())
        .map_err(|why| format!("a Kubernetes namespace name {why}"))
}

/// Checks that a file given on the command line can be read, before anything is called.
pub fn parse_readable_file(path: &str) -> Result<std::path::PathBuf, String> {
    std::fs::File::open(path)
        .map(|_| std::path::PathBuf::from(path))
        .map_err(|e| format!("cannot read it: {e}"))
}

/// Checks a `--thumbprint` value.
///
/// # Errors
/// When it is not 40 hex characters.
pub fn parse_thumbprint(t: &str) -> Result<String, String> {
    let t = t.replace(':', "");
    if t.len() == 40 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(t.to_ascii_lowercase())
    } else {
        Err(
            "a thumbprint is 40 hexadecimal characters (SHA-1), as `eksiam thumbprint` prints it"
                .into(),
        )
    }
}

/// Runs a `utils` command.
///
/// # Errors
/// As each command says.
pub fn cmd_utils(global: &GlobalArgs, cmd: UtilsCommand) -> Result<ExitCode, CliError> {
    match cmd {
        UtilsCommand::AssociateIamOidcProvider(args) => cmd_associate(global, args),
        UtilsCommand::MigrateToAccessEntry(args) => super::migrate::cmd_migrate(global, args),
        UtilsCommand::MigrateToPodIdentity(args) => {
            super::migrate_pod_identity::cmd_migrate(global, args)
        }
    }
}

fn cmd_associate(global: &GlobalArgs, args: AssociateArgs) -> Result<ExitCode, CliError> {
    // The region is resolved first: the plan names it.
    let aws = super::runtime().block_on(Aws::connect(
        global.region.as_deref(),
        global.profile.as_deref(),
    ))?;
    let mut desired = Desired::empty(&args.cluster, Some(&aws.region));
    desired.oidc_provider = true;
    let thumbprint = super::plan::thumbprint_source(args.thumbprint.as_ref(), &args.tls)?;
    let settings = super::plan::settings(global, Some(thumbprint), !args.dry_run, 1);
    super::plan::execute(
        global,
        &settings,
        desired,
        &DiffOptions::default(),
        Vec::new(),
        Some(aws),
    )?;
    Ok(ExitCode::SUCCESS)
}
