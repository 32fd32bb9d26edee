//! The pipeline's paths on in-memory fakes of the AWS and Kubernetes adapters: what is
//! observed, what is written and in which order, what a failure half-way leaves, and that a
//! re-run converges. The real servers are exercised by the integration tests.

use super::*;
use crate::aws::{AwsError, ClusterDescription, IamApi, NewOidcProvider, OidcApi};
use crate::kube::{AwsAuthObject, WriteError};
use crate::observed::{ObservedOidcProvider, ObservedRole, ObservedServiceAccount};
use crate::rules::authmap::Subject;
use crate::rules::trust::Issuer;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

const ACCOUNT: &str = "111122223333";
const ISSUER: &str = "https://oidc.eks.us-west-2.amazonaws.com/id/ABC";
const CALLER: &str = "arn:aws:sts::111122223333:assumed-role/ci/session";

/// One account and one cluster, shared by both fakes; every call is logged.
#[derive(Default)]
struct World {
    roles: BTreeMap<String, ObservedRole>,
    providers: BTreeMap<String, ObservedOidcProvider>,
    aws_auth: AwsAuthObject,
    namespaces: BTreeSet<String>,
    /// Role-restricting annotations by namespace.
    namespace_annotations: BTreeMap<String, BTreeMap<String, String>>,
    service_accounts: BTreeMap<(String, String), ObservedServiceAccount>,
    calls: Vec<String>,
    /// Calls (as logged) that fail with AccessDenied.
    denied: BTreeSet<String>,
    /// How many aws-auth writes answer 409 before one lands.
    conflicts: u32,
    /// A DescribeCluster that fails.
    no_cluster: bool,
    /// Access entries that appear (another writer) when the cluster's entries are listed.
    appearing: BTreeMap<String, crate::observed::ObservedAccessEntry>,
    access_entries: BTreeMap<String, crate::observed::ObservedAccessEntry>,
    authentication_mode: Option<String>,
    /// The authentication mode's update ends `Failed`.
    mode_update_fails: bool,
    /// Pod Identity associations by (namespace, ServiceAccount).
    pod_identities: BTreeMap<(String, String), crate::observed::ObservedPodIdentity>,
    /// Associations that appear (another writer) when the cluster's associations are listed.
    appearing_pod_identities: BTreeMap<(String, String), crate::observed::ObservedPodIdentity>,
    /// The cluster has the Pod Identity agent add-on.
    agent: bool,
    /// Roles the account listing shows as they were before a write (it lags one).
    listing_lags: BTreeMap<String, ObservedRole>,
}

#[derive(Clone, Default)]
struct Fake(Arc<Mutex<World>>);

impl Fake {
    fn world(&self) -> std::sync::MutexGuard<'_, World> {
        self.0.lock().unwrap()
    }

    /// Logs a call; fails it when it is denied.
    fn call(&self, call: String) -> Result<(), AwsError> {
        let mut w = self.world();
        w.calls.push(call.clone());
        if w.denied.contains(&call) {
            return Err(AwsError {
                operation: "Fake",
                resource: call,
                code: Some("AccessDenied".into()),
                message: "denied".into(),
                hint: None,
            });
        }
        Ok(())
    }

    fn calls(&self) -> Vec<String> {
        std::mem::take(&mut self.world().calls)
    }

    fn writes(&self) -> Vec<String> {
        const READS: &[&str] = &["Describe", "Get", "List", "read ", "caller"];
        // (DescribeAccessEntry and ListAccessEntries are reads too.)
        self.calls()
            .into_iter()
            .filter(|c| !READS.iter().any(|r| c.starts_with(r)))
            .collect()
    }
}

impl OidcApi for Fake {
    async fn describe_cluster(&self, name: &str) -> Result<ClusterDescription, AwsError> {
        self.call(format!("DescribeCluster {name}"))?;
        if self.world().no_cluster {
            return Err(AwsError {
                operation: "DescribeCluster",
                resource: name.into(),
                code: Some("ResourceNotFoundException".into()),
                message: "no such cluster".into(),
                hint: None,
            });
        }
        Ok(ClusterDescription {
            name: name.into(),
            arn: format!("arn:aws:eks:us-west-2:{ACCOUNT}:cluster/{name}"),
            account: ACCOUNT.into(),
            partition: "aws".into(),
            issuer: Some(Issuer::parse(ISSUER).unwrap()),
            endpoint: None,
            certificate_authority: None,
            authentication_mode: self.world().authentication_mode.clone(),
            bootstrap_admin: Some(true),
        })
    }
    async fn get_oidc_provider(&self, arn: &str) -> Result<Option<ObservedOidcProvider>, AwsError> {
        self.call(format!("GetOpenIDConnectProvider {arn}"))?;
        Ok(self.world().providers.get(arn).cloned())
    }
    async fn create_oidc_provider(&self, p: &NewOidcProvider) -> Result<String, AwsError> {
        self.call(format!("CreateOpenIDConnectProvider {}", p.url))?;
        let arn = Issuer::parse(&p.url).unwrap().provider_arn("aws", ACCOUNT);
        let provider = ObservedOidcProvider {
            arn: arn.clone(),
            client_ids: p.client_ids.clone(),
            thumbprints: p.thumbprints.clone(),
        };
        self.world().providers.insert(arn.clone(), provider);
        Ok(arn)
    }
    async fn update_thumbprints(&self, arn: &str, t: &[String]) -> Result<(), AwsError> {
        self.call(format!("UpdateOpenIDConnectProviderThumbprint {arn}"))?;
        self.world().providers.get_mut(arn).unwrap().thumbprints = t.to_vec();
        Ok(())
    }
    async fn add_client_id(&self, arn: &str, client_id: &str) -> Result<(), AwsError> {
        self.call(format!("AddClientIDToOpenIDConnectProvider {arn}"))?;
        let mut w = self.world();
        w.providers
            .get_mut(arn)
            .unwrap()
            .client_ids
            .push(client_id.into());
        Ok(())
    }
}

impl IamApi for Fake {
    async fn all_roles(&self) -> Result<BTreeMap<String, ObservedRole>, AwsError> {
        self.call("GetAccountAuthorizationDetails".into())?;
        let w = self.world();
        let mut roles = w.roles.clone();
        roles.extend(w.listing_lags.clone());
        Ok(roles)
    }
    async fn role(&self, name: &str) -> Result<Option<ObservedRole>, AwsError> {
        self.call(format!("GetRole {name}"))?;
        Ok(self.world().roles.get(name).cloned())
    }
    async fn create_role(
        &self,
        name: &str,
        trust: &Value,
        boundary: Option<&str>,
        tags: &BTreeMap<String, String>,
    ) -> Result<String, AwsError> {
        self.call(format!("CreateRole {name}"))?;
        let arn = format!("arn:aws:iam::{ACCOUNT}:role/{name}");
        let role = ObservedRole {
            arn: arn.clone(),
            assume_role_policy: trust.clone(),
            managed_policies: Vec::new(),
            inline_policies: BTreeMap::new(),
            permissions_boundary: boundary.map(str::to_owned),
            tags: tags.clone(),
        };
        self.world().roles.insert(name.into(), role);
        Ok(arn)
    }
    async fn update_trust(&self, name: &str, trust: &Value) -> Result<(), AwsError> {
        self.call(format!("UpdateAssumeRolePolicy {name}"))?;
        self.world().roles.get_mut(name).unwrap().assume_role_policy = trust.clone();
        Ok(())
    }
    async fn set_boundary(&self, name: &str, boundary: Option<&str>) -> Result<(), AwsError> {
        self.call(format!("PutRolePermissionsBoundary {name}"))?;
        self.world()
            .roles
            .get_mut(name)
            .unwrap()
            .permissions_boundary = boundary.map(str::to_owned);
        Ok(())
    }
    async fn tag_role(&self, name: &str, tags: &BTreeMap<String, String>) -> Result<(), AwsError> {
        self.call(format!("TagRole {name}"))?;
        let mut w = self.world();
        w.roles.get_mut(name).unwrap().tags.extend(tags.clone());
        Ok(())
    }
    async fn attach(&self, name: &str, policy_arn: &str, attach: bool) -> Result<(), AwsError> {
        let verb = if attach { "Attach" } else { "Detach" };
        self.call(format!("{verb}RolePolicy {name} {policy_arn}"))?;
        let mut w = self.world();
        let policies = &mut w.roles.get_mut(name).unwrap().managed_policies;
        policies.retain(|p| p != policy_arn);
        if attach {
            policies.push(policy_arn.into());
        }
        Ok(())
    }
    async fn put_inline(
        &self,
        name: &str,
        policy_name: &str,
        doc: Option<&Value>,
    ) -> Result<(), AwsError> {
        self.call(format!("PutRolePolicy {name} {policy_name}"))?;
        let mut w = self.world();
        let inline = &mut w.roles.get_mut(name).unwrap().inline_policies;
        match doc {
            Some(d) => inline.insert(policy_name.into(), d.clone()),
            None => inline.remove(policy_name),
        };
        Ok(())
    }
    async fn delete_role(&self, name: &str, _role: &ObservedRole) -> Result<(), AwsError> {
        self.call(format!("DeleteRole {name}"))?;
        self.world().roles.remove(name);
        Ok(())
    }
    async fn caller_arn(&self) -> Result<String, AwsError> {
        self.call("caller".into())?;
        Ok(CALLER.into())
    }
}

