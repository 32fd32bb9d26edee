//! API-call budgets, counted from the outside (moto's recorder, or a proxy in front of
//! ministack, for AWS; the kube-apiserver's audit log for Kubernetes), never from eksiam's own counters: a plan changes nothing, a
//! converged re-apply changes nothing and reads at most 2N + 5 times from AWS, and aws-auth is
//! read once and written at most once per run whatever the number of mappings.

mod common;
use common::live::{Env, THUMBPRINT};
use common::ok;

use testenv::aws::AwsCall;
use testenv::kube::{AuditEvent, AuditMark};
use testenv::workload::Workload;

const N: usize = 24;
const M: usize = 40;

fn eksiam_requests(env: &Env, mark: AuditMark) -> Vec<AuditEvent> {
    env.k
        .requests_since(mark)
        .into_iter()
        .filter(|e| e.user == "eksiam-admin")
        .collect()
}

fn aws_auth(events: &[AuditEvent], verb: &str) -> usize {
    events
        .iter()
        .filter(|e| e.resource == "configmaps" && e.name == "aws-auth" && e.verb == verb)
        .count()
}

fn actions(calls: &[AwsCall]) -> Vec<&str> {
    calls.iter().map(|c| c.action.as_str()).collect()
}

#[test]
fn plans_change_nothing_and_converged_runs_stay_within_budget() {
    let env = Env::new();
    let w = Workload::new("prod", 0..N, 0..M);
    let file = env.write("workload.yaml", &w.yaml());

    // A plan of everything to create: reads only, on both sides.
    let (aws, kube) = (env.moto().mark(), env.k.audit_mark());
    let plan = ok(&env.eksiam(&[
        "plan",
        "-f",
        &file,
        "--thumbprint",
        THUMBPRINT,
        "-o",
        "json",
    ]));
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(
        plan["summary"]["create"].as_u64().unwrap() as usize,
        1 + 2 * N + 1 + M + N
    );
    assert_eq!(env.mutating_aws(aws), Vec::<String>::new());
    let reqs = eksiam_requests(&env, kube);
    assert!(!reqs.iter().any(AuditEvent::is_write), "{reqs:?}");
    assert_eq!(aws_auth(&reqs, "get"), 1);

    // The apply that makes it all: one aws-auth read and one write for M mappings.
    let kube = env.k.audit_mark();
    ok(&env.apply(&file, &[]));
    let reqs = eksiam_requests(&env, kube);
    assert_eq!(aws_auth(&reqs, "get"), 1, "{reqs:?}");
    assert_eq!(
        aws_auth(&reqs, "update") + aws_auth(&reqs, "create"),
        1,
        "{reqs:?}"
    );

    // Converged: nothing to change, and few reads.
    let (aws, kube) = (env.moto().mark(), env.k.audit_mark());
    let out = ok(&env.apply(&file, &[]));
    assert!(out.contains("No changes."), "{out}");
    let calls = env.moto().calls_since(aws);
    assert!(calls.iter().all(|c| !c.is_mutating()), "{calls:?}");
    assert!(
        calls.len() <= 2 * N + 5,
        "{} reads: {:?}",
        calls.len(),
        actions(&calls)
    );
    let reqs = eksiam_requests(&env, kube);
    assert!(!reqs.iter().any(AuditEvent::is_write), "{reqs:?}");
    assert_eq!(aws_auth(&reqs, "get"), 1);

    // One changed mapping among M, one new ServiceAccount: still one read and one write of
    // aws-auth, and AWS writes only for the new role.
    let w2 = Workload::new("prod", 0..N + 1, 1..M + 1);
    let file2 = env.write("workload2.yaml", &w2.yaml());
    let (aws, kube) = (env.moto().mark(), env.k.audit_mark());
    ok(&env.apply(&file2, &["--prune"]));
    let reqs = eksiam_requests(&env, kube);
    assert_eq!(aws_auth(&reqs, "get"), 1, "{reqs:?}");
    assert_eq!(aws_auth(&reqs, "update"), 1, "{reqs:?}");
    assert_eq!(
        env.mutating_aws(aws),
        ["CreateRole", "AttachRolePolicy"],
        "only the new role is written"
    );
}

#[test]
fn an_imperative_mapping_edit_reads_and_writes_aws_auth_once() {
    let env = Env::new();
    let w = Workload::new("prod", 0..0, 0..M);
    let file = env.write("mappings.yaml", &w.yaml());
    ok(&env.apply(&file, &[]));
    let kube = env.k.audit_mark();
    ok(&env.eksiam(&common::create_mapping_args(
        "arn:aws:iam::123456789012:role/one-more",
        "one-more",
        &["viewers"],
    )));
    let reqs = eksiam_requests(&env, kube);
    assert_eq!(aws_auth(&reqs, "get"), 1, "{reqs:?}");
    assert_eq!(aws_auth(&reqs, "update"), 1, "{reqs:?}");
    assert_eq!(reqs.iter().filter(|e| e.is_write()).count(), 1, "{reqs:?}");
}

