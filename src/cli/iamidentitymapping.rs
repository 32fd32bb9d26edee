//! `create|get|delete iamidentitymapping`: aws-auth entries from flags, with eksctl's flags,
//! through the same plan and the same one-read-one-write edit as `apply -f`.

use super::{GlobalArgs, OutputFormat};
use crate::config::{IdentityMappingSpec, Pos, Severity, Sp, validate_mapping};
use crate::desired::{Desired, DesiredMapping};
use crate::error::{CliError, ErrorKind};
use crate::kube::Kube;
use crate::kube::KubeApi as _;
use crate::plan::DiffOptions;
use crate::rules::authmap::{AwsAuth, Subject};
use clap::Args;
use std::process::ExitCode;

/// Add or update an aws-auth entry (one per ARN: re-running changes nothing)
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// The IAM role or user ARN to map
    #[arg(
        long,
        value_name = "ARN",
        required_unless_present = "account",
        conflicts_with = "account"
    )]
    pub arn: Option<String>,
    /// The Kubernetes user name
    #[arg(long, value_name = "USER", requires = "arn")]
    pub username: Option<String>,
    /// A Kubernetes group (repeatable)
    #[arg(long = "group", value_name = "GROUP", requires = "arn")]
    pub groups: Vec<String>,
    /// An AWS account ID whose IAM users all map to themselves
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,
    /// Fail instead of updating when the ARN is already mapped differently
    #[arg(long)]
    pub no_duplicate_arns: bool,
    /// Remove shadowed duplicate entries, keeping the one the authenticator uses
    #[arg(long)]
    pub collapse_duplicates: bool,
    /// Allow changing the groups or username of the AWS identity eksiam runs as (and any
    /// change that lowers access when that identity cannot be told)
    #[arg(long)]
    pub allow_lockout: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// List aws-auth entries
#[derive(Debug, Args)]
pub struct GetArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// Only the entries for this ARN
    #[arg(long, value_name = "ARN")]
    pub arn: Option<String>,
}

/// Remove every aws-auth entry for an ARN or account
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// The IAM role or user ARN whose entries to remove
    #[arg(
        long,
        value_name = "ARN",
        required_unless_present = "account",
        conflicts_with = "account"
    )]
    pub arn: Option<String>,
    /// Accepted for eksctl compatibility: eksiam always removes every entry for the ARN
    #[arg(long)]
    pub all: bool,
    /// The account ID to remove from `mapAccounts`
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,
    /// Allow removing a node role's mapping, the mapping of the AWS identity eksiam runs as,
    /// or the last `mapRoles` entry (and any removal when that identity cannot be told)
    #[arg(long)]
    pub allow_lockout: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

fn sp(value: &Option<String>) -> Option<Sp<String>> {
    value.as_ref().map(|v| Sp {
        value: v.clone(),
        pos: Pos::default(),
    })
}

/// Validates flags with the file's rules; returns the subject and warnings.
fn check(
    arn: &Option<String>,
    account: &Option<String>,
    username: &Option<String>,
    groups: &[String],
) -> Result<(Subject, Vec<String>), CliError> {
    let spec = IdentityMappingSpec {
        pos: Pos::default(),
        arn: sp(arn),
        username: sp(username),
        groups: groups
            .iter()
            .map(|g| Sp {
                value: g.clone(),
                pos: Pos::default(),
            })
            .collect(),
        account: sp(account),
        no_duplicate_arns: false,
        service_name: None,
        namespace: None,
    };
    let diags = validate_mapping(&spec);
    if let Some(e) = diags.iter().find(|d| d.severity == Severity::Error) {
        return Err(CliError {
            kind: ErrorKind::InvalidInput,
            message: e.message.clone(),
            hint: e.hint.clone(),
            source: None,
        });
    }
    let warnings = diags.iter().map(|d| d.message.clone()).collect();
    let subject = match (arn, account) {
        (Some(a), _) => {
            let (stripped, _) = crate::rules::arn::strip_role_path(a);
            if a.contains(":role/") {
                Subject::Role(stripped)
            } else {
                Subject::User(stripped)
            }
        }
        (None, Some(acct)) => Subject::Account(acct.clone()),
        (None, None) => unreachable!("clap requires --arn or --account"),
    };
    Ok((subject, warnings))
}

async fn connect(global: &GlobalArgs, cluster: &str) -> Result<Kube, CliError> {
    Kube::for_cluster(
        &global.access(),
        cluster,
        global.region.as_deref(),
        global.profile.as_deref(),
    )
    .await
}

