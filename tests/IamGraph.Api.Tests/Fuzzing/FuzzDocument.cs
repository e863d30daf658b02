using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IamGraph.Api.Tests.Fuzzing;

// A generated GraphQL document as a tree, so a failing one can be shrunk (DocumentShrinker) and printed again.
// Named fragments and variables live on the node that uses them; the printer hoists them into definitions.

public abstract record FuzzValue
{
    /// <summary>As a GraphQL literal, e.g. <c>{ name: { eq: "s3:*" } }</c>.</summary>
    public sealed override string ToString()
    {
        var text = new StringBuilder();
        DocumentPrinter.Literal(text, this);
        return text.ToString();
    }
}

public sealed record NullValue : FuzzValue
{
    public static readonly NullValue Instance = new();
}

public sealed record IntValue(int Value) : FuzzValue;

public sealed record BooleanValue(bool Value) : FuzzValue;

public sealed record StringValue(string Value) : FuzzValue;

public sealed record EnumValue(string Name) : FuzzValue;

public sealed record ListValue(IReadOnlyList<FuzzValue> Items) : FuzzValue;

public sealed record ObjectValue(IReadOnlyList<ObjectField> Fields) : FuzzValue;

public sealed record ObjectField(string Name, FuzzValue Value);

/// <param name="VariableType">When set, the value is passed as a variable of this type (e.g. <c>[String!]!</c>) rather than written inline.</param>
public sealed record FuzzArgument(string Name, FuzzValue Value, string? VariableType = null);

public abstract record FuzzSelection;

/// <param name="Directive">A literal directive such as <c>@include(if: true)</c>, or null.</param>
public sealed record FieldSelection(string? Alias, string Name, IReadOnlyList<FuzzArgument> Arguments, IReadOnlyList<FuzzSelection> Children, string? Directive = null) : FuzzSelection;

public sealed record InlineFragment(string? TypeCondition, IReadOnlyList<FuzzSelection> Children) : FuzzSelection;

/// <summary>A spread of a fragment used only here; the printer writes its definition after the operation.</summary>
public sealed record FragmentSpread(string Name, string TypeCondition, IReadOnlyList<FuzzSelection> Children) : FuzzSelection;

public sealed record FuzzDocument(IReadOnlyList<FuzzSelection> Selections)
{
    public PrintedDocument Print() => new DocumentPrinter().Print(this);

    /// <summary>Field count: the size the shrinker minimises.</summary>
    public int Size => Count(Selections);

    private static int Count(IReadOnlyList<FuzzSelection> selections) => selections.Sum(s => s switch
    {
        FieldSelection f => 1 + f.Arguments.Count + Count(f.Children),
        InlineFragment i => 1 + Count(i.Children),
        FragmentSpread p => 1 + Count(p.Children),
        _ => 0,
    });
}

/// <summary>The text a client would send: the query and the variables as JSON (null when there are none).</summary>
public sealed record PrintedDocument(string Query, string? VariablesJson)
{
    public override string ToString() => VariablesJson is null ? Query : $"{Query}\n  variables: {VariablesJson}";
}

internal sealed class DocumentPrinter
{
    private readonly StringBuilder _fragments = new();
    private readonly List<(string Name, string Type, FuzzValue Value)> _variables = [];

