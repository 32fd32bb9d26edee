//! `eksiam migrate kube2iam` against moto and a real kube-apiserver holding kube2iam's
//! workloads: the ClusterConfig it writes binds each ServiceAccount to the one role its
//! workloads assume, names the trust statement each role needs and what cannot move, changes
//! nothing, and plans as it is.

mod common;
use common::live::{Env, THUMBPRINT};
use common::ok;
use serde_json::json;

/// A pod template with kube2iam's annotations, in `kind`'s shape.
fn workload(kind: &str, ns: &str, name: &str, sa: Option<&str>, annotations: &str) -> String {
    let sa = sa.map_or(String::new(), |s| format!("serviceAccountName: {s}, "));
    let pod = format!(
        "{{metadata: {{labels: {{app: {name}}}, annotations: {{{annotations}}}}}, spec: {{{sa}restartPolicy: OnFailure, containers: [{{name: c, image: busybox}}]}}}}"
    );
    let spec = match kind {
        "Deployment" | "StatefulSet" | "DaemonSet" => format!(
            "{{selector: {{matchLabels: {{app: {name}}}}}, {}template: {pod}}}",
            if kind == "StatefulSet" {
                format!("serviceName: {name}, ")
            } else {
                String::new()
            }
        )
        .replace("restartPolicy: OnFailure, ", ""),
        "Job" => format!("{{template: {pod}}}"),
        "CronJob" => format!("{{schedule: '@daily', jobTemplate: {{spec: {{template: {pod}}}}}}}"),
        _ => unreachable!(),
    };
    let api = match kind {
        "Job" | "CronJob" => "batch/v1",
        _ => "apps/v1",
    };
    format!(
        "apiVersion: {api}\nkind: {kind}\nmetadata: {{name: {name}, namespace: {ns}}}\nspec: {spec}\n---\n"
    )
}

#[test]
fn kube2iams_workloads_become_a_cluster_config_that_binds_the_same_roles() {
    let env = Env::new();
    let account = env.account_id();
    env.k.namespace("apps", &[]);
    env.k.namespace(
        "locked",
        &[r#"iam.amazonaws.com/allowed-roles=["locked-*"]"#],
    );
    env.k
        .kubectl_ok(&["-n", "apps", "create", "serviceaccount", "default"]);
    let role = |name: &str| format!("arn:aws:iam::{account}:role/{name}");
    let mut manifest = String::new();
    manifest += &workload(
        "Deployment",
        "apps",
        "web",
        Some("web"),
        "iam.amazonaws.com/role: web",
    );
    manifest += &workload(
        "CronJob",
        "apps",
        "report",
        Some("web"),
        &format!("iam.amazonaws.com/role: '{}'", role("web")),
    );
    manifest += &workload(
        "StatefulSet",
        "apps",
        "db",
        Some("db"),
        "iam.amazonaws.com/role: db",
    );
    manifest += &workload(
        "Deployment",
        "apps",
        "a",
        Some("shared"),
        "iam.amazonaws.com/role: a",
    );
    manifest += &workload(
        "Deployment",
        "apps",
        "b",
        Some("shared"),
        "iam.amazonaws.com/role: b",
    );
    manifest += &workload(
        "Job",
        "apps",
        "ext",
        Some("ext"),
        "iam.amazonaws.com/role: d, iam.amazonaws.com/external-id: x",
    );
    manifest += &workload(
        "DaemonSet",
        "locked",
        "agent",
        Some("agent"),
        "iam.amazonaws.com/role: admin",
    );
    manifest += &workload("Deployment", "apps", "plain", Some("plain"), "other: x");
    manifest += "apiVersion: v1\nkind: Pod\nmetadata: {name: lonely, namespace: apps, annotations: {iam.amazonaws.com/role: c}}\nspec: {containers: [{name: c, image: busybox}]}\n";
    env.k.apply_manifest("kube2iam", &manifest);
    for name in ["web", "db"] {
        env.iam(&[
            "Action=CreateRole",
            &format!("RoleName={name}"),
            r#"AssumeRolePolicyDocument={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        ]);
    }

    let aws = env.moto().mark();
    let audit = env.k.audit_mark();
    let out: serde_json::Value = serde_json::from_str(&ok(&env.eksiam(&[
        "migrate",
        "kube2iam",
        "--cluster",
        "prod",
        "-o",
        "json",
    ])))
    .unwrap();
    assert_eq!(
        out["clusterConfig"]["iam"],
        json!({"withOIDC": true, "serviceAccounts": [
            {"metadata": {"name": "db", "namespace": "apps"}, "attachRoleARN": role("db")},
            {"metadata": {"name": "web", "namespace": "apps"}, "attachRoleARN": role("web")},
        ]})
    );
    assert_eq!(
        out["clusterConfig"]["metadata"],
        json!({"name": "prod", "region": "us-west-2"})
    );
    let web = &out["trust"][1];
    assert_eq!(web["roleArn"], role("web"));
    let statement = &web["statements"][0];
    let federated = statement["Principal"]["Federated"].as_str().unwrap();
    assert!(
        federated.starts_with(&format!("arn:aws:iam::{account}:oidc-provider/")),
        "{statement}"
    );
    let host = federated.split_once("oidc-provider/").unwrap().1;
    assert_eq!(
        statement["Condition"]["StringEquals"][format!("{host}:sub")],
        "system:serviceaccount:apps:web"
    );
    let subjects: Vec<&str> = out["unmapped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "apps/job/ext",
            "apps/pod/lonely",
            "apps/serviceaccount/shared",
            "locked/daemonset/agent",
        ]
    );
    // Read only: no AWS write, no Kubernetes write.
    let writes = env.moto().writes_since(aws);
    assert!(writes.is_empty(), "{writes:?}");
    let kube_writes: Vec<_> = env
        .k
        .requests_since(audit)
        .into_iter()
        .filter(|e| e.is_write())
        .collect();
    assert!(kube_writes.is_empty(), "{kube_writes:?}");

    // An identity bound only to what `eksiam rbac --command 'migrate kube2iam'` prints gets
    // the same answer.
    let again = ok(&env.eksiam_bound_to_rbac_of(
        "migrate kube2iam",
        "k2i",
        &["migrate", "kube2iam", "--cluster", "prod", "-o", "json"],
    ));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&again).unwrap(),
        out
    );

    // The YAML is the same file, with comments, and plans as it is.
    let o = env.eksiam(&["migrate", "kube2iam", "--cluster", "prod"]);
    let yaml = ok(&o);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("4 workload(s) cannot move"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        yaml.contains(&format!("#   {}:\n#     {{", role("web"))),
        "{yaml}"
    );
    assert!(
        yaml.contains("#   apps/pod/lonely: runs as the namespace's `default` ServiceAccount"),
        "{yaml}"
    );
    let file = env.write("migrated.yaml", &yaml);
    let plan = ok(&env.eksiam(&["plan", "-f", &file, "--thumbprint", THUMBPRINT]));
    assert!(plan.contains("apps/web"), "{plan}");
    assert!(plan.contains("apps/db"), "{plan}");
}
