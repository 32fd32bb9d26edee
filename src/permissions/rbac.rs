//! The Kubernetes RBAC rules eksiam's identity needs: a ClusterRole for namespaces and
//! ServiceAccounts, and a Role in `kube-system` for the `aws-auth` ConfigMap by name, with
//! bindings to a group. [`VERBS`] lists every Kubernetes request eksiam makes (`kube.rs`).

use super::{Command, command_list};
use crate::desired::Desired;
use serde_json::{Value, json};

use Command::{
    Apply, CreateIamidentitymapping, CreateIamserviceaccount, CreatePodidentityassociation,
    DeleteIamidentitymapping, DeleteIamserviceaccount, Explain, GetAccess, GetIamidentitymapping,
    GetIamserviceaccount, MigrateKube2iam, MigrateToAccessEntry, MigrateToPodIdentity, Plan,
    Reconcile, UpdateIamserviceaccount,
};

/// What a verb is used on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Object {
    Namespaces,
    ServiceAccounts,
    /// The `kube-system/aws-auth` ConfigMap.
    AwsAuth,
    /// What makes pods: Deployments, StatefulSets, DaemonSets, Jobs, CronJobs and Pods.
    Workloads,
    /// Events, on the ServiceAccounts `reconcile` acts on.
    Events,
}

impl Object {
    fn describe(self) -> &'static str {
        match self {
            Object::Namespaces => "namespaces",
            Object::ServiceAccounts => "serviceaccounts",
            Object::AwsAuth => "configmaps `kube-system/aws-auth`",
            Object::Workloads => "deployments, statefulsets, daemonsets, jobs, cronjobs, pods",
            Object::Events => "events",
        }
    }

    /// The ClusterRole rules granting `verbs` on this object.
    fn cluster_rules(self, verbs: &[&str]) -> Vec<Value> {
        let groups: &[(&str, &[&str])] = match self {
            Object::Namespaces => &[("", &["namespaces"])],
            Object::ServiceAccounts => &[("", &["serviceaccounts"])],
            Object::Events => &[("", &["events"])],
            Object::Workloads => &[
                ("apps", &["deployments", "statefulsets", "daemonsets"]),
                ("batch", &["jobs", "cronjobs"]),
                ("", &["pods"]),
            ],
            Object::AwsAuth => &[],
        };
        groups
            .iter()
            .map(|(group, resources)| json!({"apiGroups": [group], "resources": resources, "verbs": verbs}))
            .collect()
    }
}

/// One Kubernetes verb eksiam uses, on what, for which commands, and why.
#[derive(Debug, Clone, Copy)]
pub struct VerbUse {
    pub object: Object,
    pub verb: &'static str,
    pub commands: &'static [Command],
    pub why: &'static str,
}

const SA_READERS: &[Command] = &[
    Plan,
    Apply,
    CreateIamserviceaccount,
    GetIamserviceaccount,
    UpdateIamserviceaccount,
    DeleteIamserviceaccount,
    CreatePodidentityassociation,
    MigrateToPodIdentity,
    Reconcile,
];
const SA_WRITERS: &[Command] = &[
    Apply,
    CreateIamserviceaccount,
    UpdateIamserviceaccount,
    CreatePodidentityassociation,
];

