//! The harness's own tests: each part does what the eksiam tests will rely on, checked with
//! independent clients (the built kubectl, curl, openssl).

use std::process::Command;
use testenv::aws::Moto;
use testenv::issuer::{ConnectProxy, Issuer};
use testenv::kube::{KubeServer, Rule};
use testenv::proxy::Fault;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn kubectl_round_trips_against_the_real_apiserver() {
    let k = KubeServer::shared();
    k.kubectl_ok(&["create", "namespace", "harness-kubectl"]);
    let ns = ["-n", "harness-kubectl"];
    fn with<'a>(ns: &[&'a str], args: &[&'a str]) -> Vec<&'a str> {
        [ns, args].concat()
    }
    k.kubectl_ok(&with(
        &ns,
        &["create", "configmap", "demo", "--from-literal=a=1"],
    ));
    k.kubectl_ok(&with(
        &ns,
        &["annotate", "configmap", "demo", "team=platform"],
    ));
    k.kubectl_ok(&with(
        &ns,
        &[
            "label",
            "configmap",
            "demo",
            "app.kubernetes.io/managed-by=eksiam",
        ],
    ));
    k.kubectl_ok(&with(
        &ns,
        &[
            "patch",
            "configmap",
            "demo",
            "--type=merge",
            "-p",
            r#"{"data":{"b":"2"}}"#,
        ],
    ));
    let json = k.kubectl_ok(&with(&ns, &["get", "configmap", "demo", "-o", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["data"]["a"], "1");
    assert_eq!(v["data"]["b"], "2");
    assert_eq!(v["metadata"]["annotations"]["team"], "platform");
    assert_eq!(
        v["metadata"]["labels"]["app.kubernetes.io/managed-by"],
        "eksiam"
    );

    // replace with the current resourceVersion succeeds, with a stale one is a 409 Conflict.
    let mut obj = v.clone();
    obj["data"]["c"] = "3".into();
    let file = k.dir().join("demo.json");
    std::fs::write(&file, obj.to_string()).unwrap();
    k.kubectl_ok(&with(&ns, &["replace", "-f", file.to_str().unwrap()]));
    let stale = k.kubectl(&with(&ns, &["replace", "-f", file.to_str().unwrap()]));
    assert!(!stale.status.success());
    assert!(
        stderr(&stale).contains("Conflict")
            || stderr(&stale).contains("the object has been modified"),
        "{}",
        stderr(&stale)
    );
    let mark = k.audit_mark();
    k.kubectl_ok(&with(&ns, &["delete", "configmap", "demo"]));
    let events = k.requests_since(mark);
    let deletes: Vec<_> = events
        .iter()
        .filter(|e| e.verb == "delete" && e.resource == "configmaps")
        .collect();
    assert_eq!(deletes.len(), 1, "{events:#?}");
    assert_eq!(deletes[0].name, "demo");
    assert_eq!(deletes[0].user, "eksiam-admin");
    assert_eq!(deletes[0].code, 200);
}

#[test]
fn the_audit_log_counts_a_stale_update_as_409() {
    let k = KubeServer::shared();
    k.kubectl_ok(&["create", "namespace", "harness-audit"]);
    k.kubectl_ok(&["-n", "harness-audit", "create", "configmap", "cm"]);
    let v: serde_json::Value = serde_json::from_str(&k.kubectl_ok(&[
        "-n",
        "harness-audit",
        "get",
        "configmap",
        "cm",
        "-o",
        "json",
    ]))
    .unwrap();
    k.kubectl_ok(&["-n", "harness-audit", "label", "configmap", "cm", "x=1"]);
    let file = k.dir().join("stale.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let mark = k.audit_mark();
    assert!(
        !k.kubectl(&[
            "-n",
            "harness-audit",
            "replace",
            "-f",
            file.to_str().unwrap()
        ])
        .status
        .success()
    );
    let events = k.requests_since(mark);
    let updates: Vec<_> = events.iter().filter(|e| e.verb == "update").collect();
    assert_eq!(updates.len(), 1, "{events:#?}");
    assert_eq!(updates[0].code, 409);
}

#[test]
fn a_least_privileged_identity_gets_403_where_rbac_says_so() {
    let k = KubeServer::shared();
    let reader = k.identity(
        "harness-reader",
        &[Rule::core(&["configmaps"], &["get", "list"])],
    );
    assert!(
        k.kubectl_as(&reader, &["-n", "kube-system", "get", "configmaps"])
            .status
            .success()
    );
    let denied = k.kubectl_as(
        &reader,
        &["-n", "kube-system", "create", "configmap", "nope"],
    );
    assert!(!denied.status.success());
    assert!(
        stderr(&denied).contains("Forbidden") || stderr(&denied).contains("forbidden"),
        "{}",
        stderr(&denied)
    );
    let denied = k.kubectl_as(&reader, &["get", "serviceaccounts", "-A"]);
    assert!(stderr(&denied).contains("forbidden"), "{}", stderr(&denied));
}

#[test]
fn separate_servers_do_not_share_objects() {
    let a = KubeServer::start();
    let b = KubeServer::start();
    a.kubectl_ok(&["-n", "kube-system", "create", "configmap", "aws-auth"]);
    assert!(
        a.kubectl(&["-n", "kube-system", "get", "configmap", "aws-auth"])
            .status
            .success()
    );
    assert!(
        !b.kubectl(&["-n", "kube-system", "get", "configmap", "aws-auth"])
            .status
            .success()
    );
}

#[test]
fn the_fault_proxy_fails_delays_and_drops_apiserver_requests() {
    let k = KubeServer::shared();
    k.kubectl_ok(&["create", "namespace", "harness-proxy"]);
    let (proxy, kubeconfig) = k.proxied();
    let ns = ["-n", "harness-proxy"];
    assert!(
        k.kubectl_as(
            &kubeconfig,
            &[&ns[..], &["create", "configmap", "p"]].concat()
        )
        .status
        .success()
    );

    // kubectl retries a conflicting patch a few times: fail more often than that.
    proxy.inject(&Fault::kube("PATCH", "/configmaps/p$", 409, 20));
    let patch = [
        &ns[..],
        &[
            "patch",
            "configmap",
            "p",
            "--type=merge",
            "-p",
            r#"{"data":{"a":"1"}}"#,
        ],
    ]
    .concat();
    let out = k.kubectl_as(&kubeconfig, &patch);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Conflict"), "{}", stderr(&out));
    let (_, faulted, pending) = proxy.stats();
    assert_eq!(faulted + pending, 20);
    assert!(faulted >= 1, "kubectl saw {faulted} conflicts");
    proxy.reset();
    assert!(
        k.kubectl_as(&kubeconfig, &patch).status.success(),
        "without faults the PATCH passes"
    );
    // Exactly N requests fail, then requests pass again.
    proxy.inject(&Fault::kube("GET", "/configmaps/p$", 404, 1));
    let get = [&ns[..], &["get", "configmap", "p"]].concat();
    assert!(!k.kubectl_as(&kubeconfig, &get).status.success());
    assert!(k.kubectl_as(&kubeconfig, &get).status.success());

    proxy.inject(&Fault {
        status: 500,
        count: 20,
        path: Some("/configmaps/p$".into()),
        ..Fault::default()
    });
    let out = k.kubectl_as(&kubeconfig, &get);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("InternalError") || stderr(&out).contains("internal"),
        "{}",
        stderr(&out)
    );
    proxy.reset();

    // client-go retries a dropped connection, so drop more requests than it retries.
    proxy.inject(&Fault {
        drop: true,
        count: 50,
        path: Some("/configmaps/p$".into()),
        method: Some("DELETE".into()),
        ..Fault::default()
    });
    let out = k.kubectl_as(
        &kubeconfig,
        &[
            &ns[..],
            &["delete", "configmap", "p", "--request-timeout=5s"],
        ]
        .concat(),
    );
    assert!(!out.status.success(), "the dropped DELETE fails");
    assert!(
        k.kubectl(&[&ns[..], &["get", "configmap", "p"]].concat())
            .status
            .success(),
        "the object was never deleted"
    );
    let (_, dropped_and_failed, _) = proxy.stats();
    assert!(dropped_and_failed >= 1, "{dropped_and_failed}");
    proxy.reset();

    proxy.set_delay_ms(300);
    let start = std::time::Instant::now();
    k.kubectl_as(&kubeconfig, &[&ns[..], &["get", "configmap", "p"]].concat());
    assert!(start.elapsed() >= std::time::Duration::from_millis(300));
    let (seen, faulted, pending) = proxy.stats();
    assert!(
        seen >= 1 && faulted == 0 && pending == 0,
        "counters restart after reset: {seen} {faulted} {pending}"
    );
}

#[test]
fn moto_records_calls_and_hosts_an_eks_cluster() {
    let moto = Moto::start();
    let issuer = moto.create_cluster("prod");
    assert!(
        issuer.starts_with("https://oidc.eks.us-west-2.amazonaws.com/id/"),
        "{issuer}"
    );
    let mark = moto.mark();
    let env = moto.env();
    // An independent client (curl) makes two IAM calls and one EKS call.
    let auth = |svc: &str| {
        format!(
            "Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-west-2/{svc}/aws4_request, SignedHeaders=host, Signature=0"
        )
    };
    for body in [
        "Action=ListRoles&Version=2010-05-08",
        "Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=%7B%7D",
    ] {
        let ok = Command::new("curl")
            .args([
                "-sf",
                "-o",
                "/dev/null",
                "-XPOST",
                &moto.url,
                "-H",
                &auth("iam"),
                "-d",
                body,
            ])
            .status()
            .unwrap();
        assert!(ok.success());
    }
    let ok = Command::new("curl")
        .args([
            "-sf",
            "-o",
            "/dev/null",
            &format!("{}/clusters/prod", moto.url),
            "-H",
            &auth("eks"),
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    let calls = moto.calls_since(mark);
    let names: Vec<_> = calls
        .iter()
        .map(|c| format!("{}:{}", c.service, c.action))
        .collect();
    assert_eq!(
        names,
        vec!["iam:ListRoles", "iam:CreateRole", "eks:DescribeCluster"]
    );
    assert_eq!(calls.iter().filter(|c| c.is_mutating()).count(), 1);
    assert!(
        env.iter()
            .any(|(k, v)| k == "AWS_ENDPOINT_URL" && *v == moto.url)
    );
}

#[test]
fn the_fault_proxy_throttles_aws_calls_in_front_of_moto() {
    let moto = Moto::start();
    let proxy = testenv::proxy::FaultProxy::start(&moto.url, None, None);
    proxy.inject(&Fault::aws_throttling("CreateRole", 1));
    let auth = "Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-west-2/iam/aws4_request, SignedHeaders=host, Signature=0";
    let body = "Action=CreateRole&Version=2010-05-08&RoleName=t&AssumeRolePolicyDocument=%7B%7D";
    let first = Command::new("curl")
        .args(["-s", "-XPOST", &proxy.url, "-H", auth, "-d", body])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&first.stdout).contains("<Code>Throttling</Code>"));
    let mark = moto.mark();
    let second = Command::new("curl")
        .args(["-sf", "-XPOST", &proxy.url, "-H", auth, "-d", body])
        .output()
        .unwrap();
    assert!(second.status.success(), "the retry reaches moto");
    assert_eq!(
        moto.calls_since(mark).len(),
        1,
        "the throttled call never reached moto"
    );
}

#[test]
fn the_issuer_serves_full_and_short_chains_through_a_connect_proxy() {
    let issuer = Issuer::start();
    use testenv::issuer::openssl_thumbprint;
    assert_eq!(
        openssl_thumbprint(&issuer.full_chain_url),
        issuer.full_chain_thumbprint
    );
    assert_eq!(
        openssl_thumbprint(&issuer.short_chain_url),
        issuer.short_chain_thumbprint
    );
    assert_ne!(issuer.full_chain_thumbprint, issuer.short_chain_thumbprint);
    let proxy = ConnectProxy::start();
    let url = format!(
        "{}/.well-known/openid-configuration",
        issuer.short_chain_url
    );
    let out = Command::new("curl")
        .args([
            "-sf",
            "--proxy",
            &proxy.url,
            "--cacert",
            issuer.root_pem().to_str().unwrap(),
            &url,
        ])
        .env_remove("HTTPS_PROXY")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"issuer\""));
    let host = issuer
        .short_chain_url
        .trim_start_matches("https://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(proxy.tunnels(), vec![host]);
}

#[test]
fn the_oracle_reads_aws_auth_as_the_authenticator_does() {
    let configmap = r#"apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/eks-node
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - rolearn: arn:aws:iam::111122223333:role/teams/dev/admin
      username: admin
      groups: [system:masters]
    - username: no-arn-here
      groups: [system:masters]
  mapUsers: |
    - userarn: arn:aws:iam::111122223333:user/alice
      username: alice
      groups: [viewers]
  mapAccounts: |
    - "444455556666"
"#;
    let v = testenv::oracle::interpret(
        configmap,
        &[
            "arn:aws:sts::111122223333:assumed-role/admin/session",
            "arn:aws:iam::111122223333:role/eks-node",
        ],
    );
    let roles = v["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 2, "{v:#}");
    assert_eq!(roles[0]["username"], "system:node:{{EC2PrivateDNSName}}");
    assert_eq!(
        roles[0]["groups"],
        serde_json::json!(["system:bootstrappers", "system:nodes"])
    );
    assert_eq!(
        v["users"][0]["userarn"],
        "arn:aws:iam::111122223333:user/alice"
    );
    assert_eq!(v["accounts"], serde_json::json!(["444455556666"]));
    let rejected = v["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 1, "{v:#}");
    assert_eq!(rejected[0]["key"], "mapRoles");
    assert_eq!(rejected[0]["index"], 2);
    // The authenticator sees the path-less assumed-role ARN: a role mapped with its IAM path
    // does not match it (which is why eksiam strips paths).
    let lookups = v["lookups"].as_array().unwrap();
    assert_eq!(lookups[0]["mapped"], false, "{v:#}");
    assert_eq!(lookups[1]["mapped"], true);
    assert_eq!(lookups[1]["username"], "system:node:{{EC2PrivateDNSName}}");
}

#[tokio::test]
async fn the_kube_crate_reaches_the_apiserver_with_the_harness_config() {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let k = KubeServer::shared();
    let client = kube::Client::try_from(k.kube_config().await).unwrap();
    let namespaces: kube::Api<k8s_openapi::api::core::v1::Namespace> = kube::Api::all(client);
    let names: Vec<String> = namespaces
        .list(&Default::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .filter_map(|n| n.metadata.name)
        .collect();
    assert!(names.contains(&"kube-system".to_owned()), "{names:?}");
}

/// `scripts/sandbox` stopped with Ctrl-C leaves nothing behind: its servers stop, and the
/// etcd folder (which a static holds, so no destructor removes it) is removed.
#[test]
fn the_sandbox_stopped_with_ctrl_c_leaves_no_etcd_folder() {
    use std::io::{BufRead as _, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .arg("harness-sandbox")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the sandbox");
    let folder = std::env::temp_dir().join(format!("eksiam-etcd-{}", child.id()));
    // The exports come once everything runs.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("# Ctrl-C stops everything.") {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "the sandbox exited before it was ready"
        );
    }
    assert!(folder.exists(), "{} while it runs", folder.display());
    let sent = Command::new("kill")
        .args(["-s", "INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(!folder.exists(), "{} is left behind", folder.display());
}