impl KubeApi for Fake {
    async fn read_aws_auth(&self) -> Result<AwsAuthObject, CliError> {
        self.call("read aws-auth".into())?;
        Ok(self.world().aws_auth.clone())
    }
    async fn write_aws_auth(&self, obj: &AwsAuthObject) -> Result<(), WriteError> {
        let _ = self.call("write aws-auth".into());
        let mut w = self.world();
        if w.conflicts > 0 {
            w.conflicts -= 1;
            // Someone else wrote: the version moves on.
            let v = w.aws_auth.resource_version.clone().unwrap_or_default();
            w.aws_auth.resource_version = Some(format!("{v}x"));
            return Err(WriteError::Conflict);
        }
        let mut next = obj.clone();
        next.resource_version = Some(format!(
            "{}1",
            obj.resource_version.clone().unwrap_or_default()
        ));
        w.aws_auth = next;
        Ok(())
    }
    async fn namespaces(&self) -> Result<crate::kube::Namespaces, CliError> {
        self.call("List namespaces".into())?;
        let w = self.world();
        Ok(w.namespaces
            .iter()
            .map(|n| {
                let a = w.namespace_annotations.get(n).cloned().unwrap_or_default();
                (n.clone(), a)
            })
            .collect())
    }
    async fn service_accounts(
        &self,
        namespaces: &[String],
    ) -> Result<BTreeMap<(String, String), ObservedServiceAccount>, CliError> {
        self.call("List serviceaccounts".into())?;
        let w = self.world();
        Ok(w.service_accounts
            .iter()
            .filter(|((ns, _), _)| namespaces.contains(ns))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }
    async fn create_namespace(
        &self,
        name: &str,
        _: &BTreeMap<String, String>,
    ) -> Result<(), CliError> {
        self.call(format!("create namespace {name}"))?;
        self.world().namespaces.insert(name.into());
        Ok(())
    }
    async fn create_service_account(
        &self,
        ns: &str,
        name: &str,
        labels: &BTreeMap<String, String>,
        annotations: &BTreeMap<String, String>,
    ) -> Result<(), CliError> {
        self.call(format!("create serviceaccount {ns}/{name}"))?;
        let sa = ObservedServiceAccount {
            labels: labels.clone(),
            annotations: annotations.clone(),
        };
        self.world()
            .service_accounts
            .insert((ns.into(), name.into()), sa);
        Ok(())
    }
    async fn patch_service_account(
        &self,
        ns: &str,
        name: &str,
        labels: &BTreeMap<String, Option<String>>,
        annotations: &BTreeMap<String, Option<String>>,
    ) -> Result<(), CliError> {
        self.call(format!("patch serviceaccount {ns}/{name}"))?;
        let mut w = self.world();
        let sa = w
            .service_accounts
            .get_mut(&(ns.into(), name.into()))
            .unwrap();
        for (map, patch) in [(&mut sa.labels, labels), (&mut sa.annotations, annotations)] {
            for (k, v) in patch {
                match v {
                    Some(v) => map.insert(k.clone(), v.clone()),
                    None => map.remove(k),
                };
            }
        }
        Ok(())
    }
    async fn delete_service_account(&self, ns: &str, name: &str) -> Result<(), CliError> {
        self.call(format!("delete serviceaccount {ns}/{name}"))?;
        self.world()
            .service_accounts
            .remove(&(ns.into(), name.into()));
        Ok(())
    }
}

impl crate::aws::eks_pod_identity::PodIdentityApi for Fake {
    async fn list_pod_identities(
        &self,
        cluster: &str,
    ) -> Result<Vec<crate::aws::eks_pod_identity::AssociationSummary>, AwsError> {
        self.call(format!("ListPodIdentityAssociations {cluster}"))?;
        let mut w = self.world();
        let listed = w
            .pod_identities
            .iter()
            .map(
                |((ns, sa), a)| crate::aws::eks_pod_identity::AssociationSummary {
                    namespace: ns.clone(),
                    service_account: sa.clone(),
                    id: a.id.clone(),
                },
            )
            .collect();
        let appearing = std::mem::take(&mut w.appearing_pod_identities);
        w.pod_identities.extend(appearing);
        Ok(listed)
    }
    async fn pod_identity(
        &self,
        _: &str,
        id: &str,
    ) -> Result<Option<crate::observed::ObservedPodIdentity>, AwsError> {
        self.call(format!("DescribePodIdentityAssociation {id}"))?;
        Ok(self
            .world()
            .pod_identities
            .values()
            .find(|a| a.id == id)
            .cloned())
    }
    async fn create_pod_identity(
        &self,
        _: &str,
        ns: &str,
        sa: &str,
        spec: &crate::aws::eks_pod_identity::AssociationSpec<'_>,
        tags: &BTreeMap<String, String>,
    ) -> Result<(), AwsError> {
        self.call(format!("CreatePodIdentityAssociation {ns}/{sa}"))?;
        let key = (ns.to_owned(), sa.to_owned());
        if self.world().pod_identities.contains_key(&key) {
            return Err(AwsError {
                operation: "CreatePodIdentityAssociation",
                resource: format!("{ns}/{sa}"),
                code: Some("ResourceInUseException".into()),
                message: "exists".into(),
                hint: None,
            });
        }
        let a = crate::observed::ObservedPodIdentity {
            id: format!("a-{ns}-{sa}"),
            role_arn: spec.role_arn.into(),
            target_role_arn: spec.target_role_arn.map(str::to_owned),
            disable_session_tags: spec.disable_session_tags,
            session_policy: spec
                .session_policy
                .as_deref()
                .map(|p| serde_json::from_str(p).unwrap()),
            tags: tags.clone(),
            owner_arn: None,
        };
        self.world().pod_identities.insert(key, a);
        Ok(())
    }
    async fn update_pod_identity(
        &self,
        _: &str,
        id: &str,
        spec: &crate::aws::eks_pod_identity::AssociationSpec<'_>,
    ) -> Result<(), AwsError> {
        self.call(format!("UpdatePodIdentityAssociation {id}"))?;
        let mut w = self.world();
        let a = w
            .pod_identities
            .values_mut()
            .find(|a| a.id == id)
            .expect("updated association exists");
        a.role_arn = spec.role_arn.into();
        a.disable_session_tags = spec.disable_session_tags;
        if let Some(t) = spec.target_role_arn {
            a.target_role_arn = Some(t.into());
        }
        if let Some(p) = &spec.session_policy {
            a.session_policy = Some(serde_json::from_str(p).unwrap());
        }
        Ok(())
    }
    async fn delete_pod_identity(&self, _: &str, id: &str) -> Result<(), AwsError> {
        self.call(format!("DeletePodIdentityAssociation {id}"))?;
        self.world().pod_identities.retain(|_, a| a.id != id);
        Ok(())
    }
    async fn has_addon(&self, _: &str, name: &str) -> Result<bool, AwsError> {
        self.call(format!("DescribeAddon {name}"))?;
        Ok(self.world().agent)
    }
    async fn create_addon(
        &self,
        _: &str,
        name: &str,
        _: &BTreeMap<String, String>,
    ) -> Result<(), AwsError> {
        self.call(format!("CreateAddon {name}"))?;
        self.world().agent = true;
        Ok(())
    }
}

impl crate::aws::eks_access::EksAccessApi for Fake {
    async fn update_authentication_mode(
        &self,
        _: &str,
        mode: &str,
    ) -> Result<Option<String>, AwsError> {
        self.call(format!("UpdateClusterConfig {mode}"))?;
        self.set_mode(mode);
        Ok(Some("u-1".into()))
    }
    async fn update_status(&self, _: &str, id: &str) -> Result<(String, Vec<String>), AwsError> {
        self.call(format!("DescribeUpdate {id}"))?;
        if self.world().mode_update_fails {
            return Ok(("Failed".into(), vec!["the cluster is not ready".into()]));
        }
        Ok(("Successful".into(), Vec::new()))
    }
    async fn list_access_entries(&self, cluster: &str) -> Result<Vec<String>, AwsError> {
        self.call(format!("ListAccessEntries {cluster}"))?;
        let mut w = self.world();
        let listed = w.access_entries.keys().cloned().collect();
        let appearing = std::mem::take(&mut w.appearing);
        w.access_entries.extend(appearing);
        Ok(listed)
    }
    async fn access_entry(
        &self,
        _: &str,
        principal: &str,
    ) -> Result<Option<crate::observed::ObservedAccessEntry>, AwsError> {
        self.call(format!("DescribeAccessEntry {principal}"))?;
        Ok(self.world().access_entries.get(principal).cloned())
    }
    async fn create_access_entry(
        &self,
        _: &str,
        e: &crate::aws::eks_access::NewAccessEntry<'_>,
    ) -> Result<(), AwsError> {
        self.call(format!("CreateAccessEntry {}", e.principal))?;
        if self.world().access_entries.contains_key(e.principal) {
            return Err(AwsError {
                operation: "CreateAccessEntry",
                resource: e.principal.into(),
                code: Some("ResourceInUseException".into()),
                message: "exists".into(),
                hint: None,
            });
        }
        let entry = crate::observed::ObservedAccessEntry {
            entry_type: e.entry_type.into(),
            groups: e.groups.to_vec(),
            username: e.username.map(str::to_owned),
            tags: e.tags.clone(),
            policies: BTreeMap::new(),
        };
        self.world()
            .access_entries
            .insert(e.principal.into(), entry);
        Ok(())
    }
    async fn update_access_entry(
        &self,
        _: &str,
        principal: &str,
        groups: Option<&[String]>,
        username: Option<&str>,
    ) -> Result<(), AwsError> {
        self.call(format!("UpdateAccessEntry {principal}"))?;
        let mut w = self.world();
        let e = w.access_entries.get_mut(principal).unwrap();
        if let Some(g) = groups {
            e.groups = g.to_vec();
        }
        if let Some(u) = username {
            e.username = Some(u.into());
        }
        Ok(())
    }
    async fn delete_access_entry(&self, _: &str, principal: &str) -> Result<(), AwsError> {
        self.call(format!("DeleteAccessEntry {principal}"))?;
        self.world().access_entries.remove(principal);
        Ok(())
    }
    async fn associate_access_policy(
        &self,
        _: &str,
        principal: &str,
        policy_arn: &str,
        scope: &crate::desired::AccessScope,
    ) -> Result<(), AwsError> {
        self.call(format!("AssociateAccessPolicy {principal} {policy_arn}"))?;
        let mut w = self.world();
        let e = w.access_entries.get_mut(principal).unwrap();
        e.policies.insert(policy_arn.into(), scope.clone());
        Ok(())
    }
    async fn disassociate_access_policy(
        &self,
        _: &str,
        principal: &str,
        policy_arn: &str,
    ) -> Result<(), AwsError> {
        self.call(format!("DisassociateAccessPolicy {principal} {policy_arn}"))?;
        let mut w = self.world();
        w.access_entries
            .get_mut(principal)
            .unwrap()
            .policies
            .remove(policy_arn);
        Ok(())
    }
}

impl Fake {
    fn set_mode(&self, mode: &str) {
        self.world().authentication_mode = Some(mode.into());
    }
}

impl Connect for Fake {
    type Aws = Fake;
    type Kube = Fake;
    async fn aws(&self, _: Option<&str>) -> Result<Fake, CliError> {
        Ok(self.clone())
    }
    async fn kube(&self, _: &str, _: Option<&str>) -> Result<Fake, CliError> {
        Ok(self.clone())
    }
}

fn fake() -> Fake {
    let f = Fake::default();
    f.world().namespaces = crate::observed::BUILTIN_NAMESPACES
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    f.world().aws_auth = AwsAuthObject::new(
        BTreeMap::from([(
            "mapRoles".to_owned(),
            "- rolearn: arn:aws:iam::111122223333:role/node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:nodes]\n".to_owned(),
        )]),
        BTreeMap::new(),
        Some("1".into()),
    );
    f
}

const FILE: &str = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {name: reader, namespace: apps}
      attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]
    - metadata: {name: writer, namespace: jobs}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3FullAccess]