/// Every Kubernetes verb eksiam uses.
pub const VERBS: &[VerbUse] = &[
    VerbUse {
        object: Object::Namespaces,
        verb: "list",
        commands: SA_READERS,
        why: "which namespaces exist and the roles they allow (one LIST)",
    },
    VerbUse {
        object: Object::Namespaces,
        verb: "list",
        commands: &[MigrateKube2iam],
        why: "the roles each namespace allows (`allowed-roles`), which the migration honours",
    },
    VerbUse {
        object: Object::Namespaces,
        verb: "create",
        commands: SA_WRITERS,
        why: "a ServiceAccount's namespace, when missing",
    },
    VerbUse {
        object: Object::ServiceAccounts,
        verb: "list",
        commands: SA_READERS,
        why: "one cluster-wide LIST (one per namespace when only that is allowed)",
    },
    VerbUse {
        object: Object::ServiceAccounts,
        verb: "watch",
        commands: &[Reconcile],
        why: "`--watch`: one cluster-wide WATCH, renewed every 4 minutes, tells when to reconcile",
    },
    VerbUse {
        object: Object::ServiceAccounts,
        verb: "create",
        commands: SA_WRITERS,
        why: "a missing ServiceAccount, labelled and annotated (for Pod Identity, `createServiceAccount`: labelled only)",
    },
    VerbUse {
        object: Object::ServiceAccounts,
        verb: "patch",
        commands: &[
            Apply,
            CreateIamserviceaccount,
            UpdateIamserviceaccount,
            DeleteIamserviceaccount,
            Reconcile,
        ],
        why: "merge patch of eksiam's label and role annotation; removes the annotation when unbinding a ServiceAccount eksiam did not create",
    },
    VerbUse {
        object: Object::ServiceAccounts,
        verb: "delete",
        commands: &[Apply, DeleteIamserviceaccount],
        why: "a ServiceAccount eksiam created, on `delete iamserviceaccount` and `apply --prune`",
    },
    VerbUse {
        object: Object::AwsAuth,
        verb: "get",
        commands: &[
            Plan,
            Apply,
            CreateIamidentitymapping,
            GetIamidentitymapping,
            DeleteIamidentitymapping,
            MigrateToAccessEntry,
            GetAccess,
            Explain,
        ],
        why: "one read of the mappings per run (`iamIdentityMappings`, the migration to access entries)",
    },
    VerbUse {
        object: Object::AwsAuth,
        verb: "create",
        commands: &[Apply, CreateIamidentitymapping],
        why: "the ConfigMap, when missing (RBAC cannot limit `create` to one name)",
    },
    VerbUse {
        object: Object::AwsAuth,
        verb: "update",
        commands: &[Apply, CreateIamidentitymapping, DeleteIamidentitymapping],
        why: "one write per run, with the `resourceVersion` read",
    },
    VerbUse {
        object: Object::Workloads,
        verb: "list",
        commands: &[MigrateKube2iam],
        why: "the pod templates whose kube2iam annotations the migration reads (one LIST each)",
    },
    VerbUse {
        object: Object::Events,
        verb: "create",
        commands: &[Reconcile],
        why: "`Synced`, `Unbound`, `SyncFailed`, `RoleRefused`, `RoleConflict` or `PolicyRefused` on the ServiceAccounts a run acted on",
    },
    VerbUse {
        object: Object::Events,
        verb: "get",
        commands: &[Reconcile],
        why: "an Event that says the same again is counted on the one already there",
    },
    VerbUse {
        object: Object::Events,
        verb: "patch",
        commands: &[Reconcile],
        why: "raises a repeated Event's `count` and `lastTimestamp`",
    },
];

/// The verbs needed, by object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    verbs: Vec<(Object, &'static str)>,
}

impl Rules {
    fn add(&mut self, object: Object, verb: &'static str) {
        if !self.verbs.contains(&(object, verb)) {
            self.verbs.push((object, verb));
        }
    }

    /// The verbs on `object`, in [`VERBS`] order.
    pub fn verbs(&self, object: Object) -> Vec<&'static str> {
        let mut verbs: Vec<&'static str> = Vec::new();
        // A verb may have several rows (several reasons): each is granted once.
        for v in VERBS {
            if v.object == object
                && self.verbs.contains(&(object, v.verb))
                && !verbs.contains(&v.verb)
            {
                verbs.push(v.verb);
            }
        }
        verbs
    }

    /// Whether nothing is needed.
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty()
    }
}

/// What `commands` need, on every namespace.
pub fn broad(commands: &[Command]) -> Rules {
    let mut rules = Rules::default();
    for v in VERBS {
        if v.commands.iter().any(|c| commands.contains(c)) {
            rules.add(v.object, v.verb);
        }
    }
    rules
}

