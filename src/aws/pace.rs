//! Pacing AWS writes under an account's quota. IAM's control plane allows a few writes a
//! second per account; past that it answers `Throttling`, and a bulk apply that keeps
//! retrying exhausts the SDK's retry quota and fails. eksiam paces its writes instead: no
//! pacing until the first throttled write; then, at each throttle, the pace becomes just under
//! the rate at which writes were accepted over the last [`WINDOW`] (while AWS throttles, what
//! it accepts is its quota), and it is raised by a tenth after each second without one, so
//! it follows the quota without collapsing when several writes in flight are throttled at
//! once. An estimate counted from fewer than [`RELIABLE`] accepted writes (at a run's start
//! behind a small burst, one or two writes get through) says little, so until a throttle
//! measures the quota from enough writes the pace is raised by half each second instead, as
//! TCP's slow start probes for its window. The SDK's own adaptive mode was measured against
//! this (see BENCHMARKS.md) and loses at low quotas.
//!
//! Writes go through their own IAM and EKS clients: [`Feedback`], an SDK interceptor, tells
//! the pacer which write attempts were accepted or throttled, and [`NoThrottleRetry`] keeps
//! the SDK from retrying a throttled write on its own backoff; the executor awaits
//! [`Pacer::acquire`] before each write step and runs a throttled one again in its next slot.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How far back accepted writes are counted.
const WINDOW: Duration = Duration::from_secs(2);
/// The shortest span an accepted rate is measured over.
const MIN_SPAN: Duration = Duration::from_millis(500);
/// How often the pace is raised while nothing is throttled.
const PROBE: Duration = Duration::from_secs(1);
/// The slowest pace (writes a second).
const MIN_RATE: f64 = 0.5;
/// The pace after a throttle, as a share of the rate writes were accepted at.
const SETTLE: f64 = 0.95;
/// Throttles closer together than this are one signal (several writes are in flight).
const CUT_GAP: Duration = Duration::from_millis(1000);
/// The accepted writes an estimate of the quota needs to be trusted.
const RELIABLE: usize = 4;
/// The raise of the pace each quiet second: after a trusted estimate, and before one.
const RAISE: f64 = 1.1;
const RAISE_UNMEASURED: f64 = 1.5;

/// The shared pace of one run's AWS writes.
#[derive(Debug, Default)]
pub struct Pacer {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Writes a second, once a write has been throttled; `None`: unpaced.
    rate: Option<f64>,
    /// When the next paced write may start.
    next: Option<Instant>,
    /// When writes were accepted, over the last [`WINDOW`].
    accepted: VecDeque<Instant>,
    /// The last cut of the pace, and the last change of it.
    last_cut: Option<Instant>,
    last_change: Option<Instant>,
    /// Whether the last cut counted at least [`RELIABLE`] accepted writes.
    measured: bool,
}

impl State {
    fn trim(&mut self, now: Instant) {
        while self
            .accepted
            .front()
            .is_some_and(|t| now.duration_since(*t) > WINDOW)
        {
            self.accepted.pop_front();
        }
    }

    /// Writes a second accepted over the last window (over the time since the first of
    /// them when that is shorter, so the first estimate is not diluted by the run's start).
    fn accepted_rate(&self, now: Instant) -> f64 {
        let span = self
            .accepted
            .front()
            .map_or(WINDOW, |first| now.duration_since(*first))
            .clamp(MIN_SPAN, WINDOW);
        self.accepted.len() as f64 / span.as_secs_f64()
    }
}

impl Pacer {
    /// A pacer for one run, shared by its clients.
    pub fn new() -> Arc<Pacer> {
        Arc::new(Pacer::default())
    }

