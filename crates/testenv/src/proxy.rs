//! The fault/latency proxy (`testtools faultproxy`): put it in front of kube-apiserver (TLS)
//! or moto (plain HTTP) and make it fail the next N matching requests, delay every request,
//! or drop connections.

use crate::aws::AwsCall;
use crate::http;
use crate::process::Proc;
use serde_json::json;
use std::path::Path;
use std::process::Command;

/// A running proxy.
pub struct FaultProxy {
    /// The URL clients use instead of the upstream's.
    pub url: String,
    admin: String,
    _proc: Proc,
}

/// What the next matching requests get.
#[derive(Debug, Clone, Default)]
pub struct Fault {
    /// HTTP method to match (`None`: any).
    pub method: Option<String>,
    /// Regular expression on the URL path, without the query (`None`: any).
    pub path: Option<String>,
    /// Regular expression on the request body, e.g. `Action=CreateRole` for IAM.
    pub body: Option<String>,
    /// The status to answer with (ignored when `drop`).
    pub status: u16,
    /// How many matching requests fail.
    pub count: u32,
    /// `Retry-After` seconds.
    pub retry_after: Option<u32>,
    /// Response body; default: a Kubernetes `Status` for `status`.
    pub response: Option<(String, String)>,
    /// Close the connection without answering.
    pub drop: bool,
    /// Fail a matching request with this probability (drawn from the proxy's seeded random
    /// source, see [`FaultProxy::seed`]) until `count` have failed; `None`: every one.
    pub probability: Option<f64>,
    /// Forward the request first, then answer with the fault: the change is made and its
    /// answer lost.
    pub after: bool,
    /// Hold the request (not forwarded, no answer) until [`FaultProxy::release`]; then it is
    /// forwarded as usual. What the upstream answers then is its own answer.
    pub hold: bool,
    /// Forward the request, then replace in its JSON answer the value at each JSON pointer
    /// with the string given (pointers the answer lacks are left alone).
    pub rewrite: Vec<(String, String)>,
}

impl Fault {
    /// `count` requests of `method` on paths matching `path` answer `status` with a
    /// Kubernetes `Status` body.
    pub fn kube(method: &str, path: &str, status: u16, count: u32) -> Fault {
        Fault {
            method: Some(method.into()),
            path: Some(path.into()),
            status,
            count,
            ..Fault::default()
        }
    }

    /// `count` AWS Query-protocol calls of `action` (IAM, STS) answer `Throttling`.
    pub fn aws_throttling(action: &str, count: u32) -> Fault {
        let xml = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>eksiam-test</RequestId></ErrorResponse>";
        Fault {
            method: Some("POST".into()),
            body: Some(format!("Action={action}(&|$)")),
            status: 400,
            count,
            response: Some((xml.into(), "text/xml".into())),
            ..Fault::default()
        }
    }
}

impl FaultProxy {
    /// Starts a proxy to `upstream`. With `tls` = (cert, key), it serves TLS; `upstream_ca`
    /// verifies an https upstream.
    pub fn start(
        upstream: &str,
        upstream_ca: Option<&Path>,
        tls: Option<(&Path, &Path)>,
    ) -> FaultProxy {
        let mut cmd = Command::new(crate::bin("testtools"));
        cmd.args(["faultproxy", "--upstream", upstream]);
        if let Some(ca) = upstream_ca {
            cmd.arg("--upstream-ca").arg(ca);
        }
        if let Some((cert, key)) = tls {
            cmd.arg("--tls-cert").arg(cert).arg("--tls-key").arg(key);
        }
        let (proc, hello) = Proc::spawn_announcing("faultproxy", cmd);
        FaultProxy {
            url: hello["proxy"].as_str().expect("proxy URL").to_owned(),
            admin: hello["admin"].as_str().expect("admin URL").to_owned(),
            _proc: proc,
        }
    }

    /// Adds a fault rule.
    pub fn inject(&self, f: &Fault) {
        let (response, content_type) = f.response.clone().unwrap_or_default();
        let rule = json!({
            "method": f.method.clone().unwrap_or_default(),
            "path": f.path.clone().unwrap_or_default(),
            "body": f.body.clone().unwrap_or_default(),
            "status": f.status,
            "count": f.count,
            "retry_after": f.retry_after.unwrap_or(0),
            "response": response,
            "content_type": content_type,
            "drop": f.drop,
            "probability": f.probability.unwrap_or(0.0),
            "after": f.after,
            "hold": f.hold,
            "rewrite": f
                .rewrite
                .iter()
                .map(|(pointer, value)| (pointer.clone(), json!(value)))
                .collect::<serde_json::Map<_, _>>(),
        });
        http::post_json(&format!("{}/faults", self.admin), &rule.to_string());
    }

    /// Seeds the random source of probabilistic faults, so a run can be repeated.
    pub fn seed(&self, seed: u64) {
        http::post_json(
            &format!("{}/seed", self.admin),
            &json!({ "seed": seed }).to_string(),
        );
    }

    /// Delays every request by `ms` milliseconds.
    pub fn set_delay_ms(&self, ms: u64) {
        http::post_json(
            &format!("{}/delay", self.admin),
            &json!({"ms": ms}).to_string(),
        );
    }