iamIdentityMappings:
  - arn: arn:aws:iam::111122223333:role/admin
    username: admin
    groups: [system:masters]
";

fn desired(yaml: &str) -> Desired {
    let loaded = crate::config::load_str("t.yaml", yaml.to_owned())
        .map_err(|e| e.render())
        .unwrap();
    Desired::from_config(&loaded.config, None)
}

fn settings(apply: bool) -> Settings {
    Settings {
        thumbprint: Some(ThumbprintSource::Given("a".repeat(40))),
        apply,
        concurrency: 4,
        quiet: true,
        // One folder for every run: the backups' names are unique.
        backup_dir: std::env::temp_dir().join("eksiam-app-tests"),
        ..Settings::default()
    }
}

/// Runs the pipeline; returns the plan shown (if any) and the result.
fn run_on(
    f: &Fake,
    desired: Desired,
    opts: &DiffOptions,
    apply: bool,
) -> (Option<Plan>, Result<Plan, CliError>) {
    let shown = std::cell::RefCell::new(None);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let result = rt.block_on(run(f, &settings(apply), desired, opts, Vec::new(), |p| {
        *shown.borrow_mut() = Some(p.clone());
        Ok(())
    }));
    (shown.into_inner(), result)
}

fn position(calls: &[String], call: &str) -> usize {
    calls
        .iter()
        .position(|c| c == call)
        .unwrap_or_else(|| panic!("{call} was not made: {calls:#?}"))
}

