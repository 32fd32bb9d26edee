//! eksiam: the IAM side of Amazon EKS, as one pipeline —
//! input → desired state → observed state → plan → apply.
//!
//! The pure core (`config`, `desired`, `trust`, `policy`, `authmap`, `plan`) does no I/O.

pub mod apply;
pub mod arn;
pub mod authmap;
pub mod aws;
pub mod cli;
pub mod config;
pub mod desired;
pub mod eks_token;
pub mod error;
pub mod filter;
pub mod iam;
pub mod kube;
pub mod mappings;
pub mod naming;
pub mod observed;
pub mod oidc;
pub mod plan;
pub mod policy;
pub mod thumbprint;
pub mod trust;
pub mod wellknown;