/// Plans and (unless `dry_run`) applies an aws-auth edit.
fn edit(
    global: &GlobalArgs,
    desired: &Desired,
    opts: &DiffOptions,
    dry_run: bool,
    warnings: Vec<String>,
) -> Result<ExitCode, CliError> {
    if !global.quiet {
        for w in &warnings {
            eprintln!("warning: {w}");
        }
    }
    let settings = super::plan::settings(global, None, !dry_run, 1);
    super::plan::execute(global, &settings, desired.clone(), opts, warnings, None)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `create iamidentitymapping`.
///
/// # Errors
/// Invalid flags, an unreachable cluster, a refused or failed edit.
pub fn cmd_create(global: &GlobalArgs, args: CreateArgs) -> Result<ExitCode, CliError> {
    let (subject, warnings) = check(&args.arn, &args.account, &args.username, &args.groups)?;
    let mut desired = Desired::empty(&args.cluster, global.region.as_deref());
    desired.mappings.push(DesiredMapping {
        mapping: crate::rules::authmap::Mapping {
            subject,
            username: args.username.clone(),
            groups: args.groups.clone(),
        },
        no_duplicate_arns: args.no_duplicate_arns,
    });
    edit(
        global,
        &desired,
        &DiffOptions {
            collapse_duplicates: args.collapse_duplicates,
            allow_lockout: args.allow_lockout,
            ..DiffOptions::default()
        },
        args.dry_run,
        warnings,
    )
}

/// Runs `delete iamidentitymapping`.
///
/// # Errors
/// Invalid flags, an unreachable cluster, a refused or failed edit.
pub fn cmd_delete(global: &GlobalArgs, args: DeleteArgs) -> Result<ExitCode, CliError> {
    let (subject, warnings) = check(&args.arn, &args.account, &None, &[])?;
    let mut desired = Desired::empty(&args.cluster, global.region.as_deref());
    desired.absent_mappings.push(subject);
    let opts = DiffOptions {
        allow_lockout: args.allow_lockout,
        ..DiffOptions::default()
    };
    edit(global, &desired, &opts, args.dry_run, warnings)
}

/// Runs `get iamidentitymapping`.
///
/// # Errors
/// An unreachable cluster or a broken aws-auth.
pub fn cmd_get(global: &GlobalArgs, args: GetArgs) -> Result<ExitCode, CliError> {
    let filter = match &args.arn {
        Some(a) => Some(
            check(&Some(a.clone()), &None, &None, &[])?
                .0
                .id()
                .to_ascii_lowercase(),
        ),
        None => None,
    };
    let data = super::runtime()
        .block_on(async { connect(global, &args.cluster).await?.read_aws_auth().await })?;
    let auth = AwsAuth::parse(&data.data).map_err(|e| CliError {
        kind: ErrorKind::Remote,
        message: e.to_string(),
        hint: Some("repair it with `kubectl -n kube-system edit configmap aws-auth`".into()),
        source: None,
    })?;
    let entries: Vec<serde_json::Value> = auth
        .entries()
        .map(|(_, e)| match e {
            serde_json::Value::Object(_) => e.clone(),
            other => serde_json::json!({"account": other.as_str().map_or_else(|| other.to_string(), str::to_owned)}),
        })
        .filter(|e| {
            filter.as_ref().is_none_or(|f| {
                ["rolearn", "userarn", "account"]
                    .iter()
                    .filter_map(|k| e.get(*k).and_then(|v| v.as_str()))
                    .any(|id| id.eq_ignore_ascii_case(f))
            })
        })
        .collect();
    let text = match global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&entries).expect("json") + "\n",
        OutputFormat::Yaml => serde_saphyr::to_string(&entries).expect("yaml"),
        OutputFormat::Text => table(&entries),
    };
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// eksctl's table: ARN, USERNAME, GROUPS, ACCOUNT.
fn table(entries: &[serde_json::Value]) -> String {
    let s =
        |e: &serde_json::Value, k: &str| e.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
    let rows: Vec<[String; 4]> = entries
        .iter()
        .map(|e| {
            let arn = e
                .get("rolearn")
                .or(e.get("userarn"))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned();
            let groups = e
                .get("groups")
                .and_then(|g| g.as_array())
                .map(|g| {
                    g.iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default();
            [arn, s(e, "username"), groups, s(e, "account")]
        })
        .collect();
    let header = ["ARN", "USERNAME", "GROUPS", "ACCOUNT"].map(str::to_owned);
    let mut widths = [0usize; 4];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}
