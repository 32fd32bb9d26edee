//! Reaching AWS at all. eksiam gives AWS calls many attempts, for throttling. An endpoint that
//! refuses connections or cannot be reached is not throttling, yet it was retried for so long
//! (about a minute) that the run looked hung, and then failed with a dump of the SDK's error
//! types. Here a run says within seconds what it is retrying (on a terminal, and with `-v`),
//! stops retrying connections after [`CONNECT_RETRY`], and the error is one sentence: the
//! endpoint, what happened, what to check.

use aws_smithy_runtime_api::client::interceptors::context::InterceptorContext;
use aws_smithy_runtime_api::client::retries::classifiers::{ClassifyRetry, RetryAction};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long after the first call that could not connect new retries may start. The SDK's
/// backoff doubles (1, 2, 4 s…), so the last retry ends within about twice this.
pub const CONNECT_RETRY: Duration = Duration::from_secs(4);

/// A connection failure this long after the last one starts a new episode (a `reconcile
/// --watch` that lost AWS for a while, then its next run).
const EPISODE_GAP: Duration = Duration::from_secs(30);

/// Whether runs say what they retry: set once by the command line (a terminal, or `-v`;
/// never with `-q`).
static SAY_RETRIES: AtomicBool = AtomicBool::new(false);

/// Tells this process's runs whether to say what they retry.
pub fn say_retries(on: bool) {
    SAY_RETRIES.store(on, Ordering::SeqCst);
}

/// The current episode of calls that cannot connect: when it began, its last failure, and
/// whether it was said.
#[derive(Debug, Default)]
struct Episode {
    first: Option<Instant>,
    last: Option<Instant>,
    said: bool,
}

/// The retry classifier of every client: calls that cannot connect are retried (by the SDK's
/// own classifiers) only until [`CONNECT_RETRY`] has passed since the first of them. The
/// episode is the process's, shared by all its clients (the cluster's and the token's, say),
/// so it is said once.
#[derive(Debug, Clone)]
pub struct Unreachable {
    episode: Arc<Mutex<Episode>>,
    /// Whether to say what is retried (stderr is a terminal, or `-v`).
    tell: bool,
    endpoint: String,
}

impl Unreachable {
    /// For a run whose calls go to `endpoint` (for the notice), saying what it retries when
    /// [`say_retries`] was turned on.
    pub fn new(endpoint: &str) -> Unreachable {
        static EPISODE: std::sync::OnceLock<Arc<Mutex<Episode>>> = std::sync::OnceLock::new();
        Unreachable {
            episode: EPISODE.get_or_init(Arc::default).clone(),
            tell: SAY_RETRIES.load(Ordering::SeqCst),
            endpoint: endpoint.to_owned(),
        }
    }

    /// What to do with a call that could not connect at `now`: retry while the episode's
    /// first failure is younger than [`CONNECT_RETRY`].
    fn decide(&self, now: Instant, cause: &str) -> RetryAction {
        let mut e = self
            .episode
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if e.last
            .is_none_or(|last| now.duration_since(last) >= EPISODE_GAP)
        {
            *e = Episode {
                first: Some(now),
                ..Episode::default()
            };
        }
        e.last = Some(now);
        let first = e.first.unwrap_or(now);
        if now.duration_since(first) >= CONNECT_RETRY {
            return RetryAction::RetryForbidden;
        }
        if self.tell && !e.said {
            e.said = true;
            eprintln!(
                "eksiam: cannot reach AWS at {} ({cause}); retrying for a few seconds",
                self.endpoint
            );
        }
        RetryAction::NoActionIndicated
    }
}

impl ClassifyRetry for Unreachable {
    fn classify_retry(&self, ctx: &InterceptorContext) -> RetryAction {
        let Some(Err(e)) = ctx.output_or_error() else {
            return RetryAction::NoActionIndicated;
        };
        match e.as_connector_error() {
            Some(c) if c.is_io() || c.is_timeout() => {
                self.decide(Instant::now(), &crate::error::root_cause(c))
            }
            _ => RetryAction::NoActionIndicated,
        }
    }

    fn name(&self) -> &'static str {
        "eksiam: connections are retried for a bounded time"
    }
}

/// A call that could not connect (or timed out connecting), said in one sentence with what
/// to check; `None` for any other failure.
pub fn connect_failure<E, R>(
    e: &aws_smithy_runtime_api::client::result::SdkError<E, R>,
) -> Option<(String, String)> {
    use aws_smithy_runtime_api::client::result::SdkError;
    let SdkError::DispatchFailure(d) = e else {
        return None;
    };
    let c = d.as_connector_error()?;
    if !(c.is_io() || c.is_timeout()) {
        return None;
    }
    let what = if c.is_timeout() {
        "timed out".to_owned()
    } else {
        crate::error::root_cause(c)
    };
    let endpoint = std::env::var("AWS_ENDPOINT_URL").ok();
    let at = endpoint
        .as_deref()
        .map(|u| format!(" at `{}`", crate::redact::RedactedUrl::new(u)))
        .unwrap_or_default();
    Some((
        format!("could not connect to AWS{at}: {what}"),
        match endpoint {
            Some(_) => "check that `AWS_ENDPOINT_URL` names a server that is running and reachable from here (network, firewall, `HTTPS_PROXY`)".into(),
            None => "check this machine's network access to AWS (firewall, `HTTPS_PROXY`/`NO_PROXY`, VPC endpoints)".into(),
        },
    ))
}

/// The endpoint calls go to, for messages: `AWS_ENDPOINT_URL` (its user and password
/// removed), else AWS's own for the region.
pub fn endpoint_for_messages(configured: Option<&str>, region: &str) -> String {
    match configured {
        Some(url) => crate::redact::RedactedUrl::new(url).to_string(),
        None => format!("AWS's endpoints in {region}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_smithy_runtime_api::client::result::ConnectorError;

    fn unreachable() -> Unreachable {
        Unreachable {
            episode: Arc::default(),
            tell: false,
            endpoint: "https://127.0.0.1:1".into(),
        }
    }

    #[test]
    fn connections_are_retried_for_a_bounded_time_from_the_first_failure() {
        let u = unreachable();
        let t0 = Instant::now();
        let at = |d: Duration| u.decide(t0 + d, "connection refused");
        assert_eq!(at(Duration::ZERO), RetryAction::NoActionIndicated);
        assert_eq!(at(CONNECT_RETRY / 2), RetryAction::NoActionIndicated);
        assert_eq!(at(CONNECT_RETRY), RetryAction::RetryForbidden);
        // Every client of the process shares the episode (clones).
        let clone = u.clone();
        assert_eq!(
            clone.decide(t0 + CONNECT_RETRY * 2, "connection refused"),
            RetryAction::RetryForbidden
        );
        // A failure long after the last one starts a new episode, retried again.
        let later = CONNECT_RETRY * 2 + EPISODE_GAP;
        assert_eq!(at(later), RetryAction::NoActionIndicated);
        assert_eq!(at(later + CONNECT_RETRY), RetryAction::RetryForbidden);
    }

    #[test]
    fn the_cause_is_the_innermost_error_in_words() {
        let io = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let raw = std::io::Error::from_raw_os_error(111);
        assert_eq!(crate::error::root_cause(&raw), "connection refused");
        let wrapped = ConnectorError::io(Box::new(io));
        assert_eq!(crate::error::root_cause(&wrapped), "connection refused");
    }
}
