using System.Globalization;
using System.Text;

using GraphQL.Types;

using IamGraph.Api.Common.Paging;

namespace IamGraph.Api.Tests.Fuzzing;

/// <summary>
/// Builds random, valid GraphQL documents by walking the served schema (GraphQL.NET's <see cref="ISchema"/>, so every field, argument
/// and input type the API has is reachable without a hand-written list): root fields with their arguments, nested selections to a
/// bounded depth, <c>where</c> inputs built recursively from the filter input types, <c>order</c> lists, aliases, fragments,
/// directives and variables. Values mix catalogue names (hits), near misses and odd strings (NUL, unicode, LIKE metacharacters),
/// nulls, empty objects and lists, and edge-case page sizes and cursors. The same seed gives the same document.
/// Most documents stay within the server's limits (depth 20, page size); a few exceed them on purpose.
/// </summary>
public sealed class DocumentGenerator
{
    /// <summary>Strings that have broken or could break a query builder or a driver.</summary>
    private static readonly string[] OddStrings =
    [
        "", " ", "%", "_", "%%", "a%", "%a", "\\", "\\%", "\\_", "[", "[a-z]", "^", "*", "?", "**", "'", "''", "\"", ";", "--", "/*",
        "\0", "a\0b", "s3:\0", "\0%", "\u0001", "\t", "\r\n", "\u00a0", "\u200b", "\ufeff", "\u2028",
        "é", "É", "e\u0301", "ß", "SS", "İ", "ı", "I", "\u212a", "K", "\ufb00", "Σ", "ς", "日本語", "🙂", "a🙂b", "\u0130s3",
        "s3:*", "s3:%", "s3:_", "s3:Get%", "S3:GET_OBJECT", ":", "::", "arn:", "arn:aws:iam::aws:policy/", "/", "//",
        "null", "NULL", "0", "-1", "2147483647", "true",
    ];

    private static readonly int[] OddInts = [0, 1, -1, 2, 3, 4, 5, 7, 10, 12, 47, 100, 1000, int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1];

    private readonly ISchema _schema;
    private readonly CatalogueValues _values;
    private readonly int _maxPageSize;
    private readonly string[] _allStrings;

    private Random _random = new(0);
    private Shape _shape = new(0, 0, 0, 0, false, 0);
    private int _names;
    private int _valuesLeft;
    private int _fieldsLeft;
    private DocumentFocus _focus;

    /// <param name="maxDepth">The server's depth limit; a few documents go past it.</param>
    public DocumentGenerator(ISchema schema, CatalogueValues values, int maxPageSize, int maxDepth)
    {
        schema.Initialize();
        _schema = schema;
        _values = values;
        _maxPageSize = maxPageSize;
        MaxDepth = maxDepth;
        _allStrings = [.. values.Policies, .. values.PolicyArns, .. values.Paths, .. values.Actions, .. values.Services, .. values.Roles, .. values.RoleArns, .. values.Findings];
    }

    public int MaxDepth { get; }

    /// <summary>Per-document dials, drawn first so documents differ in kind, not only in detail.</summary>
    /// <param name="Depth">Selection nesting allowed (root field = 1).</param>
    /// <param name="FilterDepth">Input-object nesting allowed in arguments.</param>
    /// <param name="CompositeBias">How likely a selection descends into an object rather than a leaf.</param>
    /// <param name="VariableShare">Share of arguments passed as variables.</param>
    /// <param name="RelationBias">How likely a filter descends into a relation (<c>some</c>/<c>none</c>/<c>all</c> of another entity): the chains that multiply rows.</param>
    private sealed record Shape(int Depth, int FilterDepth, double CompositeBias, double VariableShare, bool Wide, double RelationBias);

