
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'eksiam' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'eksiam'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'eksiam' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply -f FILE` would change, without changing anything')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the cluster''s IAM match a ClusterConfig file')
            [CompletionResult]::new('thumbprint', 'thumbprint', [CompletionResultType]::ParameterValue, 'Print the thumbprint IAM stores for an OIDC issuer')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create resources (eksctl''s `create`)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update resources (eksctl''s `update`)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List resources (eksctl''s `get`)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete resources (eksctl''s `delete`)')
            [CompletionResult]::new('utils', 'utils', [CompletionResultType]::ParameterValue, 'eksctl''s utility commands')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move from other tools to eksiam')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Give each ServiceAccount annotated `eksiam.io/role: managed` (or `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Say what Kubernetes identity an IAM or STS ARN gets in the cluster, and through what')
            [CompletionResult]::new('iam-policy', 'iam-policy', [CompletionResultType]::ParameterValue, 'Print the IAM policy the identity running eksiam needs')
            [CompletionResult]::new('rbac', 'rbac', [CompletionResultType]::ParameterValue, 'Print the Kubernetes RBAC rules the identity running eksiam needs')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a completion script for your shell')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the ClusterConfig fields eksiam reads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;plan' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only ServiceAccounts whose `namespace/name` matches one of these globs')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip ServiceAccounts whose `namespace/name` matches one of these globs')
            [CompletionResult]::new('--thumbprint', '--thumbprint', [CompletionResultType]::ParameterName, 'Use this issuer thumbprint (40 hex characters) instead of fetching it')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete what eksiam manages for this cluster but the file no longer lists')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow aws-auth removals that would lock out nodes (a `system:node:` mapping), the AWS identity eksiam runs as, or empty `mapRoles`')
            [CompletionResult]::new('--collapse-duplicates', '--collapse-duplicates', [CompletionResultType]::ParameterName, 'Remove shadowed duplicate aws-auth entries, keeping the one the authenticator uses')
            [CompletionResult]::new('--override-existing-serviceaccounts', '--override-existing-serviceaccounts', [CompletionResultType]::ParameterName, 'Rebind ServiceAccounts that are already annotated with another role')
            [CompletionResult]::new('--install-agent', '--install-agent', [CompletionResultType]::ParameterName, 'Install the `eks-pod-identity-agent` add-on when Pod Identity associations need it and the cluster lacks it')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Plan without any network call, as if the account and cluster held nothing yet')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'Exit 0 when there is nothing to change, 2 when there are changes')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'The ClusterConfig file (eksctl''s `eksctl.io/v1alpha5` format)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Only ServiceAccounts whose `namespace/name` matches one of these globs')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'Skip ServiceAccounts whose `namespace/name` matches one of these globs')
            [CompletionResult]::new('--thumbprint', '--thumbprint', [CompletionResultType]::ParameterName, 'Use this issuer thumbprint (40 hex characters) instead of fetching it')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many AWS and Kubernetes calls run at once')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete what eksiam manages for this cluster but the file no longer lists')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow aws-auth removals that would lock out nodes (a `system:node:` mapping), the AWS identity eksiam runs as, or empty `mapRoles`')
            [CompletionResult]::new('--collapse-duplicates', '--collapse-duplicates', [CompletionResultType]::ParameterName, 'Remove shadowed duplicate aws-auth entries, keeping the one the authenticator uses')
            [CompletionResult]::new('--override-existing-serviceaccounts', '--override-existing-serviceaccounts', [CompletionResultType]::ParameterName, 'Rebind ServiceAccounts that are already annotated with another role')
            [CompletionResult]::new('--install-agent', '--install-agent', [CompletionResultType]::ParameterName, 'Install the `eks-pod-identity-agent` add-on when Pod Identity associations need it and the cluster lacks it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'With `--dry-run`: plan without any network call, as if the account and cluster held nothing yet')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;thumbprint' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;create' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Create or update an EKS access entry and its access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Create an EKS Pod Identity association, and the role it binds unless one is given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;create;accessentry' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--principal-arn', '--principal-arn', [CompletionResultType]::ParameterName, 'The IAM role or user ARN the entry lets in')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, '`STANDARD` (default), or a node type: `EC2`, `EC2_LINUX`, `EC2_WINDOWS`, `FARGATE_LINUX`, `HYBRID_LINUX`')
            [CompletionResult]::new('--kubernetes-groups', '--kubernetes-groups', [CompletionResultType]::ParameterName, 'Kubernetes groups (not `system:`)')
            [CompletionResult]::new('--kubernetes-username', '--kubernetes-username', [CompletionResultType]::ParameterName, 'The Kubernetes user name (EKS chooses one when absent)')
            [CompletionResult]::new('--access-policy', '--access-policy', [CompletionResultType]::ParameterName, 'An access policy to associate, at cluster scope or in namespaces: `ARN`, `ARN:cluster` or `ARN:namespace=a,b` (repeatable)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow narrowing the entry of the AWS identity eksiam runs as (groups, username, an access policy or its scope), or the last cluster-admin entry''s policy')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;create;iamidentitymapping' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--arn', '--arn', [CompletionResultType]::ParameterName, 'The IAM role or user ARN to map')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The Kubernetes user name')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'A Kubernetes group (repeatable)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'An AWS account ID whose IAM users all map to themselves')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-duplicate-arns', '--no-duplicate-arns', [CompletionResultType]::ParameterName, 'Fail instead of updating when the ARN is already mapped differently')
            [CompletionResult]::new('--collapse-duplicates', '--collapse-duplicates', [CompletionResultType]::ParameterName, 'Remove shadowed duplicate entries, keeping the one the authenticator uses')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow changing the groups or username of the AWS identity eksiam runs as (and any change that lowers access when that identity cannot be told)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;create;iamserviceaccount' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The ServiceAccount')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Its namespace')
            [CompletionResult]::new('--attach-policy-arn', '--attach-policy-arn', [CompletionResultType]::ParameterName, 'A managed policy to attach (repeatable)')
            [CompletionResult]::new('--attach-policy', '--attach-policy', [CompletionResultType]::ParameterName, 'A file with an inline policy document (JSON or YAML)')
            [CompletionResult]::new('--attach-role-arn', '--attach-role-arn', [CompletionResultType]::ParameterName, 'Use this existing role as-is instead of creating one')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'The role''s name (default: `<cluster>-<namespace>-<name>`)')
            [CompletionResult]::new('--permissions-boundary', '--permissions-boundary', [CompletionResultType]::ParameterName, 'A managed policy used as the role''s permissions boundary')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags for the role, `k=v,k2=v2`')
            [CompletionResult]::new('--subject-pattern', '--subject-pattern', [CompletionResultType]::ParameterName, 'Trust every ServiceAccount matching this pattern, e.g. `system:serviceaccount:NS:*`')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--role-only', '--role-only', [CompletionResultType]::ParameterName, 'Create the role only; do not create or annotate the ServiceAccount')
            [CompletionResult]::new('--override-existing-serviceaccounts', '--override-existing-serviceaccounts', [CompletionResultType]::ParameterName, 'Rebind the ServiceAccount if it is already annotated with another role')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;create;podidentityassociation' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The ServiceAccount''s namespace')
            [CompletionResult]::new('--service-account-name', '--service-account-name', [CompletionResultType]::ParameterName, 'The ServiceAccount')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Use this existing role as-is instead of creating one')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'The name of the role eksiam creates (default: `<cluster>-<namespace>-<name>`)')
            [CompletionResult]::new('--permission-policy-arns', '--permission-policy-arns', [CompletionResultType]::ParameterName, 'Managed policies to attach to the role eksiam creates')
            [CompletionResult]::new('--well-known-policies', '--well-known-policies', [CompletionResultType]::ParameterName, 'eksctl''s ready-made policies: autoScaler, awsLoadBalancerController, certManager, ebsCSIController, efsCSIController, externalDNS, imageBuilder')
            [CompletionResult]::new('--permission-boundary-arn', '--permission-boundary-arn', [CompletionResultType]::ParameterName, 'A managed policy used as the role''s permissions boundary')
            [CompletionResult]::new('--target-role-arn', '--target-role-arn', [CompletionResultType]::ParameterName, 'A role in another account the pods'' credentials are for (role chaining)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'A session policy narrowing the pods'' credentials: a JSON document, or the path of a JSON or YAML file')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--create-service-account', '--create-service-account', [CompletionResultType]::ParameterName, 'Create the ServiceAccount when it does not exist')
            [CompletionResult]::new('--disable-session-tags', '--disable-session-tags', [CompletionResultType]::ParameterName, 'Do not add EKS''s session tags to the pods'' sessions')
            [CompletionResult]::new('--install-agent', '--install-agent', [CompletionResultType]::ParameterName, 'Install the `eks-pod-identity-agent` add-on when the cluster lacks it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;create;help' {
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Create or update an EKS access entry and its access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Create an EKS Pod Identity association, and the role it binds unless one is given')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;create;help;accessentry' {
            break
        }
        'eksiam;create;help;iamidentitymapping' {
            break
        }
        'eksiam;create;help;iamserviceaccount' {
            break
        }
        'eksiam;create;help;podidentityassociation' {
            break
        }
        'eksiam;create;help;help' {
            break
        }
        'eksiam;update' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Make an IAM service account''s role have exactly the given policies')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Change an EKS Pod Identity association''s role or options (what is not given stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;update;iamserviceaccount' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The ServiceAccount')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Its namespace')
            [CompletionResult]::new('--attach-policy-arn', '--attach-policy-arn', [CompletionResultType]::ParameterName, 'A managed policy to attach (repeatable)')
            [CompletionResult]::new('--attach-policy', '--attach-policy', [CompletionResultType]::ParameterName, 'A file with an inline policy document (JSON or YAML)')
            [CompletionResult]::new('--attach-role-arn', '--attach-role-arn', [CompletionResultType]::ParameterName, 'Use this existing role as-is instead of creating one')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'The role''s name (default: `<cluster>-<namespace>-<name>`)')
            [CompletionResult]::new('--permissions-boundary', '--permissions-boundary', [CompletionResultType]::ParameterName, 'A managed policy used as the role''s permissions boundary')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags for the role, `k=v,k2=v2`')
            [CompletionResult]::new('--subject-pattern', '--subject-pattern', [CompletionResultType]::ParameterName, 'Trust every ServiceAccount matching this pattern, e.g. `system:serviceaccount:NS:*`')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--role-only', '--role-only', [CompletionResultType]::ParameterName, 'Create the role only; do not create or annotate the ServiceAccount')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;update;podidentityassociation' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The ServiceAccount''s namespace')
            [CompletionResult]::new('--service-account-name', '--service-account-name', [CompletionResultType]::ParameterName, 'The ServiceAccount')
            [CompletionResult]::new('--role-arn', '--role-arn', [CompletionResultType]::ParameterName, 'Bind this role instead')
            [CompletionResult]::new('--target-role-arn', '--target-role-arn', [CompletionResultType]::ParameterName, 'A role in another account the pods'' credentials are for (role chaining)')
            [CompletionResult]::new('--disable-session-tags', '--disable-session-tags', [CompletionResultType]::ParameterName, 'Whether EKS adds its session tags (`true` disables them)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'A session policy: a JSON document, or the path of a JSON or YAML file')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;update;help' {
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Make an IAM service account''s role have exactly the given policies')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Change an EKS Pod Identity association''s role or options (what is not given stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;update;help;iamserviceaccount' {
            break
        }
        'eksiam;update;help;podidentityassociation' {
            break
        }
        'eksiam;update;help;help' {
            break
        }
        'eksiam;get' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'List every principal that can reach the cluster, from aws-auth and access entries')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'List EKS access entries with their access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'List aws-auth entries')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'List EKS Pod Identity associations')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;get;access' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;get;accessentry' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--principal-arn', '--principal-arn', [CompletionResultType]::ParameterName, 'Only the entry of this principal')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;get;iamidentitymapping' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--arn', '--arn', [CompletionResultType]::ParameterName, 'Only the entries for this ARN')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;get;iamserviceaccount' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Only this namespace')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only this ServiceAccount')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;get;podidentityassociation' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Only this namespace')
            [CompletionResult]::new('--service-account-name', '--service-account-name', [CompletionResultType]::ParameterName, 'Only this ServiceAccount')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;get;help' {
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'List every principal that can reach the cluster, from aws-auth and access entries')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'List EKS access entries with their access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'List aws-auth entries')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'List EKS Pod Identity associations')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;get;help;access' {
            break
        }
        'eksiam;get;help;accessentry' {
            break
        }
        'eksiam;get;help;iamidentitymapping' {
            break
        }
        'eksiam;get;help;iamserviceaccount' {
            break
        }
        'eksiam;get;help;podidentityassociation' {
            break
        }
        'eksiam;get;help;help' {
            break
        }
        'eksiam;delete' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Delete an EKS access entry (and its access policy associations)')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Remove every aws-auth entry for an ARN or account')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Delete an EKS Pod Identity association, and the role eksiam made for it alone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;delete;accessentry' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--principal-arn', '--principal-arn', [CompletionResultType]::ParameterName, 'The principal whose entry to delete')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow deleting the entry of the AWS identity eksiam runs as, or the last entry with `AmazonEKSClusterAdminPolicy` at cluster scope (and any deletion when that identity cannot be told)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;delete;iamidentitymapping' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--arn', '--arn', [CompletionResultType]::ParameterName, 'The IAM role or user ARN whose entries to remove')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The account ID to remove from `mapAccounts`')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Accepted for eksctl compatibility: eksiam always removes every entry for the ARN')
            [CompletionResult]::new('--allow-lockout', '--allow-lockout', [CompletionResultType]::ParameterName, 'Allow removing a node role''s mapping, the mapping of the AWS identity eksiam runs as, or the last `mapRoles` entry (and any removal when that identity cannot be told)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;delete;iamserviceaccount' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The ServiceAccount')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Its namespace')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;delete;podidentityassociation' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The ServiceAccount''s namespace')
            [CompletionResult]::new('--service-account-name', '--service-account-name', [CompletionResultType]::ParameterName, 'The ServiceAccount')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;delete;help' {
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Delete an EKS access entry (and its access policy associations)')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Remove every aws-auth entry for an ARN or account')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Delete an EKS Pod Identity association, and the role eksiam made for it alone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;delete;help;accessentry' {
            break
        }
        'eksiam;delete;help;iamidentitymapping' {
            break
        }
        'eksiam;delete;help;iamserviceaccount' {
            break
        }
        'eksiam;delete;help;podidentityassociation' {
            break
        }
        'eksiam;delete;help;help' {
            break
        }
        'eksiam;utils' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('associate-iam-oidc-provider', 'associate-iam-oidc-provider', [CompletionResultType]::ParameterValue, 'Register the cluster''s OIDC issuer as an IAM OIDC provider')
            [CompletionResult]::new('migrate-to-access-entry', 'migrate-to-access-entry', [CompletionResultType]::ParameterValue, 'Give every aws-auth mapping an EKS access entry (eksctl''s migration)')
            [CompletionResult]::new('migrate-to-pod-identity', 'migrate-to-pod-identity', [CompletionResultType]::ParameterValue, 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;utils;associate-iam-oidc-provider' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--thumbprint', '--thumbprint', [CompletionResultType]::ParameterName, 'Use this thumbprint (40 hex characters) instead of fetching it from the issuer')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy''s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;utils;migrate-to-access-entry' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--target-authentication-mode', '--target-authentication-mode', [CompletionResultType]::ParameterName, 'Also move the cluster''s authentication mode forward: `API_AND_CONFIG_MAP`, or `API` (refused while any mapping cannot move)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;utils;migrate-to-pod-identity' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--remove-oidc-provider-trust-relationship', '--remove-oidc-provider-trust-relationship', [CompletionResultType]::ParameterName, 'Also remove the moved ServiceAccounts'' OIDC statements from the roles eksiam owns')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Accepted and ignored, so eksctl scripts keep working')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;utils;help' {
            [CompletionResult]::new('associate-iam-oidc-provider', 'associate-iam-oidc-provider', [CompletionResultType]::ParameterValue, 'Register the cluster''s OIDC issuer as an IAM OIDC provider')
            [CompletionResult]::new('migrate-to-access-entry', 'migrate-to-access-entry', [CompletionResultType]::ParameterValue, 'Give every aws-auth mapping an EKS access entry (eksctl''s migration)')
            [CompletionResult]::new('migrate-to-pod-identity', 'migrate-to-pod-identity', [CompletionResultType]::ParameterValue, 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;utils;help;associate-iam-oidc-provider' {
            break
        }
        'eksiam;utils;help;migrate-to-access-entry' {
            break
        }
        'eksiam;utils;help;migrate-to-pod-identity' {
            break
        }
        'eksiam;utils;help;help' {
            break
        }
        'eksiam;migrate' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('kube2iam', 'kube2iam', [CompletionResultType]::ParameterValue, 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads'' pods assume through kube2iam (changes nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;migrate;kube2iam' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--base-role-arn', '--base-role-arn', [CompletionResultType]::ParameterName, 'kube2iam''s `--base-role-arn`, which a bare role name is joined to (default: the cluster account''s `arn:PARTITION:iam::ACCOUNT:role/`, as `--auto-discover-base-arn`)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;migrate;help' {
            [CompletionResult]::new('kube2iam', 'kube2iam', [CompletionResultType]::ParameterValue, 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads'' pods assume through kube2iam (changes nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;migrate;help;kube2iam' {
            break
        }
        'eksiam;migrate;help;help' {
            break
        }
        'eksiam;reconcile' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--role-prefix', '--role-prefix', [CompletionResultType]::ParameterName, 'The roles'' name prefix: `<prefix>_<namespace>_<name>`')
            [CompletionResult]::new('--resync', '--resync', [CompletionResultType]::ParameterName, 'With `--watch`: reconcile at least this often, to repair drift in IAM (`90s`, `10m`, `1h`)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep running: watch ServiceAccounts and reconcile after each change that needs it, and every `--resync`, until SIGTERM or SIGINT (as a controller in the cluster)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;explain' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'The EKS cluster')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;iam-policy' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Only what this command needs (repeatable), e.g. `--command "create iamserviceaccount"`; with `-f`, `plan` gives the read-only form (default: every command, or `apply` with `-f`)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The AWS account ID to name in the ARNs (default `*`: any account)')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'The cluster''s OIDC issuer URL, to name its OIDC provider exactly (default: any EKS issuer of the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'With `-f`: also what `apply -f FILE --prune` needs')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print a Markdown table of every permission, the commands that need it and why')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;rbac' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'Only what this command needs (repeatable), e.g. `--command "create iamserviceaccount"`; with `-f`, `plan` gives the read-only form (default: every command, or `apply` with `-f`)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group the rules are bound to (map eksiam''s IAM identity to it in aws-auth)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'With `-f`: also what `apply -f FILE --prune` needs')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Print a Markdown table of every permission, the commands that need it and why')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;completion' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;schema' {
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (else the file''s `metadata.region`, else the AWS SDK chain)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS shared-config profile')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `text` for people, `json` and `yaml` for machines')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`''s current context when its server is the cluster''s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr, and no text plan before an apply')
            [CompletionResult]::new('--skip-endpoint-check', '--skip-endpoint-check', [CompletionResultType]::ParameterName, 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)')
            [CompletionResult]::new('--in-cluster', '--in-cluster', [CompletionResultType]::ParameterName, 'Reach the cluster this process runs in, as its pod''s ServiceAccount (a controller''s in-cluster configuration), instead of a kubeconfig or an EKS token')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'eksiam;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply -f FILE` would change, without changing anything')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the cluster''s IAM match a ClusterConfig file')
            [CompletionResult]::new('thumbprint', 'thumbprint', [CompletionResultType]::ParameterValue, 'Print the thumbprint IAM stores for an OIDC issuer')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create resources (eksctl''s `create`)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Update resources (eksctl''s `update`)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'List resources (eksctl''s `get`)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete resources (eksctl''s `delete`)')
            [CompletionResult]::new('utils', 'utils', [CompletionResultType]::ParameterValue, 'eksctl''s utility commands')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move from other tools to eksiam')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Give each ServiceAccount annotated `eksiam.io/role: managed` (or `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Say what Kubernetes identity an IAM or STS ARN gets in the cluster, and through what')
            [CompletionResult]::new('iam-policy', 'iam-policy', [CompletionResultType]::ParameterValue, 'Print the IAM policy the identity running eksiam needs')
            [CompletionResult]::new('rbac', 'rbac', [CompletionResultType]::ParameterValue, 'Print the Kubernetes RBAC rules the identity running eksiam needs')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a completion script for your shell')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of the ClusterConfig fields eksiam reads')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'eksiam;help;plan' {
            break
        }
        'eksiam;help;apply' {
            break
        }
        'eksiam;help;thumbprint' {
            break
        }
        'eksiam;help;create' {
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Create or update an EKS access entry and its access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Create an EKS Pod Identity association, and the role it binds unless one is given')
            break
        }
        'eksiam;help;create;accessentry' {
            break
        }
        'eksiam;help;create;iamidentitymapping' {
            break
        }
        'eksiam;help;create;iamserviceaccount' {
            break
        }
        'eksiam;help;create;podidentityassociation' {
            break
        }
        'eksiam;help;update' {
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Make an IAM service account''s role have exactly the given policies')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Change an EKS Pod Identity association''s role or options (what is not given stays)')
            break
        }
        'eksiam;help;update;iamserviceaccount' {
            break
        }
        'eksiam;help;update;podidentityassociation' {
            break
        }
        'eksiam;help;get' {
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'List every principal that can reach the cluster, from aws-auth and access entries')
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'List EKS access entries with their access policies')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'List aws-auth entries')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'List EKS Pod Identity associations')
            break
        }
        'eksiam;help;get;access' {
            break
        }
        'eksiam;help;get;accessentry' {
            break
        }
        'eksiam;help;get;iamidentitymapping' {
            break
        }
        'eksiam;help;get;iamserviceaccount' {
            break
        }
        'eksiam;help;get;podidentityassociation' {
            break
        }
        'eksiam;help;delete' {
            [CompletionResult]::new('accessentry', 'accessentry', [CompletionResultType]::ParameterValue, 'Delete an EKS access entry (and its access policy associations)')
            [CompletionResult]::new('iamidentitymapping', 'iamidentitymapping', [CompletionResultType]::ParameterValue, 'Remove every aws-auth entry for an ARN or account')
            [CompletionResult]::new('iamserviceaccount', 'iamserviceaccount', [CompletionResultType]::ParameterValue, 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation')
            [CompletionResult]::new('podidentityassociation', 'podidentityassociation', [CompletionResultType]::ParameterValue, 'Delete an EKS Pod Identity association, and the role eksiam made for it alone')
            break
        }
        'eksiam;help;delete;accessentry' {
            break
        }
        'eksiam;help;delete;iamidentitymapping' {
            break
        }
        'eksiam;help;delete;iamserviceaccount' {
            break
        }
        'eksiam;help;delete;podidentityassociation' {
            break
        }
        'eksiam;help;utils' {
            [CompletionResult]::new('associate-iam-oidc-provider', 'associate-iam-oidc-provider', [CompletionResultType]::ParameterValue, 'Register the cluster''s OIDC issuer as an IAM OIDC provider')
            [CompletionResult]::new('migrate-to-access-entry', 'migrate-to-access-entry', [CompletionResultType]::ParameterValue, 'Give every aws-auth mapping an EKS access entry (eksctl''s migration)')
            [CompletionResult]::new('migrate-to-pod-identity', 'migrate-to-pod-identity', [CompletionResultType]::ParameterValue, 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)')
            break
        }
        'eksiam;help;utils;associate-iam-oidc-provider' {
            break
        }
        'eksiam;help;utils;migrate-to-access-entry' {
            break
        }
        'eksiam;help;utils;migrate-to-pod-identity' {
            break
        }
        'eksiam;help;migrate' {
            [CompletionResult]::new('kube2iam', 'kube2iam', [CompletionResultType]::ParameterValue, 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads'' pods assume through kube2iam (changes nothing)')
            break
        }
        'eksiam;help;migrate;kube2iam' {
            break
        }
        'eksiam;help;reconcile' {
            break
        }
        'eksiam;help;explain' {
            break
        }
        'eksiam;help;iam-policy' {
            break
        }
        'eksiam;help;rbac' {
            break
        }
        'eksiam;help;completion' {
            break
        }
        'eksiam;help;schema' {
            break
        }
        'eksiam;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
