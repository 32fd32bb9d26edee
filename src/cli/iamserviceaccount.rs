//! `create|get|update|delete iamserviceaccount`: IAM roles for service accounts from flags,
//! with eksctl's flags, through the same validation, plan and executor as `apply -f`.

use super::{GlobalArgs, OutputFormat};
use crate::aws::IamApi as _;
use crate::aws::{Aws, OidcApi as _};
use crate::config::{
    ClusterConfig, Document, Iam, Metadata, Pos, ServiceAccountSpec, Severity, Sp, StringMap,
    validate_config,
};
use crate::desired::{
    Desired, MANAGER, ROLE_ARN_ANNOTATION, TAG_CLUSTER, TAG_MANAGED_BY, TAG_SERVICE_ACCOUNTS,
};
use crate::error::{CliError, ErrorKind};
use crate::kube::Kube;
use crate::kube::KubeApi as _;
use crate::observed::{ObservedRole, ObservedServiceAccount};
use crate::plan::DiffOptions;
use clap::Args;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Which ServiceAccount.
#[derive(Debug, Args)]
pub struct Target {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// The ServiceAccount
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Its namespace
    #[arg(long, value_name = "NS", default_value = "default", value_parser = super::utils::parse_namespace)]
    pub namespace: String,
}

/// The role's permissions and options.
#[derive(Debug, Args)]
pub struct RoleArgs {
    /// A managed policy to attach (repeatable)
    #[arg(long = "attach-policy-arn", value_name = "ARN")]
    pub attach_policy_arns: Vec<String>,
    /// A file with an inline policy document (JSON or YAML)
    #[arg(long, value_name = "FILE")]
    pub attach_policy: Option<PathBuf>,
    /// Use this existing role as-is instead of creating one
    #[arg(long, value_name = "ARN")]
    pub attach_role_arn: Option<String>,
    /// The role's name (default: `<cluster>-<namespace>-<name>`)
    #[arg(long, value_name = "NAME")]
    pub role_name: Option<String>,
    /// Create the role only; do not create or annotate the ServiceAccount
    #[arg(long)]
    pub role_only: bool,
    /// A managed policy used as the role's permissions boundary
    #[arg(long, value_name = "ARN")]
    pub permissions_boundary: Option<String>,
    /// Tags for the role, `k=v,k2=v2`
    #[arg(long, value_name = "K=V", value_delimiter = ',')]
    pub tags: Vec<String>,
    /// Trust every ServiceAccount matching this pattern, e.g. `system:serviceaccount:NS:*`
    #[arg(long, value_name = "PATTERN")]
    pub subject_pattern: Option<String>,
}

/// Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it
#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub target: Target,
    #[command(flatten)]
    pub role: RoleArgs,
    /// Rebind the ServiceAccount if it is already annotated with another role
    #[arg(long)]
    pub override_existing_serviceaccounts: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// Make an IAM service account's role have exactly the given policies
#[derive(Debug, Args)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub target: Target,
    #[command(flatten)]
    pub role: RoleArgs,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// Delete an IAM service account: its role (when eksiam made it for this ServiceAccount
/// alone) and the ServiceAccount (when eksiam created it), or else the annotation
#[derive(Debug, Args)]
pub struct DeleteArgs {
    #[command(flatten)]
    pub target: Target,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages
#[derive(Debug, Args)]
pub struct GetArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// Only this namespace
    #[arg(long, value_name = "NS", value_parser = super::utils::parse_namespace)]
    pub namespace: Option<String>,
    /// Only this ServiceAccount
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

fn sp<T>(value: T) -> Sp<T> {
    Sp {
        value,
        pos: Pos::default(),
    }
}

fn input(message: String, hint: &str) -> CliError {
    CliError {
        kind: ErrorKind::InvalidInput,
        message,
        hint: Some(hint.into()),
        source: None,
    }
}

/// The policy document of `--attach-policy PATH`, in JSON or YAML.
fn attach_policy(path: &Path) -> Result<Sp<Document>, CliError> {
    policy_file("--attach-policy", path)
}

/// The policy document in the file a flag (`flag`) names, in JSON or YAML.
pub(super) fn policy_file(flag: &str, path: &Path) -> Result<Sp<Document>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        input(
            format!("cannot read `{flag} {}`: {e}", path.display()),
            "give the path of a policy document",
        )
    })?;
    let doc: serde_json::Value = serde_json::from_str(&text)
        .or_else(|_| serde_saphyr::from_str(&text))
        .map_err(|e| {
            // The parser's first line says where; its snippet repeats the file.
            let e = e.to_string();
            let first = e.lines().next().unwrap_or_default();
            input(
                format!(
                    "`{flag} {}` is neither JSON nor YAML: {}",
                    path.display(),
                    first.trim_start_matches("error: ")
                ),
                "give an IAM policy document",
            )
        })?;
    if !doc.is_object() {
        return Err(input(
            format!("`{flag} {}` is not a policy document", path.display()),
            "give an object with `Version` and `Statement`",
        ));
    }
    Ok(sp(Document::from(doc)))
}

