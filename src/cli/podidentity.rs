//! `create|get|update|delete podidentityassociation`: EKS Pod Identity associations from
//! flags, with eksctl's flags, through the same validation, plan and executor as `apply -f`.

use super::{GlobalArgs, OutputFormat};
use crate::aws::Aws;
use crate::aws::eks_pod_identity::PodIdentityApi as _;
use crate::config::{
    ClusterConfig, Document, Iam, Metadata, PodIdentitySpec, Pos, Severity, Sp,
    validate_pod_identity,
};
use crate::desired::{Desired, DesiredPodIdentity, RoleRef};
use crate::error::CliError;
use crate::observed::ObservedPodIdentity;
use crate::plan::DiffOptions;
use crate::rules::wellknown::WellKnown;
use clap::Args;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

/// Which ServiceAccount.
#[derive(Debug, Args)]
pub struct Target {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// The ServiceAccount's namespace
    #[arg(long, value_name = "NS", value_parser = super::utils::parse_namespace)]
    pub namespace: String,
    /// The ServiceAccount
    #[arg(long, value_name = "NAME")]
    pub service_account_name: String,
}

/// The association's options.
#[derive(Debug, Args)]
pub struct OptionArgs {
    /// A role in another account the pods' credentials are for (role chaining)
    #[arg(long, value_name = "ARN")]
    pub target_role_arn: Option<String>,
    /// Do not add EKS's session tags to the pods' sessions
    #[arg(long)]
    pub disable_session_tags: bool,
    /// A session policy narrowing the pods' credentials: a JSON document, or the path of a
    /// JSON or YAML file
    #[arg(long, value_name = "DOC")]
    pub policy: Option<String>,
}

/// Create an EKS Pod Identity association, and the role it binds unless one is given
#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub target: Target,
    /// Use this existing role as-is instead of creating one
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,
    /// The name of the role eksiam creates (default: `<cluster>-<namespace>-<name>`)
    #[arg(long, value_name = "NAME")]
    pub role_name: Option<String>,
    /// Managed policies to attach to the role eksiam creates
    #[arg(long, value_delimiter = ',', value_name = "ARN")]
    pub permission_policy_arns: Vec<String>,
    /// eksctl's ready-made policies: autoScaler, awsLoadBalancerController, certManager,
    /// ebsCSIController, efsCSIController, externalDNS, imageBuilder
    #[arg(long, value_delimiter = ',', value_name = "NAME", value_parser = parse_well_known)]
    pub well_known_policies: Vec<WellKnown>,
    /// A managed policy used as the role's permissions boundary
    #[arg(long, value_name = "ARN")]
    pub permission_boundary_arn: Option<String>,
    /// Create the ServiceAccount when it does not exist
    #[arg(long)]
    pub create_service_account: bool,
    #[command(flatten)]
    pub options: OptionArgs,
    /// Install the `eks-pod-identity-agent` add-on when the cluster lacks it
    #[arg(long)]
    pub install_agent: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// Change an EKS Pod Identity association's role or options (what is not given stays)
#[derive(Debug, Args)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub target: Target,
    /// Bind this role instead
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,
    /// A role in another account the pods' credentials are for (role chaining)
    #[arg(long, value_name = "ARN")]
    pub target_role_arn: Option<String>,
    /// Whether EKS adds its session tags (`true` disables them)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub disable_session_tags: Option<bool>,
    /// A session policy: a JSON document, or the path of a JSON or YAML file
    #[arg(long, value_name = "DOC")]
    pub policy: Option<String>,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// Delete an EKS Pod Identity association, and the role eksiam made for it alone
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

/// List EKS Pod Identity associations
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
    pub service_account_name: Option<String>,
}

/// A well-known policy by its eksctl key.
fn parse_well_known(text: &str) -> Result<WellKnown, String> {
    WellKnown::ALL
        .into_iter()
        .find(|w| w.key() == text)
        .ok_or_else(|| {
            let keys: Vec<&str> = WellKnown::ALL.iter().map(|w| w.key()).collect();
            format!("one of {}", keys.join(", "))
        })
}

fn sp<T>(value: T) -> Sp<T> {
    Sp {
        value,
        pos: Pos::default(),
    }
}

/// `--policy`: a JSON document written out, or a file holding one.
fn session_policy(text: &str) -> Result<Sp<Document>, CliError> {
    if text.trim_start().starts_with('{') {
        let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            CliError::input(
                format!("`--policy` is not a JSON document: {e}"),
                "give a policy document such as `{\"Version\":\"2012-10-17\",\"Statement\":[...]}`, or the path of a file",
            )
        })?;
        return Ok(sp(Document::from(doc)));
    }
    super::iamserviceaccount::policy_file("--policy", Path::new(text))
}