/// What `apply -f FILE` (`writes`) or `plan -f FILE` needs for what `desired` holds, with
/// `--prune` when `prune`.
pub fn scoped(desired: &Desired, writes: bool, prune: bool) -> Rules {
    let mut rules = Rules::default();
    let binds = desired
        .service_accounts
        .iter()
        .any(|s| s.manage_service_account);
    // Pod Identity's `createServiceAccount` creates a missing ServiceAccount, never patches one.
    let manages = binds
        || crate::kinds::service_account::created_for_pod_identity(desired)
            .next()
            .is_some();
    let prune_roles = prune && desired.prune_scope.roles;
    if manages || prune_roles {
        rules.add(Object::Namespaces, "list");
        rules.add(Object::ServiceAccounts, "list");
    }
    // The namespaces' restrictions on the roles bound (unchecked, with a warning, when refused).
    if desired.binds_unmanaged() {
        rules.add(Object::Namespaces, "list");
    }
    if writes && manages {
        rules.add(Object::Namespaces, "create");
        rules.add(Object::ServiceAccounts, "create");
    }
    if writes && binds {
        rules.add(Object::ServiceAccounts, "patch");
    }
    if writes && prune_roles {
        rules.add(Object::ServiceAccounts, "patch");
        rules.add(Object::ServiceAccounts, "delete");
    }
    let prune_mappings = prune && desired.prune_scope.mappings;
    if !desired.mappings.is_empty() || prune_mappings {
        rules.add(Object::AwsAuth, "get");
        if writes {
            if !desired.mappings.is_empty() {
                rules.add(Object::AwsAuth, "create");
            }
            rules.add(Object::AwsAuth, "update");
        }
    }
    rules
}

const LABELS: &str = "app.kubernetes.io/managed-by";

fn subject(group: &str) -> Value {
    json!([{"apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": group}])
}

/// The manifests, each with the comment lines that go before it in YAML.
/// What the ClusterRole covers, in a line.
fn cluster_role_comment(rules: &Rules) -> &'static str {
    match (
        rules.verbs(Object::Workloads).is_empty(),
        rules.verbs(Object::Events).is_empty(),
    ) {
        (true, true) => "Namespaces and ServiceAccounts, in every namespace.",
        (false, _) => "Namespaces, ServiceAccounts and what makes pods, in every namespace.",
        (true, false) => "Namespaces, ServiceAccounts and their Events, in every namespace.",
    }
}

fn manifests(rules: &Rules, group: &str) -> Vec<(Vec<String>, Value)> {
    let mut docs = Vec::new();
    let cluster_rules: Vec<Value> = [
        Object::Namespaces,
        Object::ServiceAccounts,
        Object::Workloads,
        Object::Events,
    ]
    .into_iter()
    .flat_map(|o| {
        let verbs = rules.verbs(o);
        if verbs.is_empty() {
            Vec::new()
        } else {
            o.cluster_rules(&verbs)
        }
    })
    .collect();
    let meta = |name: &str, ns: Option<&str>| {
        let mut m = json!({"name": name, "labels": {LABELS: "eksiam"}});
        if let Some(ns) = ns {
            m["namespace"] = json!(ns);
        }
        m
    };
    if !cluster_rules.is_empty() {
        docs.push((
            vec![cluster_role_comment(rules).to_owned()],
            json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                   "metadata": meta("eksiam", None), "rules": cluster_rules}),
        ));
        docs.push((
            Vec::new(),
            json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                   "metadata": meta("eksiam", None),
                   "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "eksiam"},
                   "subjects": subject(group)}),
        ));
    }
    let verbs = rules.verbs(Object::AwsAuth);
    if !verbs.is_empty() {
        let (create, by_name): (Vec<&str>, Vec<&str>) =
            verbs.into_iter().partition(|v| *v == "create");
        let mut role_rules = vec![json!({"apiGroups": [""], "resources": ["configmaps"],
                                          "resourceNames": ["aws-auth"], "verbs": by_name})];
        let mut comments = vec!["The aws-auth ConfigMap, by name.".to_owned()];
        if !create.is_empty() {
            role_rules
                .push(json!({"apiGroups": [""], "resources": ["configmaps"], "verbs": create}));
            comments.push("RBAC cannot restrict `create` by resourceNames (a create request is authorized before".to_owned());
            comments.push("the object has a name to check), so the second rule allows creating any ConfigMap in".to_owned());
            comments.push("kube-system. eksiam creates only aws-auth, and only when it is missing: drop that rule".to_owned());
            comments.push("where aws-auth exists.".to_owned());
        }
        docs.push((
            comments,
            json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                   "metadata": meta("eksiam-aws-auth", Some("kube-system")), "rules": role_rules}),
        ));
        docs.push((
            Vec::new(),
            json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                   "metadata": meta("eksiam-aws-auth", Some("kube-system")),
                   "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "eksiam-aws-auth"},
                   "subjects": subject(group)}),
        ));
    }
    docs
}

