//! `eksiam iam-policy` and `eksiam rbac`: the permissions eksiam's own identity needs, printed
//! from the catalogues in `crate::permissions`. Offline: no AWS or Kubernetes call.

use super::{GlobalArgs, OutputFormat};
use crate::config;
use crate::desired::Desired;
use crate::error::CliError;
use crate::permissions::{Command, iam, rbac};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// What the permissions are for: a file, some commands, or everything.
#[derive(Debug, Args)]
pub struct Target {
    /// Scope the permissions to what `apply -f FILE` needs for this ClusterConfig
    #[arg(short = 'f', long = "config-file", value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Only what this command needs (repeatable), e.g. `--command "create iamserviceaccount"`;
    /// with `-f`, `plan` gives the read-only form (default: every command, or `apply` with `-f`)
    #[arg(long = "command", value_name = "CMD", value_parser = Command::parse)]
    pub commands: Vec<Command>,
    /// With `-f`: also what `apply -f FILE --prune` needs
    #[arg(long, requires = "file")]
    pub prune: bool,
    /// Print a Markdown table of every permission, the commands that need it and why
    #[arg(long, conflicts_with_all = ["file", "commands", "prune"])]
    pub explain: bool,
}

/// Print the IAM policy the identity running eksiam needs
///
/// For a ClusterConfig (`-f`), the policy names exactly its cluster, OIDC provider and roles,
/// and pins the managed policies and permissions boundaries they get; otherwise it covers
/// every role, OIDC provider and cluster of the account for the commands asked about.
/// Prints JSON (`-o yaml` for YAML); notes about the ARNs go to stderr.
#[derive(Debug, Args)]
pub struct IamPolicyArgs {
    #[command(flatten)]
    pub target: Target,
    /// The AWS account ID to name in the ARNs (default `*`: any account)
    #[arg(long, value_name = "ID", value_parser = parse_account)]
    pub account: Option<String>,
    /// The cluster's OIDC issuer URL, to name its OIDC provider exactly (default: any EKS
    /// issuer of the region)
    #[arg(long, value_name = "URL", value_parser = parse_issuer)]
    pub issuer: Option<crate::rules::trust::Issuer>,
}

/// Print the Kubernetes RBAC rules the identity running eksiam needs
///
/// A ClusterRole for namespaces and ServiceAccounts and a Role in `kube-system` for the
/// `aws-auth` ConfigMap by name, each bound to a group (`--group`). Prints YAML for
/// `kubectl apply -f -` (`-o json` for a JSON `List`).
#[derive(Debug, Args)]
pub struct RbacArgs {
    #[command(flatten)]
    pub target: Target,
    /// The group the rules are bound to (map eksiam's IAM identity to it in aws-auth)
    #[arg(long, value_name = "GROUP", default_value = "eksiam")]
    pub group: String,
}

fn parse_account(text: &str) -> Result<String, String> {
    if crate::rules::arn::is_account_id(text) {
        Ok(text.to_owned())
    } else {
        Err("an AWS account ID is 12 digits".into())
    }
}

fn parse_issuer(text: &str) -> Result<crate::rules::trust::Issuer, String> {
    crate::rules::trust::Issuer::parse(text).map_err(|e| e.to_string())
}

/// What a file asks for: the desired state, and whether the run writes.
struct FileTarget {
    desired: Desired,
    writes: bool,
    what: String,
}

