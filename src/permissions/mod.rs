//! The permissions eksiam's own identity needs: the IAM policy (`eksiam iam-policy`) and the
//! Kubernetes RBAC rules (`eksiam rbac`), either broad (every resource of a kind, for the
//! commands asked about) or scoped to exactly what one ClusterConfig names.
//!
//! Pure data and functions: the catalogues below list every AWS call and every Kubernetes
//! verb eksiam makes, with the commands that make them. They are kept true by
//! `tests/permissions.rs`, which runs each command with only the printed permissions and with
//! each IAM action taken away.

pub mod iam;
pub mod rbac;

/// A command of eksiam that calls AWS or Kubernetes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Command {
    Plan,
    Apply,
    AssociateIamOidcProvider,
    CreateIamserviceaccount,
    GetIamserviceaccount,
    UpdateIamserviceaccount,
    DeleteIamserviceaccount,
    CreateIamidentitymapping,
    GetIamidentitymapping,
    DeleteIamidentitymapping,
    CreateAccessentry,
    GetAccessentry,
    DeleteAccessentry,
    MigrateToAccessEntry,
    GetAccess,
    Explain,
    CreatePodidentityassociation,
    GetPodidentityassociation,
    UpdatePodidentityassociation,
    DeletePodidentityassociation,
    MigrateToPodIdentity,
    MigrateKube2iam,
    Reconcile,
}

use Command::{
    Apply, AssociateIamOidcProvider, CreateAccessentry, CreateIamidentitymapping,
    CreateIamserviceaccount, CreatePodidentityassociation, DeleteAccessentry,
    DeleteIamidentitymapping, DeleteIamserviceaccount, DeletePodidentityassociation, Explain,
    GetAccess, GetAccessentry, GetIamidentitymapping, GetIamserviceaccount,
    GetPodidentityassociation, MigrateKube2iam, MigrateToAccessEntry, MigrateToPodIdentity, Plan,
    Reconcile, UpdateIamserviceaccount, UpdatePodidentityassociation,
};

impl Command {
    /// Every command that needs a permission, in the order the tables list them.
    pub const ALL: [Command; 23] = [
        Plan,
        Apply,
        AssociateIamOidcProvider,
        CreateIamserviceaccount,
        GetIamserviceaccount,
        UpdateIamserviceaccount,
        DeleteIamserviceaccount,
        CreateIamidentitymapping,
        GetIamidentitymapping,
        DeleteIamidentitymapping,
        CreateAccessentry,
        GetAccessentry,
        DeleteAccessentry,
        MigrateToAccessEntry,
        GetAccess,
        Explain,
        CreatePodidentityassociation,
        GetPodidentityassociation,
        UpdatePodidentityassociation,
        DeletePodidentityassociation,
        MigrateToPodIdentity,
        MigrateKube2iam,
        Reconcile,
    ];

    /// The command as typed after `eksiam`.
    pub fn name(self) -> &'static str {
        match self {
            Plan => "plan",
            Apply => "apply",
            AssociateIamOidcProvider => "utils associate-iam-oidc-provider",
            CreateIamserviceaccount => "create iamserviceaccount",
            GetIamserviceaccount => "get iamserviceaccount",
            UpdateIamserviceaccount => "update iamserviceaccount",
            DeleteIamserviceaccount => "delete iamserviceaccount",
            CreateIamidentitymapping => "create iamidentitymapping",
            GetIamidentitymapping => "get iamidentitymapping",
            DeleteIamidentitymapping => "delete iamidentitymapping",
            CreateAccessentry => "create accessentry",
            GetAccessentry => "get accessentry",
            DeleteAccessentry => "delete accessentry",
            MigrateToAccessEntry => "utils migrate-to-access-entry",
            GetAccess => "get access",
            Explain => "explain",
            CreatePodidentityassociation => "create podidentityassociation",
            GetPodidentityassociation => "get podidentityassociation",
            UpdatePodidentityassociation => "update podidentityassociation",
            DeletePodidentityassociation => "delete podidentityassociation",
            MigrateToPodIdentity => "utils migrate-to-pod-identity",
            MigrateKube2iam => "migrate kube2iam",
            Reconcile => "reconcile",
        }
    }

    /// Reads a command name: words separated by blanks (`create iamserviceaccount`), with or
    /// without `utils` before `associate-iam-oidc-provider`.
    ///
    /// # Errors
    /// An unknown name, with the list of known ones.
    pub fn parse(text: &str) -> Result<Command, String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let words = match words.as_slice() {
            ["associate-iam-oidc-provider"] => vec!["utils", "associate-iam-oidc-provider"],
            ["migrate-to-access-entry"] => vec!["utils", "migrate-to-access-entry"],
            ["migrate-to-pod-identity"] => vec!["utils", "migrate-to-pod-identity"],
            _ => words,
        };
        let wanted = words.join(" ");
        Command::ALL
            .into_iter()
            .find(|c| c.name() == wanted)
            .ok_or_else(|| {
                let known: Vec<String> = Command::ALL
                    .iter()
                    .map(|c| format!("`{}`", c.name()))
                    .collect();
                format!(
                    "not a command that calls AWS or Kubernetes; one of {}",
                    known.join(", ")
                )
            })
    }
}

/// Writes `commands` as a Markdown cell: `` `plan`, `apply` ``, or "every command".
fn command_list(commands: &[Command]) -> String {
    if Command::ALL.iter().all(|c| commands.contains(c)) {
        return "every command".to_owned();
    }
    commands
        .iter()
        .map(|c| format!("`{}`", c.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_round_trip() {
        for c in Command::ALL {
            assert_eq!(Command::parse(c.name()), Ok(c));
        }
        assert_eq!(
            Command::parse("  create   iamserviceaccount "),
            Ok(CreateIamserviceaccount)
        );
        assert_eq!(
            Command::parse("associate-iam-oidc-provider"),
            Ok(AssociateIamOidcProvider)
        );
        let err = Command::parse("thumbprint").unwrap_err();
        assert!(err.contains("`create iamserviceaccount`"), "{err}");
    }
}