/// The manifests as YAML documents, with comments; `what` names what they are for, `cluster`
/// the cluster when known.
pub fn render_yaml(rules: &Rules, group: &str, what: &str, cluster: Option<&str>) -> String {
    let mut out = format!("# The Kubernetes permissions eksiam needs for {what}.\n");
    if rules.is_empty() {
        out.push_str("# None: it makes no Kubernetes request.\n");
        return out;
    }
    match group.strip_prefix("system:serviceaccounts:") {
        // Kubernetes' own group of a namespace's ServiceAccounts: eksiam runs in the cluster.
        Some(ns) if !ns.is_empty() => out.push_str(&format!(
            "# They are bound to the group `{group}`: every ServiceAccount of namespace `{ns}`\n\
             # (eksiam in a pod there, with `--in-cluster`).\n"
        )),
        _ => out.push_str(&format!(
            "# They are bound to the group `{group}`: map the IAM identity eksiam runs as to it, e.g.\n\
             #   eksiam create iamidentitymapping --cluster {} --arn ARN --username eksiam --group {group}\n",
            cluster.unwrap_or("CLUSTER")
        )),
    }
    let docs: Vec<String> = manifests(rules, group)
        .into_iter()
        .map(|(comments, doc)| {
            let mut text: String = comments.iter().map(|c| format!("# {c}\n")).collect();
            text.push_str(&serde_saphyr::to_string(&doc).expect("manifests serialise as YAML"));
            text
        })
        .collect();
    out.push_str(&docs.join("---\n"));
    out
}

/// The manifests as a JSON `List`.
pub fn render_json(rules: &Rules, group: &str) -> String {
    let items: Vec<Value> = manifests(rules, group)
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    serde_json::to_string_pretty(&json!({"apiVersion": "v1", "kind": "List", "items": items}))
        .expect("JSON")
        + "\n"
}

