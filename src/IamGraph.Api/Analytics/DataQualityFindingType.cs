using GraphQL.Types;

using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Filtering;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Analytics;

/// <summary>What <c>DataQualityFindingFilterInput</c> and <c>DataQualityFindingSortInput</c> offer, and how a finding is read in SQL.</summary>
public static class DataQualityFindingFilterAndSort
{
    public static EntityFieldMap<DataQualityFinding> Map { get; } = new EntityFieldMap<DataQualityFinding>(f => f.Kind, f => f.Id)
        .Columns(f => f.Kind, f => f.Category, f => f.Entity, f => f.File);
}

public sealed class DataQualityFindingFilterInputType() : FilterInputGraphType("DataQualityFinding", DataQualityFindingFilterAndSort.Map);

public sealed class DataQualityFindingSortInputType() : Common.Sorting.SortInputGraphType("DataQualityFinding", DataQualityFindingFilterAndSort.Map);

public sealed class DataQualityFindingType : ObjectGraphType<DataQualityFinding>, INodeGraphType
{
    public static string GraphTypeName => "DataQualityFinding";

    public DataQualityFindingType()
    {
        Name = GraphTypeName;
        Description = "Something the import noticed in the docs and kept going: a count that disagrees with its page, a duplicate row, a lost page.";
        Field(f => f.Category).Description("`discrepancy` (the docs disagree with themselves) or `warning` (odd but harmless).");
        Field(f => f.Kind).Description("Machine-readable kind, e.g. `index-count-mismatch`, `duplicate-row`, `page-lost-to-slug-collision`.");
        Field(f => f.Entity, nullable: true).Description("Which entity it concerns, e.g. `service:acm`.");
        Field(f => f.File, nullable: true).Description("Docs-relative file, e.g. `services/README.md`.");
        Field(f => f.Line, nullable: true);
        Field<IntGraphType>("declared").Description("The count the docs declare, where there is one.").Resolve(ctx => (int?)ctx.Source.Declared);
        Field<IntGraphType>("actual").Description("The count the pages give, where there is one.").Resolve(ctx => (int?)ctx.Source.Actual);
        Field(f => f.Message);
    }
}

public static class DataQualityQueries
{
    public static void AddDataQualityQueries(this ObjectGraphType query)
    {
        query.ConnectionField<object?, DataQualityFindingType, DataQualityFinding, DataQualityFindingFilterInputType, DataQualityFindingSortInputType>("dataQuality")
            .Description("What the import found odd in the docs, by kind then import order unless ordered otherwise.")
            .ResolveAsync(async ctx => await RootConnectionResolver.ResolveAsync(ctx, DataQualityFindingFilterAndSort.Map));
    }
}
