//! ClusterConfig input: the eksctl file format (`eksctl.io/v1alpha5`), the IAM parts of it.
//!
//! `load` reads a file, `parse` parses text; both return a [`ClusterConfig`] whose values keep
//! their source positions, so that validation can point at the exact line of a bad value.

mod access;
pub mod diagnostic;
mod load;
mod pod_identity;
pub mod schema;
mod validate;
pub mod yaml;

pub use access::{
    AUTHENTICATION_MODES, RESERVED_USERNAME_PREFIXES, is_root_arn, validate_access_entry,
};
pub use diagnostic::{Diagnostic, Severity};
pub use load::parse_config;
pub use pod_identity::{SESSION_POLICY_MAX, role_name as pod_identity_role_name};
pub use validate::{validate as validate_config, validate_mapping, validate_pod_identity};
pub use yaml::Pos;

use crate::rules::wellknown::WellKnown;
use std::path::Path;

/// A value with the position it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub pos: Pos,
}

/// A policy document as written: its JSON, and where each value inside it was written (by
/// JSON pointer, `/Statement/0/Effect`), so that a problem inside the document points at its
/// own line. Two documents are equal when their JSON is, wherever they were written.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub json: serde_json::Value,
    pub positions: std::collections::BTreeMap<String, Pos>,
}

impl Document {
    /// Where the value at `pointer` was written, when the document was written as YAML.
    pub fn pos_of(&self, pointer: &str) -> Option<Pos> {
        self.positions.get(pointer).copied()
    }
}

impl From<serde_json::Value> for Document {
    /// A document from JSON alone (a flag's file or text): no positions inside it.
    fn from(json: serde_json::Value) -> Document {
        Document {
            json,
            positions: Default::default(),
        }
    }
}

impl PartialEq for Document {
    fn eq(&self, other: &Document) -> bool {
        self.json == other.json
    }
}

impl std::ops::Deref for Document {
    type Target = serde_json::Value;
    fn deref(&self) -> &serde_json::Value {
        &self.json
    }
}

/// A string-to-string mapping in file order (labels, annotations, tags).
pub type StringMap = Vec<(Sp<String>, Sp<String>)>;

/// The IAM parts of an eksctl ClusterConfig.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    pub metadata: Metadata,
    pub iam: Iam,
    pub identity_mappings: Vec<IdentityMappingSpec>,
    /// The file has an `iamIdentityMappings` key (even empty): `--prune` may remove entries.
    pub identity_mappings_declared: bool,
    /// `accessConfig`, when the file has one.
    pub access: Option<AccessConfig>,
}

/// `accessConfig`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccessConfig {
    pub authentication_mode: Option<Sp<String>>,
    pub bootstrap_cluster_creator_admin_permissions: Option<Sp<bool>>,
    pub access_entries: Vec<AccessEntrySpec>,
    /// The file has an `accessEntries` key (even empty): `--prune` may delete entries.
    pub access_entries_declared: bool,
}

/// One entry of `accessConfig.accessEntries`.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessEntrySpec {
    pub pos: Pos,
    pub principal_arn: Option<Sp<String>>,
    /// `None` means `STANDARD`.
    pub entry_type: Option<Sp<String>>,
    pub kubernetes_groups: Vec<Sp<String>>,
    pub kubernetes_username: Option<Sp<String>>,
    pub access_policies: Vec<AccessPolicySpec>,
}

/// One entry of `accessPolicies`.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessPolicySpec {
    pub pos: Pos,
    pub policy_arn: Option<Sp<String>>,
    /// `accessScope.type`.
    pub scope_type: Option<Sp<String>>,
    /// `accessScope.namespaces`.
    pub namespaces: Vec<Sp<String>>,
}

/// `metadata`.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub name: Sp<String>,
    pub region: Option<Sp<String>>,
    pub tags: StringMap,
}

/// `iam`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Iam {
    pub with_oidc: bool,
    pub service_accounts: Vec<ServiceAccountSpec>,
    /// The file has an `iam.serviceAccounts` key (even empty): `--prune` may delete roles.
    pub service_accounts_declared: bool,
    pub pod_identity_associations: Vec<PodIdentitySpec>,
    /// The file has an `iam.podIdentityAssociations` key (even empty): `--prune` may delete
    /// associations (and the roles eksiam made for them).
    pub pod_identity_associations_declared: bool,
}

/// One entry of `iam.podIdentityAssociations` (eksctl's `PodIdentityAssociation`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PodIdentitySpec {
    /// Where the entry starts.
    pub pos: Pos,
    pub namespace: Option<Sp<String>>,
    pub service_account_name: Option<Sp<String>>,
    /// An existing role, used as-is.
    pub role_arn: Option<Sp<String>>,
    pub create_service_account: bool,
    pub role_name: Option<Sp<String>>,
    pub permissions_boundary_arn: Option<Sp<String>>,
    pub permission_policy_arns: Vec<Sp<String>>,
    pub permission_policy: Option<Sp<Document>>,
    /// The well-known policies set to `true`.
    pub well_known_policies: Vec<Sp<WellKnown>>,
    pub tags: StringMap,
    pub target_role_arn: Option<Sp<String>>,
    pub disable_session_tags: bool,
    /// `policy`: the session policy.
    pub session_policy: Option<Sp<Document>>,
    /// The entry had keys eksiam does not know (already reported).
    pub has_unknown_keys: bool,
}