    /// <param name="focus">
    /// <see cref="DocumentFocus.Filter"/>: one root connection with a <c>where</c>; <see cref="DocumentFocus.Paging"/>: one root
    /// connection with paging arguments (what the oracles of properties 4 and 5 check, so no document is wasted on them).
    /// </param>
    public FuzzDocument Generate(int seed, DocumentFocus focus = DocumentFocus.None)
    {
        _random = new Random(seed);
        _focus = focus;
        _names = 0;
        // Input values per document: nested and/or lists of filters grow exponentially with depth otherwise.
        _valuesLeft = Pick((80, () => Between(10, 60)), (20, () => Between(61, 400)));
        // Selected fields per document, likewise (a wide selection set at every level of a deep document).
        _fieldsLeft = Pick((85, () => Between(5, 40)), (15, () => Between(41, 300)));
        var depth = Pick((70, () => Between(2, 8)), (25, () => Between(9, 14)), (5, () => Between(MaxDepth - 2, MaxDepth + 4)));
        var deep = depth > 14;
        // Relation chains (some/none/all across entities, 5 to 10 hops) multiply rows at each hop: the filters that ran away.
        // Not for the oracles (a focus): they check what rows come back, and a runaway only times their probes out.
        var chains = Chance(0.06) && focus == DocumentFocus.None;
        _shape = new Shape(
            Depth: depth,
            FilterDepth: chains ? Between(10, 20) : Pick((60, () => Between(1, 3)), (30, () => Between(4, 6)), (10, () => Between(7, 10))),
            // The few documents meant to reach the depth limit mostly descend.
            CompositeBias: deep ? 0.9 : 0.2 + (_random.NextDouble() * 0.5),
            VariableShare: Chance(0.2) ? 0.5 : 0,
            Wide: !deep && Chance(0.1),
            RelationBias: chains ? 0.95 : 0);
        if (deep)
        {
            _fieldsLeft = Math.Max(_fieldsLeft, 3 * depth);
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        var roots = new List<FuzzSelection>();
        var query = _schema.Query!;
        // Connections (lists with where/order/paging) three times as often as the other root fields.
        var rootFields = query.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(f => Enumerable.Repeat(f, Named(f.ResolvedType!).Name.EndsWith("Connection", StringComparison.Ordinal) ? 3 : 1)).ToList();
        var count = Pick((60, () => 1), (30, () => 2), (10, () => Between(3, 5)));
        if (focus != DocumentFocus.None)
        {
            count = 1;
            var needed = focus == DocumentFocus.Filter ? "where" : "first";
            rootFields = [.. rootFields.Where(f => f.Arguments?.Any(a => a.Name == needed) == true).Distinct()];
        }
        for (var i = 0; i < count; i++)
        {
            roots.Add(Field(query, RandomElement(rootFields), _shape.Depth, 0, used));
        }
        return new FuzzDocument(roots);
    }

    private FieldSelection Field(IComplexGraphType parent, FieldType field, int depthLeft, int connectionLevel, HashSet<string> used)
    {
        string? alias = null;
        if (!used.Add(field.Name) || Chance(0.08))
        {
            alias = NewName("a");
            used.Add(alias);
        }
        var named = Named(field.ResolvedType!);
        var isConnection = named.Name.EndsWith("Connection", StringComparison.Ordinal);
        var arguments = Arguments(parent, field, connectionLevel);
        IReadOnlyList<FuzzSelection> children = named is IComplexGraphType complex
            ? SelectionSet(complex, depthLeft - 1, connectionLevel + (isConnection ? 1 : 0))
            : [];
        var directive = Chance(0.03) ? RandomElement(["@include(if: true)", "@skip(if: false)", "@skip(if: true)", "@include(if: false)"]) : null;
        return new FieldSelection(alias, field.Name, arguments, children, directive);
    }

    /// <param name="depthLeft">Levels still allowed below the parent field (at least 1: a leaf).</param>
    private List<FuzzSelection> SelectionSet(IComplexGraphType type, int depthLeft, int connectionLevel)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var selections = new List<FuzzSelection>();
        var fields = type.Fields.ToList();
        var count = _fieldsLeft <= 0 ? 1 : _shape.Wide ? Between(2, 6) : Pick((55, () => 1), (30, () => 2), (15, () => Between(3, 4)));
        _fieldsLeft -= count;
        for (var i = 0; i < count; i++)
        {
            selections.Add(Field(type, PickField(fields, depthLeft), depthLeft, connectionLevel, used));
        }
        if (Chance(0.05) && used.Add("__typename"))
        {
            selections.Add(new FieldSelection(null, "__typename", [], []));
        }
        if (type is IAbstractGraphType abstractType)
        {
            // An interface (Node): fragments on the types that implement it, sharing one set of response names.
            foreach (var possible in abstractType.PossibleTypes.Where(_ => Chance(0.5)))
            {
                var inner = new List<FuzzSelection>();
                var possibleFields = possible.Fields.ToList();
                for (var i = Between(1, 3); i > 0; i--)
                {
                    inner.Add(Field(possible, PickField(possibleFields, depthLeft), depthLeft, connectionLevel, used));
                }
                selections.Add(new InlineFragment(possible.Name, inner));
            }
        }
        else if (selections.Count > 0 && Chance(0.1))
        {
            // Move a run of the selections into a fragment: inline, without type condition, or named.
            var start = _random.Next(selections.Count);
            var length = Between(1, selections.Count - start);
            var moved = selections.GetRange(start, length);
            selections.RemoveRange(start, length);
            selections.Insert(start, Pick<FuzzSelection>(
                (40, () => new InlineFragment(type.Name, moved)),
                (20, () => new InlineFragment(null, moved)),
                (40, () => new FragmentSpread(NewName("F"), type.Name, moved))));
        }
        return selections;
    }