/// The association the flags describe, as a file entry.
fn create_spec(args: &CreateArgs) -> Result<PodIdentitySpec, CliError> {
    Ok(PodIdentitySpec {
        namespace: Some(sp(args.target.namespace.clone())),
        service_account_name: Some(sp(args.target.service_account_name.clone())),
        role_arn: args.role_arn.clone().map(sp),
        create_service_account: args.create_service_account,
        role_name: args.role_name.clone().map(sp),
        permissions_boundary_arn: args.permission_boundary_arn.clone().map(sp),
        permission_policy_arns: args
            .permission_policy_arns
            .iter()
            .cloned()
            .map(sp)
            .collect(),
        well_known_policies: args.well_known_policies.iter().copied().map(sp).collect(),
        target_role_arn: args.options.target_role_arn.clone().map(sp),
        disable_session_tags: args.options.disable_session_tags,
        session_policy: args
            .options
            .policy
            .as_deref()
            .map(session_policy)
            .transpose()?,
        ..PodIdentitySpec::default()
    })
}

/// The flags' names in a message about the file's fields.
fn as_flags(message: &str) -> String {
    [
        ("`permissionPolicyARNs`", "`--permission-policy-arns`"),
        ("`permissionPolicy`", "`--permission-policy-arns`"),
        ("`wellKnownPolicies`", "`--well-known-policies`"),
        ("`permissionsBoundaryARN`", "`--permission-boundary-arn`"),
        ("`roleARN`", "`--role-arn`"),
        ("`roleName`", "`--role-name`"),
        ("`targetRoleARN`", "`--target-role-arn`"),
        ("`disableSessionTags`", "`--disable-session-tags`"),
        ("`policy`", "`--policy`"),
    ]
    .iter()
    .fold(message.to_owned(), |m, (field, flag)| {
        m.replace(field, flag)
    })
}

/// Checks an association from flags with the file's rules: the first error, or the warnings.
fn check(spec: &PodIdentitySpec, region: Option<&str>) -> Result<Vec<String>, CliError> {
    let diags = validate_pod_identity(spec, region);
    if let Some(e) = diags.iter().find(|d| d.severity == Severity::Error) {
        return Err(CliError::input(
            as_flags(&e.message),
            as_flags(e.hint.as_deref().unwrap_or_default()),
        ));
    }
    Ok(diags.into_iter().map(|d| as_flags(&d.message)).collect())
}

/// Runs `create podidentityassociation`.
///
/// # Errors
/// Invalid flags, an association an add-on owns, or a failed call.
pub fn cmd_create(global: &GlobalArgs, args: CreateArgs) -> Result<ExitCode, CliError> {
    let spec = create_spec(&args)?;
    let warnings = check(&spec, global.region.as_deref())?;
    let cfg = ClusterConfig {
        access: None,
        metadata: Metadata {
            name: sp(args.target.cluster.clone()),
            region: global.region.clone().map(sp),
            tags: Vec::new(),
        },
        iam: Iam {
            pod_identity_associations: vec![spec],
            ..Iam::default()
        },
        identity_mappings: Vec::new(),
        identity_mappings_declared: false,
    };
    let mut desired = Desired::from_config(&cfg, global.region.as_deref());
    desired.install_agent = args.install_agent;
    super::plan::run_imperative(
        global,
        desired,
        DiffOptions::default(),
        args.dry_run,
        warnings,
    )
}

/// Runs `update podidentityassociation`: the association as it is, with what the flags
/// change.
///
/// # Errors
/// Invalid flags, no association for the ServiceAccount, or a failed call.
pub fn cmd_update(global: &GlobalArgs, args: UpdateArgs) -> Result<ExitCode, CliError> {
    let t = &args.target;
    if args.role_arn.is_none()
        && args.target_role_arn.is_none()
        && args.disable_session_tags.is_none()
        && args.policy.is_none()
    {
        return Err(CliError::input(
            "`update podidentityassociation` has nothing to change",
            "give `--role-arn`, `--target-role-arn`, `--disable-session-tags` or `--policy`",
        ));
    }
    let policy = args.policy.as_deref().map(session_policy).transpose()?;
    let current = read(
        global,
        &t.cluster,
        Some(&t.namespace),
        Some(&t.service_account_name),
    )?
    .into_values()
    .next()
    .ok_or_else(|| {
        CliError::input(
            format!(
                "ServiceAccount `{}/{}` has no Pod Identity association in cluster `{}`",
                t.namespace, t.service_account_name, t.cluster
            ),
            "create one with `eksiam create podidentityassociation`",
        )
    })?;
    let spec = PodIdentitySpec {
        namespace: Some(sp(t.namespace.clone())),
        service_account_name: Some(sp(t.service_account_name.clone())),
        role_arn: Some(sp(args.role_arn.clone().unwrap_or(current.role_arn))),
        target_role_arn: args
            .target_role_arn
            .clone()
            .or(current.target_role_arn)
            .map(sp),
        disable_session_tags: args
            .disable_session_tags
            .unwrap_or(current.disable_session_tags),
        session_policy: policy.or(current.session_policy.map(|p| sp(Document::from(p)))),
        ..PodIdentitySpec::default()
    };
    let warnings = check(&spec, global.region.as_deref())?;
    let mut desired = Desired::empty(&t.cluster, global.region.as_deref());
    desired.pod_identities = vec![DesiredPodIdentity {
        namespace: t.namespace.clone(),
        service_account: t.service_account_name.clone(),
        role: RoleRef::Existing(spec.role_arn.map(|r| r.value).unwrap_or_default()),
        target_role_arn: spec.target_role_arn.map(|r| r.value),
        disable_session_tags: spec.disable_session_tags,
        session_policy: spec.session_policy.map(|p| p.value.json),
        create_service_account: false,
        from_irsa: false,
    }];
    super::plan::run_imperative(
        global,
        desired,
        DiffOptions::default(),
        args.dry_run,
        warnings,
    )
}

