//! Turns a position-aware YAML tree into a [`ClusterConfig`], collecting every problem.

use super::diagnostic::{Diagnostic, closest};
use super::schema::{self, Section};
use super::yaml::{self, Key, Node, Pos, Value};
use super::{
    AccessConfig, AccessEntrySpec, AccessPolicySpec, ClusterConfig, Iam, IdentityMappingSpec,
    Metadata, PodIdentitySpec, ServiceAccountSpec, Sp, StringMap,
};
use crate::rules::wellknown::WellKnown;

const API_VERSION: &str = "eksctl.io/v1alpha5";
const TOP_LEVEL: &str = "(top level)";

/// Parses ClusterConfig text. Returns the config when its shape is usable, and every problem
/// found (the config is `None` only when nothing sensible could be read).
pub fn parse_config(source: &str) -> (Option<ClusterConfig>, Vec<Diagnostic>) {
    let docs = match yaml::parse_documents(source) {
        Ok(docs) => docs,
        Err(e) => {
            let hint = if e.message.starts_with("duplicate mapping key") {
                "a key may appear once in a mapping: remove or merge the repeated key"
            } else {
                "fix the YAML syntax (indentation, quotes, brackets) at this position"
            };
            let d =
                Diagnostic::error(e.pos, format!("invalid YAML: {}", e.message)).with_hint(hint);
            return (None, vec![d]);
        }
    };
    let docs: Vec<Node> = docs
        .into_iter()
        .filter(|d| d.value != Value::Null)
        .collect();
    let mut r = Reader {
        source,
        diags: Vec::new(),
    };
    let doc = match docs.as_slice() {
        [] => {
            r.err(
                Some(Pos {
                    line: 1,
                    column: 1,
                    len: 0,
                }),
                "the file is empty",
                Some(
                    "a ClusterConfig starts with `apiVersion: eksctl.io/v1alpha5`, `kind: ClusterConfig` and `metadata.name`",
                ),
            );
            return (None, r.diags);
        }
        [doc] => doc,
        [_, second, ..] => {
            r.err(
                Some(second.pos),
                "the file holds more than one YAML document",
                Some("put one ClusterConfig in each file"),
            );
            return (None, r.diags);
        }
    };
    let config = r.cluster_config(doc);
    (config, r.diags)
}

/// Looks up the keys of one mapping; unknown keys were already reported.
struct Fields<'a> {
    entries: &'a [(Key, Node)],
    section: &'static Section,
}

impl<'a> Fields<'a> {
    fn get(&self, name: &str) -> Option<&'a Node> {
        debug_assert!(self.section.field(name).is_some(), "{name} not in schema");
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }
}

impl Fields<'_> {
    /// Where key `name` is written.
    fn key_pos(&self, name: &str) -> Option<Pos> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(k, _)| k.pos)
    }
}

/// The spellings go-yaml v2 (YAML 1.1), which eksctl reads with, takes as booleans. The parser
/// here takes `yes`, `on`, … in any case; eksctl reads, say, `yEs` as a string.
const YAML11_BOOLEANS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
];

