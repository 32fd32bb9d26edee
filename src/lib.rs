//! eksiam: the IAM side of Amazon EKS, as one pipeline —
//! input → desired state → observed state → plan → apply.
//!
//! The pure core (`config`, `desired`, `trust`, `policy`, `authmap`, `plan`) does no I/O.

#[cfg(feature = "cli")]
pub mod apply;
pub mod arn;
pub mod authmap;
#[cfg(feature = "cli")]
pub mod aws;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod desired;
#[cfg(feature = "cli")]
pub mod eks_token;
pub mod error;
pub mod filter;
#[cfg(feature = "cli")]
pub mod iam;
#[cfg(feature = "cli")]
pub mod kube;
#[cfg(feature = "cli")]
pub mod mappings;
pub mod naming;
pub mod observed;
#[cfg(feature = "cli")]
pub mod oidc;
pub mod permissions;
pub mod plan;
pub mod policy;
pub mod redact;
#[cfg(feature = "cli")]
pub mod thumbprint;
pub mod trust;
pub mod wellknown;