    private FieldType PickField(List<FieldType> fields, int depthLeft)
    {
        var leaves = fields.Where(f => IsLeaf(Named(f.ResolvedType!))).ToList();
        var composites = depthLeft >= 2 && _fieldsLeft > 0 ? fields.Where(f => !IsLeaf(Named(f.ResolvedType!))).ToList() : [];
        return composites.Count > 0 && (leaves.Count == 0 || Chance(_shape.CompositeBias)) ? RandomElement(composites) : RandomElement(leaves);
    }

    private List<FuzzArgument> Arguments(IComplexGraphType parent, FieldType field, int connectionLevel)
    {
        var arguments = new List<FuzzArgument>();
        foreach (var argument in field.Arguments ?? [])
        {
            var required = argument.ResolvedType is NonNullGraphType && argument.DefaultValue is null;
            var focused = parent == _schema.Query && (_focus, argument.Name) is (DocumentFocus.Filter, "where") or (DocumentFocus.Paging, "first" or "last" or "after" or "before");
            var probability = argument.Name switch
            {
                _ when focused => argument.Name is "where" or "first" ? 1 : 0.4,
                "first" => 0.55,
                "last" => 0.15,
                "after" or "before" => 0.15,
                "where" => _shape.RelationBias > 0 ? 0.9 : 0.4,
                "order" => 0.25,
                "name" or "arn" => parent == _schema.Query ? 0.7 : 0.3,
                _ => 0.35,
            };
            if (!required && !Chance(probability))
            {
                continue;
            }
            var value = argument.ResolvedType is not NonNullGraphType && !focused && Chance(0.04)
                ? NullValue.Instance
                : ArgumentValue(field.Name, argument, connectionLevel);
            var asVariable = _shape.VariableShare > 0 && Chance(_shape.VariableShare);
            arguments.Add(new FuzzArgument(argument.Name, value, asVariable ? TypeReference(argument.ResolvedType!) : null));
        }
        return arguments;
    }

    private FuzzValue ArgumentValue(string fieldName, QueryArgument argument, int connectionLevel)
    {
        var type = argument.ResolvedType!;
        return argument.Name switch
        {
            "first" or "last" => PageSize(connectionLevel),
            "after" or "before" => new StringValue(Cursor()),
            "id" => new StringValue(RandomElement(_values.NodeIds)),
            "ids" => new ListValue([.. Enumerable.Range(0, Between(0, 4)).Select(_ => new StringValue(Chance(0.9) ? RandomElement(_values.NodeIds) : Odd()))]),
            "name" or "arn" or "a" or "b" when Named(type) is StringGraphType => new StringValue(LookupName(fieldName, argument.Name)),
            "actions" or "policies" or "roles" or "exclude" when Named(type) is StringGraphType =>
                new ListValue([.. Enumerable.Range(0, Pick((10, () => 0), (50, () => 1), (40, () => Between(2, 5)))).Select(_ => new StringValue(LookupName(argument.Name, "name")))]),
            _ => Value(type, Pool(Named(type).Name), _shape.FilterDepth),
        };
    }

    private IntValue PageSize(int connectionLevel)
    {
        if (Chance(0.04))
        {
            // Past the limits: PAGE_SIZE_EXCEEDED / INVALID_PAGE_SIZE, never an unhandled error.
            return new IntValue(RandomElement([_maxPageSize + 1, -1, int.MaxValue, int.MinValue]));
        }
        return new IntValue(connectionLevel == 0
            ? RandomElement([0, 1, 1, 2, 2, 3, 3, 5, 10, 20, 50, 100, _maxPageSize])
            : RandomElement([0, 1, 1, 2, 2, 3, 5, 10]));
    }

