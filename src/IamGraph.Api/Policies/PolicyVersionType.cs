using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Relay;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Policies;

public sealed class PolicyVersionType : NodeGraphType<PolicyVersion>, INodeGraphType
{
    public static string GraphTypeName => "PolicyVersion";

    public PolicyVersionType()
        : base(GraphTypeName, "One stored version of a managed policy's document (from the managed-policies package).", v => v.Id)
    {
        Field(v => v.VersionId).Description("AWS's version id, e.g. `v5`; versions are ordered by its number.");
        Field(v => v.IsDefault).Description("True for the policy's default (current) version, the one its grants are computed from.");
        Field(v => v.CreatedAt, nullable: true).Description("When AWS created this version.");
        Field<NonNullGraphType<JsonGraphType>>("document")
            .Description("The policy document as published, as a JSON object (`Version`, `Statement`).")
            .Resolve(ctx => ctx.Source.Document);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementType>>>>("statements")
            .Description("The document's statements in document order.")
            .ResolveList(PolicyVersionRelations.Statements);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("addedActions")
            .Description("Action strings (Action and NotAction, patterns as written) this version names and the previous stored version (next lower version number) "
                + "does not, compared ignoring case, ordinal order. All it names for the oldest stored version.")
            .Resolve(ctx => VersionActionChangesLoader.Of(ctx).Load(ctx.Source.Id).Map(c => c?.AddedActions ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("removedActions")
            .Description("Action strings the previous stored version names and this one does not, compared ignoring case, ordinal order.")
            .Resolve(ctx => VersionActionChangesLoader.Of(ctx).Load(ctx.Source.Id).Map(c => c?.RemovedActions ?? []));
        Field<NonNullGraphType<PolicyType>>("policy").Resolve(ctx => ctx.LoadById<Policy>(ctx.Source.PolicyId));
    }
}
