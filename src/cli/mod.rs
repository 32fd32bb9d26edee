//! The command line: clap definitions and dispatch. One file per command; the doc comment on
//! each args struct is its `--help` text.

mod access;
mod accessentry;
pub mod generate;
mod iamidentitymapping;
mod iamserviceaccount;
mod migrate;
mod migrate_kube2iam;
mod migrate_pod_identity;
mod permissions;
mod plan;
mod podidentity;
mod reconcile;
mod thumbprint;
mod utils;

use crate::error::CliError;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal as _;
use std::process::ExitCode;

/// eksiam: the IAM side of Amazon EKS — OIDC provider, IAM roles for service accounts,
/// aws-auth mappings, access entries and Pod Identity — planned and applied from eksctl's
/// ClusterConfig files.
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
    #[arg(long, global = true, value_name = "REGION", value_parser = utils::parse_region)]
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
    /// More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL,
    /// status and time; credentials never shown)
    #[arg(short, long, global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Only errors on stderr, and no text plan before an apply
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses
    /// `KUBECONFIG`'s current context when its server is the cluster's endpoint, else the
    /// endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)
    #[arg(long, global = true, value_name = "PATH")]
    pub kubeconfig: Option<std::path::PathBuf>,
    /// Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else
    /// `KUBECONFIG`, else `~/.kube/config`)
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even
    /// when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster
    /// behind another address)
    #[arg(long, global = true)]
    pub skip_endpoint_check: bool,
    /// Reach the cluster this process runs in, as its pod's ServiceAccount (a controller's
    /// in-cluster configuration), instead of a kubeconfig or an EKS token
    #[arg(long, global = true, conflicts_with_all = ["kubeconfig", "context", "skip_endpoint_check"])]
    pub in_cluster: bool,
}

/// Machine or human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Yaml,
}

impl GlobalArgs {
    /// How to reach the cluster: the flags, and whether `KUBECONFIG` is set.
    pub fn access(&self) -> crate::kube::Access<'_> {
        crate::kube::Access {
            kubeconfig: self.kubeconfig.as_deref(),
            context: self.context.as_deref(),
            kubeconfig_from_env: std::env::var_os("KUBECONFIG").is_some_and(|v| !v.is_empty()),
            skip_endpoint_check: self.skip_endpoint_check,
            in_cluster: self.in_cluster,
        }
    }

    /// The connections a command opens, as the flags say (no client made yet).
    pub(crate) fn connector(&self) -> crate::app::Connector<'_> {
        crate::app::Connector {
            profile: self.profile.as_deref(),
            access: self.access(),
            aws: None,
            kube: None,
        }
    }

    /// Logs a line of what was done on stderr, unless `-q`.
    pub fn log(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

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
    Thumbprint(thumbprint::ThumbprintArgs),
    /// Create resources (eksctl's `create`)
    #[command(subcommand)]
    Create(CreateCommand),
    /// Update resources (eksctl's `update`)
    #[command(subcommand)]
    Update(UpdateCommand),
    /// List resources (eksctl's `get`)
    #[command(subcommand)]
    Get(GetCommand),
    /// Delete resources (eksctl's `delete`)
    #[command(subcommand)]
    Delete(DeleteCommand),
    /// eksctl's utility commands
    #[command(subcommand)]
    Utils(utils::UtilsCommand),
    /// Move from other tools to eksiam
    #[command(subcommand)]
    Migrate(MigrateCommand),
    Reconcile(reconcile::ReconcileArgs),
    Explain(access::ExplainArgs),
    IamPolicy(permissions::IamPolicyArgs),
    Rbac(permissions::RbacArgs),
    Completion(generate::CompletionArgs),
    Schema(generate::SchemaArgs),
}

/// `eksiam create …`.
#[derive(Debug, Subcommand)]
pub enum CreateCommand {
    Accessentry(accessentry::CreateArgs),
    Iamidentitymapping(iamidentitymapping::CreateArgs),
    Iamserviceaccount(iamserviceaccount::CreateArgs),
    Podidentityassociation(podidentity::CreateArgs),
}

/// `eksiam migrate …`.
#[derive(Debug, Subcommand)]
pub enum MigrateCommand {
    Kube2iam(migrate_kube2iam::Kube2iamArgs),
}

/// `eksiam update …`.
#[derive(Debug, Subcommand)]
pub enum UpdateCommand {
    Iamserviceaccount(iamserviceaccount::UpdateArgs),
    Podidentityassociation(podidentity::UpdateArgs),
}

/// `eksiam get …`.
#[derive(Debug, Subcommand)]
pub enum GetCommand {
    Access(access::GetAccessArgs),
    Accessentry(accessentry::GetArgs),
    Iamidentitymapping(iamidentitymapping::GetArgs),
    Iamserviceaccount(iamserviceaccount::GetArgs),
    Podidentityassociation(podidentity::GetArgs),
}

