using IamGraph.Api.Common;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Policies;

public sealed class PolicySourceGraphType() : FlagsGraphType<PolicySources>(
    "PolicySource",
    "Where the import read a policy from.",
    (PolicySources.Docs, "The IAM docs' Markdown pages: the strings the policy names, no document."),
    (PolicySources.ManagedPolicies, "A managed-policies package: the real documents with their versions."),
    (PolicySources.Account, "An account's authorization details (`aws iam get-account-authorization-details`)."));
