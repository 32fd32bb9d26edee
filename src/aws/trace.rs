//! `-v` and `-vv` for AWS: each call by its operation, and with `-vv` the HTTP request
//! (method, URL with signed query values masked), its status and time. An SDK interceptor,
//! so every client of the run says the same; nothing from a request's headers (where the
//! signature and session token travel) is shown.

use crate::verbosity::{self, CALLS, HTTP};
use aws_sdk_iam::config::interceptors::{
    BeforeTransmitInterceptorContextRef, FinalizerInterceptorContextRef,
};
use aws_sdk_iam::config::{ConfigBag, Intercept, RuntimeComponents};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_types::config_bag::{Storable, StoreReplace};
use std::time::Instant;

/// When the attempt being made was sent, and (with `-vv`) its method and URL.
#[derive(Debug, Clone)]
struct Sent {
    at: Instant,
    request: Option<String>,
}

impl Storable for Sent {
    type Storer = StoreReplace<Self>;
}

/// The interceptor that says each AWS call (see the module's documentation).
#[derive(Debug, Clone, Default)]
pub struct Trace;

impl Intercept for Trace {
    fn name(&self) -> &'static str {
        "eksiam-trace"
    }

    fn read_before_transmit(
        &self,
        ctx: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), aws_sdk_iam::error::BoxError> {
        if verbosity::shows(CALLS) {
            let request = verbosity::shows(HTTP).then(|| {
                let r = ctx.request();
                format!(
                    "{} {}",
                    r.method(),
                    crate::redact::RedactedUrl::new(r.uri())
                )
            });
            cfg.interceptor_state().store_put(Sent {
                at: Instant::now(),
                request,
            });
        }
        Ok(())
    }

    fn read_after_attempt(
        &self,
        ctx: &FinalizerInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), aws_sdk_iam::error::BoxError> {
        if !verbosity::shows(CALLS) {
            return Ok(());
        }
        let call = cfg.load::<Metadata>().map_or_else(
            || "?".to_owned(),
            |m| format!("{}:{}", m.service().to_lowercase(), m.name()),
        );
        let sent = cfg.load::<Sent>();
        let took = sent.map(|s| s.at.elapsed().as_millis()).unwrap_or_default();
        let request = sent
            .and_then(|s| s.request.as_deref())
            .map(|r| format!(" {r}"))
            .unwrap_or_default();
        let outcome = match ctx.response() {
            Some(r) => r.status().as_u16().to_string(),
            None => "no answer".to_owned(),
        };
        verbosity::say(CALLS, || {
            format!("aws: {call}{request} -> {outcome} in {took} ms")
        });
        Ok(())
    }
}
