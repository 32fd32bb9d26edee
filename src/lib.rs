//! eksiam: the IAM side of Amazon EKS, as one pipeline —
//! input → desired state → observed state → plan → apply.
//!
//! The pure core (`config`, `desired`, `trust`, `policy`, `authmap`, `plan`) does no I/O.

#[cfg(feature = "cli")]
pub mod app;
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
#[cfg(feature = "cli")]
pub mod exec;
pub mod filter;
#[cfg(feature = "cli")]
pub mod iam;
pub mod kinds;
#[cfg(feature = "cli")]
pub mod kube;
pub mod naming;
pub mod observed;
pub mod permissions;
pub mod plan;
pub mod policy;
pub mod redact;
#[cfg(feature = "cli")]
pub mod thumbprint;
pub mod trust;
pub mod wellknown;
