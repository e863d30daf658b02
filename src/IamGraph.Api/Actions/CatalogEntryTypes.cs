using System.Text.Json;

using GraphQL.Types;

using IamGraph.Api.Common.Filtering;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Actions;

/// <summary>A resource type an action acts on, with what AWS says of it for that action.</summary>
public sealed record ActionResourceTypeItem(ResourceType ResourceType, bool Required, string ConditionKeysJson)
{
    public IReadOnlyList<string> ConditionKeys => JsonSerializer.Deserialize<string[]>(ConditionKeysJson) ?? [];
}

/// <summary>How the action catalogue's resource types and condition keys are read: by name.</summary>
public static class CatalogEntryFieldMaps
{
    public static EntityFieldMap<ResourceType> ResourceTypes { get; } = new(r => r.Name, r => r.Id);

    public static EntityFieldMap<ConditionKey> ConditionKeys { get; } = new(k => k.Name, k => k.Id);
}

public sealed class ActionResourceTypeGraphType : ObjectGraphType<ActionResourceTypeItem>
{
    public ActionResourceTypeGraphType()
    {
        Name = "ActionResourceType";
        Description = "A resource type an action acts on (AWS's service authorization reference).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("AWS's name for the type, unique within its service (`bucket`, `object`).")
            .Resolve(ctx => ctx.Source.ResourceType.Name);
        Field<NonNullGraphType<StringGraphType>>("arnFormat").Description("The ARN template its resources follow, e.g. `arn:${Partition}:s3:::${BucketName}`.")
            .Resolve(ctx => ctx.Source.ResourceType.Arn);
        Field<NonNullGraphType<BooleanGraphType>>("required").Description("True when every call of the action names a resource of this type.")
            .Resolve(ctx => ctx.Source.Required);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("conditionKeys")
            .Description("Condition keys that apply to the action with this resource type.")
            .Resolve(ctx => ctx.Source.ConditionKeys);
    }
}

public sealed class ConditionKeyGraphType : ObjectGraphType<ConditionKey>
{
    public ConditionKeyGraphType()
    {
        Name = "ConditionKey";
        Description = "A condition key a policy may test (`s3:prefix`, `aws:RequestTag/${TagKey}`).";
        Field(k => k.Name).Description("As AWS writes it.");
        Field(k => k.Description, nullable: true).Description("AWS's description; null for a key the catalogue names but does not define (global `aws:` keys).");
        Field(k => k.Type, nullable: true).Description("`String`, `ArrayOfString`, `Bool`, `Date`, `Numeric`, `ARN`...; null when the catalogue does not say.");
    }
}