/// `--tags key=value` pairs.
fn tags(flags: &[String]) -> Result<StringMap, CliError> {
    flags
        .iter()
        .map(|t| {
            let (k, v) = t.split_once('=').ok_or_else(|| {
                input(
                    format!("`--tags {t}` is not `key=value`"),
                    "write tags as `team=platform,cost=ci`",
                )
            })?;
            Ok((sp(k.to_owned()), sp(v.to_owned())))
        })
        .collect()
}

/// A one-ServiceAccount ClusterConfig from flags, validated with the file's rules.
fn config(
    global: &GlobalArgs,
    t: &Target,
    r: &RoleArgs,
) -> Result<(ClusterConfig, Vec<String>), CliError> {
    let attach_policy = r.attach_policy.as_deref().map(attach_policy).transpose()?;
    let tags = tags(&r.tags)?;
    let sa = ServiceAccountSpec {
        pos: Pos::default(),
        name: sp(t.name.clone()),
        namespace: Some(sp(t.namespace.clone())),
        labels: Vec::new(),
        annotations: Vec::new(),
        attach_policy_arns: r.attach_policy_arns.iter().cloned().map(sp).collect(),
        attach_policy,
        attach_role_arn: r.attach_role_arn.clone().map(sp),
        well_known_policies: Vec::new(),
        permissions_boundary: r.permissions_boundary.clone().map(sp),
        role_name: r.role_name.clone().map(sp),
        role_only: r.role_only,
        tags,
        subject_pattern: r.subject_pattern.clone().map(sp),
        has_unknown_keys: false,
    };
    let cfg = ClusterConfig {
        access: None,
        metadata: Metadata {
            name: sp(t.cluster.clone()),
            region: global.region.clone().map(sp),
            tags: Vec::new(),
        },
        iam: Iam {
            with_oidc: false,
            service_accounts: vec![sa],
            ..Iam::default()
        },
        identity_mappings: Vec::new(),
        identity_mappings_declared: false,
    };
    let diags = validate_config(&cfg);
    if let Some(e) = diags.iter().find(|d| d.severity == Severity::Error) {
        let message = e
            .message
            .replace("attachPolicyARNs", "--attach-policy-arn")
            .replace("attachRoleARN", "--attach-role-arn");
        return Err(CliError {
            kind: ErrorKind::InvalidInput,
            message,
            hint: e.hint.clone(),
            source: None,
        });
    }
    Ok((cfg, diags.into_iter().map(|d| d.message).collect()))
}

/// Runs `create iamserviceaccount`.
///
/// # Errors
/// Invalid flags, or AWS/Kubernetes failures.
pub fn cmd_create(global: &GlobalArgs, args: CreateArgs) -> Result<ExitCode, CliError> {
    let (cfg, warnings) = config(global, &args.target, &args.role)?;
    let desired = Desired::from_config(&cfg, global.region.as_deref());
    let opts = DiffOptions {
        override_existing_service_accounts: args.override_existing_serviceaccounts,
        ..DiffOptions::default()
    };
    super::plan::run_imperative(global, desired, opts, args.dry_run, warnings)
}

/// Runs `update iamserviceaccount`.
///
/// # Errors
/// Invalid flags, or AWS/Kubernetes failures.
pub fn cmd_update(global: &GlobalArgs, args: UpdateArgs) -> Result<ExitCode, CliError> {
    let (cfg, warnings) = config(global, &args.target, &args.role)?;
    let desired = Desired::from_config(&cfg, global.region.as_deref());
    super::plan::run_imperative(
        global,
        desired,
        DiffOptions::default(),
        args.dry_run,
        warnings,
    )
}

/// Runs `delete iamserviceaccount`.
///
/// # Errors
/// Invalid flags, or AWS/Kubernetes failures.
pub fn cmd_delete(global: &GlobalArgs, args: DeleteArgs) -> Result<ExitCode, CliError> {
    let t = &args.target;
    if let Err(e) = crate::rules::naming::check_dns1123_subdomain(&t.name) {
        return Err(input(
            format!("`--name {}` {e}", t.name),
            "give the ServiceAccount's name",
        ));
    }
    let mut desired = Desired::empty(&t.cluster, global.region.as_deref());
    desired
        .absent_service_accounts
        .push((t.namespace.clone(), t.name.clone()));
    super::plan::run_imperative(
        global,
        desired,
        DiffOptions::default(),
        args.dry_run,
        Vec::new(),
    )
}

