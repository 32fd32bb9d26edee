
use builtin;
use str;

set edit:completion:arg-completer[eksiam] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'eksiam'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'eksiam'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand plan 'Show what `apply -f FILE` would change, without changing anything'
            cand apply 'Make the cluster''s IAM match a ClusterConfig file'
            cand thumbprint 'Print the thumbprint IAM stores for an OIDC issuer'
            cand create 'Create resources (eksctl''s `create`)'
            cand update 'Update resources (eksctl''s `update`)'
            cand get 'List resources (eksctl''s `get`)'
            cand delete 'Delete resources (eksctl''s `delete`)'
            cand utils 'eksctl''s utility commands'
            cand migrate 'Move from other tools to eksiam'
            cand reconcile 'Give each ServiceAccount annotated `eksiam.io/role: managed` (or `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone'
            cand explain 'Say what Kubernetes identity an IAM or STS ARN gets in the cluster, and through what'
            cand iam-policy 'Print the IAM policy the identity running eksiam needs'
            cand rbac 'Print the Kubernetes RBAC rules the identity running eksiam needs'
            cand completion 'Print a completion script for your shell'
            cand schema 'Print the JSON Schema of the ClusterConfig fields eksiam reads'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;plan'= {
            cand -f 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)'
            cand --config-file 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)'
            cand --include 'Only ServiceAccounts whose `namespace/name` matches one of these globs'
            cand --exclude 'Skip ServiceAccounts whose `namespace/name` matches one of these globs'
            cand --thumbprint 'Use this issuer thumbprint (40 hex characters) instead of fetching it'
            cand --ca-file 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL'
            cand --timeout 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --prune 'Also delete what eksiam manages for this cluster but the file no longer lists'
            cand --allow-lockout 'Allow aws-auth removals that would lock out nodes (a `system:node:` mapping), the AWS identity eksiam runs as, or empty `mapRoles`'
            cand --collapse-duplicates 'Remove shadowed duplicate aws-auth entries, keeping the one the authenticator uses'
            cand --override-existing-serviceaccounts 'Rebind ServiceAccounts that are already annotated with another role'
            cand --install-agent 'Install the `eks-pod-identity-agent` add-on when Pod Identity associations need it and the cluster lacks it'
            cand --offline 'Plan without any network call, as if the account and cluster held nothing yet'
            cand --detailed-exitcode 'Exit 0 when there is nothing to change, 2 when there are changes'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;apply'= {
            cand -f 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)'
            cand --config-file 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)'
            cand --include 'Only ServiceAccounts whose `namespace/name` matches one of these globs'
            cand --exclude 'Skip ServiceAccounts whose `namespace/name` matches one of these globs'
            cand --thumbprint 'Use this issuer thumbprint (40 hex characters) instead of fetching it'
            cand --ca-file 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL'
            cand --timeout 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds'
            cand --concurrency 'How many AWS and Kubernetes calls run at once'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --prune 'Also delete what eksiam manages for this cluster but the file no longer lists'
            cand --allow-lockout 'Allow aws-auth removals that would lock out nodes (a `system:node:` mapping), the AWS identity eksiam runs as, or empty `mapRoles`'
            cand --collapse-duplicates 'Remove shadowed duplicate aws-auth entries, keeping the one the authenticator uses'
            cand --override-existing-serviceaccounts 'Rebind ServiceAccounts that are already annotated with another role'
            cand --install-agent 'Install the `eks-pod-identity-agent` add-on when Pod Identity associations need it and the cluster lacks it'
            cand --dry-run 'Print the plan and change nothing'
            cand --offline 'With `--dry-run`: plan without any network call, as if the account and cluster held nothing yet'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;thumbprint'= {
            cand --ca-file 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL'
            cand --timeout 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;create'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand accessentry 'Create or update an EKS access entry and its access policies'
            cand iamidentitymapping 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)'
            cand iamserviceaccount 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it'
            cand podidentityassociation 'Create an EKS Pod Identity association, and the role it binds unless one is given'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;create;accessentry'= {
            cand --cluster 'The EKS cluster'
            cand --principal-arn 'The IAM role or user ARN the entry lets in'
            cand --type '`STANDARD` (default), or a node type: `EC2`, `EC2_LINUX`, `EC2_WINDOWS`, `FARGATE_LINUX`, `HYBRID_LINUX`'
            cand --kubernetes-groups 'Kubernetes groups (not `system:`)'
            cand --kubernetes-username 'The Kubernetes user name (EKS chooses one when absent)'
            cand --access-policy 'An access policy to associate, at cluster scope or in namespaces: `ARN`, `ARN:cluster` or `ARN:namespace=a,b` (repeatable)'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --allow-lockout 'Allow narrowing the entry of the AWS identity eksiam runs as (groups, username, an access policy or its scope), or the last cluster-admin entry''s policy'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;create;iamidentitymapping'= {
            cand --cluster 'The EKS cluster'
            cand --arn 'The IAM role or user ARN to map'
            cand --username 'The Kubernetes user name'
            cand --group 'A Kubernetes group (repeatable)'
            cand --account 'An AWS account ID whose IAM users all map to themselves'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-duplicate-arns 'Fail instead of updating when the ARN is already mapped differently'
            cand --collapse-duplicates 'Remove shadowed duplicate entries, keeping the one the authenticator uses'
            cand --allow-lockout 'Allow changing the groups or username of the AWS identity eksiam runs as (and any change that lowers access when that identity cannot be told)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;create;iamserviceaccount'= {
            cand --cluster 'The EKS cluster'
            cand --name 'The ServiceAccount'
            cand --namespace 'Its namespace'
            cand --attach-policy-arn 'A managed policy to attach (repeatable)'
            cand --attach-policy 'A file with an inline policy document (JSON or YAML)'
            cand --attach-role-arn 'Use this existing role as-is instead of creating one'
            cand --role-name 'The role''s name (default: `<cluster>-<namespace>-<name>`)'
            cand --permissions-boundary 'A managed policy used as the role''s permissions boundary'
            cand --tags 'Tags for the role, `k=v,k2=v2`'
            cand --subject-pattern 'Trust every ServiceAccount matching this pattern, e.g. `system:serviceaccount:NS:*`'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --role-only 'Create the role only; do not create or annotate the ServiceAccount'
            cand --override-existing-serviceaccounts 'Rebind the ServiceAccount if it is already annotated with another role'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;create;podidentityassociation'= {
            cand --cluster 'The EKS cluster'
            cand --namespace 'The ServiceAccount''s namespace'
            cand --service-account-name 'The ServiceAccount'
            cand --role-arn 'Use this existing role as-is instead of creating one'
            cand --role-name 'The name of the role eksiam creates (default: `<cluster>-<namespace>-<name>`)'
            cand --permission-policy-arns 'Managed policies to attach to the role eksiam creates'
            cand --well-known-policies 'eksctl''s ready-made policies: autoScaler, awsLoadBalancerController, certManager, ebsCSIController, efsCSIController, externalDNS, imageBuilder'
            cand --permission-boundary-arn 'A managed policy used as the role''s permissions boundary'
            cand --target-role-arn 'A role in another account the pods'' credentials are for (role chaining)'
            cand --policy 'A session policy narrowing the pods'' credentials: a JSON document, or the path of a JSON or YAML file'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --create-service-account 'Create the ServiceAccount when it does not exist'
            cand --disable-session-tags 'Do not add EKS''s session tags to the pods'' sessions'
            cand --install-agent 'Install the `eks-pod-identity-agent` add-on when the cluster lacks it'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;create;help'= {
            cand accessentry 'Create or update an EKS access entry and its access policies'
            cand iamidentitymapping 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)'
            cand iamserviceaccount 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it'
            cand podidentityassociation 'Create an EKS Pod Identity association, and the role it binds unless one is given'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;create;help;accessentry'= {
        }
        &'eksiam;create;help;iamidentitymapping'= {
        }
        &'eksiam;create;help;iamserviceaccount'= {
        }
        &'eksiam;create;help;podidentityassociation'= {
        }
        &'eksiam;create;help;help'= {
        }
        &'eksiam;update'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand iamserviceaccount 'Make an IAM service account''s role have exactly the given policies'
            cand podidentityassociation 'Change an EKS Pod Identity association''s role or options (what is not given stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;update;iamserviceaccount'= {
            cand --cluster 'The EKS cluster'
            cand --name 'The ServiceAccount'
            cand --namespace 'Its namespace'
            cand --attach-policy-arn 'A managed policy to attach (repeatable)'
            cand --attach-policy 'A file with an inline policy document (JSON or YAML)'
            cand --attach-role-arn 'Use this existing role as-is instead of creating one'
            cand --role-name 'The role''s name (default: `<cluster>-<namespace>-<name>`)'
            cand --permissions-boundary 'A managed policy used as the role''s permissions boundary'
            cand --tags 'Tags for the role, `k=v,k2=v2`'
            cand --subject-pattern 'Trust every ServiceAccount matching this pattern, e.g. `system:serviceaccount:NS:*`'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --role-only 'Create the role only; do not create or annotate the ServiceAccount'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;update;podidentityassociation'= {
            cand --cluster 'The EKS cluster'
            cand --namespace 'The ServiceAccount''s namespace'
            cand --service-account-name 'The ServiceAccount'
            cand --role-arn 'Bind this role instead'
            cand --target-role-arn 'A role in another account the pods'' credentials are for (role chaining)'
            cand --disable-session-tags 'Whether EKS adds its session tags (`true` disables them)'
            cand --policy 'A session policy: a JSON document, or the path of a JSON or YAML file'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;update;help'= {
            cand iamserviceaccount 'Make an IAM service account''s role have exactly the given policies'
            cand podidentityassociation 'Change an EKS Pod Identity association''s role or options (what is not given stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;update;help;iamserviceaccount'= {
        }
        &'eksiam;update;help;podidentityassociation'= {
        }
        &'eksiam;update;help;help'= {
        }
        &'eksiam;get'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand access 'List every principal that can reach the cluster, from aws-auth and access entries'
            cand accessentry 'List EKS access entries with their access policies'
            cand iamidentitymapping 'List aws-auth entries'
            cand iamserviceaccount 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages'
            cand podidentityassociation 'List EKS Pod Identity associations'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;get;access'= {
            cand --cluster 'The EKS cluster'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;get;accessentry'= {
            cand --cluster 'The EKS cluster'
            cand --principal-arn 'Only the entry of this principal'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;get;iamidentitymapping'= {
            cand --cluster 'The EKS cluster'
            cand --arn 'Only the entries for this ARN'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;get;iamserviceaccount'= {
            cand --cluster 'The EKS cluster'
            cand --namespace 'Only this namespace'
            cand --name 'Only this ServiceAccount'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;get;podidentityassociation'= {
            cand --cluster 'The EKS cluster'
            cand --namespace 'Only this namespace'
            cand --service-account-name 'Only this ServiceAccount'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;get;help'= {
            cand access 'List every principal that can reach the cluster, from aws-auth and access entries'
            cand accessentry 'List EKS access entries with their access policies'
            cand iamidentitymapping 'List aws-auth entries'
            cand iamserviceaccount 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages'
            cand podidentityassociation 'List EKS Pod Identity associations'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;get;help;access'= {
        }
        &'eksiam;get;help;accessentry'= {
        }
        &'eksiam;get;help;iamidentitymapping'= {
        }
        &'eksiam;get;help;iamserviceaccount'= {
        }
        &'eksiam;get;help;podidentityassociation'= {
        }
        &'eksiam;get;help;help'= {
        }
        &'eksiam;delete'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand accessentry 'Delete an EKS access entry (and its access policy associations)'
            cand iamidentitymapping 'Remove every aws-auth entry for an ARN or account'
            cand iamserviceaccount 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation'
            cand podidentityassociation 'Delete an EKS Pod Identity association, and the role eksiam made for it alone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;delete;accessentry'= {
            cand --cluster 'The EKS cluster'
            cand --principal-arn 'The principal whose entry to delete'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --allow-lockout 'Allow deleting the entry of the AWS identity eksiam runs as, or the last entry with `AmazonEKSClusterAdminPolicy` at cluster scope (and any deletion when that identity cannot be told)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;delete;iamidentitymapping'= {
            cand --cluster 'The EKS cluster'
            cand --arn 'The IAM role or user ARN whose entries to remove'
            cand --account 'The account ID to remove from `mapAccounts`'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --all 'Accepted for eksctl compatibility: eksiam always removes every entry for the ARN'
            cand --allow-lockout 'Allow removing a node role''s mapping, the mapping of the AWS identity eksiam runs as, or the last `mapRoles` entry (and any removal when that identity cannot be told)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;delete;iamserviceaccount'= {
            cand --cluster 'The EKS cluster'
            cand --name 'The ServiceAccount'
            cand --namespace 'Its namespace'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;delete;podidentityassociation'= {
            cand --cluster 'The EKS cluster'
            cand --namespace 'The ServiceAccount''s namespace'
            cand --service-account-name 'The ServiceAccount'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;delete;help'= {
            cand accessentry 'Delete an EKS access entry (and its access policy associations)'
            cand iamidentitymapping 'Remove every aws-auth entry for an ARN or account'
            cand iamserviceaccount 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation'
            cand podidentityassociation 'Delete an EKS Pod Identity association, and the role eksiam made for it alone'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;delete;help;accessentry'= {
        }
        &'eksiam;delete;help;iamidentitymapping'= {
        }
        &'eksiam;delete;help;iamserviceaccount'= {
        }
        &'eksiam;delete;help;podidentityassociation'= {
        }
        &'eksiam;delete;help;help'= {
        }
        &'eksiam;utils'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand associate-iam-oidc-provider 'Register the cluster''s OIDC issuer as an IAM OIDC provider'
            cand migrate-to-access-entry 'Give every aws-auth mapping an EKS access entry (eksctl''s migration)'
            cand migrate-to-pod-identity 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;utils;associate-iam-oidc-provider'= {
            cand --cluster 'The EKS cluster'
            cand --thumbprint 'Use this thumbprint (40 hex characters) instead of fetching it from the issuer'
            cand --ca-file 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL'
            cand --timeout 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;utils;migrate-to-access-entry'= {
            cand --cluster 'The EKS cluster'
            cand --target-authentication-mode 'Also move the cluster''s authentication mode forward: `API_AND_CONFIG_MAP`, or `API` (refused while any mapping cannot move)'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;utils;migrate-to-pod-identity'= {
            cand --cluster 'The EKS cluster'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --remove-oidc-provider-trust-relationship 'Also remove the moved ServiceAccounts'' OIDC statements from the roles eksiam owns'
            cand --dry-run 'Print the plan and change nothing'
            cand --approve 'Accepted and ignored, so eksctl scripts keep working'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;utils;help'= {
            cand associate-iam-oidc-provider 'Register the cluster''s OIDC issuer as an IAM OIDC provider'
            cand migrate-to-access-entry 'Give every aws-auth mapping an EKS access entry (eksctl''s migration)'
            cand migrate-to-pod-identity 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;utils;help;associate-iam-oidc-provider'= {
        }
        &'eksiam;utils;help;migrate-to-access-entry'= {
        }
        &'eksiam;utils;help;migrate-to-pod-identity'= {
        }
        &'eksiam;utils;help;help'= {
        }
        &'eksiam;migrate'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand kube2iam 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads'' pods assume through kube2iam (changes nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;migrate;kube2iam'= {
            cand --cluster 'The EKS cluster'
            cand --base-role-arn 'kube2iam''s `--base-role-arn`, which a bare role name is joined to (default: the cluster account''s `arn:PARTITION:iam::ACCOUNT:role/`, as `--auto-discover-base-arn`)'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;migrate;help'= {
            cand kube2iam 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads'' pods assume through kube2iam (changes nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;migrate;help;kube2iam'= {
        }
        &'eksiam;migrate;help;help'= {
        }
        &'eksiam;reconcile'= {
            cand --cluster 'The EKS cluster'
            cand --role-prefix 'The roles'' name prefix: `<prefix>_<namespace>_<name>`'
            cand --resync 'With `--watch`: reconcile at least this often, to repair drift in IAM (`90s`, `10m`, `1h`)'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --dry-run 'Print the plan and change nothing'
            cand --watch 'Keep running: watch ServiceAccounts and reconcile after each change that needs it, and every `--resync`, until SIGTERM or SIGINT (as a controller in the cluster)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;explain'= {
            cand --cluster 'The EKS cluster'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;iam-policy'= {
            cand -f 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig'
            cand --config-file 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig'
            cand --command 'Only what this command needs (repeatable), e.g. `--command "create iamserviceaccount"`; with `-f`, `plan` gives the read-only form (default: every command, or `apply` with `-f`)'
            cand --account 'The AWS account ID to name in the ARNs (default `*`: any account)'
            cand --issuer 'The cluster''s OIDC issuer URL, to name its OIDC provider exactly (default: any EKS issuer of the region)'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --prune 'With `-f`: also what `apply -f FILE --prune` needs'
            cand --explain 'Print a Markdown table of every permission, the commands that need it and why'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;rbac'= {
            cand -f 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig'
            cand --config-file 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig'
            cand --command 'Only what this command needs (repeatable), e.g. `--command "create iamserviceaccount"`; with `-f`, `plan` gives the read-only form (default: every command, or `apply` with `-f`)'
            cand --group 'The group the rules are bound to (map eksiam''s IAM identity to it in aws-auth)'
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --prune 'With `-f`: also what `apply -f FILE --prune` needs'
            cand --explain 'Print a Markdown table of every permission, the commands that need it and why'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;completion'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;schema'= {
            cand --region 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)'
            cand --profile 'AWS shared-config profile'
            cand -o 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --output 'Output format: `text` for people, `json` and `yaml` for machines'
            cand --kubeconfig 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)'
            cand --context 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)'
            cand --no-color 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
            cand -v 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand --verbose 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
            cand -q 'Only errors on stderr, and no text plan before an apply'
            cand --quiet 'Only errors on stderr, and no text plan before an apply'
            cand --skip-endpoint-check 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
            cand --in-cluster 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'eksiam;help'= {
            cand plan 'Show what `apply -f FILE` would change, without changing anything'
            cand apply 'Make the cluster''s IAM match a ClusterConfig file'
            cand thumbprint 'Print the thumbprint IAM stores for an OIDC issuer'
            cand create 'Create resources (eksctl''s `create`)'
            cand update 'Update resources (eksctl''s `update`)'
            cand get 'List resources (eksctl''s `get`)'
            cand delete 'Delete resources (eksctl''s `delete`)'
            cand utils 'eksctl''s utility commands'
            cand migrate 'Move from other tools to eksiam'
            cand reconcile 'Give each ServiceAccount annotated `eksiam.io/role: managed` (or `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone'
            cand explain 'Say what Kubernetes identity an IAM or STS ARN gets in the cluster, and through what'
            cand iam-policy 'Print the IAM policy the identity running eksiam needs'
            cand rbac 'Print the Kubernetes RBAC rules the identity running eksiam needs'
            cand completion 'Print a completion script for your shell'
            cand schema 'Print the JSON Schema of the ClusterConfig fields eksiam reads'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'eksiam;help;plan'= {
        }
        &'eksiam;help;apply'= {
        }
        &'eksiam;help;thumbprint'= {
        }
        &'eksiam;help;create'= {
            cand accessentry 'Create or update an EKS access entry and its access policies'
            cand iamidentitymapping 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)'
            cand iamserviceaccount 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it'
            cand podidentityassociation 'Create an EKS Pod Identity association, and the role it binds unless one is given'
        }
        &'eksiam;help;create;accessentry'= {
        }
        &'eksiam;help;create;iamidentitymapping'= {
        }
        &'eksiam;help;create;iamserviceaccount'= {
        }
        &'eksiam;help;create;podidentityassociation'= {
        }
        &'eksiam;help;update'= {
            cand iamserviceaccount 'Make an IAM service account''s role have exactly the given policies'
            cand podidentityassociation 'Change an EKS Pod Identity association''s role or options (what is not given stays)'
        }
        &'eksiam;help;update;iamserviceaccount'= {
        }
        &'eksiam;help;update;podidentityassociation'= {
        }
        &'eksiam;help;get'= {
            cand access 'List every principal that can reach the cluster, from aws-auth and access entries'
            cand accessentry 'List EKS access entries with their access policies'
            cand iamidentitymapping 'List aws-auth entries'
            cand iamserviceaccount 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages'
            cand podidentityassociation 'List EKS Pod Identity associations'
        }
        &'eksiam;help;get;access'= {
        }
        &'eksiam;help;get;accessentry'= {
        }
        &'eksiam;help;get;iamidentitymapping'= {
        }
        &'eksiam;help;get;iamserviceaccount'= {
        }
        &'eksiam;help;get;podidentityassociation'= {
        }
        &'eksiam;help;delete'= {
            cand accessentry 'Delete an EKS access entry (and its access policy associations)'
            cand iamidentitymapping 'Remove every aws-auth entry for an ARN or account'
            cand iamserviceaccount 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation'
            cand podidentityassociation 'Delete an EKS Pod Identity association, and the role eksiam made for it alone'
        }
        &'eksiam;help;delete;accessentry'= {
        }
        &'eksiam;help;delete;iamidentitymapping'= {
        }
        &'eksiam;help;delete;iamserviceaccount'= {
        }
        &'eksiam;help;delete;podidentityassociation'= {
        }
        &'eksiam;help;utils'= {
            cand associate-iam-oidc-provider 'Register the cluster''s OIDC issuer as an IAM OIDC provider'
            cand migrate-to-access-entry 'Give every aws-auth mapping an EKS access entry (eksctl''s migration)'
            cand migrate-to-pod-identity 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)'
        }
        &'eksiam;help;utils;associate-iam-oidc-provider'= {
        }
        &'eksiam;help;utils;migrate-to-access-entry'= {
        }
        &'eksiam;help;utils;migrate-to-pod-identity'= {
        }
        &'eksiam;help;migrate'= {
            cand kube2iam 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads'' pods assume through kube2iam (changes nothing)'
        }
        &'eksiam;help;migrate;kube2iam'= {
        }
        &'eksiam;help;reconcile'= {
        }
        &'eksiam;help;explain'= {
        }
        &'eksiam;help;iam-policy'= {
        }
        &'eksiam;help;rbac'= {
        }
        &'eksiam;help;completion'= {
        }
        &'eksiam;help;schema'= {
        }
        &'eksiam;help;help'= {
        }
    ]
    $completions[$command]
}
