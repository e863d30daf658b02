using System.Text.Json;

using GraphQL.Types;

using IamGraph.Api.Common;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Policies;

public sealed class StatementEffectGraphType : EnumerationGraphType<StatementEffect>
{
    public StatementEffectGraphType()
    {
        Name = "StatementEffect";
        Description = "Whether a statement allows or denies what it matches.";
    }
}

public sealed class StatementType : ObjectGraphType<PolicyStatement>
{
    public StatementType()
    {
        Name = "Statement";
        Description = "One statement of a policy document, as published (a document whose `Statement` is a single object has one).";
        Field(s => s.Sid, nullable: true).Description("The statement's `Sid`, when it has one.");
        Field<NonNullGraphType<StatementEffectGraphType>>("effect").Resolve(ctx => ctx.Source.Effect);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions")
            .Description("The strings of its `Action`, as written (patterns not expanded), ordinal order; empty when it uses `NotAction`.")
            .Resolve(ctx => StatementActionsLoader.Of(ctx).Load(ctx.Source.Id).Map(a => a?.Actions ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("notActions")
            .Description("The strings of its `NotAction`, as written, ordinal order: an Allow grants every action they do not match.")
            .Resolve(ctx => StatementActionsLoader.Of(ctx).Load(ctx.Source.Id).Map(a => a?.NotActions ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("resources")
            .Description("Its `Resource` values, as written; empty when it has `NotResource`.")
            .Resolve(ctx => ctx.Source.IsNotResource ? [] : Strings(ctx.Source.Resource));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("notResources")
            .Description("Its `NotResource` values, as written: it applies to every resource but these.")
            .Resolve(ctx => ctx.Source.IsNotResource ? Strings(ctx.Source.Resource) : []);
        Field<JsonGraphType>("condition")
            .Description("Its `Condition` block as published (a JSON object), or null when it has none.")
            .Resolve(ctx => ctx.Source.Condition);
    }

    private static string[] Strings(string? json) => json is null ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