/// The Markdown table of every Kubernetes verb, the commands that use it and why.
pub fn explain() -> String {
    let mut out =
        String::from("| Kubernetes resource | verb | needed by | why |\n|---|---|---|---|\n");
    for v in VERBS {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            v.object.describe(),
            v.verb,
            command_list(v.commands),
            v.why
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::load_str;

    fn desired(yaml: &str) -> Desired {
        let loaded = load_str("cluster.yaml", yaml.to_owned()).expect("valid config");
        Desired::from_config(&loaded.config, None)
    }

    const HEAD: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod, region: us-west-2}\n";

    #[test]
    fn a_file_with_service_accounts_needs_no_configmap() {
        let d = desired(&format!(
            "{HEAD}iam:\n  serviceAccounts:\n    - metadata: {{name: a, namespace: x}}\n      attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n"
        ));
        let r = scoped(&d, true, false);
        assert_eq!(r.verbs(Object::Namespaces), ["list", "create"]);
        assert_eq!(
            r.verbs(Object::ServiceAccounts),
            ["list", "create", "patch"]
        );
        assert!(r.verbs(Object::AwsAuth).is_empty());
        let pruning = scoped(&d, true, true);
        assert_eq!(
            pruning.verbs(Object::ServiceAccounts),
            ["list", "create", "patch", "delete"]
        );
        let reading = scoped(&d, false, false);
        assert_eq!(reading.verbs(Object::ServiceAccounts), ["list"]);
        let yaml = render_yaml(&r, "eksiam", "x", None);
        assert!(!yaml.contains("kind: Role\n"), "{yaml}");
    }

    #[test]
    fn pod_identity_needs_service_accounts_only_to_create_them() {
        let assoc = |create: bool| {
            desired(&format!(
                "{HEAD}iam:\n  podIdentityAssociations:\n    - namespace: x\n      serviceAccountName: a\n      roleARN: arn:aws:iam::111122223333:role/r\n      createServiceAccount: {create}\n"
            ))
        };
        let none = scoped(&assoc(false), true, false);
        assert!(none.verbs(Object::ServiceAccounts).is_empty());
        // Only the namespaces' restrictions on the role bound.
        assert_eq!(none.verbs(Object::Namespaces), ["list"]);
        let r = scoped(&assoc(true), true, false);
        assert_eq!(r.verbs(Object::Namespaces), ["list", "create"]);
        assert_eq!(r.verbs(Object::ServiceAccounts), ["list", "create"]);
    }

    #[test]
    fn a_file_with_mappings_needs_only_aws_auth_by_name() {
        let d = desired(&format!(
            "{HEAD}iamIdentityMappings:\n  - arn: arn:aws:iam::111122223333:role/ops\n    username: ops\n    groups: [system:masters]\n"
        ));
        let r = scoped(&d, true, false);
        assert_eq!(r.verbs(Object::AwsAuth), ["get", "create", "update"]);
        assert!(r.verbs(Object::ServiceAccounts).is_empty());
        let yaml = render_yaml(&r, "eksiam-ops", "x", Some("prod"));
        assert!(!yaml.contains("ClusterRole"), "{yaml}");
        assert!(
            yaml.contains("RBAC cannot restrict `create` by resourceNames"),
            "{yaml}"
        );
        // The YAML holds exactly the documents the JSON list does.
        let docs: Vec<serde_json::Value> = yaml
            .split("---\n")
            .map(|d| serde_saphyr::from_str(d).expect("YAML document"))
            .collect();
        let list: serde_json::Value = serde_json::from_str(&render_json(&r, "eksiam-ops")).unwrap();
        assert_eq!(list["items"].as_array().unwrap(), &docs);
        assert_eq!(docs[0]["rules"][0]["resourceNames"], json!(["aws-auth"]));
        assert_eq!(docs[0]["rules"][0]["verbs"], json!(["get", "update"]));
        assert_eq!(docs[0]["rules"][1]["verbs"], json!(["create"]));
        assert_eq!(docs[1]["subjects"][0]["name"], "eksiam-ops");
    }

    #[test]
    fn get_iamidentitymapping_only_reads_aws_auth() {
        let r = broad(&[GetIamidentitymapping]);
        assert_eq!(r.verbs(Object::AwsAuth), ["get"]);
        let yaml = render_yaml(&r, "eksiam", "x", None);
        assert!(!yaml.contains("RBAC cannot restrict"), "{yaml}");
        assert!(render_yaml(&Rules::default(), "g", "x", None).contains("None"));
    }

    #[test]
    fn every_verb_is_in_the_table_and_the_broad_rules() {
        let all = broad(&Command::ALL);
        let table = explain();
        for v in VERBS {
            assert!(all.verbs(v.object).contains(&v.verb));
            assert!(table.contains(&format!("`{}`", v.verb)));
        }
    }
}
