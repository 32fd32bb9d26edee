//! The pure domain rules: trust policies, policy comparison, ARNs, role naming, eksctl's
//! well-known policies, aws-auth's format and the `--include`/`--exclude` selection. No I/O.

pub mod access_view;
pub mod arn;
pub mod authmap;
pub mod filter;
pub mod kube2iam;
pub mod lockout;
pub mod migrate;
pub mod namespace_roles;
pub mod naming;
pub mod policy;
pub mod self_service;
pub mod trust;
pub mod wellknown;