/// Runs `get iamserviceaccount`.
///
/// # Errors
/// AWS/Kubernetes failures.
pub fn cmd_get(global: &GlobalArgs, args: GetArgs) -> Result<ExitCode, CliError> {
    let rows = super::runtime().block_on(async {
        let aws = Aws::connect(global.region.as_deref(), global.profile.as_deref()).await?;
        // Fails early with "no EKS cluster in region R" rather than listing another cluster's
        // view of the account.
        aws.describe_cluster(&args.cluster).await?;
        let roles = aws.all_roles().await?;
        let kube = Kube::for_cluster(
            &global.access(),
            &args.cluster,
            global.region.as_deref(),
            global.profile.as_deref(),
        )
        .await?;
        let namespaces: Vec<String> = match &args.namespace {
            Some(ns) => vec![ns.clone()],
            None => kube.namespaces().await?.into_keys().collect(),
        };
        let sas = kube.service_accounts(&namespaces).await?;
        Ok::<_, CliError>(get_rows(&args, &roles, &sas))
    })?;
    let text = render_rows(global.output, &rows);
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The rows of `get iamserviceaccount`, filtered by `--namespace` and `--name`: each
/// ServiceAccount annotated with a role, then each one that a role eksiam manages for this
/// cluster names in its tags and that no annotation showed.
fn get_rows(
    args: &GetArgs,
    roles: &BTreeMap<String, ObservedRole>,
    sas: &BTreeMap<(String, String), ObservedServiceAccount>,
) -> Vec<serde_json::Value> {
    let managed = |r: &ObservedRole| {
        r.tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGER)
            && r.tags.get(TAG_CLUSTER) == Some(&args.cluster)
    };
    let keep = |ns: &str, name: &str| {
        args.namespace.as_deref().is_none_or(|n| n == ns)
            && args.name.as_deref().is_none_or(|n| n == name)
    };
    let mut rows = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for ((ns, name), sa) in sas {
        let Some(arn) = sa.annotations.get(ROLE_ARN_ANNOTATION) else {
            continue;
        };
        if !keep(ns, name) {
            continue;
        }
        let role = roles.values().find(|r| &r.arn == arn);
        seen.insert(format!("{ns}/{name}"));
        rows.push(serde_json::json!({
            "namespace": ns, "name": name, "roleARN": arn,
            "managed": role.is_some_and(managed),
            "attachPolicyARNs": role.map(|r| r.managed_policies.clone()).unwrap_or_default(),
        }));
    }
    for r in roles.values().filter(|r| managed(r)) {
        for key in r
            .tags
            .get(TAG_SERVICE_ACCOUNTS)
            .map(|t| t.split(' ').collect::<Vec<_>>())
            .unwrap_or_default()
        {
            let Some((ns, name)) = key.split_once('/') else {
                continue;
            };
            if seen.contains(key) || !keep(ns, name) {
                continue;
            }
            rows.push(serde_json::json!({
                "namespace": ns, "name": name, "roleARN": r.arn, "managed": true,
                "attachPolicyARNs": r.managed_policies,
            }));
        }
    }
    rows
}

/// The rows as `-o json`, `-o yaml` or a table whose columns line up (as the other `get`
/// tables).
fn render_rows(output: OutputFormat, rows: &[serde_json::Value]) -> String {
    match output {
        OutputFormat::Json => serde_json::to_string_pretty(rows).expect("json") + "\n",
        OutputFormat::Yaml => serde_saphyr::to_string(&rows).expect("yaml"),
        OutputFormat::Text => {
            let cell = |r: &serde_json::Value, k: &str| r[k].as_str().unwrap_or("").to_owned();
            let cells: Vec<[String; 4]> = rows
                .iter()
                .map(|r| {
                    [
                        cell(r, "namespace"),
                        cell(r, "name"),
                        cell(r, "roleARN"),
                        r["managed"].to_string(),
                    ]
                })
                .collect();
            super::columns(["NAMESPACE", "NAME", "ROLE ARN", "MANAGED"], &cells)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_table_lines_up_its_columns() {
        let rows = [
            serde_json::json!({"namespace": "backend", "name": "s3-reader",
                "roleARN": "arn:aws:iam::111122223333:role/prod-backend-s3-reader", "managed": true}),
            serde_json::json!({"namespace": "kube-system", "name": "ebs-csi-controller-sa",
                "roleARN": "arn:aws:iam::111122223333:role/other", "managed": false}),
        ];
        let text = render_rows(OutputFormat::Text, &rows);
        assert!(!text.contains('\t'), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        for col in ["NAME", "ROLE ARN", "MANAGED"] {
            let at = lines[0].find(&format!("  {col}")).unwrap() + 2;
            for l in &lines[1..] {
                assert_ne!(l.as_bytes()[at], b' ', "{col} starts at {at}:\n{text}");
                assert_eq!(&l[at - 2..at], "  ", "{col} starts at {at}:\n{text}");
            }
        }
    }
}