/// `apply -f file` through `proxy` (which the test has set up); returns its output and the
/// AWS calls moto saw.
fn apply_via(
    env: &Env,
    proxy: &testenv::proxy::FaultProxy,
    file: &str,
) -> (std::process::Output, Vec<AwsCall>) {
    let aws = env.moto().mark();
    let o = env
        .command_via(
            &proxy.url,
            &env.k.kubeconfig(),
            &["apply", "-f", file, "--thumbprint", THUMBPRINT],
        )
        .output()
        .unwrap();
    let calls = env.moto().calls_since(aws);
    (o, calls)
}

/// How many account listing calls (pages) `calls` hold.
fn listings(calls: &[AwsCall]) -> usize {
    actions(calls)
        .iter()
        .filter(|a| **a == "GetAccountAuthorizationDetails")
        .count()
}

/// Without `iam:GetAccountAuthorizationDetails` eksiam reads each role it needs (`GetRole`,
/// `ListAttachedRolePolicies`, `ListRolePolicies`): more reads than the one paged call, still
/// no write on a converged run, and a warning that says why.
#[test]
fn without_the_account_listing_roles_are_read_one_by_one() {
    // ministack under `AUTH` refuses the listing to a caller whose policy does not allow it;
    // the proxy in front of it counts the calls.
    let env = Env::on_ministack(&testenv::ministack::Options {
        auth: true,
        ..Default::default()
    });
    let w = Workload::new("prod", 0..N, 0..0);
    let file = env.write("workload.yaml", &w.yaml());
    ok(&env.apply(&file, &[]));
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:GetAccountAuthorizationDetails","Resource":"*"}]}"#;
    let ci = env.ministack().user_env("ci", policy);
    let aws = env.aws_mark();
    let o = env.eksiam_as(&ci, &["apply", "-f", &file, "--thumbprint", THUMBPRINT]);
    let calls = env.aws_calls_since(aws);
    let out = ok(&o);
    assert!(out.contains("No changes."), "{out}");
    let said = format!("{out}{}", common::stderr(&o));
    assert!(
        said.contains("`iam:GetAccountAuthorizationDetails` is denied"),
        "{said}"
    );
    assert!(calls.iter().all(|c| !c.is_mutating()), "{calls:?}");
    let count = |a: &str| calls.iter().filter(|c| c.action == a).count();
    assert_eq!(count("GetAccountAuthorizationDetails"), 1, "asked once");
    assert_eq!(
        (
            count("GetRole"),
            count("ListAttachedRolePolicies"),
            count("ListRolePolicies")
        ),
        (N, N, N)
    );
    assert!(calls.len() <= 3 * N + 3, "{} reads", calls.len());
}

/// The account listing is paged: a truncated page's `Marker` goes back with the same `Filter`
/// and `MaxItems`, and roles on later pages count. Neither emulator pages, so the proxy answers
/// the first request with an empty truncated page, and then throttles once the request that
/// must follow (which proves its parameters) before moto answers its retry with every role.
#[test]
fn the_account_listing_follows_its_marker() {
    let env = Env::new();
    let w = Workload::new("prod", 0..N, 0..0);
    let file = env.write("workload.yaml", &w.yaml());
    ok(&env.apply(&file, &[]));
    let proxy = testenv::proxy::FaultProxy::start(&env.moto().url, None, None);
    let page = "<GetAccountAuthorizationDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetAccountAuthorizationDetailsResult><IsTruncated>true</IsTruncated><Marker>page-2</Marker><RoleDetailList/></GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>eksiam-test</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>";
    proxy.inject(&testenv::proxy::Fault {
        method: Some("POST".into()),
        body: Some(
            "Action=GetAccountAuthorizationDetails&.*Filter\\.member\\.1=Role&MaxItems=1000$"
                .into(),
        ),
        status: 200,
        count: 1,
        response: Some((page.into(), "text/xml".into())),
        ..testenv::proxy::Fault::default()
    });
    proxy.inject(&testenv::proxy::Fault {
        body: Some("Filter\\.member\\.1=Role&MaxItems=1000&Marker=page-2$".into()),
        ..testenv::proxy::Fault::aws_throttling("GetAccountAuthorizationDetails", 1)
    });
    let (o, calls) = apply_via(&env, &proxy, &file);
    let out = ok(&o);
    assert!(out.contains("No changes."), "{out}");
    assert_eq!(proxy.stats().1, 2, "both pages were asked for as expected");
    assert_eq!(listings(&calls), 1, "{calls:?}");

    // The proxy now pages moto's whole answer as IAM does, 5 items a page: every page is read
    // and the roles on each count, so the apply still converges. (The proxy asks moto once
    // and cuts the later pages from that answer.)
    proxy.set_paging(5);
    let (o, calls) = apply_via(&env, &proxy, &file);
    let out = ok(&o);
    assert!(out.contains("No changes."), "{out}");
    assert_eq!(listings(&calls), 1, "{calls:?}");
    assert_eq!(proxy.pages_served(), N.div_ceil(5) as u64);
}
