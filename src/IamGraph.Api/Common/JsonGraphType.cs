using System.Text.Json;

using GraphQL.Types;

using GraphQLParser.AST;

namespace IamGraph.Api.Common;

/// <summary>
/// <c>JSON</c>: a stored JSON text (a policy document, a Condition block) served as the JSON value itself, not as a string, so
/// a client reads <c>document.Statement[0].Effect</c> directly. Output only: no argument takes it.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "A JSON value (object, array, string, number, boolean or null) as published, e.g. a policy document or a Condition block.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        // Parsed per value served; the serializer writes the element back as it is.
        string text => JsonDocument.Parse(text).RootElement.Clone(),
        JsonElement element => element,
        _ => ThrowSerializationError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => ThrowLiteralConversionError(value, "JSON is an output type only.");

    public override object? ParseValue(object? value) => ThrowValueConversionError(value);
}
