//! Generated ClusterConfigs of any size, for the budget and fault tests and the benchmark:
//! service accounts spread over namespaces of 50, each with its own named role and an AWS
//! managed policy, and role mappings in aws-auth.

use std::fmt::Write as _;
use std::ops::Range;

/// The policy every generated role gets (moto knows AWS's managed policies).
pub const POLICY: &str = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
/// moto's account.
pub const ACCOUNT: &str = "123456789012";

/// A desired state: which service accounts and which mappings, by number.
#[derive(Debug, Clone)]
pub struct Workload {
    pub cluster: String,
    pub service_accounts: Range<usize>,
    pub mappings: Range<usize>,
}

/// One generated ServiceAccount and its role.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ServiceAccount {
    pub namespace: String,
    pub name: String,
    pub role: String,
}

/// One generated aws-auth role mapping.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mapping {
    pub rolearn: String,
    pub username: String,
    pub group: String,
}

impl Workload {
    /// Service accounts `sas` and mappings `mappings` of cluster `cluster`.
    pub fn new(cluster: &str, sas: Range<usize>, mappings: Range<usize>) -> Workload {
        Workload {
            cluster: cluster.to_owned(),
            service_accounts: sas,
            mappings,
        }
    }

    /// The service accounts, in order.
    pub fn service_accounts(&self) -> Vec<ServiceAccount> {
        self.service_accounts
            .clone()
            .map(|i| ServiceAccount {
                namespace: format!("team-{}", i / 50),
                name: format!("app-{i}"),
                role: format!("{}-app-{i}", self.cluster),
            })
            .collect()
    }

    /// The mappings, in order.
    pub fn mappings(&self) -> Vec<Mapping> {
        self.mappings
            .clone()
            .map(|i| Mapping {
                rolearn: format!("arn:aws:iam::{ACCOUNT}:role/deployer-{i}"),
                username: format!("deployer-{i}"),
                group: format!("deployers-{}", i % 7),
            })
            .collect()
    }

    /// The ClusterConfig file.
    pub fn yaml(&self) -> String {
        let mut y = format!(
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: {}\n  region: us-west-2\niam:\n  withOIDC: true\n  serviceAccounts:\n",
            self.cluster
        );
        let sas = self.service_accounts();
        if sas.is_empty() {
            y.push_str("    []\n");
        }
        for s in sas {
            let _ = write!(
                y,
                "    - metadata: {{name: {}, namespace: {}}}\n      roleName: {}\n      attachPolicyARNs: [\"{POLICY}\"]\n",
                s.name, s.namespace, s.role
            );
        }
        let maps = self.mappings();
        y.push_str("iamIdentityMappings:\n");
        if maps.is_empty() {
            y.push_str("  []\n");
        }
        for m in maps {
            let _ = write!(
                y,
                "  - arn: {}\n    username: {}\n    groups: [{}]\n",
                m.rolearn, m.username, m.group
            );
        }
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_service_accounts_over_namespaces_of_fifty() {
        let w = Workload::new("prod", 48..103, 0..2);
        let namespaces: Vec<String> = w
            .service_accounts()
            .into_iter()
            .map(|s| s.namespace)
            .collect();
        assert_eq!(
            (namespaces.first(), namespaces.get(2), namespaces.last()),
            (
                Some(&"team-0".into()),
                Some(&"team-1".into()),
                Some(&"team-2".into())
            )
        );
        assert_eq!(w.service_accounts()[0].role, "prod-app-48");
        assert_eq!(w.mappings()[1].username, "deployer-1");
        let y = w.yaml();
        assert!(
            y.contains("    - metadata: {name: app-102, namespace: team-2}\n"),
            "{y}"
        );
        assert!(
            y.contains("  - arn: arn:aws:iam::123456789012:role/deployer-1\n"),
            "{y}"
        );
    }
}
