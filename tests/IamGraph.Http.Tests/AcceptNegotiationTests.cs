namespace IamGraph.Http.Tests;

public sealed class AcceptNegotiationTests
{
    [Theory]
    [InlineData(null, GraphQLResponseMediaType.Json)]
    [InlineData("", GraphQLResponseMediaType.Json)]
    [InlineData("*/*", GraphQLResponseMediaType.Json)]
    [InlineData("application/*", GraphQLResponseMediaType.Json)]
    [InlineData("application/json", GraphQLResponseMediaType.Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseMediaType.GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseMediaType.GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", GraphQLResponseMediaType.Json)]
    [InlineData("*/*, application/graphql-response+json", GraphQLResponseMediaType.GraphQLResponseJson)]
    [InlineData("text/html, application/json;charset=utf-8", GraphQLResponseMediaType.Json)]
    public void Picks_the_preferred_supported_type(string? accept, GraphQLResponseMediaType expected)
    {
        Assert.Equal(expected, AcceptNegotiation.Negotiate(accept is null ? null : [accept]));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("application/json;charset=iso-8859-1")]
    [InlineData("application/json;q=0")]
    public void Returns_null_when_nothing_acceptable(string accept)
    {
        Assert.Null(AcceptNegotiation.Negotiate([accept]));
    }
}