impl Target {
    /// Loads the file (if any) and checks which commands go with it.
    fn file_target(&self, global: &GlobalArgs) -> Result<Option<FileTarget>, CliError> {
        let Some(path) = &self.file else {
            return Ok(None);
        };
        let writes = match self.commands.as_slice() {
            [] => true,
            cmds if cmds
                .iter()
                .all(|c| matches!(c, Command::Plan | Command::Apply)) =>
            {
                cmds.contains(&Command::Apply)
            }
            _ => {
                return Err(CliError::input(
                    "with `-f`, `--command` can only be `plan` or `apply`",
                    "drop `-f` for the permissions of other commands (`--command \"create iamserviceaccount\"`)",
                ));
            }
        };
        let loaded = config::load(path)?;
        if !global.quiet {
            for w in &loaded.warnings {
                eprintln!("{}", w.render(&loaded.file, &loaded.source));
            }
        }
        let desired = Desired::from_config(&loaded.config, global.region.as_deref());
        let what = format!(
            "`{} -f {}{}`",
            if writes { "apply" } else { "plan" },
            loaded.file,
            if self.prune { " --prune" } else { "" }
        );
        Ok(Some(FileTarget {
            desired,
            writes,
            what,
        }))
    }

    fn commands(&self) -> Vec<Command> {
        if self.commands.is_empty() {
            Command::ALL.to_vec()
        } else {
            self.commands.clone()
        }
    }

    fn describe_commands(&self) -> String {
        if self.commands.is_empty() {
            return "every command".into();
        }
        self.commands
            .iter()
            .map(|c| format!("`eksiam {}`", c.name()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Runs `iam-policy`.
///
/// # Errors
/// An unreadable or invalid file, or `--command` that does not go with `-f`.
pub fn cmd_iam_policy(global: &GlobalArgs, args: IamPolicyArgs) -> Result<ExitCode, CliError> {
    if args.target.explain {
        super::print_stdout(&iam::explain())?;
        return Ok(ExitCode::SUCCESS);
    }
    let file = args.target.file_target(global)?;
    let region = match &file {
        Some(f) => f.desired.region.clone(),
        None => global.region.clone(),
    };
    let scope = iam::Scope {
        partition: crate::rules::arn::partition_of_region(region.as_deref().unwrap_or(""))
            .to_owned(),
        account: args.account,
        region,
        issuer: args.issuer,
    };
    let mut notes = Vec::new();
    let policy = match &file {
        Some(f) => {
            let opts = iam::ScopedOptions {
                writes: f.writes,
                prune: args.target.prune,
            };
            let reads_all = opts.prune && f.desired.prune_scope.any_roles();
            if !f.desired.roles.is_empty() && !reads_all {
                notes.push("roles are read one by one: eksiam says `iam:GetAccountAuthorizationDetails` is denied, as this policy intends".into());
            }
            iam::scoped(&f.desired, &scope, opts)
        }
        None => iam::broad(&args.target.commands(), &scope),
    };
    notes.splice(0..0, scope.notes(&policy));
    if policy.statements.is_empty() {
        notes.push("this needs no IAM permission".into());
    }
    for n in notes {
        global.log(&format!("note: {n}"));
    }
    let text = match global.output {
        OutputFormat::Yaml => serde_saphyr::to_string(&policy).expect("policies serialise"),
        OutputFormat::Text | OutputFormat::Json => policy.to_json(),
    };
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `rbac`.
///
/// # Errors
/// An unreadable or invalid file, or `--command` that does not go with `-f`.
pub fn cmd_rbac(global: &GlobalArgs, args: RbacArgs) -> Result<ExitCode, CliError> {
    if args.target.explain {
        super::print_stdout(&rbac::explain())?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.group.trim().is_empty() {
        return Err(CliError::input(
            "`--group` is empty",
            "name the group eksiam's identity is mapped to, e.g. `--group eksiam`",
        ));
    }
    let (rules, what, cluster) = match args.target.file_target(global)? {
        Some(f) => (
            rbac::scoped(&f.desired, f.writes, args.target.prune),
            f.what,
            Some(f.desired.cluster),
        ),
        None => (
            rbac::broad(&args.target.commands()),
            args.target.describe_commands(),
            None,
        ),
    };
    let text = match global.output {
        OutputFormat::Json => rbac::render_json(&rules, &args.group),
        OutputFormat::Text | OutputFormat::Yaml => {
            rbac::render_yaml(&rules, &args.group, &what, cluster.as_deref())
        }
    };
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}
