//! moto's server as the AWS account of a test: IAM, STS and EKS over HTTP on loopback, with a
//! recorder that lists every request so tests count AWS calls from the outside.

use crate::http;
use crate::process::{Proc, wait_serving};
use base64::Engine as _;
use std::process::Command;
use std::time::Duration;

/// A running moto server.
pub struct Moto {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The region the test's environment names.
    pub region: String,
    dir: tempfile::TempDir,
    _proc: Proc,
}

/// One AWS call as moto recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwsCall {
    /// `iam`, `sts`, `eks`, … (from the request's signing scope).
    pub service: String,
    /// The API action, e.g. `CreateRole` or `DescribeCluster`.
    pub action: String,
}

impl AwsCall {
    /// Whether the action changes state (by AWS's naming of actions).
    pub fn is_mutating(&self) -> bool {
        const READ: &[&str] = &["Get", "List", "Describe"];
        !READ.iter().any(|p| self.action.starts_with(p))
    }
}

impl Moto {
    /// Starts moto (with AWS managed policies loaded) on a free port, recording requests.
    pub fn start() -> Moto {
        crate::on_free_port("moto_server", Moto::try_start)
    }

    /// Starts moto on `port`; its log when it exits before it serves.
    fn try_start(port: u16) -> Result<Moto, String> {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut cmd = Command::new(crate::venv_bin(
            "EKSIAM_MOTO_SERVER",
            ".venv",
            "moto_server",
        ));
        cmd.args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .env("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
            // The recorder writes to `./moto_recording` unless told otherwise, which parallel
            // tests would share: give each server its own file.
            .env("MOTO_RECORDER_FILEPATH", dir.path().join("recording"))
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("moto.log")).expect("log file"));
        let mut proc = Proc::spawn("moto_server", cmd);
        let url = format!("http://127.0.0.1:{port}");
        let log = dir.path().join("moto.log");
        wait_serving(
            "moto_server",
            Duration::from_secs(60),
            &mut proc,
            &log,
            || http::request("GET", &format!("{url}/moto-api/"), "text/plain", "").is_ok(),
        )?;
        http::post_json(&format!("{url}/moto-api/recorder/start-recording"), "");
        Ok(Moto {
            url,
            region: "us-west-2".into(),
            dir,
            _proc: proc,
        })
    }

    /// The environment that points an AWS SDK at this moto: endpoint, dummy credentials,
    /// region, and no shared config or credentials files.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = sdk_env(&self.url, "testing", &self.region, self.dir.path());
        env.push(("AWS_SESSION_TOKEN".into(), "testing".into()));
        env
    }

    /// [`Moto::env`] with the SDK pointed at `url` instead (a proxy in front of moto).
    pub fn env_via(&self, url: &str) -> Vec<(String, String)> {
        let mut env = self.env();
        for (k, v) in &mut env {
            if k == "AWS_ENDPOINT_URL" {
                url.clone_into(v);
            }
        }
        env
    }

    /// An `Authorization` header moto accepts for `service` (it reads only the scope).
    pub fn auth_header(&self, service: &str) -> String {
        format!(
            "AWS4-HMAC-SHA256 Credential=testing/20260101/{}/{service}/aws4_request, SignedHeaders=host, Signature=0",
            self.region
        )
    }

    /// Creates an EKS cluster and returns its OIDC issuer URL. (moto gives every cluster of a
    /// process the same issuer and marks it ACTIVE at once.)
    pub fn create_cluster(&self, name: &str) -> String {
        self.create_cluster_in(name, &self.region)
    }

    /// [`Moto::create_cluster`] in `region` (moto keeps each region's clusters apart).
    pub fn create_cluster_in(&self, name: &str, region: &str) -> String {
        let body = serde_json::json!({
            "name": name,
            "roleArn": "arn:aws:iam::123456789012:role/eks-cluster",
            "resourcesVpcConfig": {"subnetIds": []},
        });
        let auth = format!(
            "AWS4-HMAC-SHA256 Credential=testing/20260101/{region}/eks/aws4_request, SignedHeaders=host, Signature=0"
        );
        let r = raw_request(
            &format!("{}/clusters", self.url),
            &auth,
            "application/json",
            &body.to_string(),
        );
        let v: serde_json::Value = serde_json::from_str(&r).expect("CreateCluster JSON");
        v["cluster"]["identity"]["oidc"]["issuer"]
            .as_str()
            .unwrap_or_else(|| panic!("no issuer in {r}"))
            .to_owned()
    }

    /// Makes moto load what it loads on the first IAM call (AWS's managed policies, about half
    /// a second), so a measured run does not pay for it.
    pub fn warm_up(&self) {
        let auth = self.auth_header("iam");
        let r = raw_request(
            &format!("{}/", self.url),
            &auth,
            "application/x-www-form-urlencoded",
            "Action=ListPolicies&Version=2010-05-08&Scope=AWS&MaxItems=1",
        );
        assert!(r.contains("ListPoliciesResponse"), "ListPolicies: {r}");
    }

    /// The actions of the mutating calls recorded after `mark`, in order.
    pub fn mutating_since(&self, mark: usize) -> Vec<String> {
        mutating(self.calls_since(mark))
    }

    /// How many requests moto has recorded so far (a mark for [`Moto::calls_since`]).
    pub fn mark(&self) -> usize {
        self.recording().len()
    }

    /// The AWS calls recorded after `mark`.
    pub fn calls_since(&self, mark: usize) -> Vec<AwsCall> {
        calls_in(self.recording(), mark)
    }

    /// The mutating AWS calls recorded after `mark`.
    pub fn writes_since(&self, mark: usize) -> Vec<AwsCall> {
        let mut calls = self.calls_since(mark);
        calls.retain(AwsCall::is_mutating);
        calls
    }

    fn recording(&self) -> Vec<serde_json::Value> {
        // moto answers 500 until it has recorded a first request.
        if !self.dir.path().join("recording").exists() {
            return Vec::new();
        }
        let text = http::get(&format!(
            "{}/moto-api/recorder/download-recording",
            self.url
        ));
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut calls = Vec::with_capacity(lines.len());
        for (i, l) in lines.iter().enumerate() {
            match serde_json::from_str(l) {
                Ok(v) => calls.push(v),
                // Read while moto is still writing it (a test polling a running apply).
                Err(_) if i + 1 == lines.len() => {}
                Err(e) => panic!("recorder line {}: {e}", i + 1),
            }
        }
        calls
    }
}

