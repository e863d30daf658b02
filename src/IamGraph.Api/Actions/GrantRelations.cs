using System.Linq.Expressions;

using GraphQL;

using IamGraph.Api.Common.DataLoading;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Actions;

/// <summary>
/// A relation over effective grants declared once and served three ways, as a grant field's <c>unrestricted:</c> argument asks:
/// every grant, only unrestricted ones (true), or only limited ones (false; a docs-only policy's grants, which do not say, are neither).
/// </summary>
public sealed class GrantRelations<TParent, TNode, TEdge>(Func<Func<CatalogDbContext, IQueryable<EffectiveGrant>>, Relation<TParent, TNode, TEdge>> declare)
    where TNode : class
{
    public const string ArgumentName = "unrestricted";

    private static readonly Expression<Func<EffectiveGrant, bool>> IsUnrestricted = g => g.Unrestricted == true;
    private static readonly Expression<Func<EffectiveGrant, bool>> IsLimited = g => g.Unrestricted == false;

    public Relation<TParent, TNode, TEdge> All { get; } = declare(db => db.EffectiveGrants);
    public Relation<TParent, TNode, TEdge> Unrestricted { get; } = declare(db => db.EffectiveGrants.Where(IsUnrestricted));
    public Relation<TParent, TNode, TEdge> Limited { get; } = declare(db => db.EffectiveGrants.Where(IsLimited));

    public Relation<TParent, TNode, TEdge> For(IResolveFieldContext context) => context.GetArgument<bool?>(ArgumentName) switch
    {
        true => Unrestricted,
        false => Limited,
        null => All,
    };
}
