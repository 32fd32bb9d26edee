//! Live aws-auth edits: one read, at most one write carrying the `resourceVersion`, and on a
//! 409 Conflict a fresh read, the same edit again, and a retry after a jittered backoff
//! (bounded). A backup of the previous ConfigMap is written before each write.

use super::{EditRequest, OWNED_ANNOTATION, parse_owned, render_owned};
use crate::error::{CliError, ErrorKind};
use crate::kube::{AWS_AUTH_NAME, AWS_AUTH_NAMESPACE, AwsAuthObject, KubeApi, WriteError};
use crate::observed::Observed;
use crate::rules::authmap::AwsAuth;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many times a conflicting write is retried.
pub const MAX_ATTEMPTS: u32 = 25;

/// Parses what was read into the observed state.
///
/// # Errors
/// A broken `mapRoles`/`mapUsers`/`mapAccounts`: eksiam never overwrites it.
pub fn observe(obj: &AwsAuthObject, observed: &mut Observed) -> Result<(), CliError> {
    let auth = AwsAuth::parse(&obj.data).map_err(|e| CliError {
        kind: ErrorKind::Remote,
        message: format!("{e}; eksiam will not overwrite it"),
        hint: Some(format!(
            "repair it first: `kubectl -n {AWS_AUTH_NAMESPACE} edit configmap {AWS_AUTH_NAME}` (a backup may be in the eksiam backup folder)"
        )),
        source: None,
    })?;
    observed.aws_auth = obj.resource_version.is_some().then_some(auth);
    observed.aws_auth_owned = parse_owned(obj.annotations.get(OWNED_ANNOTATION));
    Ok(())
}

/// The object to write for `request`, or `None` when aws-auth already says it all.
///
/// # Errors
/// A broken list, or a conflict the edit refuses (`noDuplicateARNs`, lock-out guard).
pub fn next_object(
    obj: &AwsAuthObject,
    request: &EditRequest,
) -> Result<Option<AwsAuthObject>, CliError> {
    let mut observed = Observed::default();
    observe(obj, &mut observed)?;
    let mut auth = observed.aws_auth.clone().unwrap_or_else(AwsAuth::empty);
    let r = request.edit(&mut auth, &observed.aws_auth_owned);
    if !r.conflicts.is_empty() {
        return Err(CliError {
            kind: ErrorKind::Remote,
            message: format!(
                "aws-auth cannot be changed as asked: {}",
                r.conflicts.join("; ")
            ),
            hint: None,
            source: None,
        });
    }
    let owned_changed = r.owned_after != observed.aws_auth_owned;
    if !auth.is_dirty() && !owned_changed {
        return Ok(None);
    }
    let mut next = obj.clone();
    auth.write_into(&mut next.data);
    if r.owned_after.is_empty() {
        next.annotations.remove(OWNED_ANNOTATION);
    } else {
        next.annotations
            .insert(OWNED_ANNOTATION.into(), render_owned(&r.owned_after));
    }
    Ok(Some(next))
}

/// Saves `obj` as a manifest in `dir` before it is overwritten; returns the file's path.
fn backup(dir: &Path, cluster: &str, obj: &AwsAuthObject) -> Result<PathBuf, CliError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let path = dir.join(format!(
        "aws-auth-{cluster}-{}-{:03}-{}.yaml",
        now.as_secs(),
        now.subsec_millis(),
        std::process::id()
    ));
    let manifest = serde_json::json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": AWS_AUTH_NAME, "namespace": AWS_AUTH_NAMESPACE, "annotations": obj.annotations},
        "data": obj.data,
    });
    let text = format!(
        "# The previous kube-system/aws-auth, saved by eksiam before it wrote a new one.\n# Restore with: kubectl replace -f {}\n{}",
        path.display(),
        serde_saphyr::to_string(&manifest).unwrap_or_default()
    );
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&path, text))
        .map_err(|e| CliError {
            kind: ErrorKind::Remote,
            message: format!(
                "cannot write the aws-auth backup `{}`: {e}; nothing was changed",
                path.display()
            ),
            hint: Some("set `EKSIAM_BACKUP_DIR` to a writable folder".into()),
            source: None,
        })?;
    Ok(path)
}

/// A random-enough delay in `[d/2, d]` so that parallel writers do not retry in step.
fn jittered(attempt: u32) -> Duration {
    let base = 40u64 << attempt.min(5);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos() as u64
        ^ (u64::from(std::process::id()) << 7);
    Duration::from_millis(base / 2 + seed % (base / 2 + 1))
}

/// Writes the edit, starting from `first` (the object the plan was made from), after saving
/// the object it replaces in `backup_dir`. Returns what was done, one line each.
///
/// # Errors
/// A broken map, a refused edit, a failed write, or too many conflicts; nothing is half-written.
pub async fn apply(
    kube: &impl KubeApi,
    cluster: &str,
    request: &EditRequest,
    first: AwsAuthObject,
    backup_dir: &Path,
) -> Result<Vec<String>, CliError> {
    let mut obj = first;
    let mut done = Vec::new();
    for attempt in 0..MAX_ATTEMPTS {
        let Some(next) = next_object(&obj, request)? else {
            done.push(format!(
                "{AWS_AUTH_NAMESPACE}/{AWS_AUTH_NAME}: already up to date"
            ));
            return Ok(done);
        };
        if obj.resource_version.is_some() {
            let path = backup(backup_dir, cluster, &obj)?;
            done.push(format!(
                "backup of the previous {AWS_AUTH_NAMESPACE}/{AWS_AUTH_NAME}: {}",
                path.display()
            ));
        }
        match kube.write_aws_auth(&next).await {
            Ok(()) => {
                let verb = if obj.resource_version.is_some() {
                    "updated"
                } else {
                    "created"
                };
                done.push(format!("{AWS_AUTH_NAMESPACE}/{AWS_AUTH_NAME}: {verb}"));
                return Ok(done);
            }
            Err(WriteError::Conflict) => {
                tokio::time::sleep(jittered(attempt)).await;
                obj = kube.read_aws_auth().await?;
            }
            Err(WriteError::Other(e)) => return Err(e),
        }
    }
    Err(CliError {
        kind: ErrorKind::Remote,
        message: format!(
            "{AWS_AUTH_NAMESPACE}/{AWS_AUTH_NAME} kept changing under eksiam: gave up after {MAX_ATTEMPTS} conflicting writes; nothing was changed"
        ),
        hint: Some("run the command again; it converges".into()),
        source: None,
    })
}
