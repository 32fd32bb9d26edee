//! A watch of the cluster's ServiceAccounts, for `reconcile --watch`: one LIST that gives the
//! version to watch from, then WATCH from that version, as client-go's reflector does (without
//! its cache: the reconcile reads what it needs itself).

use super::{Kube, retrying, sa_error};
use crate::error::CliError;
use crate::observed::ObservedServiceAccount;
use futures_util::{Stream, StreamExt as _};
use k8s_openapi::api::core::v1::ServiceAccount;
use kube::api::{Api, ListParams, WatchEvent, WatchParams};
use std::collections::BTreeMap;

/// The ServiceAccounts of the cluster by (namespace, name).
pub type ServiceAccounts = BTreeMap<(String, String), ObservedServiceAccount>;

/// What a watch of ServiceAccounts reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchItem {
    /// ServiceAccount `namespace/name` was added or changed (`annotations: Some`), or deleted
    /// (`None`); the watch has seen the cluster up to `version`.
    Changed {
        namespace: String,
        name: String,
        annotations: Option<BTreeMap<String, String>>,
        version: String,
    },
    /// Nothing changed, but the watch has seen the cluster up to `version` (a bookmark).
    Progress { version: String },
    /// The version watched from is too old (410 Gone): list again.
    Expired,
    /// The server reported an error on the watch.
    Failed(String),
}

impl Kube {
    /// Every ServiceAccount of the cluster (one cluster-wide LIST) and the version of that
    /// read, to watch from.
    ///
    /// # Errors
    /// A refused or failed LIST.
    pub async fn service_accounts_at(&self) -> Result<(ServiceAccounts, String), CliError> {
        let api: Api<ServiceAccount> = Api::all(self.client.clone());
        let lp = ListParams::default();
        let list = retrying(|| api.list(&lp))
            .await
            .map_err(|e| sa_error("listing", "serviceaccounts", e))?;
        let version = list.metadata.resource_version.unwrap_or_default();
        let sas = list
            .items
            .into_iter()
            .filter_map(|sa| {
                Some((
                    (sa.metadata.namespace?, sa.metadata.name?),
                    ObservedServiceAccount {
                        labels: sa.metadata.labels.unwrap_or_default(),
                        annotations: sa.metadata.annotations.unwrap_or_default(),
                    },
                ))
            })
            .collect();
        Ok((sas, version))
    }

    /// Watches every ServiceAccount from `version`. The server ends the watch after
    /// `timeout_seconds` (the stream ends); bookmarks report progress in between.
    ///
    /// # Errors
    /// A refused or failed WATCH request.
    pub async fn watch_service_accounts(
        &self,
        version: &str,
        timeout_seconds: u32,
    ) -> Result<impl Stream<Item = WatchItem> + use<>, CliError> {
        let api: Api<ServiceAccount> = Api::all(self.client.clone());
        // Bookmarks are on by default.
        let wp = WatchParams::default().timeout(timeout_seconds);
        let stream = api
            .watch(&wp, version)
            .await
            .map_err(|e| sa_error("watching", "serviceaccounts", e))?;
        Ok(stream.map(|event| match event {
            Ok(WatchEvent::Added(sa) | WatchEvent::Modified(sa)) => changed(sa, false),
            Ok(WatchEvent::Deleted(sa)) => changed(sa, true),
            Ok(WatchEvent::Bookmark(b)) => WatchItem::Progress {
                version: b.metadata.resource_version,
            },
            Ok(WatchEvent::Error(status)) if status.code == 410 => WatchItem::Expired,
            Ok(WatchEvent::Error(status)) => WatchItem::Failed(format!(
                "{} ({} {})",
                status.message, status.code, status.reason
            )),
            Err(e) => WatchItem::Failed(e.to_string()),
        }))
    }
}

fn changed(sa: ServiceAccount, deleted: bool) -> WatchItem {
    let meta = sa.metadata;
    WatchItem::Changed {
        namespace: meta.namespace.unwrap_or_default(),
        name: meta.name.unwrap_or_default(),
        annotations: (!deleted).then(|| meta.annotations.unwrap_or_default()),
        version: meta.resource_version.unwrap_or_default(),
    }
}