#[test]
fn a_fresh_apply_writes_in_dependency_order_and_a_rerun_writes_nothing() {
    let f = fake();
    let (_, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    result.unwrap();
    let writes = f.writes();
    let provider = position(&writes, &format!("CreateOpenIDConnectProvider {ISSUER}"));
    let role = position(&writes, "CreateRole prod-apps-reader");
    let attach = position(
        &writes,
        "AttachRolePolicy prod-apps-reader arn:aws:iam::aws:policy/ReadOnlyAccess",
    );
    let ns = position(&writes, "create namespace apps");
    let sa = position(&writes, "create serviceaccount apps/reader");
    assert!(provider < role && role < attach, "{writes:#?}");
    assert!(role < sa && ns < sa, "{writes:#?}");
    assert_eq!(
        writes.iter().filter(|w| *w == "write aws-auth").count(),
        1,
        "all aws-auth entries are one write: {writes:#?}"
    );
    let annotations = f.world().service_accounts[&("apps".into(), "reader".into())]
        .annotations
        .clone();
    assert_eq!(
        annotations[crate::desired::ROLE_ARN_ANNOTATION],
        format!("arn:aws:iam::{ACCOUNT}:role/prod-apps-reader")
    );

    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    assert!(!result.unwrap().has_changes());
    assert!(!shown.unwrap().has_changes());
    assert_eq!(f.writes(), Vec::<String>::new());
}

#[test]
fn a_failure_half_way_stops_only_what_depends_on_it_reports_what_was_done_and_a_rerun_converges() {
    let f = fake();
    f.world()
        .denied
        .insert("CreateRole prod-jobs-writer".into());
    let (_, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    let err = result.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Remote);
    assert!(
        err.message
            .starts_with("1 action(s) failed:\n  - iam-role/prod-jobs-writer:"),
        "{}",
        err.message
    );
    assert!(err.message.contains("\ndone:\n"), "{}", err.message);
    let writes = f.writes();
    assert!(
        !writes
            .iter()
            .any(|w| w.contains("prod-jobs-writer") && !w.starts_with("CreateRole")),
        "nothing of the failed role ran after it: {writes:#?}"
    );
    assert!(
        !writes.contains(&"create serviceaccount jobs/writer".to_owned()),
        "{writes:#?}"
    );
    // Everything that does not depend on the failed role is done: one ServiceAccount's failure
    // does not hold back another's, nor aws-auth.
    for independent in [
        "AttachRolePolicy prod-apps-reader arn:aws:iam::aws:policy/ReadOnlyAccess",
        "create serviceaccount apps/reader",
        "write aws-auth",
    ] {
        assert!(
            writes.contains(&independent.to_owned()),
            "{independent}: {writes:#?}"
        );
    }
    assert!(
        err.message.contains("serviceaccount/jobs/writer (create)"),
        "what was not started is listed: {}",
        err.message
    );

    f.world().denied.clear();
    let (_, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    result.unwrap();
    assert!(
        f.writes()
            .contains(&"create serviceaccount jobs/writer".to_owned())
    );
    let (_, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    assert!(!result.unwrap().has_changes());
}

#[test]
fn an_observe_failure_shows_no_plan_and_writes_nothing() {
    let f = fake();
    f.world().no_cluster = true;
    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    let err = result.unwrap_err();
    assert!(
        err.message.contains("ResourceNotFoundException"),
        "{}",
        err.message
    );
    assert!(shown.is_none());
    assert_eq!(f.writes(), Vec::<String>::new());
}

#[test]
fn a_plan_with_conflicts_is_shown_refused_and_nothing_is_written() {
    let f = fake();
    let unowned = ObservedRole {
        arn: format!("arn:aws:iam::{ACCOUNT}:role/prod-apps-reader"),
        assume_role_policy: serde_json::json!({"Version": "2012-10-17", "Statement": []}),
        managed_policies: Vec::new(),
        inline_policies: BTreeMap::new(),
        permissions_boundary: None,
        tags: BTreeMap::new(),
    };
    f.world().roles.insert("prod-apps-reader".into(), unowned);
    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    let err = result.unwrap_err();
    assert!(
        err.message.starts_with("the plan cannot be applied"),
        "{}",
        err.message
    );
    assert_eq!(shown.unwrap().conflicts.len(), 1);
    assert_eq!(f.writes(), Vec::<String>::new());
}

#[test]
fn a_provider_the_new_trusts_need_is_checked_only_when_a_trust_is_written() {
    let file = FILE.replace("withOIDC: true", "withOIDC: false");
    let f = fake();
    let provider_reads = |calls: &[String]| {
        calls
            .iter()
            .filter(|c| c.starts_with("GetOpenIDConnectProvider"))
            .count()
    };
    // The roles are new and the provider is missing: said, before IAM refuses their trusts.
    let (shown, _) = run_on(&f, desired(&file), &DiffOptions::default(), false);
    let warnings = shown.unwrap().warnings;
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("which does not exist, and this run does not create it")),
        "{warnings:?}"
    );
    assert_eq!(provider_reads(&f.calls()), 1);
    // Reading it is denied: only a check, so the run goes on without it.
    let arn = Issuer::parse(ISSUER).unwrap().provider_arn("aws", ACCOUNT);
    f.world()
        .denied
        .insert(format!("GetOpenIDConnectProvider {arn}"));
    let (shown, result) = run_on(&f, desired(&file), &DiffOptions::default(), false);
    result.unwrap();
    assert!(
        !shown
            .unwrap()
            .warnings
            .iter()
            .any(|w| w.contains("does not exist"))
    );
    f.world().denied.clear();
    f.calls();
    // It exists (made by another run), and a new role trusts it: read, nothing to say.
    run_on(&f, desired(FILE), &DiffOptions::default(), true)
        .1
        .unwrap();
    f.calls();
    let more = file.replace(
        "    - metadata: {name: writer, namespace: jobs}",
        "    - metadata: {name: extra, namespace: jobs}\n      attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n    - metadata: {name: writer, namespace: jobs}",
    );
    let (shown, _) = run_on(&f, desired(&more), &DiffOptions::default(), false);
    let shown = shown.unwrap();
    assert!(shown.has_changes());
    assert!(!shown.warnings.iter().any(|w| w.contains("does not exist")));
    assert_eq!(provider_reads(&f.calls()), 1);
    // Converged: no trust is written, and the provider is not read.
    let (shown, result) = run_on(&f, desired(&file), &DiffOptions::default(), true);
    result.unwrap();
    assert!(!shown.unwrap().has_changes());
    assert_eq!(provider_reads(&f.calls()), 0);
}

#[test]
fn a_change_only_the_account_listing_shows_is_read_again_before_it_is_planned() {
    let f = fake();
    run_on(&f, desired(FILE), &DiffOptions::default(), true)
        .1
        .unwrap();
    f.calls();
    // Converged: the listing shows no change, and no role is read again.
    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    result.unwrap();
    assert!(!shown.unwrap().has_changes());
    let calls = f.calls();
    assert!(
        !calls.iter().any(|c| c.starts_with("GetRole")),
        "{calls:#?}"
    );

    // The listing lags: it shows the reader's role without its policy and with another
    // trust. A direct read says it is as wanted: nothing is planned or written.
    let mut stale = f.world().roles["prod-apps-reader"].clone();
    stale.managed_policies.clear();
    stale.assume_role_policy = serde_json::json!({"Version": "2012-10-17", "Statement": []});
    f.world()
        .listing_lags
        .insert("prod-apps-reader".into(), stale);
    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    result.unwrap();
    assert!(!shown.unwrap().has_changes());
    let calls = f.calls();
    let rereads: Vec<&String> = calls.iter().filter(|c| c.starts_with("GetRole")).collect();
    assert_eq!(rereads, ["GetRole prod-apps-reader"], "{calls:#?}");
    assert!(
        !calls
            .iter()
            .any(|c| c.starts_with("Attach") || c.starts_with("Update")),
        "{calls:#?}"
    );

    // Reading the role is denied: the listing's view stands, said in a warning.
    f.world().denied.insert("GetRole prod-apps-reader".into());
    let (shown, _) = run_on(&f, desired(FILE), &DiffOptions::default(), false);
    let shown = shown.unwrap();
    assert!(shown.has_changes());
    assert!(
        shown
            .warnings
            .iter()
            .any(|w| w.contains("prod-apps-reader are planned from the account listing alone")),
        "{:?}",
        shown.warnings
    );
    f.world().denied.clear();

    // A change the direct read confirms is planned and made.
    f.world().listing_lags.clear();
    f.world()
        .roles
        .get_mut("prod-apps-reader")
        .unwrap()
        .managed_policies
        .clear();
    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    result.unwrap();
    assert!(shown.unwrap().has_changes());
    assert_eq!(
        f.world().roles["prod-apps-reader"].managed_policies,
        ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    );
}

#[test]
fn the_lockout_probe_asks_who_runs_only_when_entries_are_removed_and_protects_that_identity() {
    let f = fake();
    run_on(&f, desired(FILE), &DiffOptions::default(), true)
        .1
        .unwrap();
    assert!(!f.calls().contains(&"caller".to_owned()));

    // The caller's own mapping is the one being removed.
    let mut d = Desired::empty("prod", Some("us-west-2"));
    d.absent_mappings = vec![Subject::Role("arn:aws:iam::111122223333:role/ci".into())];
    f.world().aws_auth.data.insert(
        "mapRoles".into(),
        "- rolearn: arn:aws:iam::111122223333:role/node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:nodes]\n- rolearn: arn:aws:iam::111122223333:role/ci\n  username: ci\n  groups: [system:masters]\n".into(),
    );
    let (shown, result) = run_on(&f, d.clone(), &DiffOptions::default(), true);
    assert!(result.is_err());
    let shown = shown.unwrap();
    assert!(
        shown.conflicts[0].contains("the AWS identity eksiam runs as"),
        "{:?}",
        shown.conflicts
    );
    let calls = f.calls();
    assert!(calls.contains(&"caller".to_owned()), "{calls:#?}");
    assert!(!calls.contains(&"write aws-auth".to_owned()));

    let opts = DiffOptions {
        allow_lockout: true,
        ..DiffOptions::default()
    };
    run_on(&f, d, &opts, true).1.unwrap();
    let calls = f.calls();
    assert!(!calls.contains(&"caller".to_owned()), "{calls:#?}");
    assert!(calls.contains(&"write aws-auth".to_owned()));
}

#[test]
fn aws_auth_conflicts_are_retried_on_a_fresh_read() {
    let f = fake();
    f.world().conflicts = 2;
    run_on(&f, desired(FILE), &DiffOptions::default(), true)
        .1
        .unwrap();
    let calls = f.calls();
    assert_eq!(
        calls.iter().filter(|c| *c == "write aws-auth").count(),
        3,
        "{calls:#?}"
    );
    // One read to observe, one after each conflict.
    assert_eq!(
        calls.iter().filter(|c| *c == "read aws-auth").count(),
        3,
        "{calls:#?}"
    );
    assert!(f.world().aws_auth.data["mapRoles"].contains("role/admin"));
    assert!(f.world().aws_auth.data["mapRoles"].contains("role/node"));
}

#[test]
fn prune_under_a_filter_deletes_only_roles_whose_service_accounts_are_all_selected() {
    let f = fake();
    run_on(&f, desired(FILE), &DiffOptions::default(), true)
        .1
        .unwrap();
    f.calls();
    // The file drops both ServiceAccounts; only `apps/*` is selected.
    let empty = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  withOIDC: true
  serviceAccounts: []
";
    let loaded = crate::config::load_str("t.yaml", empty.to_owned()).unwrap();
    let selection = crate::rules::filter::Selection {
        include: vec!["apps/*".into()],
        exclude: Vec::new(),
    };
    let (d, _) = Desired::from_selected(&loaded.config, None, &selection);
    let opts = DiffOptions {
        prune: true,
        ..DiffOptions::default()
    };
    run_on(&f, d, &opts, true).1.unwrap();
    let writes = f.writes();
    assert!(
        writes.contains(&"DeleteRole prod-apps-reader".to_owned()),
        "{writes:#?}"
    );
    assert!(
        writes.contains(&"delete serviceaccount apps/reader".to_owned()),
        "{writes:#?}"
    );
    assert!(!writes.iter().any(|w| w.contains("jobs")), "{writes:#?}");
    assert!(f.world().roles.contains_key("prod-jobs-writer"));
}

#[test]
fn a_dry_run_observes_and_shows_but_writes_nothing() {
    let f = fake();
    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), false);
    assert!(result.unwrap().has_changes());
    assert!(shown.unwrap().has_changes());
    assert_eq!(f.writes(), Vec::<String>::new());
}