    /// A write quota for one AWS service (SigV4's name: `iam`, `eks`): a token bucket of
    /// `per_second` writes a second holding at most `burst`, starting full. Writes over it are
    /// answered as AWS throttles (IAM's `Throttling`, EKS's `ThrottlingException`); reads are
    /// never limited.
    pub fn set_rate_limit(&self, service: &str, per_second: f64, burst: f64) {
        http::post_json(
            &format!("{}/ratelimit", self.admin),
            &json!({"service": service, "writes_per_second": per_second, "burst": burst})
                .to_string(),
        );
    }

    /// Answers IAM's GetAccountAuthorizationDetails in pages of at most `max_items` items (and
    /// the request's `MaxItems`), with `IsTruncated` and a `Marker`, as IAM does: moto and
    /// ministack send the whole account in one answer. 0 turns it off.
    pub fn set_paging(&self, max_items: usize) {
        http::post_json(
            &format!("{}/paging", self.admin),
            &json!({"max_items": max_items}).to_string(),
        );
    }

    /// How many pages of the account listing the proxy has answered (see [`Self::set_paging`]).
    pub fn pages_served(&self) -> u64 {
        let v = self.counters();
        v["pages"].as_u64().unwrap_or(0)
    }

    /// `(AWS writes let through, AWS writes throttled)` since the last reset.
    pub fn write_stats(&self) -> (u64, u64) {
        let v = self.counters();
        let n = |k: &str| v[k].as_u64().unwrap_or(0);
        (n("writes"), n("throttled"))
    }

    /// The requests being answered now, as `METHOD /path?query` (an open watch, say).
    pub fn in_flight(&self) -> Vec<String> {
        serde_json::from_str(&http::get(&format!("{}/inflight", self.admin)))
            .expect("inflight JSON")
    }

    /// Waits (up to 60 s) until a request whose `METHOD /path?query` contains `pattern` and
    /// is not one of `known` is being answered; returns it. Waiting on a new watch, not on a
    /// clock, before cutting it.
    pub fn wait_in_flight(&self, pattern: &str, known: &[String]) -> String {
        let mut found = None;
        crate::process::wait_until(pattern, std::time::Duration::from_secs(60), || {
            found = self
                .in_flight()
                .into_iter()
                .find(|r| r.contains(pattern) && !known.contains(r));
            found.is_some()
        });
        found.expect("found")
    }

    /// Cuts every connection in a request (a streaming watch, say), as a broken network
    /// would; returns how many.
    pub fn sever(&self) -> u64 {
        let v: serde_json::Value =
            serde_json::from_str(&http::post_json(&format!("{}/sever", self.admin), "{}"))
                .expect("sever JSON");
        v["severed"].as_u64().unwrap_or(0)
    }

    /// How many requests are held now (see [`Fault::hold`]).
    pub fn held(&self) -> u64 {
        self.counters()["held"].as_u64().unwrap_or(0)
    }

    /// The proxy's counters (`GET /stats`).
    fn counters(&self) -> serde_json::Value {
        serde_json::from_str(&http::get(&format!("{}/stats", self.admin))).expect("stats JSON")
    }

    /// Waits until `n` requests are held (up to 60 s: the client is a whole process).
    pub fn wait_held(&self, n: u64) {
        crate::process::wait_until("a held request", std::time::Duration::from_secs(60), || {
            self.held() >= n
        });
    }

    /// Forwards every held request; returns how many.
    pub fn release(&self) -> u64 {
        let v: serde_json::Value =
            serde_json::from_str(&http::post_json(&format!("{}/release", self.admin), "{}"))
                .expect("release JSON");
        v["released"].as_u64().unwrap_or(0)
    }

    /// Clears rules, delay, write quotas and counters.
    pub fn reset(&self) {
        http::post_json(&format!("{}/reset", self.admin), "{}");
    }

    /// Every request the proxy has received so far, in order, each shaped as a line of moto's
    /// recorder (`method`, `url`, `headers`, `body`). `reset` keeps them.
    fn requests(&self) -> Vec<serde_json::Value> {
        serde_json::from_str(&http::get(&format!("{}/requests", self.admin)))
            .expect("requests JSON")
    }

    /// How many requests the proxy has received so far (a mark for [`Self::calls_since`]).
    pub fn mark(&self) -> usize {
        self.requests().len()
    }

    /// The AWS calls received after `mark`, named as moto's recorder names them: in front of
    /// an emulator without a recorder (ministack), the proxy counts its calls from outside.
    pub fn calls_since(&self, mark: usize) -> Vec<AwsCall> {
        crate::aws::calls_in(self.requests(), mark)
    }

    /// The actions of the mutating AWS calls received after `mark`, in order.
    pub fn mutating_since(&self, mark: usize) -> Vec<String> {
        crate::aws::mutating(self.calls_since(mark))
    }

    /// `(requests seen, requests faulted, faults still pending)`.
    pub fn stats(&self) -> (u64, u64, u64) {
        let v = self.counters();
        let n = |k: &str| v[k].as_u64().unwrap_or(0);
        (n("requests"), n("faulted"), n("pending"))
    }
}