    /// The pace now (writes a second), if writes are paced.
    pub fn rate(&self) -> Option<f64> {
        self.lock().rate
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How long a write starting at `now` must wait for its slot (and takes the slot).
    pub fn slot(&self, now: Instant) -> Duration {
        let mut s = self.lock();
        let Some(rate) = s.rate else {
            return Duration::ZERO;
        };
        let start = s.next.map_or(now, |n| n.max(now));
        s.next = Some(start + Duration::from_secs_f64(1.0 / rate));
        start.duration_since(now)
    }

    /// Waits until a write may start.
    pub async fn acquire(&self) {
        let wait = self.slot(Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// A write was accepted at `now`.
    pub fn accepted(&self, now: Instant) {
        let mut s = self.lock();
        s.accepted.push_back(now);
        s.trim(now);
        if let Some(rate) = s.rate
            && s.last_change.is_none_or(|t| now.duration_since(t) >= PROBE)
        {
            s.rate = Some(rate * if s.measured { RAISE } else { RAISE_UNMEASURED });
            s.last_change = Some(now);
        }
    }

    /// A write was throttled at `now`.
    pub fn throttled(&self, now: Instant) {
        let mut s = self.lock();
        s.trim(now);
        if s.last_cut.is_some_and(|t| now.duration_since(t) < CUT_GAP) {
            return;
        }
        // What got through while writes were being throttled is about the quota.
        s.rate = Some((s.accepted_rate(now) * SETTLE).max(MIN_RATE));
        s.measured = s.accepted.len() >= RELIABLE;
        s.last_cut = Some(now);
        s.last_change = Some(now);
    }
}

/// Whether an answer says the request was throttled: IAM answers 400 (`Throttling`), EKS
/// 429. Writes answer 400 for little else (a malformed request, which no retry mends).
pub fn is_throttle(status: u16) -> bool {
    matches!(status, 400 | 429)
}

/// Whether an AWS error code is a throttle.
pub fn is_throttle_code(code: Option<&str>) -> bool {
    matches!(
        code,
        Some(
            "Throttling"
                | "ThrottlingException"
                | "TooManyRequestsException"
                | "RequestLimitExceeded"
        )
    )
}

/// The SDK interceptor of the write clients: tells the pacer which write attempts were
/// accepted and which throttled.
#[derive(Debug, Clone)]
pub struct Feedback(pub Arc<Pacer>);

impl aws_sdk_iam::config::Intercept for Feedback {
    fn name(&self) -> &'static str {
        "eksiam-pacer"
    }

    fn read_after_attempt(
        &self,
        ctx: &aws_sdk_iam::config::interceptors::FinalizerInterceptorContextRef<'_>,
        _: &aws_sdk_iam::config::RuntimeComponents,
        _: &mut aws_sdk_iam::config::ConfigBag,
    ) -> Result<(), aws_sdk_iam::error::BoxError> {
        let now = Instant::now();
        match ctx.response().map(|r| r.status().as_u16()) {
            Some(s) if (200..300).contains(&s) => self.0.accepted(now),
            Some(s) if is_throttle(s) => self.0.throttled(now),
            _ => {}
        }
        Ok(())
    }
}

/// The retry classifier of the write clients: a throttled write is not retried by the SDK
/// (whose backoff ignores the pace) but by the executor, after waiting for its slot.
#[derive(Debug, Clone)]
pub struct NoThrottleRetry;

impl aws_smithy_runtime_api::client::retries::classifiers::ClassifyRetry for NoThrottleRetry {
    fn classify_retry(
        &self,
        ctx: &aws_smithy_runtime_api::client::interceptors::context::InterceptorContext,
    ) -> aws_smithy_runtime_api::client::retries::classifiers::RetryAction {
        use aws_smithy_runtime_api::client::retries::classifiers::RetryAction;
        match ctx.response().map(|r| r.status().as_u16()) {
            Some(s) if is_throttle(s) => RetryAction::RetryForbidden,
            _ => RetryAction::NoActionIndicated,
        }
    }

    fn name(&self) -> &'static str {
        "eksiam: throttled writes wait for the pace"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_unpaced_until_one_is_throttled() {
        let p = Pacer::default();
        let t0 = Instant::now();
        assert_eq!(p.slot(t0), Duration::ZERO);
        assert_eq!(p.slot(t0), Duration::ZERO);
        assert_eq!(p.rate(), None);
    }

    #[test]
    fn the_first_throttle_paces_at_the_rate_that_got_through() {
        let p = Pacer::default();
        let t0 = Instant::now();
        // 20 writes accepted over 2 s (10 a second), then a throttle.
        for i in 0..20 {
            p.accepted(t0 + Duration::from_millis(i * 100));
        }
        let t1 = t0 + Duration::from_millis(2000);
        p.throttled(t1);
        assert!((p.rate().unwrap() - 9.5).abs() < 1e-9, "{:?}", p.rate());
        // Slots follow each other at that pace.
        let gap = Duration::from_secs_f64(1.0 / p.rate().unwrap());
        assert_eq!(p.slot(t1), Duration::ZERO);
        assert_eq!(p.slot(t1), gap);
        assert_eq!(p.slot(t1), gap * 2);
        // Throttles of writes in flight together count once.
        let before = p.rate();
        p.throttled(t1 + Duration::from_millis(10));
        assert_eq!(p.rate(), before);
        // A second without a throttle raises the pace by a tenth.
        p.accepted(t1 + Duration::from_millis(1000));
        assert!((p.rate().unwrap() - 10.45).abs() < 1e-9, "{:?}", p.rate());
        // A later throttle settles it under what got through: one write in the 1.5 s since.
        p.throttled(t1 + Duration::from_millis(2500));
        assert!(
            (p.rate().unwrap() - 0.95 / 1.5).abs() < 1e-9,
            "{:?}",
            p.rate()
        );
    }

    #[test]
    fn an_estimate_from_few_writes_is_raised_faster_until_one_from_enough() {
        let p = Pacer::default();
        let t0 = Instant::now();
        // Behind a burst of 1, one write gets through and the rest of the first wave is
        // throttled: 1 write over the shortest span, 2 a second, settled to 1.9.
        p.accepted(t0);
        p.throttled(t0 + Duration::from_millis(10));
        assert!((p.rate().unwrap() - 1.9).abs() < 1e-9, "{:?}", p.rate());
        // Quiet seconds raise it by half each.
        p.accepted(t0 + Duration::from_millis(1010));
        assert!((p.rate().unwrap() - 2.85).abs() < 1e-9, "{:?}", p.rate());
        p.accepted(t0 + Duration::from_millis(3100));
        assert!((p.rate().unwrap() - 4.275).abs() < 1e-9, "{:?}", p.rate());
        // A throttle counted from 4 writes (over the 0.8 s since the first: 5 a second) is
        // trusted…
        for ms in [3300, 3500, 3700] {
            p.accepted(t0 + Duration::from_millis(ms));
        }
        p.throttled(t0 + Duration::from_millis(3900));
        assert!((p.rate().unwrap() - 4.75).abs() < 1e-9, "{:?}", p.rate());
        // … and from then on a quiet second raises it by a tenth.
        p.accepted(t0 + Duration::from_millis(4900));
        assert!((p.rate().unwrap() - 5.225).abs() < 1e-9, "{:?}", p.rate());
    }

    #[test]
    fn the_first_estimate_counts_from_the_first_accepted_write() {
        let p = Pacer::default();
        let t0 = Instant::now();
        // 5 writes in the first half second of a run, then a throttle: 10 a second.
        for i in 0..5 {
            p.accepted(t0 + Duration::from_millis(i * 100));
        }
        p.throttled(t0 + Duration::from_millis(500));
        assert!((p.rate().unwrap() - 9.5).abs() < 1e-9, "{:?}", p.rate());
    }

    /// A quota as IAM enforces it: a token bucket of `rate` writes a second holding at most
    /// `burst`, starting full.
    struct Quota {
        rate: f64,
        burst: f64,
        tokens: f64,
        last: Instant,
    }

    impl Quota {
        fn take(&mut self, now: Instant) -> bool {
            let elapsed = now.duration_since(self.last).as_secs_f64();
            self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
            self.last = now;
            let ok = self.tokens >= 1.0;
            if ok {
                self.tokens -= 1.0;
            }
            ok
        }
    }

    /// `writes` writes by `workers` writers in flight together, each taking `latency`, paced
    /// by a pacer behind `quota`, on a simulated clock; a throttled write is made again in its
    /// writer's next slot. Returns how many answers were throttles.
    fn simulate(writes: usize, workers: usize, latency: Duration, mut quota: Quota) -> usize {
        let p = Pacer::default();
        let t0 = quota.last;
        let mut ready = vec![t0; workers];
        let (mut done, mut throttled) = (0, 0);
        while done < writes {
            // The writer that is free first takes its slot.
            let (w, now) = ready
                .iter()
                .copied()
                .enumerate()
                .min_by_key(|&(_, t)| t)
                .unwrap();
            let start = now + p.slot(now);
            let answered = start + latency;
            if quota.take(start) {
                p.accepted(answered);
                done += 1;
            } else {
                p.throttled(answered);
                throttled += 1;
            }
            ready[w] = answered;
        }
        throttled
    }

    #[test]
    fn behind_a_quota_writes_are_paced_rather_than_throttled() {
        // The fault test's quota (5 writes a second, a burst of 1) and its 41 writes, with 8
        // in flight, on a simulated clock: a throttled answer for fewer than half the writes.
        // (Retrying on the SDK's own backoff drew about two a write.)
        let quota = |rate| Quota {
            rate,
            burst: 1.0,
            tokens: 1.0,
            last: Instant::now(),
        };
        let throttled = simulate(41, 8, Duration::from_millis(20), quota(5.0));
        assert!(throttled < 41 / 2, "{throttled} throttles for 41 writes");
        // A slower quota and a longer run: still paced.
        let throttled = simulate(200, 8, Duration::from_millis(50), quota(2.0));
        assert!(throttled < 200 / 2, "{throttled} throttles for 200 writes");
    }

    #[test]
    fn the_pace_never_stops_writes() {
        let p = Pacer::default();
        let t0 = Instant::now();
        p.throttled(t0);
        assert_eq!(p.rate(), Some(MIN_RATE));
    }

    #[test]
    fn throttles_are_told_by_status_and_code() {
        assert!(is_throttle(400) && is_throttle(429));
        assert!(!is_throttle(409) && !is_throttle(500));
        assert!(is_throttle_code(Some("Throttling")));
        assert!(!is_throttle_code(Some("EntityAlreadyExists")));
    }
}