const ACCESS: &str = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
accessConfig:
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/viewers
      kubernetesGroups: [viewers]
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy
          accessScope: {type: namespace, namespaces: [apps]}
    - principalARN: arn:aws:iam::111122223333:role/nodes
      type: EC2_LINUX
";

#[test]
fn access_entries_are_created_with_their_policies_after_them_and_a_rerun_writes_nothing() {
    let f = fake();
    run_on(&f, desired(ACCESS), &DiffOptions::default(), true)
        .1
        .unwrap();
    let writes = f.writes();
    let entry = position(
        &writes,
        "CreateAccessEntry arn:aws:iam::111122223333:role/viewers",
    );
    let policy = position(
        &writes,
        "AssociateAccessPolicy arn:aws:iam::111122223333:role/viewers arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
    );
    assert!(entry < policy, "{writes:#?}");
    assert!(writes.contains(&"CreateAccessEntry arn:aws:iam::111122223333:role/nodes".to_owned()));
    let tags = f.world().access_entries["arn:aws:iam::111122223333:role/viewers"]
        .tags
        .clone();
    assert_eq!(tags[crate::desired::TAG_MANAGED_BY], "eksiam");

    let (_, result) = run_on(&f, desired(ACCESS), &DiffOptions::default(), true);
    assert!(!result.unwrap().has_changes());
    let calls = f.calls();
    assert_eq!(
        calls
            .iter()
            .filter(|c| c.starts_with("ListAccessEntries"))
            .count(),
        1,
        "one list, then one description per entry: {calls:#?}"
    );
    assert_eq!(
        calls
            .iter()
            .filter(|c| c.starts_with("DescribeAccessEntry"))
            .count(),
        2
    );
    assert!(f.writes().is_empty());
}

#[test]
fn an_access_entry_eksiam_did_not_make_is_adopted_when_it_matches_and_refused_when_it_differs() {
    let f = fake();
    let theirs = |groups: &[&str]| crate::observed::ObservedAccessEntry {
        entry_type: "STANDARD".into(),
        groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        username: None,
        tags: BTreeMap::new(),
        policies: BTreeMap::from([(
            "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy".to_owned(),
            crate::desired::AccessScope::Namespaces(vec!["apps".into()]),
        )]),
    };
    let file = ACCESS.replace(
        "    - principalARN: arn:aws:iam::111122223333:role/nodes\n      type: EC2_LINUX\n",
        "",
    );
    f.world().access_entries.insert(
        "arn:aws:iam::111122223333:role/viewers".into(),
        theirs(&["viewers"]),
    );
    let (shown, result) = run_on(&f, desired(&file), &DiffOptions::default(), true);
    assert!(!result.unwrap().has_changes(), "{shown:#?}");
    assert!(f.writes().is_empty());

    f.world().access_entries.insert(
        "arn:aws:iam::111122223333:role/viewers".into(),
        theirs(&["admins"]),
    );
    let (shown, result) = run_on(&f, desired(&file), &DiffOptions::default(), true);
    assert!(result.is_err());
    assert!(
        shown.unwrap().conflicts[0].contains("was not created by eksiam"),
        "the entry is not taken over"
    );
    assert!(f.writes().is_empty());
}

#[test]
fn prune_deletes_only_the_access_entries_eksiam_made() {
    let f = fake();
    run_on(&f, desired(ACCESS), &DiffOptions::default(), true)
        .1
        .unwrap();
    let foreign = crate::observed::ObservedAccessEntry {
        entry_type: "STANDARD".into(),
        ..Default::default()
    };
    f.world()
        .access_entries
        .insert("arn:aws:iam::111122223333:role/creator".into(), foreign);
    f.calls();
    let only_nodes = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
accessConfig:
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/nodes
      type: EC2_LINUX
";
    let opts = DiffOptions {
        prune: true,
        ..DiffOptions::default()
    };
    run_on(&f, desired(only_nodes), &opts, true).1.unwrap();
    assert_eq!(
        f.writes(),
        vec!["DeleteAccessEntry arn:aws:iam::111122223333:role/viewers".to_owned()]
    );
    assert!(
        f.world()
            .access_entries
            .contains_key("arn:aws:iam::111122223333:role/creator")
    );
}

#[test]
fn an_access_entry_that_appears_between_plan_and_create_is_adopted_only_when_it_is_the_one_asked_for()
 {
    let same = crate::observed::ObservedAccessEntry {
        entry_type: "EC2_LINUX".into(),
        ..Default::default()
    };
    let file = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
accessConfig:
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/nodes
      type: EC2_LINUX
";
    let f = fake();
    f.world()
        .appearing
        .insert("arn:aws:iam::111122223333:role/nodes".into(), same.clone());
    run_on(&f, desired(file), &DiffOptions::default(), true)
        .1
        .unwrap();

    let f = fake();
    let other = crate::observed::ObservedAccessEntry {
        entry_type: "STANDARD".into(),
        ..same
    };
    f.world()
        .appearing
        .insert("arn:aws:iam::111122223333:role/nodes".into(), other);
    let err = run_on(&f, desired(file), &DiffOptions::default(), true)
        .1
        .unwrap_err();
    assert!(
        err.message.contains("another writer created it meanwhile"),
        "{}",
        err.message
    );
}

#[test]
fn deleting_the_callers_own_access_entry_needs_allow_lockout() {
    let f = fake();
    let ci = "arn:aws:iam::111122223333:role/ci";
    f.world().access_entries.insert(
        ci.into(),
        crate::observed::ObservedAccessEntry {
            entry_type: "STANDARD".into(),
            ..Default::default()
        },
    );
    let mut d = Desired::empty("prod", Some("us-west-2"));
    d.absent_access_entries = vec![ci.into()];
    let (shown, result) = run_on(&f, d.clone(), &DiffOptions::default(), true);
    assert!(result.is_err());
    let conflicts = shown.unwrap().conflicts;
    assert!(
        conflicts[0].contains("the AWS identity eksiam runs as"),
        "{conflicts:?}"
    );
    let calls = f.calls();
    assert!(calls.contains(&"caller".to_owned()), "{calls:#?}");
    assert!(!calls.iter().any(|c| c.starts_with("DeleteAccessEntry")));

    let opts = DiffOptions {
        allow_lockout: true,
        ..DiffOptions::default()
    };
    run_on(&f, d, &opts, true).1.unwrap();
    assert_eq!(f.writes(), vec![format!("DeleteAccessEntry {ci}")]);
}

