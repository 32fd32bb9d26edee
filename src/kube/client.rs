//! The Kubernetes client of kube's default stack, with `TCP_NODELAY` on its sockets.
//!
//! kube's `Client::try_from(Config)` leaves Nagle's algorithm on. After a TLS 1.3 handshake
//! the client's `Finished` is still unacknowledged when the first request is written, so the
//! kernel holds that request until the server's delayed ACK (40 ms on Linux): the first call
//! on every new connection paid it (measured: 50 ms of a 130 ms `create iamidentitymapping`).
//! kube has no setting for it yet (kube-rs/kube#2056), so the stack is built here from kube's
//! public layers, in kube's order: base URI, retry of server errors, auth, extra headers,
//! over a connector with kube's timeouts. (kube's tracing layer is left out: eksiam installs
//! no tracing subscriber.)

use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use kube::client::{Body, ClientBuilder, ConfigExt as _, retry::RetryPolicy};

/// A client for `config`, as `kube::Client::try_from` builds it but with `TCP_NODELAY`.
///
/// # Errors
/// What kube's builder reports: bad TLS material, an unusable auth section, an unsupported
/// proxy.
pub(super) fn build(config: kube::Config) -> Result<kube::Client, kube::Error> {
    if config.proxy_url.is_some() {
        // kube's own builder knows which proxies this build supports and says so.
        return kube::Client::try_from(config);
    }
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_nodelay(true);
    let https = config.rustls_https_connector_with_connector(http)?;
    let mut connector = hyper_timeout::TimeoutConnector::new(https);
    connector.set_connect_timeout(config.connect_timeout);
    connector.set_read_timeout(config.read_timeout);
    connector.set_write_timeout(config.write_timeout);
    connector.set_reset_reader_on_write(config.reset_reader_on_write);
    let client: hyper_util::client::legacy::Client<_, Body> =
        hyper_util::client::legacy::Builder::new(TokioExecutor::new()).build(connector);
    let service = tower::ServiceBuilder::new()
        .layer(config.base_uri_layer())
        .option_layer(
            config
                .default_retry
                .then(|| tower::retry::RetryLayer::new(RetryPolicy::server_retry())),
        )
        .option_layer(config.auth_layer()?)
        .layer(config.extra_headers_layer()?)
        .layer_fn(|inner| Traced { inner })
        .map_err(tower::BoxError::from)
        .service(client);
    Ok(ClientBuilder::new(service, config.default_namespace).build())
}

/// `-v` and `-vv` for Kubernetes: each request as it is sent (every attempt), by method and
/// path with `-v` and with its whole URL with `-vv`, with the status and time. Headers
/// (where the bearer token travels) are never shown.
#[derive(Clone)]
struct Traced<S> {
    inner: S,
}

impl<S, ResBody> tower::Service<http::Request<Body>> for Traced<S>
where
    S: tower::Service<http::Request<Body>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<Body>) -> Self::Future {
        use crate::verbosity::{self, CALLS, HTTP};
        if !verbosity::shows(CALLS) {
            return Box::pin(self.inner.call(req));
        }
        let method = req.method().clone();
        let target = if verbosity::shows(HTTP) {
            let uri = req.uri().to_string();
            crate::redact::RedactedUrl::new(uri.trim_end_matches('?')).to_string()
        } else {
            req.uri().path().to_owned()
        };
        let started = std::time::Instant::now();
        let answer = self.inner.call(req);
        Box::pin(async move {
            let result = answer.await;
            let outcome = match &result {
                Ok(r) => r.status().as_u16().to_string(),
                Err(_) => "no answer".to_owned(),
            };
            verbosity::say(CALLS, || {
                format!(
                    "kube: {method} {target} -> {outcome} in {} ms",
                    started.elapsed().as_millis()
                )
            });
            result
        })
    }
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead as _, BufReader, Write as _};
    use std::net::{SocketAddr, TcpListener, TcpStream};
    use std::os::fd::{FromRawFd as _, IntoRawFd as _};

    /// Whether each of this process's TCP sockets connected to `peer` has `TCP_NODELAY`.
    fn nodelay_of_sockets_to(peer: SocketAddr) -> Vec<bool> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir("/proc/self/fd").expect("/proc/self/fd") {
            let Ok(fd) = entry
                .expect("fd")
                .file_name()
                .to_string_lossy()
                .parse::<i32>()
            else {
                continue;
            };
            let is_socket = std::fs::read_link(format!("/proc/self/fd/{fd}"))
                .is_ok_and(|t| t.to_string_lossy().starts_with("socket:"));
            if !is_socket {
                continue;
            }
            // SAFETY: `fd` is an open socket of this process; it is handed back with
            // `into_raw_fd` below, so this borrow never closes it.
            let stream = unsafe { TcpStream::from_raw_fd(fd) };
            if stream.peer_addr().is_ok_and(|p| p == peer) {
                found.push(stream.nodelay().expect("getsockopt"));
            }
            let _ = stream.into_raw_fd();
        }
        found
    }

    /// The connection kube's stack opens to the API server has Nagle's algorithm off.
    #[tokio::test]
    async fn the_connection_to_the_api_server_is_nodelay() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let server = std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().expect("accept");
            let mut reader = BufReader::new(conn.try_clone().expect("clone"));
            let mut line = String::new();
            while reader.read_line(&mut line).expect("read") > 2 {
                line.clear();
            }
            conn.write_all(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}",
            )
            .expect("answer");
            // Keep the connection open until the client has looked at its socket.
            std::thread::sleep(std::time::Duration::from_secs(2));
        });
        let config = kube::Config::new(format!("http://{addr}").parse().expect("URL"));
        let client = super::build(config).expect("client");
        let request = http::Request::get("/version")
            .body(Vec::new())
            .expect("request");
        let _: serde_json::Value = client.request(request).await.expect("GET /version");
        assert_eq!(nodelay_of_sockets_to(addr), vec![true]);
        drop(client);
        server.join().expect("server");
    }
}
