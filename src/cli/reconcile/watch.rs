//! `reconcile --watch`: the one-shot reconcile, run again after each ServiceAccount change
//! that needs it (`self_service::Watched` tells), every `--resync`, and after a failure (with
//! backoff), until SIGTERM or SIGINT. The watch only says when to run: each run lists and
//! plans from scratch, so a dropped watch, a missed event or a killed process costs at most a
//! run, never a wrong state.

use super::{Read, ReconcileArgs, once};
use crate::app::{Connect as _, Connector};
use crate::cli::GlobalArgs;
use crate::error::{CliError, ErrorKind};
use crate::kube::WatchItem;
use crate::rules::self_service::Watched;
use futures_util::StreamExt as _;
use std::time::Duration;
use tokio::sync::watch as channel;
use tokio::time::{Instant, sleep, sleep_until};

/// How long the server keeps one watch open; each watch connects afresh, so an EKS token
/// (valid 15 minutes) is never used past its life.
const WATCH_SECONDS: u32 = 240;
/// A watch that neither ends nor says anything this long past its timeout is dead (a
/// connection lost without a reset).
const WATCH_GRACE: Duration = Duration::from_secs(30);
/// A watch that ends this much before its timeout was cut, and is retried with backoff (so
/// a server or proxy that closes every watch at once is not asked again in a tight loop).
const EARLY: Duration = Duration::from_secs(10);
/// Changes that come together are reconciled together: the first waits this long for others.
const GATHER: Duration = Duration::from_secs(1);

/// `--resync`'s value: seconds, or a number with `s`, `m` or `h`. (Four lines of parsing, so
/// no duration crate; `--timeout` takes plain seconds the same way.)
///
/// # Errors
/// Not such a duration, or zero.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (number, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t, "s"),
    };
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        _ => 0,
    };
    match number.parse::<u64>() {
        Ok(n) if n > 0 && scale > 0 => Ok(Duration::from_secs(n.saturating_mul(scale))),
        _ => Err(format!(
            "`{text}` is not a duration: give a positive whole number of seconds, or one with `s`, `m` or `h` (`90s`, `10m`, `1h`)"
        )),
    }
}

/// The wait before retry `n` (1, 2, 4, … seconds, at most a minute).
fn backoff(n: u32) -> Duration {
    Duration::from_secs(1u64 << n.saturating_sub(1).min(6)).min(Duration::from_secs(60))
}

/// Why a watch stopped.
enum Until {
    /// A change needs a reconcile (what changed, for the log).
    Change(String),
    /// The resync is due.
    Resync,
    /// The server ended the watch; watch again from where it was.
    Closed,
    /// The version watched from is gone: a reconcile lists again.
    Expired,
    /// The watch failed; watch again after a pause.
    Dropped(String),
    /// SIGTERM or SIGINT.
    Stopped,
}

/// Runs reconciles until SIGTERM or SIGINT; a reconcile under way when the signal comes is
/// finished first.
///
/// # Errors
/// Bad input (exit 3), which no retry mends; every other failure is retried.
pub(super) async fn run(
    global: &GlobalArgs,
    args: &ReconcileArgs,
    connector: &Connector<'_>,
) -> Result<(), CliError> {
    let stop = stop_signal()?;
    let mut why = Some("start".to_owned());
    let mut last: Option<(Watched, String)> = None;
    let mut failures = 0u32;
    let mut standing = super::Standing::default();
    let mut resync_at = Instant::now() + args.resync;
    loop {
        if let Some(reason) = why.take() {
            global.log(&format!("reconcile: running: {reason}"));
            match once(global, args, connector, &mut standing).await {
                Ok(read) => {
                    last = Some(watched(args, read));
                    failures = 0;
                    resync_at = Instant::now() + args.resync;
                }
                Err(e) if e.kind == ErrorKind::InvalidInput => return Err(e),
                Err(e) => {
                    failures += 1;
                    let wait = backoff(failures);
                    eprintln!("{}", e.render());
                    global.log(&format!(
                        "reconcile: failed; running again in {}s",
                        wait.as_secs()
                    ));
                    why = Some("retry".to_owned());
                    if pause(wait, &stop).await {
                        break;
                    }
                    continue;
                }
            }
        }
        let Some((seen, version)) = last.as_mut() else {
            unreachable!("a watch starts after a reconcile that read")
        };
        match watch_until(global, args, connector, seen, version, resync_at, &stop).await {
            Until::Change(what) => why = Some(what),
            Until::Resync => why = Some("resync".to_owned()),
            Until::Expired => why = Some("the watch expired".to_owned()),
            Until::Closed => failures = 0,
            Until::Dropped(what) => {
                failures += 1;
                let wait = backoff(failures);
                global.log(&format!(
                    "reconcile: the watch failed ({what}); watching again in {}s",
                    wait.as_secs()
                ));
                if pause(wait, &stop).await {
                    break;
                }
            }
            Until::Stopped => break,
        }
    }
    global.log("reconcile: stopped");
    Ok(())
}