struct Reader<'s> {
    /// The file's text, for the spelling of scalars.
    source: &'s str,
    diags: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn err(&mut self, pos: Option<Pos>, message: impl Into<String>, hint: Option<&str>) {
        let mut d = Diagnostic::error(pos, message);
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        self.diags.push(d);
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: &str) {
        let hint = match (&node.value, expected, node.plain(self.source)) {
            (Value::Bool(_) | Value::Float(_), "a string", Some(text)) => format!(
                "quote the value as `\"{text}\"`: unquoted, YAML reads it as {} (eksctl refuses it too)",
                node.value.type_name()
            ),
            (Value::Bool(_) | Value::Float(_), "a string", None) => {
                "quote the value so YAML reads it as text".to_owned()
            }
            (_, "`true` or `false`", _) => "write `true` or `false`, without quotes".to_owned(),
            (_, "a list", _) => {
                "write a YAML list, e.g. `[a, b]` or one `- item` per line".to_owned()
            }
            (_, e, _) if e.starts_with("a mapping") => {
                "write a mapping: one `key: value` per line, indented under the key".to_owned()
            }
            _ => format!("write {expected} here"),
        };
        self.err(
            Some(node.pos),
            format!(
                "`{path}` must be {expected}, found {}",
                node.value.type_name()
            ),
            Some(&hint),
        );
    }

    /// Checks that `node` is a mapping whose keys are all in `section`.
    fn fields<'a>(
        &mut self,
        node: &'a Node,
        section: &'static Section,
        path: &str,
    ) -> Option<Fields<'a>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, path, "a mapping");
            return None;
        };
        self.check_keys(entries, section, path);
        Some(Fields { entries, section })
    }

    /// Reports every key of a mapping that `section` lacks.
    fn check_keys(&mut self, entries: &[(Key, Node)], section: &'static Section, path: &str) {
        for (key, _) in entries {
            if section.field(&key.name).is_none() {
                self.unknown_key(key, section, path);
            }
        }
    }

    fn unknown_key(&mut self, key: &Key, section: &'static Section, path: &str) {
        let message = if path == TOP_LEVEL {
            format!("unknown top-level key `{}`", key.name)
        } else {
            format!("unknown key `{}` in `{path}`", key.name)
        };
        let hint = match closest(&key.name, section.names()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => {
                // The keys eksiam acts on, or all of them in a section eksiam only checks.
                let read: Vec<&str> = section
                    .fields
                    .iter()
                    .filter(|f| !f.ty.is_ignored())
                    .map(|f| f.name)
                    .collect();
                let shown = if read.is_empty() {
                    section.names().collect()
                } else {
                    read
                };
                let shown: Vec<String> = shown.iter().map(|n| format!("`{n}`")).collect();
                format!("valid keys here: {}", shown.join(", "))
            }
        };
        self.diags
            .push(Diagnostic::error(Some(key.pos), message).with_hint(hint));
    }

    /// A string field. eksctl refuses a plain scalar that YAML 1.1 reads as a boolean or a
    /// number there; eksiam refuses booleans and floats too, but takes an integer as written
    /// (`account: 111122223333` has always worked) and warns that eksctl will not.
    fn string(&mut self, node: Option<&Node>, path: &str) -> Option<Sp<String>> {
        let node = node?;
        let plain = node.plain(self.source);
        let value = match (&node.value, plain) {
            // Digits alone are a number to YAML 1.1, leading zeros or not (the parser keeps
            // those as text so that `000000000000` stays whole).
            (Value::Str(s), Some(text)) if text.bytes().all(|b| b.is_ascii_digit()) => {
                self.unquoted_number(node, path, text);
                s.clone()
            }
            (Value::Str(s), _) => s.clone(),
            (Value::Int(_), Some(text)) => {
                self.unquoted_number(node, path, text);
                text.to_owned()
            }
            (Value::Int(i), None) => i.to_string(),
            (Value::Bool(_), Some(text)) if !YAML11_BOOLEANS.contains(&text) => text.to_owned(),
            _ => {
                self.wrong_type(node, path, "a string");
                return None;
            }
        };
        Some(Sp {
            value,
            pos: node.pos,
        })
    }

    fn unquoted_number(&mut self, node: &Node, path: &str, text: &str) {
        self.diags.push(
            Diagnostic::warning(
                Some(node.pos),
                format!("`{path}`: eksctl reads the unquoted `{text}` as a number and refuses it here; eksiam takes it as written"),
            )
            .with_hint(format!(
                "quote the value as `\"{text}\"` so that eksctl reads the file too"
            )),
        );
    }

    fn bool(&mut self, node: Option<&Node>, path: &str) -> Option<Sp<bool>> {
        let node = node?;
        match &node.value {
            Value::Bool(b) => Some(Sp {
                value: *b,
                pos: node.pos,
            }),
            _ => {
                self.wrong_type(node, path, "`true` or `false`");
                None
            }
        }
    }

    fn list<'a>(&mut self, node: Option<&'a Node>, path: &str) -> &'a [Node] {
        match node {
            None => &[],
            Some(Node {
                value: Value::Seq(items),
                ..
            }) => items,
            Some(other) => {
                self.wrong_type(other, path, "a list");
                &[]
            }
        }
    }

    fn string_list(&mut self, node: Option<&Node>, path: &str) -> Vec<Sp<String>> {
        let items = self.list(node, path);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.string(Some(item), &format!("{path}[{i}]")))
            .collect()
    }

    fn string_map(&mut self, node: Option<&Node>, path: &str) -> StringMap {
        let Some(node) = node else {
            return Vec::new();
        };
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, path, "a mapping of strings");
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|(k, v)| {
                let value = match &v.value {
                    Value::Null => Some(Sp {
                        value: String::new(),
                        pos: v.pos,
                    }),
                    _ => self.string(Some(v), &format!("{path}.{}", k.name)),
                }?;
                Some((
                    Sp {
                        value: k.name.clone(),
                        pos: k.pos,
                    },
                    value,
                ))
            })
            .collect()
    }

    fn cluster_config(&mut self, doc: &Node) -> Option<ClusterConfig> {
        let top = self.fields(doc, &schema::CLUSTER_CONFIG, TOP_LEVEL)?;
        match self.string(top.get("apiVersion"), "apiVersion") {
            None => self.err(
                Some(doc.pos),
                "`apiVersion` is missing",
                Some("add `apiVersion: eksctl.io/v1alpha5` at the top of the file"),
            ),
            Some(v) if v.value != API_VERSION => self.err(
                Some(v.pos),
                format!("`apiVersion` is `{}`, expected `{API_VERSION}`", v.value),
                Some("eksiam reads eksctl's `eksctl.io/v1alpha5` ClusterConfig format"),
            ),
            Some(_) => {}
        }
        match self.string(top.get("kind"), "kind") {
            None => self.err(
                Some(doc.pos),
                "`kind` is missing",
                Some("add `kind: ClusterConfig`"),
            ),
            Some(k) if k.value != "ClusterConfig" => self.err(
                Some(k.pos),
                format!("`kind` is `{}`, expected `ClusterConfig`", k.value),
                None,
            ),
            Some(_) => {}
        }
        let metadata = match top.get("metadata") {
            Some(node) => self.metadata(node),
            None => {
                self.err(
                    Some(doc.pos),
                    "`metadata` is missing",
                    Some("add `metadata:` with the cluster's `name` and `region`"),
                );
                None
            }
        };
        let access = top.get("accessConfig").and_then(|n| self.access_config(n));
        let iam = top.get("iam").map(|n| self.iam(n)).unwrap_or_default();
        let identity_mappings = self
            .list(top.get("iamIdentityMappings"), "iamIdentityMappings")
            .iter()
            .enumerate()
            .filter_map(|(i, n)| self.identity_mapping(n, i))
            .collect();
        Some(ClusterConfig {
            metadata: metadata?,
            iam,
            identity_mappings,
            identity_mappings_declared: top.key_pos("iamIdentityMappings").is_some(),
            access,
        })
    }

    fn access_config(&mut self, node: &Node) -> Option<AccessConfig> {
        let path = "accessConfig";
        let m = self.fields(node, &schema::ACCESS_CONFIG, path)?;
        let access_entries = self
            .list(m.get("accessEntries"), "accessConfig.accessEntries")
            .iter()
            .enumerate()
            .filter_map(|(i, n)| self.access_entry(n, i))
            .collect();
        Some(AccessConfig {
            authentication_mode: self.string(
                m.get("authenticationMode"),
                "accessConfig.authenticationMode",
            ),
            bootstrap_cluster_creator_admin_permissions: self.bool(
                m.get("bootstrapClusterCreatorAdminPermissions"),
                "accessConfig.bootstrapClusterCreatorAdminPermissions",
            ),
            access_entries,
            access_entries_declared: m.key_pos("accessEntries").is_some(),
        })
    }

    fn access_entry(&mut self, node: &Node, index: usize) -> Option<AccessEntrySpec> {
        let path = format!("accessConfig.accessEntries[{index}]");
        let m = self.fields(node, &schema::ACCESS_ENTRY, &path)?;
        let policies_path = format!("{path}.accessPolicies");
        let access_policies = self
            .list(m.get("accessPolicies"), &policies_path)
            .iter()
            .enumerate()
            .filter_map(|(i, n)| self.access_policy(n, &format!("{policies_path}[{i}]")))
            .collect();
        Some(AccessEntrySpec {
            pos: node.pos,
            principal_arn: self.string(m.get("principalARN"), &format!("{path}.principalARN")),
            entry_type: self.string(m.get("type"), &format!("{path}.type")),
            kubernetes_groups: self.string_list(
                m.get("kubernetesGroups"),
                &format!("{path}.kubernetesGroups"),
            ),
            kubernetes_username: self.string(
                m.get("kubernetesUsername"),
                &format!("{path}.kubernetesUsername"),
            ),
            access_policies,
        })
    }

    fn access_policy(&mut self, node: &Node, path: &str) -> Option<AccessPolicySpec> {
        let m = self.fields(node, &schema::ACCESS_POLICY, path)?;
        let scope_path = format!("{path}.accessScope");
        let scope = m
            .get("accessScope")
            .and_then(|n| self.fields(n, &schema::ACCESS_SCOPE, &scope_path));
        let (scope_type, namespaces) = match scope {
            Some(scope) => (
                self.string(scope.get("type"), &format!("{scope_path}.type")),
                self.string_list(scope.get("namespaces"), &format!("{scope_path}.namespaces")),
            ),
            None => (None, Vec::new()),
        };
        Some(AccessPolicySpec {
            pos: node.pos,
            policy_arn: self.string(m.get("policyARN"), &format!("{path}.policyARN")),
            scope_type,
            namespaces,
        })
    }

    fn metadata(&mut self, node: &Node) -> Option<Metadata> {
        let m = self.fields(node, &schema::METADATA, "metadata")?;
        let name = self.string(m.get("name"), "metadata.name");
        let region = self.string(m.get("region"), "metadata.region");
        let tags = self.string_map(m.get("tags"), "metadata.tags");
        if name.is_none() && m.get("name").is_none() {
            self.err(
                Some(node.pos),
                "`metadata.name` is missing",
                Some("add `name:` with the EKS cluster's name under `metadata`"),
            );
        }
        Some(Metadata {
            name: name?,
            region,
            tags,
        })
    }

    fn iam(&mut self, node: &Node) -> Iam {
        let Some(m) = self.fields(node, &schema::IAM, "iam") else {
            return Iam::default();
        };
        let with_oidc = self
            .bool(m.get("withOIDC"), "iam.withOIDC")
            .is_some_and(|b| b.value);
        let service_accounts = self
            .list(m.get("serviceAccounts"), "iam.serviceAccounts")
            .iter()
            .enumerate()
            .filter_map(|(i, n)| self.service_account(n, i))
            .collect();
        let pod_identity_associations = self
            .list(
                m.get("podIdentityAssociations"),
                "iam.podIdentityAssociations",
            )
            .iter()
            .enumerate()
            .filter_map(|(i, n)| self.pod_identity_association(n, i))
            .collect();
        Iam {
            with_oidc,
            service_accounts,
            service_accounts_declared: m.key_pos("serviceAccounts").is_some(),
            pod_identity_associations,
            pod_identity_associations_declared: m.key_pos("podIdentityAssociations").is_some(),
        }
    }

    fn pod_identity_association(&mut self, node: &Node, index: usize) -> Option<PodIdentitySpec> {
        let path = format!("iam.podIdentityAssociations[{index}]");
        let errors_before = self.diags.len();
        let m = self.fields(node, &schema::POD_IDENTITY_ASSOCIATION, &path)?;
        let has_unknown_keys = self.diags.len() > errors_before;
        let field = |f: &str| format!("{path}.{f}");
        let well_known_policies = match m.get("wellKnownPolicies") {
            Some(n) => self.well_known(n, &field("wellKnownPolicies")),
            None => Vec::new(),
        };
        Some(PodIdentitySpec {
            pos: node.pos,
            namespace: self.string(m.get("namespace"), &field("namespace")),
            service_account_name: self
                .string(m.get("serviceAccountName"), &field("serviceAccountName")),
            role_arn: self.string(m.get("roleARN"), &field("roleARN")),
            create_service_account: self
                .bool(
                    m.get("createServiceAccount"),
                    &field("createServiceAccount"),
                )
                .is_some_and(|b| b.value),
            role_name: self.string(m.get("roleName"), &field("roleName")),
            permissions_boundary_arn: self.string(
                m.get("permissionsBoundaryARN"),
                &field("permissionsBoundaryARN"),
            ),
            permission_policy_arns: self.string_list(
                m.get("permissionPolicyARNs"),
                &field("permissionPolicyARNs"),
            ),
            permission_policy: self
                .policy_document(m.get("permissionPolicy"), &field("permissionPolicy")),
            well_known_policies,
            tags: self.string_map(m.get("tags"), &field("tags")),
            target_role_arn: self.string(m.get("targetRoleARN"), &field("targetRoleARN")),
            disable_session_tags: self
                .bool(m.get("disableSessionTags"), &field("disableSessionTags"))
                .is_some_and(|b| b.value),
            session_policy: self.policy_document(m.get("policy"), &field("policy")),
            has_unknown_keys,
        })
    }

    fn service_account(&mut self, node: &Node, index: usize) -> Option<ServiceAccountSpec> {
        let path = format!("iam.serviceAccounts[{index}]");
        let errors_before = self.diags.len();
        let m = self.fields(node, &schema::SERVICE_ACCOUNT, &path)?;
        let has_unknown_keys = self.diags.len() > errors_before;
        let (name, namespace, labels, annotations) =
            self.service_account_metadata(node, m.get("metadata"), &path);
        let attach_policy_arns = self.string_list(
            m.get("attachPolicyARNs"),
            &format!("{path}.attachPolicyARNs"),
        );
        let attach_policy =
            self.policy_document(m.get("attachPolicy"), &format!("{path}.attachPolicy"));
        let attach_role_arn = self.string(m.get("attachRoleARN"), &format!("{path}.attachRoleARN"));
        let well_known_policies = match m.get("wellKnownPolicies") {
            Some(n) => self.well_known(n, &format!("{path}.wellKnownPolicies")),
            None => Vec::new(),
        };
        let permissions_boundary = self.string(
            m.get("permissionsBoundary"),
            &format!("{path}.permissionsBoundary"),
        );
        let role_name = self.string(m.get("roleName"), &format!("{path}.roleName"));
        let role_only = self
            .bool(m.get("roleOnly"), &format!("{path}.roleOnly"))
            .is_some_and(|b| b.value);
        let tags = self.string_map(m.get("tags"), &format!("{path}.tags"));
        let subject_pattern =
            self.string(m.get("subjectPattern"), &format!("{path}.subjectPattern"));
        Some(ServiceAccountSpec {
            pos: node.pos,
            name: name?,
            namespace,
            labels,
            annotations,
            attach_policy_arns,
            attach_policy,
            attach_role_arn,
            well_known_policies,
            permissions_boundary,
            role_name,
            role_only,
            tags,
            subject_pattern,
            has_unknown_keys,
        })
    }

    /// A ServiceAccount's `metadata`: its name (`None` when missing or invalid, reported),
    /// namespace, labels and annotations.
    fn service_account_metadata(
        &mut self,
        entry: &Node,
        node: Option<&Node>,
        path: &str,
    ) -> (Option<Sp<String>>, Option<Sp<String>>, StringMap, StringMap) {
        let meta_path = format!("{path}.metadata");
        let Some(node) = node else {
            self.err(
                Some(entry.pos),
                format!("`{meta_path}` is missing"),
                Some("add `metadata:` with the ServiceAccount's `name` (and `namespace`)"),
            );
            return (None, None, Vec::new(), Vec::new());
        };
        let Some(meta) = self.fields(node, &schema::SERVICE_ACCOUNT_METADATA, &meta_path) else {
            return (None, None, Vec::new(), Vec::new());
        };
        let name = self.string(meta.get("name"), &format!("{meta_path}.name"));
        if meta.get("name").is_none() {
            self.err(
                Some(node.pos),
                format!("`{meta_path}.name` is missing"),
                Some("add the ServiceAccount's `name`"),
            );
        }
        let namespace = self.string(meta.get("namespace"), &format!("{meta_path}.namespace"));
        let labels = self.string_map(meta.get("labels"), &format!("{meta_path}.labels"));
        let annotations =
            self.string_map(meta.get("annotations"), &format!("{meta_path}.annotations"));
        (name, namespace, labels, annotations)
    }

    /// A policy document (`attachPolicy`, `permissionPolicy`, `policy`) written as a mapping or
    /// as a JSON string; `field` is its path.
    fn policy_document(&mut self, node: Option<&Node>, field: &str) -> Option<Sp<super::Document>> {
        match node {
            Some(
                n @ Node {
                    value: Value::Map(_),
                    ..
                },
            ) => Some(Sp {
                value: super::Document {
                    json: n.to_json(),
                    positions: n.positions(),
                },
                pos: n.pos,
            }),
            // Written as JSON text: its values have no YAML positions of their own.
            Some(Node {
                value: Value::Str(text),
                pos,
                ..
            }) => match serde_json::from_str::<serde_json::Value>(text) {
                Ok(v @ serde_json::Value::Object(_)) => Some(Sp {
                    value: super::Document {
                        json: v,
                        positions: Default::default(),
                    },
                    pos: *pos,
                }),
                _ => {
                    self.err(
                        Some(*pos),
                        format!("`{field}` must be a policy document (a JSON or YAML object)"),
                        Some("write the document as a mapping with `Version` and `Statement`"),
                    );
                    None
                }
            },
            Some(other) => {
                self.wrong_type(other, field, "a policy document (a mapping)");
                None
            }
            None => None,
        }
    }

    fn well_known(&mut self, node: &Node, path: &str) -> Vec<Sp<WellKnown>> {
        let Some(m) = self.fields(node, &schema::WELL_KNOWN_POLICIES, path) else {
            return Vec::new();
        };
        WellKnown::ALL
            .iter()
            .filter_map(|wk| {
                let b = self.bool(m.get(wk.key()), &format!("{path}.{}", wk.key()))?;
                b.value.then_some(Sp {
                    value: *wk,
                    pos: b.pos,
                })
            })
            .collect()
    }

    fn identity_mapping(&mut self, node: &Node, index: usize) -> Option<IdentityMappingSpec> {
        let path = format!("iamIdentityMappings[{index}]");
        let m = self.fields(node, &schema::IDENTITY_MAPPING, &path)?;
        Some(IdentityMappingSpec {
            pos: node.pos,
            arn: self.string(m.get("arn"), &format!("{path}.arn")),
            username: self.string(m.get("username"), &format!("{path}.username")),
            groups: self.string_list(m.get("groups"), &format!("{path}.groups")),
            account: self.string(m.get("account"), &format!("{path}.account")),
            no_duplicate_arns: self
                .bool(m.get("noDuplicateARNs"), &format!("{path}.noDuplicateARNs"))
                .is_some_and(|b| b.value),
            service_name: self.string(m.get("serviceName"), &format!("{path}.serviceName")),
            namespace: self.string(m.get("namespace"), &format!("{path}.namespace")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Severity;

    fn parse(body: &str) -> (Option<ClusterConfig>, Vec<Diagnostic>) {
        parse_config(&format!(
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n{body}"
        ))
    }

    fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
        diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect()
    }

    #[test]
    fn every_key_of_eksctl_v0_230_is_accepted() {
        // Keys eksctl v0.230 has that eksiam's tables once lacked; nested keys of the sections
        // eksiam checks (accessConfig, podIdentityAssociations) are in eksctl's examples.
        let (cfg, diags) = parse(
            "metadata:
  name: c
  forceUpdateVersion: true
  rollbackConfig: {timeoutMinutes: 30}
upgradePolicy: {supportType: STANDARD}
controlPlaneScalingConfig: {tier: tier-xl}
capabilities: [{name: ack, type: ACK}]
kubeAPIServerConfig: {}
kubeControllerManagerConfig: {}
kubeSchedulerConfig: {}
",
        );
        assert!(cfg.is_some());
        assert!(errors(&diags).is_empty(), "{diags:#?}");
    }

    #[test]
    fn typos_of_eksctl_keys_suggest_the_closest_key() {
        for (body, key, suggestion) in [
            (
                "metadata: {name: c}\nupgradePolicyy: {}\n",
                "upgradePolicyy",
                "upgradePolicy",
            ),
            (
                "metadata: {name: c}\ncontrolPlaneScaling: {}\n",
                "controlPlaneScaling",
                "controlPlaneScalingConfig",
            ),
            (
                "metadata: {name: c, rollbakConfig: {}}\n",
                "rollbakConfig",
                "rollbackConfig",
            ),
            (
                "metadata: {name: c}\niam:\n  serviceAcounts: []\n",
                "serviceAcounts",
                "serviceAccounts",
            ),
            (
                "metadata: {name: c}\naccessConfig:\n  accessEntrys: []\n",
                "accessEntrys",
                "accessEntries",
            ),
            (
                "metadata: {name: c}\naccessConfig:\n  accessEntries:\n    - principalARN: x\n      accessPolicies:\n        - policyARN: p\n          acessScope: {type: cluster}\n",
                "acessScope",
                "accessScope",
            ),
            (
                "metadata: {name: c}\niam:\n  podIdentityAssociations:\n    - serviceAcountName: s\n",
                "serviceAcountName",
                "serviceAccountName",
            ),
            (
                "metadata: {name: c}\niam:\n  podIdentityAssociations:\n    - wellKnownPolicies: {autoscaler: true}\n",
                "autoscaler",
                "autoScaler",
            ),
        ] {
            let (_, diags) = parse(body);
            let errs = errors(&diags);
            assert_eq!(errs.len(), 1, "{body}: {diags:#?}");
            assert!(errs[0].message.contains(&format!("`{key}`")), "{errs:#?}");
            assert_eq!(
                errs[0].hint.as_deref(),
                Some(format!("did you mean `{suggestion}`?").as_str()),
                "{body}"
            );
        }
    }

    #[test]
    fn sections_eksiam_ignores_take_any_key() {
        let (cfg, diags) = parse(
            "metadata: {name: c}\nnodeGroups: [{name: ng, notAnEksctlKey: 1}]\nvpc: {whatever: x}\n",
        );
        assert!(cfg.is_some());
        assert!(errors(&diags).is_empty(), "{diags:#?}");
    }

    /// eksctl decodes its file twice: `sigs.k8s.io/yaml.UnmarshalStrict` only to find unknown
    /// keys, then apimachinery's decoder, which turns YAML into JSON without the target type and
    /// refuses a YAML 1.1 boolean or number in a string field ("json: cannot unmarshal bool
    /// into Go struct field ClusterMeta.metadata.name of type string"). eksiam refuses them too,
    /// and says what to write.
    #[test]
    fn booleans_and_floats_in_string_fields_are_refused_as_eksctl_does() {
        for (value, found) in [
            ("y", "a boolean"),
            ("yes", "a boolean"),
            ("on", "a boolean"),
            ("OFF", "a boolean"),
            ("1.10", "a number"),
            ("1.30", "a number"),
        ] {
            let (_, diags) = parse(&format!("metadata:\n  name: {value}\n"));
            let errs = errors(&diags);
            assert_eq!(errs.len(), 1, "{value}: {diags:#?}");
            assert_eq!(
                errs[0].message,
                format!("`metadata.name` must be a string, found {found}")
            );
            assert_eq!(errs[0].pos.map(|p| (p.line, p.column)), Some((4, 9)));
            let hint = errs[0].hint.as_deref().unwrap();
            assert!(
                hint.contains(&format!("quote the value as `\"{value}\"`")),
                "{hint}"
            );
        }
    }

    /// go-yaml v2, which eksctl reads with, knows `y`, `Y`, `yes`, `Yes`, `YES`, `on`, … and
    /// `true`, `True`, `TRUE` as booleans; any other spelling is a string there.
    #[test]
    fn other_spellings_of_booleans_are_strings_as_in_eksctl() {
        let (cfg, diags) = parse("metadata:\n  name: yEs\n  tags: {a: tRUE, b: oN}\n");
        assert!(errors(&diags).is_empty(), "{diags:#?}");
        let m = cfg.unwrap().metadata;
        assert_eq!(m.name.value, "yEs");
        let tags: Vec<&str> = m.tags.iter().map(|(_, v)| v.value.as_str()).collect();
        assert_eq!(tags, ["tRUE", "oN"]);
    }

    /// An unquoted integer where a string is expected is read as written (eksiam has always
    /// taken `account: 111122223333`), with a warning: eksctl refuses the file.
    #[test]
    fn integers_in_string_fields_keep_their_spelling_and_warn() {
        let (cfg, diags) = parse(
            "metadata:\n  name: c\n  tags: {a: 111122223333, b: 0x1F, c: +12, d: 000000000000}\n",
        );
        assert!(errors(&diags).is_empty(), "{diags:#?}");
        let m = cfg.unwrap().metadata;
        let tags: Vec<&str> = m.tags.iter().map(|(_, v)| v.value.as_str()).collect();
        assert_eq!(tags, ["111122223333", "0x1F", "+12", "000000000000"]);
        assert_eq!(diags.len(), 4, "{diags:#?}");
        assert!(diags[0].message.contains("eksctl"), "{}", diags[0].message);
        assert_eq!(
            diags[0].hint.as_deref(),
            Some("quote the value as `\"111122223333\"` so that eksctl reads the file too")
        );
    }

    #[test]
    fn quoted_scalars_are_strings_without_a_word() {
        let (cfg, diags) = parse(
            "metadata:\n  name: \"y\"\n  tags: {a: 'on', b: \"1.10\", c: \"111122223333\"}\n",
        );
        assert!(diags.is_empty(), "{diags:#?}");
        let m = cfg.unwrap().metadata;
        assert_eq!(m.name.value, "y");
        let tags: Vec<&str> = m.tags.iter().map(|(_, v)| v.value.as_str()).collect();
        assert_eq!(tags, ["on", "1.10", "111122223333"]);
    }
}