/// `eksiam delete …`.
#[derive(Debug, Subcommand)]
pub enum DeleteCommand {
    Accessentry(accessentry::DeleteArgs),
    Iamidentitymapping(iamidentitymapping::DeleteArgs),
    Iamserviceaccount(iamserviceaccount::DeleteArgs),
    Podidentityassociation(podidentity::DeleteArgs),
}

/// Runs the parsed command line.
///
/// # Errors
/// A [`CliError`] whose kind decides the exit code.
pub fn run(cli: Cli) -> Result<ExitCode, CliError> {
    crate::verbosity::set(cli.global.verbose);
    crate::aws::reach::say_retries(
        !cli.global.quiet && (cli.global.verbose > 0 || std::io::stderr().is_terminal()),
    );
    match cli.command {
        Command::Plan(args) => plan::cmd_plan(&cli.global, args),
        Command::Apply(args) => plan::cmd_apply(&cli.global, args),
        Command::Thumbprint(args) => thumbprint::cmd_thumbprint(&cli.global, args),
        Command::Utils(cmd) => utils::cmd_utils(&cli.global, cmd),
        Command::Reconcile(a) => reconcile::cmd_reconcile(&cli.global, a),
        Command::Migrate(MigrateCommand::Kube2iam(a)) => {
            migrate_kube2iam::cmd_kube2iam(&cli.global, a)
        }
        Command::IamPolicy(args) => permissions::cmd_iam_policy(&cli.global, args),
        Command::Rbac(args) => permissions::cmd_rbac(&cli.global, args),
        Command::Completion(args) => generate::cmd_completion(&cli.global, args),
        Command::Schema(args) => generate::cmd_schema(&cli.global, args),
        Command::Create(CreateCommand::Accessentry(a)) => accessentry::cmd_create(&cli.global, a),
        Command::Get(GetCommand::Accessentry(a)) => accessentry::cmd_get(&cli.global, a),
        Command::Get(GetCommand::Access(a)) => access::cmd_get_access(&cli.global, a),
        Command::Explain(a) => access::cmd_explain(&cli.global, a),
        Command::Delete(DeleteCommand::Accessentry(a)) => accessentry::cmd_delete(&cli.global, a),
        Command::Create(CreateCommand::Iamidentitymapping(a)) => {
            iamidentitymapping::cmd_create(&cli.global, a)
        }
        Command::Get(GetCommand::Iamidentitymapping(a)) => {
            iamidentitymapping::cmd_get(&cli.global, a)
        }
        Command::Delete(DeleteCommand::Iamidentitymapping(a)) => {
            iamidentitymapping::cmd_delete(&cli.global, a)
        }
        Command::Create(CreateCommand::Iamserviceaccount(a)) => {
            iamserviceaccount::cmd_create(&cli.global, a)
        }
        Command::Update(UpdateCommand::Iamserviceaccount(a)) => {
            iamserviceaccount::cmd_update(&cli.global, a)
        }
        Command::Get(GetCommand::Iamserviceaccount(a)) => {
            iamserviceaccount::cmd_get(&cli.global, a)
        }
        Command::Delete(DeleteCommand::Iamserviceaccount(a)) => {
            iamserviceaccount::cmd_delete(&cli.global, a)
        }
        Command::Create(CreateCommand::Podidentityassociation(a)) => {
            podidentity::cmd_create(&cli.global, a)
        }
        Command::Update(UpdateCommand::Podidentityassociation(a)) => {
            podidentity::cmd_update(&cli.global, a)
        }
        Command::Get(GetCommand::Podidentityassociation(a)) => podidentity::cmd_get(&cli.global, a),
        Command::Delete(DeleteCommand::Podidentityassociation(a)) => {
            podidentity::cmd_delete(&cli.global, a)
        }
    }
}

/// The async runtime for commands that talk to the network.
pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("start the async runtime")
}

/// A table: each column as wide as its widest cell, two spaces apart, no trailing blanks.
pub(crate) fn columns<const N: usize>(head: [&str; N], rows: &[[String; N]]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].len())
                .chain([head[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: [&str; N]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:w$}"))
            .collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(head);
    for r in rows {
        out.push_str(&line(std::array::from_fn(|i| r[i].as_str())));
    }
    out
}

/// Writes to stdout; a closed pipe (`eksiam … | head`) is not an error.
pub(crate) fn print_stdout(text: &str) -> Result<(), CliError> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError {
            kind: crate::error::ErrorKind::Remote,
            message: format!("cannot write to stdout: {e}"),
            hint: None,
            source: None,
        }),
    }
}