/// The environment that points an AWS SDK at an emulator at `url`: endpoint, the access key
/// `key` (also its secret), region, and no shared config or credentials files (names under
/// `dir` that do not exist).
pub(crate) fn sdk_env(
    url: &str,
    key: &str,
    region: &str,
    dir: &std::path::Path,
) -> Vec<(String, String)> {
    let none = dir.join("no-such-aws-config").display().to_string();
    [
        ("AWS_ENDPOINT_URL", url),
        ("AWS_ACCESS_KEY_ID", key),
        ("AWS_SECRET_ACCESS_KEY", key),
        ("AWS_REGION", region),
        ("AWS_CONFIG_FILE", &none),
        ("AWS_SHARED_CREDENTIALS_FILE", &none),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn raw_request(url: &str, auth: &str, content_type: &str, body: &str) -> String {
    use std::io::{Read as _, Write as _};
    let rest = url.strip_prefix("http://").expect("http URL");
    let (host, path) = rest.split_once('/').expect("path");
    let mut s = std::net::TcpStream::connect(host).expect("connect to moto");
    write!(
        s,
        "POST /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: {content_type}\r\nAuthorization: {auth}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("write");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("read");
    out.split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default()
}

/// Every `<tag>value</tag>` in an AWS Query-protocol (XML) answer, in order.
pub fn xml_values(xml: &str, tag: &str) -> Vec<String> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.split(&open)
        .skip(1)
        .filter_map(|s| s.split(&close).next())
        .map(str::to_owned)
        .collect()
}

/// The AWS calls of a recording (moto's lines, or the fault proxy's log in the same shape)
/// after its first `mark` requests.
pub(crate) fn calls_in(recording: Vec<serde_json::Value>, mark: usize) -> Vec<AwsCall> {
    recording
        .into_iter()
        .skip(mark)
        .filter_map(|r| classify(&r))
        .collect()
}

/// The actions of the mutating calls among `calls`, in order.
pub(crate) fn mutating(calls: Vec<AwsCall>) -> Vec<String> {
    calls
        .into_iter()
        .filter(AwsCall::is_mutating)
        .map(|c| c.action)
        .collect()
}

/// Names the AWS call of one recorded request.
fn classify(r: &serde_json::Value) -> Option<AwsCall> {
    let url = r["url"].as_str().unwrap_or_default();
    // Signed in the Authorization header, or presigned in the query (an EKS token's
    // `GetCallerIdentity`, replayed by the authenticator).
    let presigned = url
        .split_once('?')
        .and_then(|(_, q)| {
            q.split('&')
                .find_map(|kv| kv.strip_prefix("X-Amz-Credential="))
        })
        .map(|c| c.replace("%2F", "/").replace("%2f", "/"));
    let scope = match r["headers"]["Authorization"]
        .as_str()
        .or(r["headers"]["authorization"].as_str())
    {
        Some(auth) => auth.split("Credential=").nth(1)?.to_owned(),
        None => presigned?,
    };
    let service = scope.split('/').nth(3)?.to_owned();
    let body = match (r["body"].as_str(), r["body_encoded"].as_bool()) {
        (Some(b), Some(true)) => {
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b).ok()?).ok()?
        }
        (Some(b), _) => b.to_owned(),
        _ => String::new(),
    };
    let action = body
        .split('&')
        .chain(url.split_once('?').map_or("", |(_, q)| q).split('&'))
        .find_map(|kv| kv.strip_prefix("Action="))
        .map(str::to_owned)
        .or_else(|| {
            r["headers"]["X-Amz-Target"]
                .as_str()
                .and_then(|t| t.rsplit('.').next())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| rest_action(r["method"].as_str().unwrap_or_default(), url));
    Some(AwsCall { service, action })
}

/// EKS is a REST API: name its calls by method and path.
fn rest_action(method: &str, url: &str) -> String {
    let path = url
        .split("://")
        .nth(1)
        .and_then(|u| u.split_once('/'))
        .map_or("", |(_, p)| p);
    let path = path.split('?').next().unwrap_or_default();
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match (method, parts.as_slice()) {
        ("GET", ["clusters"]) => "ListClusters".into(),
        ("POST", ["clusters"]) => "CreateCluster".into(),
        ("GET", ["clusters", _]) => "DescribeCluster".into(),
        ("DELETE", ["clusters", _]) => "DeleteCluster".into(),
        _ => format!("{method} /{path}"),
    }
}
