//! The sandbox: an AWS account (ministack, over https with the test chain) with an EKS
//! cluster, and a real kube-apiserver standing in for that cluster at the endpoint
//! `DescribeCluster` reports, minting tokens for the cluster's OIDC issuer. Every eksiam command
//! works against it as against EKS: `scripts/sandbox` starts one for people, and
//! `tests/sandbox.rs` runs the README's sandbox commands in one.

use crate::kube::KubeServer;
use crate::ministack::{Ministack, Options};

/// A running sandbox.
pub struct Sandbox {
    /// The cluster's name (the examples' `prod` by default).
    pub cluster: String,
    /// The cluster's OIDC issuer (https, served by ministack with the test chain).
    pub issuer: String,
    pub aws: Ministack,
    pub kube: KubeServer,
}

impl Sandbox {
    /// Starts ministack with cluster `cluster` and its apiserver.
    pub fn start(cluster: &str) -> Sandbox {
        let aws = Ministack::start_with(&Options {
            https: true,
            ..Default::default()
        });
        let issuer = aws.create_cluster(cluster);
        let kube = KubeServer::start_at(&issuer, aws.eks_port);
        Sandbox {
            cluster: cluster.to_owned(),
            issuer,
            aws,
            kube,
        }
    }

    /// The environment a shell needs to use the sandbox as an AWS account and its cluster:
    /// the SDK's endpoint, credentials and region, the test root in `SSL_CERT_FILE` (for the
    /// SDK and the thumbprint), and `KUBECONFIG`.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = self.aws.env();
        env.push((
            "KUBECONFIG".into(),
            self.kube.kubeconfig().display().to_string(),
        ));
        env
    }
}
