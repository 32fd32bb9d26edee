//! The command line: clap definitions and dispatch. One file per command; the doc comment on
//! each args struct is its `--help` text.

mod plan;

use crate::error::CliError;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal as _;
use std::process::ExitCode;

/// eksiam: the IAM side of Amazon EKS — OIDC provider, IAM roles for service accounts and
/// aws-auth identity mappings — planned and applied from eksctl's ClusterConfig files.
#[derive(Debug, Parser)]
#[command(name = "eksiam", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// AWS region (else the file's `metadata.region`, else the AWS SDK chain)
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// AWS shared-config profile
    #[arg(long, global = true, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// Output format: `text` for people, `json` and `yaml` for machines
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub output: OutputFormat,
    /// No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// More logging on stderr
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Less logging on stderr (no warnings)
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// Machine or human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Yaml,
}

impl GlobalArgs {
    /// Whether text output may use colour.
    pub fn colour(&self) -> bool {
        !self.no_color
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::io::stdout().is_terminal()
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    Plan(plan::PlanArgs),
    Apply(plan::ApplyArgs),
}

/// Runs the parsed command line.
///
/// # Errors
/// A [`CliError`] whose kind decides the exit code.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    match cli.command {
        Command::Plan(args) => plan::cmd_plan(&cli.global, args),
        Command::Apply(args) => plan::cmd_apply(&cli.global, args),
    }
}