fn watched(args: &ReconcileArgs, read: Read) -> (Watched, String) {
    let mut w = Watched::new(
        &args.role_prefix,
        &read.cluster.partition,
        &read.cluster.account,
    );
    w.reset(&read.service_accounts);
    (w, read.version)
}

/// A channel that turns true at SIGTERM or SIGINT.
fn stop_signal() -> Result<channel::Receiver<bool>, CliError> {
    use tokio::signal::unix::{SignalKind, signal};
    let (tx, rx) = channel::channel(false);
    let listen = |kind| {
        signal(kind).map_err(|e| CliError::internal(format!("cannot listen for signals: {e}")))
    };
    let mut term = listen(SignalKind::terminate())?;
    let mut int = listen(SignalKind::interrupt())?;
    tokio::spawn(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
        let _ = tx.send(true);
    });
    Ok(rx)
}

/// Waits `wait`; true when told to stop meanwhile.
async fn pause(wait: Duration, stop: &channel::Receiver<bool>) -> bool {
    let mut waiting = stop.clone();
    tokio::select! {
        () = sleep(wait) => *stop.borrow(),
        _ = waiting.wait_for(|s| *s) => true,
    }
}

/// Watches ServiceAccounts from `version` (kept up to date) until a change needs a reconcile
/// (gathering those that come within [`GATHER`]), the resync is due, the watch ends, or a stop.
async fn watch_until(
    global: &GlobalArgs,
    args: &ReconcileArgs,
    connector: &Connector<'_>,
    seen: &mut Watched,
    version: &mut String,
    resync_at: Instant,
    stop: &channel::Receiver<bool>,
) -> Until {
    let mut stop = stop.clone();
    if *stop.borrow() {
        return Until::Stopped;
    }
    let kube = match connector
        .kube(&args.cluster, global.region.as_deref())
        .await
    {
        Ok(k) => k,
        Err(e) => return Until::Dropped(e.message),
    };
    let stream = match kube.watch_service_accounts(version, WATCH_SECONDS).await {
        Ok(s) => s,
        Err(e) => return Until::Dropped(e.message),
    };
    let mut stream = std::pin::pin!(stream);
    let started = Instant::now();
    let dead_at = started + Duration::from_secs(WATCH_SECONDS.into()) + WATCH_GRACE;
    let mut change: Option<(String, Instant)> = None;
    loop {
        let wake = change.as_ref().map_or(resync_at.min(dead_at), |c| c.1);
        tokio::select! {
            item = stream.next() => match item {
                Some(WatchItem::Changed { namespace, name, annotations, version: v }) => {
                    *version = v;
                    if seen.changed(&namespace, &name, annotations.as_ref()) && change.is_none() {
                        let what = if annotations.is_some() { "changed" } else { "deleted" };
                        change = Some((
                            format!("serviceaccount {namespace}/{name} {what}"),
                            Instant::now() + GATHER,
                        ));
                    }
                }
                Some(WatchItem::Progress { version: v }) => *version = v,
                Some(WatchItem::Expired) => return Until::Expired,
                Some(WatchItem::Failed(what)) => {
                    return change.map_or(Until::Dropped(what), |c| Until::Change(c.0));
                }
                None => {
                    if let Some((what, _)) = change {
                        return Until::Change(what);
                    }
                    // Closed well before its timeout: cut on the way, not ended by the server.
                    let open = started.elapsed();
                    return if open + EARLY < Duration::from_secs(WATCH_SECONDS.into()) {
                        Until::Dropped(format!("closed after {}s", open.as_secs()))
                    } else {
                        Until::Closed
                    };
                }
            },
            () = sleep_until(wake) => {
                return match change {
                    Some((what, _)) => Until::Change(what),
                    None if Instant::now() >= resync_at => Until::Resync,
                    None => Until::Dropped("the watch went silent".to_owned()),
                };
            }
            _ = stop.wait_for(|s| *s) => return Until::Stopped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_seconds_or_have_a_unit() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration(" 1h "), Ok(Duration::from_secs(3600)));
        for bad in ["", "0", "0m", "m", "10d", "1.5h", "-1", "10 m", "1h30m"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn retries_back_off_to_a_minute() {
        let waits: Vec<u64> = (1..=9).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(backoff(0).as_secs(), 1);
    }
}
