using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>
/// The same catalogue on both engines answers the same query with the same JSON, byte for byte: the edges the
/// hand-computed tests do not pin (LIKE metacharacters, empty operands, empty lists, nulls, paging past the end).
/// </summary>
public sealed class EngineParityTests(SqliteCatalogFixture sqlite, PostgresCatalogFixture postgres, SqliteGrantsFixture sqliteGrants, PostgresGrantsFixture postgresGrants)
    : IClassFixture<SqliteCatalogFixture>, IClassFixture<PostgresCatalogFixture>, IClassFixture<SqliteGrantsFixture>, IClassFixture<PostgresGrantsFixture>, IPostgresTests
{
    [EngineTheory]
    [InlineData("""{ actions(first: 100, where: { name: { contains: "%" } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { contains: "_" } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { contains: "" } }) { totalCount } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { startsWith: "" } }) { totalCount } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { endsWith: "" } }) { totalCount } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { startsWith: "s3:G%" } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { startsWith: "s3:Get_" } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { containsi: "%" } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { startsWithi: "S3:G" } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { endsWithi: "*" } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { in: [] } }) { totalCount } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { nin: [] } }) { totalCount } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { ini: [] } }) { totalCount } }""")]
    [InlineData("""{ policies(first: 100, where: { actionCount: { in: [] } }) { totalCount } }""")]
    [InlineData("""{ policies(first: 100, where: { name: { eq: null } }) { totalCount } }""")]
    [InlineData("""{ policies(first: 100, where: { name: { neq: null } }) { totalCount } }""")]
    [InlineData("""{ policies(first: 100, where: { arn: { eqi: "ARN:AWS:IAM::AWS:POLICY/ADMINISTRATORACCESS" } }) { nodes { name } } }""")]
    [InlineData("""{ policies(first: 100, order: [{ path: DESC }, { arn: ASC }]) { nodes { name } } }""")]
    [InlineData("""{ roles(first: 100, order: [{ arn: DESC }]) { nodes { name } } }""")]
    [InlineData("""{ services(first: 2, after: "OTk=") { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""")]
    [InlineData("""{ services(last: 2, before: "MA==") { nodes { name } pageInfo { hasNextPage hasPreviousPage } } }""")]
    [InlineData("""{ services(first: 0) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage } } }""")]
    [InlineData("""{ services(last: 10) { nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor } } }""")]
    [InlineData("""{ policies(first: 100) { nodes { name actions(last: 1, order: [{ name: DESC }]) { totalCount nodes { name } } } } }""")]
    // Issue 14: null operands, empty objects and lists, unstorable strings, cursors at and past the ends.
    [InlineData("""{ policies(where: { awsManaged: { eq: null } }) { totalCount } }""")]
    [InlineData("""{ policies(first: 100, where: { actionCount: { nin: [null, 1] }, awsManaged: { neq: null } }) { nodes { name } } }""")]
    [InlineData("""{ policies(where: { or: [{ name: { eq: "nope" } }, {}] }) { totalCount } }""")]
    [InlineData("""{ policies(where: { or: [] }) { totalCount } }""")]
    [InlineData("""{ policies(where: { actions: { some: { or: [{ name: { eq: "nope" } }, {}] } } }) { totalCount } }""")]
    [InlineData("""{ services(first: 100, where: { name: { eq: "s3\u0000" } }) { totalCount } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { nin: ["\u0000", "*", "\uD800"] } }) { nodes { name } } }""")]
    [InlineData("""{ actions(first: 100, where: { name: { startsWithi: "S3\u0000" } }) { totalCount } }""")]
    [InlineData("""{ services(after: "MjE0NzQ4MzY0Nw==") { totalCount nodes { name } pageInfo { startCursor } } }""")]
    [InlineData("""{ services(after: "MjE0NzQ4MzY0Ng==") { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor } } }""")]
    [InlineData("""{ services(last: 2, before: "OTk=") { nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""")]
    [InlineData("""{ services(first: 10, last: 2) { nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""")]
    [InlineData("""{ policies(first: 100) { nodes { name actions(last: 2, before: "OTk=") { nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor } } } } }""")]
    [InlineData("""{ policies(first: 100) { nodes { name actions(after: "MjE0NzQ4MzY0Nw==") { totalCount } } } }""")]
    public async Task The_sample_catalogue_answers_alike(string query) =>
        Assert.Equal((await sqlite.ExecuteAsync(query)).ToString(), (await postgres.ExecuteAsync(query)).ToString());

    [EngineTheory]
    [InlineData("""{ stats { policies actions canonicalActions concreteActions services canonicalServices roles wildcardPatterns literalPairs effectiveGrants importRun { source format toolVersion } } }""")]
    [InlineData("""{ dataQuality(first: 50) { totalCount nodes { id kind category entity file line declared actual message } } }""")]
    [InlineData("""{ dataQuality(first: 50, order: [{ entity: ASC }]) { nodes { kind entity } } }""")]
    [InlineData("""{ dataQuality(first: 50, order: [{ entity: DESC }]) { nodes { kind entity } } }""")]
    [InlineData("""{ dataQuality(first: 50, order: [{ file: ASC }]) { nodes { kind file } } }""")]
    [InlineData("""{ dataQuality(first: 50, where: { entity: { neq: "policy:Ghost" } }) { nodes { kind entity } } }""")]
    [InlineData("""{ dataQuality(first: 50, where: { entity: { ncontains: "Ghost" } }) { nodes { kind entity } } }""")]
    [InlineData("""{ dataQuality(first: 50, where: { entity: { eq: null } }) { nodes { kind entity } } }""")]
    [InlineData("""{ dataQuality(first: 50, where: { entity: { ncontains: "\u0000" } }) { nodes { kind entity } } }""")]
    [InlineData("""{ a: policy(name: "S3Reader\u0000") { name } b: action(name: "s3:GetObject\uD800", ignoreCase: true) { name } c: service(name: "s3\u0000") { name } }""")]
    [InlineData("""{ policiesGranting(actions: ["s3:GetObject\u0000", "s3:Get*"], match: ANY) { totalCount nodes { name } } }""")]
    [InlineData("""{ commonActions(policies: ["S3Reader\u0000"]) { totalCount } }""")]
    [InlineData("""{ dataQuality(first: 50, where: { entity: { in: ["\uDFFF", null] }, file: { nendsWith: "\u0000" } }) { nodes { kind entity } } }""")]
    [InlineData("""{ actions(first: 50) { nodes { name isCanonical grantedByCount matchCount grantedBy(first: 50) { edges { via node { name } } } } } }""")]
    [InlineData("""{ policiesGranting(actions: ["s3:*", "ecr:*"], match: ANY, first: 50, order: [{ effectiveActionCount: ASC }]) { totalCount nodes { name } } }""")]
    [InlineData("""{ commonActions(policies: ["Admin", "S3Admin"], first: 50, order: [{ grantedByCount: DESC }]) { totalCount nodes { name } } }""")]
    [InlineData("""{ leastPrivilege(actions: ["s3:Get*", "iam:ListRoles"]) { actionCount singlePolicies { policy { name } extraActionCount } cover { name } ungranted } }""")]
    [InlineData("""{ roles(first: 10) { nodes { name effectiveActions(first: 50, order: [{ policyCount: DESC }]) { totalCount nodes { name } } } } }""")]
    public async Task The_grants_catalogue_answers_alike(string query) =>
        Assert.Equal((await sqliteGrants.ExecuteAsync(query)).ToString(), (await postgresGrants.ExecuteAsync(query)).ToString());
}