#[test]
fn the_authentication_mode_moves_only_forward_before_the_entries_and_api_mode_spares_aws_auth_users()
 {
    let file = |mode: &str| {
        format!(
            "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {{name: prod, region: us-west-2}}
accessConfig:
  authenticationMode: {mode}
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/nodes
      type: EC2_LINUX
"
        )
    };
    let f = fake();
    f.set_mode("CONFIG_MAP");
    let (shown, result) = run_on(
        &f,
        desired(&file("API_AND_CONFIG_MAP")),
        &DiffOptions::default(),
        true,
    );
    result.unwrap();
    assert!(
        shown
            .unwrap()
            .warnings
            .iter()
            .any(|w| w.contains("cannot be undone")),
        "the plan says the change is for good"
    );
    let writes = f.writes();
    let mode = position(&writes, "UpdateClusterConfig API_AND_CONFIG_MAP");
    let entry = position(
        &writes,
        "CreateAccessEntry arn:aws:iam::111122223333:role/nodes",
    );
    assert!(mode < entry, "{writes:#?}");

    // Back is refused.
    let (shown, result) = run_on(
        &f,
        desired(&file("CONFIG_MAP")),
        &DiffOptions::default(),
        true,
    );
    assert!(result.is_err());
    assert!(shown.unwrap().conflicts[0].contains("only forward"));
    assert!(f.writes().is_empty());

    // API while aws-auth maps a role without an entry (the node role in `fake`'s aws-auth is
    // `role/node`, not `role/nodes`): refused unless --allow-lockout.
    let (shown, result) = run_on(&f, desired(&file("API")), &DiffOptions::default(), true);
    assert!(result.is_err());
    let conflicts = shown.unwrap().conflicts;
    assert!(
        conflicts[0].contains("`arn:aws:iam::111122223333:role/node`"),
        "{conflicts:?}"
    );
    assert!(f.writes().is_empty());
    let opts = DiffOptions {
        allow_lockout: true,
        ..DiffOptions::default()
    };
    run_on(&f, desired(&file("API")), &opts, true).1.unwrap();
    assert_eq!(f.writes(), vec!["UpdateClusterConfig API".to_owned()]);
}

#[test]
fn a_bootstrap_setting_that_differs_from_the_clusters_is_said_and_changes_nothing() {
    let f = fake();
    let file = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
accessConfig:
  bootstrapClusterCreatorAdminPermissions: false
  accessEntries: []
";
    let (shown, result) = run_on(&f, desired(file), &DiffOptions::default(), true);
    assert!(!result.unwrap().has_changes());
    let warnings = shown.unwrap().warnings;
    assert!(
        warnings.iter().any(|w| w.contains("was created with `bootstrapClusterCreatorAdminPermissions: true`")),
        "{warnings:?}"
    );
    assert!(f.writes().is_empty());
}

#[test]
fn a_failed_mode_update_stops_the_entries_that_need_it() {
    let f = fake();
    f.set_mode("CONFIG_MAP");
    f.world().mode_update_fails = true;
    let file = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
accessConfig:
  authenticationMode: API_AND_CONFIG_MAP
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/nodes
      type: EC2_LINUX
";
    let err = run_on(&f, desired(file), &DiffOptions::default(), true)
        .1
        .unwrap_err();
    assert!(
        err.message
            .contains("ended `Failed`: the cluster is not ready"),
        "{}",
        err.message
    );
    let writes = f.writes();
    assert!(
        !writes.iter().any(|w| w.starts_with("CreateAccessEntry")),
        "{writes:#?}"
    );
}

/// An association for `apps/api` bound to `role`.
fn pod_identity(role: &str) -> crate::desired::DesiredPodIdentity {
    crate::desired::DesiredPodIdentity {
        namespace: "apps".into(),
        service_account: "api".into(),
        role: crate::desired::RoleRef::Existing(role.into()),
        target_role_arn: None,
        disable_session_tags: false,
        session_policy: None,
        create_service_account: false,
        from_irsa: false,
    }
}

#[test]
fn an_association_made_meanwhile_is_adopted_when_it_matches_and_updated_when_not() {
    let role = "arn:aws:iam::111122223333:role/api";
    for (appeared_role, expected) in [
        (role, "exists as asked: adopted"),
        (
            "arn:aws:iam::111122223333:role/other",
            "existed: updated in place",
        ),
    ] {
        let f = fake();
        f.world().agent = true;
        // Another writer makes it between the list and the create.
        f.world().appearing_pod_identities.insert(
            ("apps".into(), "api".into()),
            crate::observed::ObservedPodIdentity {
                id: "a-1".into(),
                role_arn: appeared_role.into(),
                ..Default::default()
            },
        );
        let mut d = Desired::empty("prod", Some("us-west-2"));
        d.pod_identities = vec![pod_identity(role)];
        let (_, result) = run_on(&f, d.clone(), &DiffOptions::default(), true);
        let plan = result.unwrap();
        assert_eq!(plan.summary().create, 1);
        let calls = f.calls();
        assert!(
            calls.contains(&"CreatePodIdentityAssociation apps/api".to_owned()),
            "{calls:#?}"
        );
        assert_eq!(
            f.world().pod_identities[&("apps".to_owned(), "api".to_owned())].role_arn,
            role,
            "{expected}"
        );
        let updated = calls
            .iter()
            .any(|c| c.starts_with("UpdatePodIdentityAssociation"));
        assert_eq!(updated, expected.contains("updated"), "{calls:#?}");
        // The re-run converges: no write.
        let before = f.calls().len();
        let (_, again) = run_on(&f, d, &DiffOptions::default(), true);
        assert!(!again.unwrap().has_changes());
        assert!(
            f.calls()[before..]
                .iter()
                .all(|c| c.starts_with("List") || c.starts_with("Describe")),
            "{:#?}",
            &f.calls()[before..]
        );
    }
}

#[test]
fn dropping_a_target_role_replaces_the_association_and_the_agent_is_installed_when_asked() {
    let role = "arn:aws:iam::111122223333:role/api";
    let f = fake();
    f.world().pod_identities.insert(
        ("apps".into(), "api".into()),
        crate::observed::ObservedPodIdentity {
            id: "a-1".into(),
            role_arn: role.into(),
            target_role_arn: Some("arn:aws:iam::444455556666:role/b".into()),
            ..Default::default()
        },
    );
    let mut d = Desired::empty("prod", Some("us-west-2"));
    d.pod_identities = vec![pod_identity(role)];
    let (shown, _) = run_on(&f, d.clone(), &DiffOptions::default(), false);
    let warnings = shown.unwrap().warnings;
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("eks-pod-identity-agent")),
        "{warnings:?}"
    );
    d.install_agent = true;
    run_on(&f, d.clone(), &DiffOptions::default(), true)
        .1
        .unwrap();
    let calls = f.calls();
    assert!(
        calls.contains(&"CreateAddon eks-pod-identity-agent".to_owned()),
        "{calls:#?}"
    );
    assert!(
        calls.contains(&"DeletePodIdentityAssociation a-1".to_owned()),
        "{calls:#?}"
    );
    let now = f.world().pod_identities[&("apps".to_owned(), "api".to_owned())].clone();
    assert_eq!(now.target_role_arn, None);
    assert_eq!(now.tags[crate::desired::TAG_MANAGED_BY], "eksiam");
    let (_, again) = run_on(&f, d, &DiffOptions::default(), true);
    assert!(!again.unwrap().has_changes());
}