    private string Cursor() => Pick(
        (60, () => PageCursor.Encode(Between(0, 25))),
        (10, () => PageCursor.Encode(RandomElement([int.MaxValue, int.MaxValue - 1, int.MaxValue - 2, 1_000_000]))),
        (30, () => RandomElement([
            "", "!", "MA", "MA=", "0", "-1", "bnVsbA==", Base64("-1"), Base64("2147483648"), Base64("99999999999"), Base64(" 1"), Base64("1 "), Base64("+1"),
            Base64("0x10"), Base64("١"), Base64("1\0"), Base64("abc"), Base64(""), "////", "=="])));

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A name for a lookup argument: usually one the catalogue has (as written, or in another case), sometimes a near miss or nonsense.</summary>
    private string LookupName(string fieldName, string argumentName)
    {
        IReadOnlyList<string> pool = (fieldName, argumentName) switch
        {
            ("policy" or "comparePolicies" or "policies" or "exclude", "arn") => _values.PolicyArns,
            ("policy" or "comparePolicies", _) or ("policies" or "exclude", _) => Chance(0.8) ? _values.Policies : _values.PolicyArns,
            ("role" or "roles", "arn") => _values.RoleArns,
            ("role" or "roles", _) => Chance(0.8) ? _values.Roles : _values.RoleArns,
            ("action" or "actions", _) => _values.Actions,
            ("service", _) => _values.Services,
            _ => _allStrings,
        };
        return Pick((55, () => RandomElement(pool)), (35, () => Mutate(RandomElement(pool))), (10, Odd));
    }

    /// <summary>The catalogue strings a filter on this input type compares against.</summary>
    private IReadOnlyList<string> Pool(string typeName) => typeName switch
    {
        _ when typeName.StartsWith("Action", StringComparison.Ordinal) || typeName.StartsWith("ListAction", StringComparison.Ordinal) => _values.Actions,
        _ when typeName.StartsWith("Policy", StringComparison.Ordinal) || typeName.StartsWith("ListPolicy", StringComparison.Ordinal) =>
            [.. _values.Policies, .. _values.PolicyArns, .. _values.Paths],
        _ when typeName.StartsWith("Service", StringComparison.Ordinal) || typeName.StartsWith("ListService", StringComparison.Ordinal) => _values.Services,
        _ when typeName.StartsWith("Role", StringComparison.Ordinal) || typeName.StartsWith("ListRole", StringComparison.Ordinal) =>
            [.. _values.Roles, .. _values.RoleArns, .. _values.Paths],
        _ when typeName.StartsWith("DataQuality", StringComparison.Ordinal) => _values.Findings,
        _ => _allStrings,
    };

    private FuzzValue Value(IGraphType type, IReadOnlyList<string> pool, int depth)
    {
        if (type is NonNullGraphType nonNull)
        {
            return NonNullValue(nonNull.ResolvedType!, pool, depth);
        }
        return Chance(0.08) ? NullValue.Instance : NonNullValue(type, pool, depth);
    }

    private FuzzValue NonNullValue(IGraphType type, IReadOnlyList<string> pool, int depth)
    {
        _valuesLeft--;
        switch (type)
        {
            case ListGraphType list:
                if (Chance(0.05))
                {
                    return Value(list.ResolvedType!, pool, depth); // input coercion wraps a single item in a list
                }
                var items = _valuesLeft <= 0 ? 0 : Pick((20, () => 0), (45, () => 1), (35, () => Between(2, 4)));
                return new ListValue([.. Enumerable.Range(0, items).Select(_ => Value(list.ResolvedType!, pool, depth))]);
            case IInputObjectGraphType input:
                return InputObject(input, Input(input.Name, pool), depth);
            case EnumerationGraphType enumeration:
                return new EnumValue(RandomElement(enumeration.Values.ToList()).Name);
            case IntGraphType:
                return new IntValue(Chance(0.7) ? RandomElement(OddInts) : Between(0, 100));
            case BooleanGraphType:
                return new BooleanValue(Chance(0.5));
            case StringGraphType or IdGraphType:
                return new StringValue(Pick((45, () => Mutate(RandomElement(pool))), (25, () => RandomElement(pool)), (20, Odd), (10, () => Mutate(RandomElement(_allStrings)))));
            default:
                throw new NotSupportedException($"No generator for input type {type.Name}.");
        }
    }

    /// <summary>An operation filter (<c>StringOperationFilterInput</c>) keeps its parent's pool; an entity filter brings its own.</summary>
    private IReadOnlyList<string> Input(string typeName, IReadOnlyList<string> parentPool) =>
        typeName.Contains("Operation", StringComparison.Ordinal) ? parentPool : Pool(typeName);

