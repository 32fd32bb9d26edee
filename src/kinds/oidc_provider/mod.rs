//! The IAM OIDC provider of the cluster's issuer: created with `iam.withOIDC` (or
//! `utils associate-iam-oidc-provider`), its audience and thumbprint kept current.

#[cfg(feature = "cli")]
pub mod live;

use crate::desired::{MANAGER, TAG_CLUSTER, TAG_MANAGED_BY};
use crate::plan::{Change, Describe, Differ, Kind, Known, Op};
use crate::rules::trust::AUDIENCE;
use serde_json::{Value, json};

/// What to do to the provider.
#[derive(Debug, Clone, PartialEq)]
pub enum ProviderStep {
    /// Register the issuer.
    Create {
        url: Known,
        thumbprint: Known,
        /// The cluster the provider is tagged with.
        cluster: String,
    },
    /// Bring an existing provider up to date; nothing when both are `None`.
    Update {
        arn: String,
        /// The client IDs before and after (`sts.amazonaws.com` added).
        client_ids: Option<(Vec<String>, Vec<String>)>,
        /// The thumbprints before, and the one that replaces them.
        thumbprint: Option<(Vec<String>, String)>,
    },
}

impl Describe for ProviderStep {
    fn kind(&self) -> Kind {
        Kind::OidcProvider
    }

    fn op(&self) -> Op {
        match self {
            ProviderStep::Create { .. } => Op::Create,
            ProviderStep::Update {
                client_ids: None,
                thumbprint: None,
                ..
            } => Op::NoOp,
            ProviderStep::Update { .. } => Op::Update,
        }
    }

    fn changes(&self) -> Vec<Change> {
        match self {
            ProviderStep::Create {
                url,
                thumbprint,
                cluster,
            } => vec![
                Change::new("url", Value::Null, url),
                Change::new("client_ids", Value::Null, [AUDIENCE]),
                Change::new("thumbprints", Value::Null, [thumbprint]),
                Change::new(
                    "tags",
                    Value::Null,
                    json!({TAG_MANAGED_BY: MANAGER, TAG_CLUSTER: cluster}),
                ),
            ],
            ProviderStep::Update {
                client_ids,
                thumbprint,
                ..
            } => {
                let mut changes = Vec::new();
                if let Some((before, after)) = client_ids {
                    changes.push(Change::new("client_ids", before, after));
                }
                if let Some((before, after)) = thumbprint {
                    changes.push(Change::new("thumbprints", before, [after]));
                }
                changes
            }
        }
    }
}

/// Plans the provider when the desired state asks for one; returns its action's id. (When
/// it does not, `app` checks that a provider the planned trusts name exists: see
/// [`live::missing_trusted`].)
pub fn diff(d: &mut Differ) -> Option<String> {
    if !d.desired.oidc_provider {
        return None;
    }
    let key = d.issuer_host_path();
    let target = d.provider_arn();
    let thumbprint = d.observed.thumbprint.clone();
    let step = match &d.observed.oidc_provider {
        None => ProviderStep::Create {
            url: Known::from_option(d.observed.issuer.as_ref().map(|i| i.url().to_owned())),
            thumbprint: Known::from_option(thumbprint),
            cluster: d.desired.cluster.clone(),
        },
        Some(p) => ProviderStep::Update {
            arn: p.arn.clone(),
            client_ids: (!p.client_ids.iter().any(|c| c == AUDIENCE)).then(|| {
                let mut after = p.client_ids.clone();
                after.push(AUDIENCE.into());
                (p.client_ids.clone(), after)
            }),
            thumbprint: thumbprint
                .filter(|t| !p.thumbprints.iter().any(|x| x.eq_ignore_ascii_case(t)))
                .map(|t| (p.thumbprints.clone(), t)),
        },
    };
    Some(d.push(
        &key,
        target,
        Vec::new(),
        crate::kinds::Step::OidcProvider(step),
    ))
}