/// Runs `delete podidentityassociation`.
///
/// # Errors
/// A failed call.
pub fn cmd_delete(global: &GlobalArgs, args: DeleteArgs) -> Result<ExitCode, CliError> {
    let t = &args.target;
    let mut desired = Desired::empty(&t.cluster, global.region.as_deref());
    desired.absent_pod_identities = vec![(t.namespace.clone(), t.service_account_name.clone())];
    super::plan::run_imperative(
        global,
        desired,
        DiffOptions::default(),
        args.dry_run,
        Vec::new(),
    )
}

type Associations = BTreeMap<(String, String), ObservedPodIdentity>;

/// The cluster's associations, described, narrowed to a namespace and ServiceAccount.
fn read(
    global: &GlobalArgs,
    cluster: &str,
    namespace: Option<&str>,
    service_account: Option<&str>,
) -> Result<Associations, CliError> {
    super::runtime().block_on(async {
        let aws = Aws::connect(global.region.as_deref(), global.profile.as_deref()).await?;
        let listed = aws
            .list_pod_identities(cluster)
            .await?
            .into_iter()
            .filter(|a| {
                namespace.is_none_or(|n| n == a.namespace)
                    && service_account.is_none_or(|s| s == a.service_account)
            });
        crate::kinds::pod_identity::live::describe(&aws, cluster, listed).await
    })
}

/// Runs `get podidentityassociation`.
///
/// # Errors
/// A failed call.
pub fn cmd_get(global: &GlobalArgs, args: GetArgs) -> Result<ExitCode, CliError> {
    let found = read(
        global,
        &args.cluster,
        args.namespace.as_deref(),
        args.service_account_name.as_deref(),
    )?;
    let rows: Vec<serde_json::Value> = found
        .iter()
        .map(|((ns, sa), a)| association_json(ns, sa, a))
        .collect();
    let text = match global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&rows).expect("json") + "\n",
        OutputFormat::Yaml => serde_saphyr::to_string(&rows).expect("yaml"),
        OutputFormat::Text => table(&found),
    };
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// An association in eksctl's `podIdentityAssociations` spelling, so that `-o yaml` can go
/// into a file.
pub(super) fn association_json(ns: &str, sa: &str, a: &ObservedPodIdentity) -> serde_json::Value {
    let mut v = serde_json::json!({
        "namespace": ns,
        "serviceAccountName": sa,
        "roleARN": a.role_arn,
    });
    if let Some(t) = &a.target_role_arn {
        v["targetRoleARN"] = t.clone().into();
    }
    if a.disable_session_tags {
        v["disableSessionTags"] = true.into();
    }
    if let Some(p) = &a.session_policy {
        v["policy"] = p.clone();
    }
    v
}

/// NAMESPACE, SERVICEACCOUNT, ROLE ARN, TARGET ROLE ARN, MANAGED.
fn table(found: &Associations) -> String {
    let rows: Vec<[String; 5]> = found
        .iter()
        .map(|((ns, sa), a)| {
            [
                ns.clone(),
                sa.clone(),
                a.role_arn.clone(),
                a.target_role_arn.clone().unwrap_or_default(),
                if a.tags
                    .get(crate::desired::TAG_MANAGED_BY)
                    .map(String::as_str)
                    == Some(crate::desired::MANAGER)
                {
                    "yes".into()
                } else {
                    "no".into()
                },
            ]
        })
        .collect();
    let head = [
        "NAMESPACE",
        "SERVICEACCOUNT",
        "ROLE ARN",
        "TARGET ROLE ARN",
        "MANAGED",
    ];
    super::columns(head, &rows)
}