    private ObjectValue InputObject(IInputObjectGraphType type, IReadOnlyList<string> pool, int depth)
    {
        // Fields an object at this depth may use: scalars always; nested input objects only while depth lasts.
        var fields = type.Fields.Where(f => (depth > 0 && _valuesLeft > 0) || IsLeaf(Named(f.ResolvedType!))).ToList();
        var relations = fields.Where(f => Named(f.ResolvedType!).Name.StartsWith("List", StringComparison.Ordinal) || f.Name is "some" or "none" or "all").ToList();
        if (relations.Count > 0 && Chance(_shape.RelationBias))
        {
            // Down a relation, with at most one sibling: a chain of some/none/all across entities.
            // Mostly the relations with many rows per row (a policy's grants and an action's granting policies, the densest), where chains multiply.
            var relation = RandomElement([.. relations.SelectMany(f => Enumerable.Repeat(f, f.Name switch
            {
                "effectiveActions" or "grantedBy" => 8,
                "some" => 4,
                "actions" or "policies" => 2,
                _ => 1,
            }))]);
            var siblings = fields.Where(f => f != relation && !relations.Contains(f)).OrderBy(_ => _random.Next()).Take(Chance(0.3) ? 1 : 0);
            return new ObjectValue([
                .. siblings.Select(f => new ObjectField(f.Name, Value(f.ResolvedType!, pool, depth - 1))),
                new ObjectField(relation.Name, NonNullValue(Unwrap(relation.ResolvedType!), pool, depth - 1))]);
        }
        var count = fields.Count == 0 || Chance(0.07) ? 0 : Pick((55, () => 1), (30, () => 2), (15, () => Between(3, 4)));
        // and/or three times as likely as any one field: boolean structure is where empty and null operands hide.
        var chosen = fields.OrderBy(f => _random.NextDouble() / (f.Name is "and" or "or" ? 3 : 1)).Take(count);
        return new ObjectValue([.. chosen.Select(f => new ObjectField(f.Name, Value(f.ResolvedType!, pool, depth - 1)))]);
    }

    private string Mutate(string value) => Pick(
        (20, () => value),
        (10, () => value.ToUpperInvariant()),
        (10, () => value.ToLowerInvariant()),
        (10, () => value[..Between(0, value.Length)]),
        (10, () => value[Between(0, value.Length)..]),
        (10, () => Middle(value)),
        (10, () => Replace(value, RandomElement(["%", "_", "*", "?", "\\", "\0", "[", "é", "İ"]))),
        (10, () => value + Odd()),
        (10, () => string.Concat(value.Select(c => Chance(0.5) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)))));

    private string Middle(string value)
    {
        var start = Between(0, value.Length);
        return value.Substring(start, Between(0, value.Length - start));
    }

    private string Replace(string value, string with)
    {
        if (value.Length == 0)
        {
            return with;
        }
        var at = _random.Next(value.Length);
        return string.Concat(value.AsSpan(0, at), with, value.AsSpan(at + 1));
    }

    private string Odd() => Chance(0.05) ? new string('a', Between(200, 2000)) : RandomElement(OddStrings);

    private string NewName(string prefix) => prefix + (++_names).ToString(CultureInfo.InvariantCulture);

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType n ? n.ResolvedType! : type;

    private static IGraphType Named(IGraphType type) => type switch
    {
        NonNullGraphType n => Named(n.ResolvedType!),
        ListGraphType l => Named(l.ResolvedType!),
        _ => type,
    };

    private static bool IsLeaf(IGraphType named) => named is ScalarGraphType or EnumerationGraphType;

    /// <summary>The type as a variable definition writes it, e.g. <c>[String!]!</c>.</summary>
    private static string TypeReference(IGraphType type) => type switch
    {
        NonNullGraphType n => TypeReference(n.ResolvedType!) + "!",
        ListGraphType l => "[" + TypeReference(l.ResolvedType!) + "]",
        _ => type.Name,
    };

    private bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>Inclusive bounds.</summary>
    private int Between(int min, int max) => _random.Next(min, max + 1);

    private T RandomElement<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T Pick<T>(params (int Weight, Func<T> Make)[] choices)
    {
        var roll = _random.Next(choices.Sum(c => c.Weight));
        foreach (var (weight, make) in choices)
        {
            if (roll < weight)
            {
                return make();
            }
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>What a document must contain besides whatever else the generator draws.</summary>
public enum DocumentFocus
{
    None,
    Filter,
    Paging,
}