    public PrintedDocument Print(FuzzDocument document)
    {
        var body = new StringBuilder();
        SelectionSet(body, document.Selections);
        var head = _variables.Count == 0
            ? ""
            : "query Fuzz(" + string.Join(", ", _variables.Select(v => $"${v.Name}: {v.Type}")) + ") ";
        string? variables = null;
        if (_variables.Count > 0)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                foreach (var (name, _, value) in _variables)
                {
                    writer.WritePropertyName(name);
                    Json(writer, value);
                }
                writer.WriteEndObject();
            }
            variables = Encoding.UTF8.GetString(stream.ToArray());
        }
        return new PrintedDocument(head + body + _fragments, variables);
    }

    private void SelectionSet(StringBuilder text, IReadOnlyList<FuzzSelection> selections)
    {
        text.Append("{ ");
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case FieldSelection field:
                    if (field.Alias is not null)
                    {
                        text.Append(field.Alias).Append(": ");
                    }
                    text.Append(field.Name);
                    if (field.Arguments.Count > 0)
                    {
                        text.Append('(');
                        for (var i = 0; i < field.Arguments.Count; i++)
                        {
                            var argument = field.Arguments[i];
                            text.Append(i == 0 ? "" : ", ").Append(argument.Name).Append(": ");
                            if (argument.VariableType is { } type)
                            {
                                var name = "v" + (_variables.Count + 1).ToString(CultureInfo.InvariantCulture);
                                _variables.Add((name, type, argument.Value));
                                text.Append('$').Append(name);
                            }
                            else
                            {
                                Literal(text, argument.Value);
                            }
                        }
                        text.Append(')');
                    }
                    if (field.Directive is not null)
                    {
                        text.Append(' ').Append(field.Directive);
                    }
                    text.Append(' ');
                    if (field.Children.Count > 0)
                    {
                        SelectionSet(text, field.Children);
                    }
                    break;
                case InlineFragment inline:
                    text.Append("... ");
                    if (inline.TypeCondition is not null)
                    {
                        text.Append("on ").Append(inline.TypeCondition).Append(' ');
                    }
                    SelectionSet(text, inline.Children);
                    break;
                case FragmentSpread spread:
                    text.Append("...").Append(spread.Name).Append(' ');
                    var definition = new StringBuilder();
                    definition.Append(" fragment ").Append(spread.Name).Append(" on ").Append(spread.TypeCondition).Append(' ');
                    SelectionSet(definition, spread.Children);
                    _fragments.Append(definition);
                    break;
                default:
                    throw new InvalidOperationException(selection.GetType().Name);
            }
        }
        text.Append("} ");
    }

    internal static void Literal(StringBuilder text, FuzzValue value)
    {
        switch (value)
        {
            case NullValue:
                text.Append("null");
                break;
            case IntValue i:
                text.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case BooleanValue b:
                text.Append(b.Value ? "true" : "false");
                break;
            case EnumValue e:
                text.Append(e.Name);
                break;
            case StringValue s:
                text.Append('"');
                foreach (var c in s.Value)
                {
                    switch (c)
                    {
                        case '"':
                            text.Append("\\\"");
                            break;
                        case '\\':
                            text.Append("\\\\");
                            break;
                        case < ' ':
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                            break;
                        default:
                            text.Append(c);
                            break;
                    }
                }
                text.Append('"');
                break;
            case ListValue list:
                text.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Literal(text, list.Items[i]);
                }
                text.Append(']');
                break;
            case ObjectValue obj:
                text.Append('{');
                for (var i = 0; i < obj.Fields.Count; i++)
                {
                    text.Append(i == 0 ? " " : ", ").Append(obj.Fields[i].Name).Append(": ");
                    Literal(text, obj.Fields[i].Value);
                }
                text.Append(obj.Fields.Count == 0 ? "}" : " }");
                break;
            default:
                throw new InvalidOperationException(value.GetType().Name);
        }
    }

    private static void Json(Utf8JsonWriter writer, FuzzValue value)
    {
        switch (value)
        {
            case NullValue:
                writer.WriteNullValue();
                break;
            case IntValue i:
                writer.WriteNumberValue(i.Value);
                break;
            case BooleanValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case EnumValue e:
                writer.WriteStringValue(e.Name);
                break;
            case StringValue s:
                writer.WriteStringValue(s.Value);
                break;
            case ListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Json(writer, item);
                }
                writer.WriteEndArray();
                break;
            case ObjectValue obj:
                writer.WriteStartObject();
                foreach (var field in obj.Fields)
                {
                    writer.WritePropertyName(field.Name);
                    Json(writer, field.Value);
                }
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException(value.GetType().Name);
        }
    }
}
