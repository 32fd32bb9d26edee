# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_eksiam_global_optspecs
    string join \n region= profile= o/output= no-color v/verbose q/quiet kubeconfig= context= skip-endpoint-check in-cluster h/help V/version
end

function __fish_eksiam_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_eksiam_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_eksiam_using_subcommand
    set -l cmd (__fish_eksiam_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c eksiam -n "__fish_eksiam_needs_command" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_needs_command" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_needs_command" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_needs_command" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_needs_command" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_needs_command" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_needs_command" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_needs_command" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_needs_command" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_needs_command" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_needs_command" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_needs_command" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "plan" -d 'Show what `apply -f FILE` would change, without changing anything'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "apply" -d 'Make the cluster\'s IAM match a ClusterConfig file'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "thumbprint" -d 'Print the thumbprint IAM stores for an OIDC issuer'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "create" -d 'Create resources (eksctl\'s `create`)'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "update" -d 'Update resources (eksctl\'s `update`)'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "get" -d 'List resources (eksctl\'s `get`)'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "delete" -d 'Delete resources (eksctl\'s `delete`)'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "utils" -d 'eksctl\'s utility commands'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "migrate" -d 'Move from other tools to eksiam'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "reconcile" -d 'Give each ServiceAccount annotated `eksiam.io/role: managed` (or `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "explain" -d 'Say what Kubernetes identity an IAM or STS ARN gets in the cluster, and through what'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "iam-policy" -d 'Print the IAM policy the identity running eksiam needs'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "rbac" -d 'Print the Kubernetes RBAC rules the identity running eksiam needs'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "completion" -d 'Print a completion script for your shell'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "schema" -d 'Print the JSON Schema of the ClusterConfig fields eksiam reads'
complete -c eksiam -n "__fish_eksiam_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -s f -l config-file -d 'The ClusterConfig file (eksctl\'s `eksctl.io/v1alpha5` format)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l include -d 'Only ServiceAccounts whose `namespace/name` matches one of these globs' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l exclude -d 'Skip ServiceAccounts whose `namespace/name` matches one of these globs' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l thumbprint -d 'Use this issuer thumbprint (40 hex characters) instead of fetching it' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l ca-file -d 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy\'s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l timeout -d 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l prune -d 'Also delete what eksiam manages for this cluster but the file no longer lists'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l allow-lockout -d 'Allow aws-auth removals that would lock out nodes (a `system:node:` mapping), the AWS identity eksiam runs as, or empty `mapRoles`'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l collapse-duplicates -d 'Remove shadowed duplicate aws-auth entries, keeping the one the authenticator uses'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l override-existing-serviceaccounts -d 'Rebind ServiceAccounts that are already annotated with another role'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l install-agent -d 'Install the `eks-pod-identity-agent` add-on when Pod Identity associations need it and the cluster lacks it'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l offline -d 'Plan without any network call, as if the account and cluster held nothing yet'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l detailed-exitcode -d 'Exit 0 when there is nothing to change, 2 when there are changes'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand plan" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -s f -l config-file -d 'The ClusterConfig file (eksctl\'s `eksctl.io/v1alpha5` format)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l include -d 'Only ServiceAccounts whose `namespace/name` matches one of these globs' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l exclude -d 'Skip ServiceAccounts whose `namespace/name` matches one of these globs' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l thumbprint -d 'Use this issuer thumbprint (40 hex characters) instead of fetching it' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l ca-file -d 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy\'s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l timeout -d 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l concurrency -d 'How many AWS and Kubernetes calls run at once' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l prune -d 'Also delete what eksiam manages for this cluster but the file no longer lists'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l allow-lockout -d 'Allow aws-auth removals that would lock out nodes (a `system:node:` mapping), the AWS identity eksiam runs as, or empty `mapRoles`'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l collapse-duplicates -d 'Remove shadowed duplicate aws-auth entries, keeping the one the authenticator uses'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l override-existing-serviceaccounts -d 'Rebind ServiceAccounts that are already annotated with another role'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l install-agent -d 'Install the `eks-pod-identity-agent` add-on when Pod Identity associations need it and the cluster lacks it'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l offline -d 'With `--dry-run`: plan without any network call, as if the account and cluster held nothing yet'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand apply" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l ca-file -d 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy\'s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l timeout -d 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand thumbprint" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "accessentry" -d 'Create or update an EKS access entry and its access policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "iamidentitymapping" -d 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "iamserviceaccount" -d 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "podidentityassociation" -d 'Create an EKS Pod Identity association, and the role it binds unless one is given'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l principal-arn -d 'The IAM role or user ARN the entry lets in' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l type -d '`STANDARD` (default), or a node type: `EC2`, `EC2_LINUX`, `EC2_WINDOWS`, `FARGATE_LINUX`, `HYBRID_LINUX`' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l kubernetes-groups -d 'Kubernetes groups (not `system:`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l kubernetes-username -d 'The Kubernetes user name (EKS chooses one when absent)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l access-policy -d 'An access policy to associate, at cluster scope or in namespaces: `ARN`, `ARN:cluster` or `ARN:namespace=a,b` (repeatable)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l allow-lockout -d 'Allow narrowing the entry of the AWS identity eksiam runs as (groups, username, an access policy or its scope), or the last cluster-admin entry\'s policy'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from accessentry" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l arn -d 'The IAM role or user ARN to map' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l username -d 'The Kubernetes user name' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l group -d 'A Kubernetes group (repeatable)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l account -d 'An AWS account ID whose IAM users all map to themselves' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l no-duplicate-arns -d 'Fail instead of updating when the ARN is already mapped differently'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l collapse-duplicates -d 'Remove shadowed duplicate entries, keeping the one the authenticator uses'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l allow-lockout -d 'Allow changing the groups or username of the AWS identity eksiam runs as (and any change that lowers access when that identity cannot be told)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamidentitymapping" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l name -d 'The ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l namespace -d 'Its namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l attach-policy-arn -d 'A managed policy to attach (repeatable)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l attach-policy -d 'A file with an inline policy document (JSON or YAML)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l attach-role-arn -d 'Use this existing role as-is instead of creating one' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l role-name -d 'The role\'s name (default: `<cluster>-<namespace>-<name>`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l permissions-boundary -d 'A managed policy used as the role\'s permissions boundary' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l tags -d 'Tags for the role, `k=v,k2=v2`' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l subject-pattern -d 'Trust every ServiceAccount matching this pattern, e.g. `system:serviceaccount:NS:*`' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l role-only -d 'Create the role only; do not create or annotate the ServiceAccount'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l override-existing-serviceaccounts -d 'Rebind the ServiceAccount if it is already annotated with another role'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from iamserviceaccount" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l namespace -d 'The ServiceAccount\'s namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l service-account-name -d 'The ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l role-arn -d 'Use this existing role as-is instead of creating one' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l role-name -d 'The name of the role eksiam creates (default: `<cluster>-<namespace>-<name>`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l permission-policy-arns -d 'Managed policies to attach to the role eksiam creates' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l well-known-policies -d 'eksctl\'s ready-made policies: autoScaler, awsLoadBalancerController, certManager, ebsCSIController, efsCSIController, externalDNS, imageBuilder' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l permission-boundary-arn -d 'A managed policy used as the role\'s permissions boundary' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l target-role-arn -d 'A role in another account the pods\' credentials are for (role chaining)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l policy -d 'A session policy narrowing the pods\' credentials: a JSON document, or the path of a JSON or YAML file' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l create-service-account -d 'Create the ServiceAccount when it does not exist'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l disable-session-tags -d 'Do not add EKS\'s session tags to the pods\' sessions'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l install-agent -d 'Install the `eks-pod-identity-agent` add-on when the cluster lacks it'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from podidentityassociation" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "accessentry" -d 'Create or update an EKS access entry and its access policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "iamidentitymapping" -d 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "iamserviceaccount" -d 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "podidentityassociation" -d 'Create an EKS Pod Identity association, and the role it binds unless one is given'
complete -c eksiam -n "__fish_eksiam_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -f -a "iamserviceaccount" -d 'Make an IAM service account\'s role have exactly the given policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -f -a "podidentityassociation" -d 'Change an EKS Pod Identity association\'s role or options (what is not given stays)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and not __fish_seen_subcommand_from iamserviceaccount podidentityassociation help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l name -d 'The ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l namespace -d 'Its namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l attach-policy-arn -d 'A managed policy to attach (repeatable)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l attach-policy -d 'A file with an inline policy document (JSON or YAML)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l attach-role-arn -d 'Use this existing role as-is instead of creating one' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l role-name -d 'The role\'s name (default: `<cluster>-<namespace>-<name>`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l permissions-boundary -d 'A managed policy used as the role\'s permissions boundary' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l tags -d 'Tags for the role, `k=v,k2=v2`' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l subject-pattern -d 'Trust every ServiceAccount matching this pattern, e.g. `system:serviceaccount:NS:*`' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l role-only -d 'Create the role only; do not create or annotate the ServiceAccount'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from iamserviceaccount" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l namespace -d 'The ServiceAccount\'s namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l service-account-name -d 'The ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l role-arn -d 'Bind this role instead' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l target-role-arn -d 'A role in another account the pods\' credentials are for (role chaining)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l disable-session-tags -d 'Whether EKS adds its session tags (`true` disables them)' -r -f -a "true\t''
false\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l policy -d 'A session policy: a JSON document, or the path of a JSON or YAML file' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from podidentityassociation" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from help" -f -a "iamserviceaccount" -d 'Make an IAM service account\'s role have exactly the given policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from help" -f -a "podidentityassociation" -d 'Change an EKS Pod Identity association\'s role or options (what is not given stays)'
complete -c eksiam -n "__fish_eksiam_using_subcommand update; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "access" -d 'List every principal that can reach the cluster, from aws-auth and access entries'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "accessentry" -d 'List EKS access entries with their access policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "iamidentitymapping" -d 'List aws-auth entries'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "iamserviceaccount" -d 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "podidentityassociation" -d 'List EKS Pod Identity associations'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and not __fish_seen_subcommand_from access accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from access" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l principal-arn -d 'Only the entry of this principal' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from accessentry" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l arn -d 'Only the entries for this ARN' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamidentitymapping" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l namespace -d 'Only this namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l name -d 'Only this ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from iamserviceaccount" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l namespace -d 'Only this namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l service-account-name -d 'Only this ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from podidentityassociation" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "access" -d 'List every principal that can reach the cluster, from aws-auth and access entries'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "accessentry" -d 'List EKS access entries with their access policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "iamidentitymapping" -d 'List aws-auth entries'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "iamserviceaccount" -d 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "podidentityassociation" -d 'List EKS Pod Identity associations'
complete -c eksiam -n "__fish_eksiam_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "accessentry" -d 'Delete an EKS access entry (and its access policy associations)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "iamidentitymapping" -d 'Remove every aws-auth entry for an ARN or account'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "iamserviceaccount" -d 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "podidentityassociation" -d 'Delete an EKS Pod Identity association, and the role eksiam made for it alone'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and not __fish_seen_subcommand_from accessentry iamidentitymapping iamserviceaccount podidentityassociation help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l principal-arn -d 'The principal whose entry to delete' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l allow-lockout -d 'Allow deleting the entry of the AWS identity eksiam runs as, or the last entry with `AmazonEKSClusterAdminPolicy` at cluster scope (and any deletion when that identity cannot be told)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from accessentry" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l arn -d 'The IAM role or user ARN whose entries to remove' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l account -d 'The account ID to remove from `mapAccounts`' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l all -d 'Accepted for eksctl compatibility: eksiam always removes every entry for the ARN'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l allow-lockout -d 'Allow removing a node role\'s mapping, the mapping of the AWS identity eksiam runs as, or the last `mapRoles` entry (and any removal when that identity cannot be told)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamidentitymapping" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l name -d 'The ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l namespace -d 'Its namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from iamserviceaccount" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l namespace -d 'The ServiceAccount\'s namespace' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l service-account-name -d 'The ServiceAccount' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from podidentityassociation" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "accessentry" -d 'Delete an EKS access entry (and its access policy associations)'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "iamidentitymapping" -d 'Remove every aws-auth entry for an ARN or account'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "iamserviceaccount" -d 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "podidentityassociation" -d 'Delete an EKS Pod Identity association, and the role eksiam made for it alone'
complete -c eksiam -n "__fish_eksiam_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -f -a "associate-iam-oidc-provider" -d 'Register the cluster\'s OIDC issuer as an IAM OIDC provider'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -f -a "migrate-to-access-entry" -d 'Give every aws-auth mapping an EKS access entry (eksctl\'s migration)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -f -a "migrate-to-pod-identity" -d 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and not __fish_seen_subcommand_from associate-iam-oidc-provider migrate-to-access-entry migrate-to-pod-identity help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l thumbprint -d 'Use this thumbprint (40 hex characters) instead of fetching it from the issuer' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l ca-file -d 'Also trust the CAs in this PEM file (e.g. a TLS-inspecting proxy\'s); `SSL_CERT_FILE` replaces the system roots, as in OpenSSL' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l timeout -d 'Give up on each network step (connect, proxy, TLS handshake) after this many seconds' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from associate-iam-oidc-provider" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l target-authentication-mode -d 'Also move the cluster\'s authentication mode forward: `API_AND_CONFIG_MAP`, or `API` (refused while any mapping cannot move)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-access-entry" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l remove-oidc-provider-trust-relationship -d 'Also remove the moved ServiceAccounts\' OIDC statements from the roles eksiam owns'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l approve -d 'Accepted and ignored, so eksctl scripts keep working'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from migrate-to-pod-identity" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "associate-iam-oidc-provider" -d 'Register the cluster\'s OIDC issuer as an IAM OIDC provider'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "migrate-to-access-entry" -d 'Give every aws-auth mapping an EKS access entry (eksctl\'s migration)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "migrate-to-pod-identity" -d 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)'
complete -c eksiam -n "__fish_eksiam_using_subcommand utils; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -f -a "kube2iam" -d 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads\' pods assume through kube2iam (changes nothing)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and not __fish_seen_subcommand_from kube2iam help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l base-role-arn -d 'kube2iam\'s `--base-role-arn`, which a bare role name is joined to (default: the cluster account\'s `arn:PARTITION:iam::ACCOUNT:role/`, as `--auto-discover-base-arn`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from kube2iam" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "kube2iam" -d 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads\' pods assume through kube2iam (changes nothing)'
complete -c eksiam -n "__fish_eksiam_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l role-prefix -d 'The roles\' name prefix: `<prefix>_<namespace>_<name>`' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l resync -d 'With `--watch`: reconcile at least this often, to repair drift in IAM (`90s`, `10m`, `1h`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l dry-run -d 'Print the plan and change nothing'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l watch -d 'Keep running: watch ServiceAccounts and reconcile after each change that needs it, and every `--resync`, until SIGTERM or SIGINT (as a controller in the cluster)'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand reconcile" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l cluster -d 'The EKS cluster' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -s h -l help -d 'Print help'
complete -c eksiam -n "__fish_eksiam_using_subcommand explain" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -s f -l config-file -d 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l command -d 'Only what this command needs (repeatable), e.g. `--command "create iamserviceaccount"`; with `-f`, `plan` gives the read-only form (default: every command, or `apply` with `-f`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l account -d 'The AWS account ID to name in the ARNs (default `*`: any account)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l issuer -d 'The cluster\'s OIDC issuer URL, to name its OIDC provider exactly (default: any EKS issuer of the region)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l prune -d 'With `-f`: also what `apply -f FILE --prune` needs'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l explain -d 'Print a Markdown table of every permission, the commands that need it and why'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand iam-policy" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -s f -l config-file -d 'Scope the permissions to what `apply -f FILE` needs for this ClusterConfig' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l command -d 'Only what this command needs (repeatable), e.g. `--command "create iamserviceaccount"`; with `-f`, `plan` gives the read-only form (default: every command, or `apply` with `-f`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l group -d 'The group the rules are bound to (map eksiam\'s IAM identity to it in aws-auth)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l prune -d 'With `-f`: also what `apply -f FILE --prune` needs'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l explain -d 'Print a Markdown table of every permission, the commands that need it and why'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand rbac" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand completion" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -l region -d 'AWS region (else the file\'s `metadata.region`, else the AWS SDK chain)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -l profile -d 'AWS shared-config profile' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -s o -l output -d 'Output format: `text` for people, `json` and `yaml` for machines' -r -f -a "text\t''
json\t''
yaml\t''"
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -l kubeconfig -d 'Reach the cluster with this kubeconfig; without it and `--context`, eksiam uses `KUBECONFIG`\'s current context when its server is the cluster\'s endpoint, else the endpoint from `eks:DescribeCluster` and an EKS token (no kubeconfig needed)' -r -F
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -l context -d 'Reach the cluster with this context of the kubeconfig (`--kubeconfig`, else `KUBECONFIG`, else `~/.kube/config`)' -r
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -l no-color -d 'No ANSI colour (also when `NO_COLOR` is set or stdout is not a terminal)'
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -s v -l verbose -d 'More on stderr: `-v` each call and decision, `-vv` also each HTTP request (its URL, status and time; credentials never shown)'
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -s q -l quiet -d 'Only errors on stderr, and no text plan before an apply'
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -l skip-endpoint-check -d 'With `KUBECONFIG` set (and no `--kubeconfig`/`--context`): use its current context even when its server is not the endpoint `eks:DescribeCluster` reports (the same cluster behind another address)'
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -l in-cluster -d 'Reach the cluster this process runs in, as its pod\'s ServiceAccount (a controller\'s in-cluster configuration), instead of a kubeconfig or an EKS token'
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eksiam -n "__fish_eksiam_using_subcommand schema" -s V -l version -d 'Print version'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "plan" -d 'Show what `apply -f FILE` would change, without changing anything'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "apply" -d 'Make the cluster\'s IAM match a ClusterConfig file'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "thumbprint" -d 'Print the thumbprint IAM stores for an OIDC issuer'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "create" -d 'Create resources (eksctl\'s `create`)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "update" -d 'Update resources (eksctl\'s `update`)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "get" -d 'List resources (eksctl\'s `get`)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "delete" -d 'Delete resources (eksctl\'s `delete`)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "utils" -d 'eksctl\'s utility commands'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "migrate" -d 'Move from other tools to eksiam'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "reconcile" -d 'Give each ServiceAccount annotated `eksiam.io/role: managed` (or `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "explain" -d 'Say what Kubernetes identity an IAM or STS ARN gets in the cluster, and through what'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "iam-policy" -d 'Print the IAM policy the identity running eksiam needs'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "rbac" -d 'Print the Kubernetes RBAC rules the identity running eksiam needs'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "completion" -d 'Print a completion script for your shell'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "schema" -d 'Print the JSON Schema of the ClusterConfig fields eksiam reads'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and not __fish_seen_subcommand_from plan apply thumbprint create update get delete utils migrate reconcile explain iam-policy rbac completion schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "accessentry" -d 'Create or update an EKS access entry and its access policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "iamidentitymapping" -d 'Add or update an aws-auth entry (one per ARN: re-running changes nothing)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "iamserviceaccount" -d 'Create an IAM role for a ServiceAccount, and the ServiceAccount annotated to use it'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "podidentityassociation" -d 'Create an EKS Pod Identity association, and the role it binds unless one is given'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from update" -f -a "iamserviceaccount" -d 'Make an IAM service account\'s role have exactly the given policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from update" -f -a "podidentityassociation" -d 'Change an EKS Pod Identity association\'s role or options (what is not given stays)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "access" -d 'List every principal that can reach the cluster, from aws-auth and access entries'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "accessentry" -d 'List EKS access entries with their access policies'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "iamidentitymapping" -d 'List aws-auth entries'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "iamserviceaccount" -d 'List IAM service accounts: ServiceAccounts bound to a role, and roles eksiam manages'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "podidentityassociation" -d 'List EKS Pod Identity associations'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "accessentry" -d 'Delete an EKS access entry (and its access policy associations)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "iamidentitymapping" -d 'Remove every aws-auth entry for an ARN or account'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "iamserviceaccount" -d 'Delete an IAM service account: its role (when eksiam made it for this ServiceAccount alone) and the ServiceAccount (when eksiam created it), or else the annotation'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "podidentityassociation" -d 'Delete an EKS Pod Identity association, and the role eksiam made for it alone'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "associate-iam-oidc-provider" -d 'Register the cluster\'s OIDC issuer as an IAM OIDC provider'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "migrate-to-access-entry" -d 'Give every aws-auth mapping an EKS access entry (eksctl\'s migration)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from utils" -f -a "migrate-to-pod-identity" -d 'Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the same role (the annotation stays until IRSA is removed)'
complete -c eksiam -n "__fish_eksiam_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "kube2iam" -d 'Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the roles the workloads\' pods assume through kube2iam (changes nothing)'