/// A namespace's `eksiam.io/allowed-roles` refuses the plan before it is shown: exit 3,
/// naming the ServiceAccount, the role and the annotation, and nothing is written. Once the
/// namespace allows the role, the same file applies.
#[test]
fn a_role_the_namespace_does_not_allow_is_refused_before_anything_changes() {
    let f = fake();
    f.world().namespaces.insert("apps".into());
    let allow = |patterns: &str| {
        f.world().namespace_annotations.insert(
            "apps".into(),
            BTreeMap::from([(
                crate::rules::namespace_roles::ALLOWED_ROLES.to_owned(),
                patterns.to_owned(),
            )]),
        );
    };
    allow(r#"["apps-*"]"#);
    let (shown, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    let err = result.unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(shown.is_none(), "refused before the plan is shown");
    assert!(
        err.message.contains(&format!(
            "serviceaccount apps/reader (IRSA): namespace `apps` does not allow role `arn:aws:iam::{ACCOUNT}:role/prod-apps-reader`; it allows only `eksiam.io/allowed-roles: [\"apps-*\"]`"
        )),
        "{}",
        err.message
    );
    assert!(!err.message.contains("jobs/writer"), "{}", err.message);
    assert_eq!(f.writes(), Vec::<String>::new());

    allow("not json");
    let (_, result) = run_on(&f, desired(FILE), &DiffOptions::default(), false);
    let err = result.unwrap_err();
    assert!(
        err.message
            .contains("namespace `apps`: `eksiam.io/allowed-roles` must be a JSON list"),
        "{}",
        err.message
    );

    allow(r#"["prod-apps-*"]"#);
    let (_, result) = run_on(&f, desired(FILE), &DiffOptions::default(), true);
    result.unwrap();
    assert!(
        f.writes()
            .contains(&"create serviceaccount apps/reader".to_owned())
    );
}

/// aws-auth with the node role and the caller's own role (`ci`, `system:masters`).
fn with_caller_mapped(f: &Fake) {
    f.world().aws_auth.data.insert(
        "mapRoles".into(),
        "- rolearn: arn:aws:iam::111122223333:role/node\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:nodes]\n- rolearn: arn:aws:iam::111122223333:role/ci\n  username: ci\n  groups: [system:masters]\n".into(),
    );
}

fn mapping(arn: &str, username: &str, groups: &[&str]) -> crate::desired::DesiredMapping {
    crate::desired::DesiredMapping {
        mapping: crate::rules::authmap::Mapping {
            subject: Subject::Role(arn.into()),
            username: Some(username.into()),
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        },
        no_duplicate_arns: false,
    }
}

#[test]
fn an_in_place_edit_that_lowers_the_callers_own_mapping_needs_allow_lockout() {
    let f = fake();
    with_caller_mapped(&f);
    let ci = "arn:aws:iam::111122223333:role/ci";
    let mut d = Desired::empty("prod", Some("us-west-2"));
    d.mappings = vec![mapping(ci, "ci", &["viewers"])];
    let (shown, result) = run_on(&f, d.clone(), &DiffOptions::default(), true);
    assert!(result.is_err());
    let conflicts = shown.unwrap().conflicts;
    assert!(
        conflicts[0].contains("would lower the access of the AWS identity eksiam runs as")
            && conflicts[0].contains("--allow-lockout"),
        "{conflicts:?}"
    );
    let calls = f.calls();
    assert!(calls.contains(&"caller".to_owned()), "{calls:#?}");
    assert!(!calls.contains(&"write aws-auth".to_owned()));

    // A username change lowers too; a group added does not, and needs no caller.
    d.mappings = vec![mapping(ci, "deployer", &["system:masters"])];
    let (shown, _) = run_on(&f, d.clone(), &DiffOptions::default(), true);
    assert_eq!(shown.unwrap().conflicts.len(), 1);
    assert!(f.writes().is_empty());
    d.mappings = vec![mapping(ci, "ci", &["system:masters", "viewers"])];
    run_on(&f, d.clone(), &DiffOptions::default(), true)
        .1
        .unwrap();
    let calls = f.calls();
    assert!(!calls.contains(&"caller".to_owned()), "{calls:#?}");
    assert!(calls.contains(&"write aws-auth".to_owned()));

    // Someone else's groups may change: the caller is asked, and spared.
    let mut other = Desired::empty("prod", Some("us-west-2"));
    other.mappings = vec![mapping(
        "arn:aws:iam::111122223333:role/node",
        "system:node:{{EC2PrivateDNSName}}",
        &["system:bootstrappers"],
    )];
    run_on(&f, other, &DiffOptions::default(), true).1.unwrap();
    let calls = f.calls();
    assert!(calls.contains(&"caller".to_owned()), "{calls:#?}");
    assert!(calls.contains(&"write aws-auth".to_owned()));

    let opts = DiffOptions {
        allow_lockout: true,
        ..DiffOptions::default()
    };
    d.mappings = vec![mapping(ci, "ci", &["viewers"])];
    run_on(&f, d, &opts, true).1.unwrap();
    assert!(f.world().aws_auth.data["mapRoles"].contains("viewers"));
    assert!(!f.world().aws_auth.data["mapRoles"].contains("system:masters"));
}

#[test]
fn a_plan_that_lowers_access_is_refused_when_the_caller_cannot_be_told() {
    let f = fake();
    with_caller_mapped(&f);
    f.world().denied.insert("caller".into());
    let mut d = Desired::empty("prod", Some("us-west-2"));
    d.absent_mappings = vec![Subject::Role("arn:aws:iam::111122223333:role/ci".into())];
    let (shown, result) = run_on(&f, d.clone(), &DiffOptions::default(), true);
    let err = result.unwrap_err();
    assert!(
        err.message.starts_with("the plan cannot be applied"),
        "{}",
        err.message
    );
    let conflicts = shown.unwrap().conflicts;
    assert!(
        conflicts[0].contains("eksiam cannot tell which AWS identity it runs as")
            && conflicts[0].contains("aws-auth-mapping/arn:aws:iam::111122223333:role/ci")
            && conflicts[0].contains("--allow-lockout"),
        "{conflicts:?}"
    );
    assert!(f.writes().is_empty());

    // A plan that lowers nothing does not need the caller.
    let mut add = Desired::empty("prod", Some("us-west-2"));
    add.mappings = vec![mapping(
        "arn:aws:iam::111122223333:role/dev",
        "dev",
        &["devs"],
    )];
    run_on(&f, add, &DiffOptions::default(), true).1.unwrap();
    assert_eq!(f.writes(), vec!["write aws-auth".to_owned()]);

    let opts = DiffOptions {
        allow_lockout: true,
        ..DiffOptions::default()
    };
    run_on(&f, d, &opts, true).1.unwrap();
    assert!(!f.world().aws_auth.data["mapRoles"].contains("role/ci"));
}

#[test]
fn narrowing_the_callers_own_access_entry_needs_allow_lockout() {
    use crate::desired::{AccessScope, DesiredAccessEntry};
    let f = fake();
    let ci = "arn:aws:iam::111122223333:role/ci";
    let admin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    let view = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
    let owned = crate::kinds::access_entry::ownership_tags("prod");
    let entry = |groups: &[&str], policies: &[(&str, AccessScope)]| DesiredAccessEntry {
        principal_arn: ci.into(),
        entry_type: "STANDARD".into(),
        groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        username: None,
        policies: policies
            .iter()
            .map(|(p, s)| ((*p).to_owned(), s.clone()))
            .collect(),
    };
    let reset = || {
        f.world().access_entries = BTreeMap::from([
            (
                ci.to_owned(),
                crate::observed::ObservedAccessEntry {
                    entry_type: "STANDARD".into(),
                    groups: vec!["deployers".into()],
                    tags: owned.clone(),
                    policies: BTreeMap::from([
                        (admin.to_owned(), AccessScope::Cluster),
                        (view.to_owned(), AccessScope::Cluster),
                    ]),
                    ..Default::default()
                },
            ),
            (
                "arn:aws:iam::111122223333:role/platform".to_owned(),
                crate::observed::ObservedAccessEntry {
                    entry_type: "STANDARD".into(),
                    policies: BTreeMap::from([(admin.to_owned(), AccessScope::Cluster)]),
                    ..Default::default()
                },
            ),
        ]);
    };
    let both = [(admin, AccessScope::Cluster), (view, AccessScope::Cluster)];
    let apps = AccessScope::Namespaces(vec!["apps".into()]);
    let cases = [
        // A group taken away.
        entry(&[], &both),
        // The admin policy narrowed to a namespace (another entry stays admin).
        entry(
            &["deployers"],
            &[(admin, apps.clone()), (view, AccessScope::Cluster)],
        ),
        // A policy disassociated.
        entry(&["deployers"], &[(admin, AccessScope::Cluster)]),
    ];
    for case in cases {
        reset();
        let mut d = Desired::empty("prod", Some("us-west-2"));
        d.access_entries = vec![case.clone()];
        let (shown, result) = run_on(&f, d.clone(), &DiffOptions::default(), true);
        assert!(result.is_err(), "{case:?}");
        let conflicts = shown.unwrap().conflicts;
        assert!(
            conflicts
                .iter()
                .any(|c| c.contains("would lower the access of the AWS identity eksiam runs as")),
            "{case:?}: {conflicts:?}"
        );
        let writes = f.writes();
        assert!(writes.is_empty(), "{case:?}: {writes:#?}");
        let opts = DiffOptions {
            allow_lockout: true,
            ..DiffOptions::default()
        };
        run_on(&f, d, &opts, true).1.unwrap();
        assert!(!f.writes().is_empty(), "{case:?}");
    }

    // Widening the caller's access is no lock-out: applied without asking who runs.
    reset();
    let mut d = Desired::empty("prod", Some("us-west-2"));
    d.access_entries = vec![entry(&["deployers", "ops"], &both)];
    run_on(&f, d, &DiffOptions::default(), true).1.unwrap();
    let calls = f.calls();
    assert!(!calls.contains(&"caller".to_owned()), "{calls:#?}");
    assert!(
        calls.contains(&format!("UpdateAccessEntry {ci}")),
        "{calls:#?}"
    );
}

/// A file that moves the cluster to `API` with an entry for every principal of `fake`'s
/// aws-auth and one for `role/dev`.
const TO_API: &str = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
accessConfig:
  authenticationMode: API
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/node
      type: EC2_LINUX
    - principalARN: arn:aws:iam::111122223333:role/dev
      kubernetesGroups: [devs]
";

#[test]
fn the_move_to_api_goes_through_api_and_config_map_and_ends_after_every_entry() {
    let f = fake();
    f.set_mode("CONFIG_MAP");
    run_on(&f, desired(TO_API), &DiffOptions::default(), true)
        .1
        .unwrap();
    let writes = f.writes();
    let waypoint = position(&writes, "UpdateClusterConfig API_AND_CONFIG_MAP");
    let node = position(
        &writes,
        "CreateAccessEntry arn:aws:iam::111122223333:role/node",
    );
    let dev = position(
        &writes,
        "CreateAccessEntry arn:aws:iam::111122223333:role/dev",
    );
    let api = position(&writes, "UpdateClusterConfig API");
    assert!(waypoint < node && waypoint < dev, "{writes:#?}");
    assert!(node < api && dev < api, "{writes:#?}");
    assert_eq!(f.world().authentication_mode.as_deref(), Some("API"));
}

#[test]
fn a_failed_entry_leaves_the_cluster_at_api_and_config_map_and_says_so() {
    let f = fake();
    f.set_mode("CONFIG_MAP");
    f.world()
        .denied
        .insert("CreateAccessEntry arn:aws:iam::111122223333:role/dev".into());
    let err = run_on(&f, desired(TO_API), &DiffOptions::default(), true)
        .1
        .unwrap_err();
    let writes = f.writes();
    assert!(
        writes.contains(&"UpdateClusterConfig API_AND_CONFIG_MAP".to_owned()),
        "{writes:#?}"
    );
    assert!(
        !writes.contains(&"UpdateClusterConfig API".to_owned()),
        "{writes:#?}"
    );
    assert_eq!(
        f.world().authentication_mode.as_deref(),
        Some("API_AND_CONFIG_MAP")
    );
    assert!(
        err.message.contains(
            "not started, as they depend on what failed (left as they were):\n  - authentication-mode/prod (authentication_mode: \"API_AND_CONFIG_MAP\" → \"API\")"
        ),
        "{}",
        err.message
    );

    // Once the entry can be made, the same command finishes the move.
    f.world().denied.clear();
    run_on(&f, desired(TO_API), &DiffOptions::default(), true)
        .1
        .unwrap();
    assert_eq!(
        f.writes(),
        vec![
            "CreateAccessEntry arn:aws:iam::111122223333:role/dev".to_owned(),
            "UpdateClusterConfig API".to_owned()
        ]
    );
}

/// A role eksiam made for `team-a/api` in `prod`.
fn role_for(sa: &str) -> ObservedRole {
    ObservedRole {
        arn: format!("arn:aws:iam::{ACCOUNT}:role/prod-team-a-api"),
        assume_role_policy: serde_json::json!({"Version": "2012-10-17", "Statement": []}),
        managed_policies: vec!["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess".into()],
        inline_policies: BTreeMap::new(),
        permissions_boundary: None,
        tags: BTreeMap::from([
            (crate::desired::TAG_MANAGED_BY.into(), "eksiam".into()),
            (crate::desired::TAG_CLUSTER.into(), "prod".into()),
            (crate::desired::TAG_SERVICE_ACCOUNTS.into(), sa.into()),
        ]),
    }
}

#[test]
fn a_second_claimant_of_a_derived_role_name_is_a_conflict_naming_the_owner() {
    let f = fake();
    f.world()
        .roles
        .insert("prod-team-a-api".into(), role_for("team-a/api"));
    let file = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  serviceAccounts:
    - metadata: {name: a-api, namespace: team}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess]
";
    let (shown, result) = run_on(&f, desired(file), &DiffOptions::default(), true);
    assert!(result.is_err());
    let conflicts = shown.unwrap().conflicts;
    assert!(
        conflicts[0].contains("role `prod-team-a-api` is eksiam's role for `team-a/api`")
            && conflicts[0].contains("`roleName`"),
        "{conflicts:?}"
    );
    assert!(f.writes().is_empty(), "no trust merged, no policy swapped");

    // The owner's own file still plans its role as before.
    let own = file.replace(
        "name: a-api, namespace: team",
        "name: api, namespace: team-a",
    );
    let (shown, _) = run_on(&f, desired(&own), &DiffOptions::default(), false);
    assert!(shown.unwrap().conflicts.is_empty());
}

#[test]
fn a_role_made_under_the_earlier_shortened_name_keeps_it() {
    let (ns, sa) = ("payments-team", "service-account-one");
    let cluster = "a-very-long-cluster-name-for-production";
    let earlier = crate::rules::naming::earlier_role_name(cluster, ns, sa).unwrap();
    let now = crate::rules::naming::role_name(cluster, ns, sa);
    assert_ne!(earlier, now);
    let f = fake();
    let mut made = role_for(&format!("{ns}/{sa}"));
    made.tags
        .insert(crate::desired::TAG_CLUSTER.into(), cluster.into());
    made.arn = format!("arn:aws:iam::{ACCOUNT}:role/{earlier}");
    f.world().roles.insert(earlier.clone(), made);
    let file = format!(
        "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {{name: {cluster}, region: us-west-2}}
iam:
  serviceAccounts:
    - metadata: {{name: {sa}, namespace: {ns}}}
      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]
"
    );
    let (shown, _) = run_on(&f, desired(&file), &DiffOptions::default(), false);
    let plan = shown.unwrap();
    let ids: Vec<&str> = plan.actions.iter().map(|a| a.id.as_str()).collect();
    assert!(
        ids.contains(&format!("iam-role/{earlier}").as_str()),
        "{ids:#?}"
    );
    assert!(!ids.iter().any(|id| id.contains(&now)), "{ids:#?}");
    assert!(
        !plan
            .actions
            .iter()
            .any(|a| a.kind() == crate::plan::Kind::IamRole && a.op() == crate::plan::Op::Create),
        "no new role: {ids:#?}"
    );
    let sa_role = plan
        .actions
        .iter()
        .find(|a| a.id == format!("serviceaccount/{ns}/{sa}"))
        .map(|a| serde_json::to_string(&a.changes()).unwrap())
        .unwrap_or_default();
    assert!(
        sa_role.contains(&earlier),
        "bound to the earlier name: {sa_role}"
    );
}

#[test]
fn a_shared_pod_identity_role_admits_each_of_its_associations_alone() {
    let f = fake();
    let file = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  podIdentityAssociations:
    - {namespace: apps, serviceAccountName: web, roleName: shared, permissionPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]}
    - {namespace: jobs, serviceAccountName: batch, roleName: shared, permissionPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]}
    - {namespace: ops, serviceAccountName: tool, roleName: untagged, disableSessionTags: true, permissionPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]}
