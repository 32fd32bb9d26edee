//! `get access` and `explain`: who gets into the cluster, and as whom, from aws-auth and the
//! access entries together (read only).

use super::{GlobalArgs, OutputFormat};
use crate::app::Connect as _;
use crate::error::{CliError, ErrorKind};
use crate::kube::KubeApi as _;
use crate::observed::ObservedAccessEntry;
use crate::rules::access_view::{self, Explanation, Identity, Via};
use crate::rules::authmap::AwsAuth;
use clap::Args;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// List every principal that can reach the cluster, from aws-auth and access entries
#[derive(Debug, Args)]
pub struct GetAccessArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
}

/// Say what Kubernetes identity an IAM or STS ARN gets in the cluster, and through what
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The IAM role or user ARN, or an STS assumed-role session ARN
    #[arg(value_name = "ARN")]
    pub arn: String,
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
}

/// What the cluster lets in: aws-auth, the access entries, the authentication mode.
struct Access {
    auth: Option<AwsAuth>,
    entries: BTreeMap<String, ObservedAccessEntry>,
    mode: Option<String>,
}

fn read(global: &GlobalArgs, cluster: &str) -> Result<Access, CliError> {
    let connector = global.connector();
    let region = global.region.as_deref();
    super::runtime().block_on(async {
        let aws = connector.aws(region).await?;
        let kube = connector.kube(cluster, region).await?;
        let (obj, entries, desc) = tokio::join!(
            kube.read_aws_auth(),
            crate::kinds::access_entry::live::observe(&aws, cluster),
            crate::aws::OidcApi::describe_cluster(&aws, cluster),
        );
        let (obj, entries, desc) = (obj?, entries?, desc?);
        let auth = match obj.resource_version {
            None => None,
            Some(_) => Some(AwsAuth::parse(&obj.data).map_err(|e| CliError {
                kind: ErrorKind::Remote,
                message: format!("{e}: who it lets in cannot be told"),
                hint: Some("repair it: `kubectl -n kube-system edit configmap aws-auth`".into()),
                source: None,
            })?),
        };
        Ok(Access {
            auth,
            entries,
            mode: desc.authentication_mode,
        })
    })
}

/// Runs `get access`.
///
/// # Errors
/// An unreachable cluster or a broken aws-auth.
pub fn cmd_get_access(global: &GlobalArgs, args: GetAccessArgs) -> Result<ExitCode, CliError> {
    let a = read(global, &args.cluster)?;
    let rows = access_view::who(a.auth.as_ref(), &a.entries, a.mode.as_deref());
    let text = match global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&rows).expect("json") + "\n",
        OutputFormat::Yaml => serde_saphyr::to_string(&rows).expect("yaml"),
        OutputFormat::Text => table(&rows, a.mode.as_deref()),
    };
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `explain`.
///
/// # Errors
/// An unreachable cluster or a broken aws-auth.
pub fn cmd_explain(global: &GlobalArgs, args: ExplainArgs) -> Result<ExitCode, CliError> {
    // Checked before anything is read: an ARN the authenticator could never see is bad input.
    use crate::rules::arn::{IamKind, check_iam};
    if let Err(e) = check_iam(
        &access_view::canonical(&args.arn),
        &[IamKind::Role, IamKind::User],
    ) {
        return Err(CliError::input(
            format!("`ARN`: {}", e.message),
            format!(
                "{}, or an STS session as arn:aws:sts::111122223333:assumed-role/ROLE/SESSION",
                e.hint
            ),
        ));
    }
    let a = read(global, &args.cluster)?;
    let x = access_view::explain(&args.arn, a.auth.as_ref(), &a.entries, a.mode.as_deref());
    let text = match global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&x).expect("json") + "\n",
        OutputFormat::Yaml => serde_saphyr::to_string(&x).expect("yaml"),
        OutputFormat::Text => explanation(&x, a.mode.as_deref()),
    };
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn via(v: Via) -> &'static str {
    match v {
        Via::AccessEntry => "access entry",
        Via::MapRoles => "aws-auth mapRoles",
        Via::MapUsers => "aws-auth mapUsers",
        Via::MapAccounts => "aws-auth mapAccounts",
    }
}

fn policies(id: &Identity) -> String {
    id.access_policies
        .iter()
        .map(|(arn, scope)| {
            let name = arn.rsplit('/').next().unwrap_or(arn);
            let ns = scope["namespaces"]
                .as_array()
                .filter(|n| !n.is_empty())
                .map(|n| {
                    n.iter()
                        .filter_map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                });
            format!("{name}({})", ns.unwrap_or_else(|| "cluster".into()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn username(id: &Identity) -> String {
    id.username
        .clone()
        .unwrap_or_else(|| "(chosen by EKS)".into())
}

/// One line per principal: PRINCIPAL, VIA, USERNAME, GROUPS, ACCESS POLICIES.
fn table(rows: &[Explanation], mode: Option<&str>) -> String {
    let cells: Vec<[String; 5]> = rows
        .iter()
        .filter_map(|r| r.identity.as_ref().map(|id| (r, id)))
        .map(|(r, id)| {
            [
                r.arn.clone(),
                via(id.via).to_owned(),
                username(id),
                id.groups.join(","),
                policies(id),
            ]
        })
        .collect();
    let head = ["PRINCIPAL", "VIA", "USERNAME", "GROUPS", "ACCESS POLICIES"];
    let width = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].len())
            .chain([head[i].len()])
            .max()
            .unwrap_or(0)
    };
    let w = [width(0), width(1), width(2), width(3)];
    let line = |c: [&str; 5]| {
        format!(
            "{:a$}  {:b$}  {:c$}  {:d$}  {}",
            c[0],
            c[1],
            c[2],
            c[3],
            c[4],
            a = w[0],
            b = w[1],
            c = w[2],
            d = w[3]
        )
        .trim_end()
        .to_owned()
            + "\n"
    };
    let mut out = format!(
        "authenticationMode: {}\n",
        mode.unwrap_or("(not reported: aws-auth and access entries both read)")
    );
    out.push_str(&line(head));
    for c in &cells {
        out.push_str(&line([&c[0], &c[1], &c[2], &c[3], &c[4]]));
    }
    out
}

fn explanation(x: &Explanation, mode: Option<&str>) -> String {
    let mut out = format!("{}\n", x.arn);
    if x.canonical_arn != x.arn {
        out.push_str(&format!("  is looked up as {}\n", x.canonical_arn));
    }
    match &x.identity {
        None => out.push_str("  gets no access to the cluster\n"),
        Some(id) => {
            out.push_str(&format!(
                "  gets in through the {} of `{}`\n",
                via(id.via),
                id.principal
            ));
            out.push_str(&format!(
                "  username: {} (templates such as {{{{SessionName}}}} are filled in at each login)\n",
                username(id)
            ));
            out.push_str(&format!("  groups: {}\n", id.groups.join(", ")));
            if !id.access_policies.is_empty() {
                out.push_str(&format!("  access policies: {}\n", policies(id)));
            }
        }
    }
    for i in &x.ignored {
        out.push_str(&format!(
            "  also {} (`{}`), which is not used: {}\n",
            via(i.via),
            i.principal,
            match (i.via, mode) {
                (Via::AccessEntry, _) => "the cluster's authenticationMode is CONFIG_MAP",
                (_, Some("API")) => "the cluster's authenticationMode is API",
                _ => "the access entry wins over aws-auth",
            }
        ));
    }
    out
}