impl PodIdentitySpec {
    /// `namespace/name`, as far as the entry says.
    pub fn key(&self) -> String {
        format!(
            "{}/{}",
            self.namespace.as_ref().map_or("", |n| n.value.as_str()),
            self.service_account_name
                .as_ref()
                .map_or("", |n| n.value.as_str())
        )
    }
}

/// One entry of `iam.serviceAccounts`.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceAccountSpec {
    /// Where the entry starts.
    pub pos: Pos,
    pub name: Sp<String>,
    /// `None` means `default`.
    pub namespace: Option<Sp<String>>,
    pub labels: StringMap,
    pub annotations: StringMap,
    pub attach_policy_arns: Vec<Sp<String>>,
    pub attach_policy: Option<Sp<Document>>,
    pub attach_role_arn: Option<Sp<String>>,
    /// The well-known policies set to `true`.
    pub well_known_policies: Vec<Sp<WellKnown>>,
    pub permissions_boundary: Option<Sp<String>>,
    pub role_name: Option<Sp<String>>,
    pub role_only: bool,
    pub tags: StringMap,
    pub subject_pattern: Option<Sp<String>>,
    /// The entry had keys eksiam does not know (already reported); rules that a misspelt key
    /// would trip as well stay quiet.
    pub has_unknown_keys: bool,
}

impl ServiceAccountSpec {
    /// The namespace, `default` when not given.
    pub fn namespace(&self) -> &str {
        self.namespace
            .as_ref()
            .map_or("default", |n| n.value.as_str())
    }
}

/// One entry of `iamIdentityMappings`.
#[derive(Debug, Clone, PartialEq)]
pub struct IdentityMappingSpec {
    pub pos: Pos,
    pub arn: Option<Sp<String>>,
    pub username: Option<Sp<String>>,
    pub groups: Vec<Sp<String>>,
    pub account: Option<Sp<String>>,
    pub no_duplicate_arns: bool,
    pub service_name: Option<Sp<String>>,
    pub namespace: Option<Sp<String>>,
}

/// A file that could not be used, with every problem found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    /// The path as the user gave it.
    pub file: String,
    /// The file's text (empty when it could not be read), for rendering source lines.
    pub source: String,
    /// Errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl ConfigError {
    /// The number of errors (not warnings).
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Every diagnostic rendered, then a summary line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.render(&self.file, &self.source));
            out.push('\n');
        }
        let n = self.error_count();
        out.push_str(&format!(
            "`{}` has {n} {}; nothing was changed",
            self.file,
            if n == 1 { "problem" } else { "problems" }
        ));
        out
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for ConfigError {}

/// A loaded, validated file: the config and the warnings found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub file: String,
    pub source: String,
    pub config: ClusterConfig,
    pub warnings: Vec<Diagnostic>,
}

/// Reads, parses and validates a ClusterConfig file.
///
/// # Errors
/// A [`ConfigError`] listing every problem when the file cannot be read, does not parse, or
/// does not validate.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let file = path.display().to_string();
    let source = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                return Err(ConfigError {
                    file,
                    source: String::new(),
                    diagnostics: vec![Diagnostic::error(
                        None,
                        format!("the file is not UTF-8 text ({e})"),
                    )],
                });
            }
        },
        Err(e) => {
            let hint = if e.kind() == std::io::ErrorKind::NotFound {
                "check the path given to `-f`"
            } else {
                "check that the file is readable"
            };
            return Err(ConfigError {
                file,
                source: String::new(),
                diagnostics: vec![
                    Diagnostic::error(None, format!("cannot read the file: {e}")).with_hint(hint),
                ],
            });
        }
    };
    load_str(&file, source)
}

/// Parses and validates ClusterConfig text; `file` is used in messages only.
///
/// # Errors
/// A [`ConfigError`] listing every problem.
pub fn load_str(file: &str, source: String) -> Result<Loaded, ConfigError> {
    let (config, mut diags) = parse_config(&source);
    if let Some(cfg) = &config {
        diags.extend(validate::validate(cfg));
    }
    diagnostic::sort(&mut diags);
    let has_errors = diags.iter().any(|d| d.severity == Severity::Error);
    match config {
        Some(config) if !has_errors => Ok(Loaded {
            file: file.to_owned(),
            source,
            config,
            warnings: diags,
        }),
        _ => Err(ConfigError {
            file: file.to_owned(),
            source,
            diagnostics: diags,
        }),
    }
}
