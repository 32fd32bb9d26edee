//! eksiam: the IAM side of Amazon EKS, as one pipeline —
//! input → desired state → observed state → plan → apply (`app` runs it).
//!
//! The pure core (`config`, `desired`, `observed`, `rules`, `kinds`' plans, `plan`) does no
//! I/O; the adapters (`aws`, `kube`, `thumbprint`) and the executor (`exec`) are behind the
//! `cli` feature.

#[cfg(feature = "cli")]
pub mod app;
#[cfg(feature = "cli")]
pub mod aws;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod desired;
pub mod error;
#[cfg(feature = "cli")]
pub mod exec;
pub mod kinds;
#[cfg(feature = "cli")]
pub mod kube;
pub mod observed;
pub mod permissions;
pub mod plan;
pub mod redact;
pub mod rules;
#[cfg(feature = "cli")]
pub mod thumbprint;
pub mod verbosity;