";
    let (shown, _) = run_on(&f, desired(file), &DiffOptions::default(), false);
    let plan = shown.unwrap();
    let trust = |role: &str| {
        let a = plan
            .actions
            .iter()
            .find(|a| a.id == format!("iam-role/{role}"))
            .unwrap();
        a.changes()[0].after["Statement"].clone()
    };
    let cluster = format!("arn:aws:eks:us-west-2:{ACCOUNT}:cluster/prod");
    assert_eq!(
        trust("shared"),
        serde_json::json!([
            crate::rules::trust::pod_identity_statement_for(&cluster, "apps", "web"),
            crate::rules::trust::pod_identity_statement_for(&cluster, "jobs", "batch"),
        ])
    );
    // Without session tags there is nothing to check: the statement has no condition.
    assert_eq!(
        trust("untagged"),
        serde_json::json!([crate::rules::trust::pod_identity_statement()])
    );
}

#[test]
fn real_role_arns_are_looked_up_one_by_one_or_listed_when_many_and_one_by_one_when_denied() {
    let f = fake();
    let names: Vec<String> = (0..11).map(|i| format!("r{i}")).collect();
    for name in &names {
        let mut r = role_for("x/y");
        r.arn = format!("arn:aws:iam::{ACCOUNT}:role/team/{name}");
        f.world().roles.insert(name.clone(), r);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let look = |names: &[String]| {
        rt.block_on(crate::kinds::role::live::arns_by_name(&f, names))
            .unwrap()
    };
    // Few: one `GetRole` each; a role IAM does not have is absent.
    let few = look(&["r1".into(), "gone".into()]);
    assert_eq!(
        few,
        BTreeMap::from([("r1".into(), format!("arn:aws:iam::{ACCOUNT}:role/team/r1"))])
    );
    assert_eq!(f.calls(), ["GetRole r1", "GetRole gone"]);
    // Many: the account's listing, once.
    assert_eq!(look(&names).len(), 11);
    assert_eq!(f.calls(), ["GetAccountAuthorizationDetails"]);
    // The listing denied: one by one after all.
    f.world()
        .denied
        .insert("GetAccountAuthorizationDetails".into());
    assert_eq!(look(&names).len(), 11);
    let calls = f.calls();
    assert_eq!(calls.len(), 12, "{calls:#?}");
    assert_eq!(calls[0], "GetAccountAuthorizationDetails");
}
