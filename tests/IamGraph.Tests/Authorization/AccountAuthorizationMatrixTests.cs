using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

using GraphQL.SystemTextJson;

using IamGraph.Catalog;
using IamGraph.Querying;

namespace IamGraph.Tests.Authorization;

/// <summary>
/// Issue 13's matrix: every path that can reach account data, for every kind of caller, over a catalogue with two accounts.
/// The oracle for "exact answers" is a catalogue imported with only the accounts the caller may see: whatever a caller is
/// told on the shared catalogue must equal what that catalogue says in full. On top, no response names, ARNs, ids or
/// counts an account the caller may not see.
/// </summary>
public sealed class AccountAuthorizationMatrixTests(AccountAuthorizationMatrixTests.Server server) : IClassFixture<AccountAuthorizationMatrixTests.Server>
{
    private const string AlphaPolicy = "arn:aws:iam::111111111111:policy/alpha-policy";
    private const string BravoPolicy = "arn:aws:iam::222222222222:policy/bravo-policy";
    private const string SharedAwsPolicy = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    /// <summary>Every path of the issue, without global ids (row ids differ between catalogues; ids are checked below).</summary>
    public static TheoryData<string, string> Paths() => new()
    {
        { "root lists and totalCount", """
            { users(first: 100) { totalCount nodes { name arn accountId path tags { key value } incomplete groups { totalCount nodes { name } } } }
              groups(first: 100) { totalCount nodes { name arn users { totalCount nodes { name } } } }
              roles(first: 100) { totalCount nodes { name arn accountId } }
              principals(first: 100) { totalCount nodes { name arn accountId principalKind } }
              policies(first: 100) { totalCount nodes { name arn accountId kind } } }
            """ },
        { "lookups by name and ARN", """
            { au: user(name: "alpha-user") { name arn } bu: user(name: "bravo-user") { name arn }
              aua: user(arn: "arn:aws:iam::111111111111:user/alpha-user") { name } bua: user(arn: "arn:aws:iam::222222222222:user/bravo-user") { name }
              ag: group(name: "alpha-group") { name } bg: group(name: "bravo-group") { name }
              ar: role(name: "alpha-role") { name arn } br: role(name: "bravo-role") { name arn }
              ap: policy(arn: "arn:aws:iam::111111111111:policy/alpha-policy") { name } bp: policy(arn: "arn:aws:iam::222222222222:policy/bravo-policy") { name }
              api: policy(name: "alpha-user-inline") { name } bpi: policy(name: "bravo-user-inline") { name } }
            """ },
        { "nested connections of public objects", """
            { policy(arn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess") { name roles { totalCount nodes { name } } principals { totalCount nodes { name arn } } }
              action(name: "s3:GetObject") { name
                policies { totalCount nodes { name } } roles { totalCount nodes { name } }
                grantedBy { totalCount nodes { name arn } } principals { totalCount nodes { name arn } } } }
            """ },
        { "principalsGranting and policiesGranting", """
            { principalsGranting(actions: ["s3:GetObjectTagging"]) { totalCount nodes { name arn } }
              anyS3: principalsGranting(actions: ["s3:GetObject", "s3:GetObjectAcl"], match: ANY) { totalCount nodes { name } }
              policiesGranting(actions: ["s3:GetObjectAcl", "s3:GetObjectTagging"]) { totalCount nodes { name arn } } }
            """ },
        { "commonActions and comparePolicies over account policies", $$"""
            { a: commonActions(policies: ["{{AlphaPolicy}}", "{{SharedAwsPolicy}}"]) { totalCount nodes { name } }
              b: commonActions(policies: ["{{BravoPolicy}}"]) { totalCount nodes { name } } }
            """ },
        { "comparePolicies alpha", $$"""{ comparePolicies(a: "{{AlphaPolicy}}", b: "{{SharedAwsPolicy}}") { __typename b { roleCount } } }""" },
        { "comparePolicies bravo", $$"""{ comparePolicies(a: "{{BravoPolicy}}", b: "{{SharedAwsPolicy}}") { __typename } }""" },
        { "filters cannot count hidden rows", """
            { p: policies(where: { arn: { contains: "222222222222" } }) { totalCount } q: policies(where: { arn: { contains: "111111111111" } }) { totalCount }
              u: users(where: { name: { startsWith: "bravo" } }) { totalCount } r: roles(where: { arn: { contains: "2222" } }) { totalCount }
              s: policies(where: { roles: { some: { name: { startsWith: "bravo" } } } }) { totalCount }
              t: actions(where: { policies: { some: { name: { startsWith: "alpha" } } } }) { totalCount nodes { name } } }
            """ },
        { "counts on public actions, services and policies", $$"""
            { a: action(name: "s3:GetObject") { policyCount roleCount grantedByCount matchCount }
              b: action(name: "s3:GetObjectAcl") { policyCount roleCount grantedByCount variants { name } canonical { name grantedByCount } }
              c: action(name: "s3:GetObjectTagging") { policyCount roleCount grantedByCount }
              d: action(name: "s3:Get*") { policyCount roleCount grantedByCount matchCount }
              service(name: "s3") { actionCount policyCount roleCount }
              policy(arn: "{{SharedAwsPolicy}}") { actionCount serviceCount roleCount effectiveActionCount defaultVersionId sources }
              actions(first: 5000, where: { policyCount: { gte: 1 } }, order: [{ policyCount: DESC }, { roleCount: DESC }, { grantedByCount: DESC }, { name: ASC }]) {
                totalCount nodes { name policyCount roleCount grantedByCount matchCount } }
              g: actions(first: 5000, where: { or: [{ roleCount: { gte: 1 } }, { grantedByCount: { gt: 2 } }] }, order: [{ grantedByCount: DESC }, { name: ASC }]) { totalCount nodes { name } }
              services(first: 5000, order: [{ policyCount: DESC }, { roleCount: DESC }, { name: ASC }]) { totalCount nodes { name actionCount policyCount roleCount } }
              h: services(where: { roleCount: { gte: 1 } }) { totalCount nodes { name } }
              policies(first: 5000, where: { roleCount: { gte: 1 } }, order: [{ roleCount: DESC }, { name: ASC }]) { totalCount nodes { name roleCount } } }
            """ },
        { "actions and services lists", """
            { actions(first: 5000) { totalCount nodes { name isWildcard inCatalog matchCount canonical { name } service { name } } }
              services(first: 5000) { totalCount nodes { name actionCount canonical { name } } }
              i: action(name: "S3:GETOBJECTACL") { name } j: action(name: "s3:getobjectACL") { name }
              k: action(name: "s3:GetObjectAcl", ignoreCase: true) { name }
              l: action(name: "s3:GetObject?agging") { name } m: action(name: "s3:Get*Tagging") { name } }
            """ },
        { "account policies' own actions and grants", $$"""
            { a: policy(arn: "{{AlphaPolicy}}") { actionCount serviceCount effectiveActionCount roleCount actions { totalCount nodes { name } } effectiveActions { totalCount nodes { name } } }
              b: policy(arn: "{{BravoPolicy}}") { actionCount serviceCount effectiveActionCount roleCount actions { totalCount nodes { name } } effectiveActions { totalCount nodes { name } } } }
            """ },
        { "stats", """
            { stats { policies actions canonicalActions concreteActions services canonicalServices roles wildcardPatterns literalPairs effectiveGrants
                      importRun { source format toolVersion } } }
            """ },
        { "dataQuality", """
            { dataQuality(first: 5000) { totalCount nodes { category kind entity file line declared actual message } }
              missing: dataQuality(where: { kind: { eq: "attached-policy-missing" } }) { totalCount nodes { entity message } }
              byFile: dataQuality(where: { file: { contains: "authorization-details" } }) { totalCount } }
            """ },
    };

    public static TheoryData<string> Callers() => [.. Server.Callers.Keys];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_path_answers_each_caller_exactly_as_a_catalogue_of_only_its_accounts_would(string path, string query)
    {
        foreach (var (caller, (token, visible)) in Server.Callers)
        {
            var response = await server.PostAsync(query, token);
            Assert.True(response.Status == HttpStatusCode.OK, $"{path}, {caller}: {response.Status}");

            var expected = await server.OracleAsync(visible, query);
            Assert.True(JsonNode.DeepEquals(expected["data"], response.Body["data"]),
                $"{path}, {caller}:\nexpected {expected["data"]?.ToJsonString()}\nactual   {response.Body["data"]?.ToJsonString()}");
            Assert.Equal(Codes(expected), Codes(response.Body));
            AssertMentionsOnly(visible, WithoutInputs(response.Text, query), $"{path}, {caller}");
        }
    }

    [Fact]
    public async Task Node_and_nodes_resolve_an_accounts_ids_only_for_callers_who_see_it()
    {
        var idsByAccount = await server.GlobalIdsAsync();
        var all = idsByAccount.SelectMany(p => p.Value).ToList();
        Assert.All(TwoAccountsCatalog.Accounts, a => Assert.True(idsByAccount[a].Count >= 8, $"{a}: {idsByAccount[a].Count} ids"));
        string ids = string.Join(", ", all.Select(id => JsonSerializer.Serialize(id)));

        foreach (var (caller, (token, visible)) in Server.Callers)
        {
            var response = await server.PostAsync($"{{ nodes(ids: [{ids}]) {{ id }} }}", token);
            var returned = response.Body["data"]!["nodes"]!.AsArray().Select(n => (string?)n?["id"]).ToList();
            var expected = all.Select(id => visible.Any(a => idsByAccount[a].Contains(id)) ? id : null).ToList();
            Assert.Equal(expected, returned);

            foreach (var hidden in TwoAccountsCatalog.Accounts.Except(visible))
            {
                var single = await server.PostAsync($"{{ node(id: {JsonSerializer.Serialize(idsByAccount[hidden][0])}) {{ id }} }}", token);
                Assert.True(single.Body["data"]!["node"] is null, $"{caller} reached {hidden}'s {idsByAccount[hidden][0]}");
                AssertMentionsOnly(visible, response.Text.Replace(idsByAccount[hidden][0], "", StringComparison.Ordinal), caller);
            }
        }
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong signature")]
    public async Task A_bad_token_gets_no_data_on_any_path(string why)
    {
        string token = why == "expired"
            ? TestTokens.Issue(["*"], expires: DateTime.UtcNow.AddMinutes(-5))
            : TestTokens.Issue(["*"], signingKey: "an-attackers-secret-of-at-least-32-bytes!!");
        foreach (var query in Paths().Select(row => (string)row[1]))
        {
            var response = await server.PostAsync(query, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Null(response.Body["data"]);
            AssertMentionsOnly([], WithoutInputs(response.Text, query), why);
        }
    }

    private static void AssertMentionsOnly(IReadOnlyCollection<TestAccount> visible, string text, string where)
    {
        foreach (var hidden in TwoAccountsCatalog.Accounts.Except(visible))
        {
            foreach (var marker in hidden.Markers)
            {
                Assert.False(text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{where}: the response names {hidden} ({marker}): {text}");
            }
        }
    }

    /// <summary>An error may quote the caller's own input (an unknown ARN); that tells the caller nothing it did not send.</summary>
    private static string WithoutInputs(string response, string query) =>
        System.Text.RegularExpressions.Regex.Matches(query, "\"([^\"]+)\"").Aggregate(response, (text, m) => text.Replace(m.Groups[1].Value, "", StringComparison.Ordinal));

    private static string[] Codes(JsonNode body) =>
        [.. (body["errors"]?.AsArray() ?? []).Select(e => (string?)e?["extensions"]?["code"] ?? "").Order(StringComparer.Ordinal)];

    public sealed record Response(HttpStatusCode Status, string Text, JsonNode Body);

    /// <summary>The two-account catalogue served with bearer tokens, and the oracle catalogues.</summary>
    public sealed class Server : IAsyncLifetime, IDisposable
    {
        private readonly TwoAccountsCatalog _catalog = new();
        private readonly Dictionary<string, CatalogConnection> _oracles = new(StringComparer.Ordinal);
        private readonly SemaphoreSlim _oracleLock = new(1, 1);
        private RunningServer? _server;

        /// <summary>Each kind of caller: its token (null: none) and the accounts it must see.</summary>
        public static readonly IReadOnlyDictionary<string, (string? Token, TestAccount[] Visible)> Callers =
            new Dictionary<string, (string?, TestAccount[])>(StringComparer.Ordinal)
            {
                ["no token"] = (null, []),
                ["token without the claim"] = (TestTokens.Issue(null), []),
                ["alpha"] = (TestTokens.Issue([TwoAccountsCatalog.Alpha.Id]), [TwoAccountsCatalog.Alpha]),
                ["bravo"] = (TestTokens.Issue([TwoAccountsCatalog.Bravo.Id]), [TwoAccountsCatalog.Bravo]),
                ["both"] = (TestTokens.Issue([TwoAccountsCatalog.Alpha.Id, TwoAccountsCatalog.Bravo.Id]), TwoAccountsCatalog.Accounts),
                ["*"] = (TestTokens.Issue(["*"]), TwoAccountsCatalog.Accounts),
                ["another account"] = (TestTokens.Issue(["333333333333"]), []),
            };

        public async Task InitializeAsync() => _server = await RunningServer.StartAsync(_catalog.Full, TestTokens.ServerArgs("--Auth:Jwt:FailedAttemptsPerMinute=1000"));

        public async Task<Response> PostAsync(string query, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            }
            using var response = await _server!.Client.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            return new Response(response.StatusCode, text, JsonNode.Parse(text)!);
        }

        /// <summary>What a catalogue holding only <paramref name="visible"/> answers in full (read as its owner would).</summary>
        public async Task<JsonNode> OracleAsync(TestAccount[] visible, string query)
        {
            CatalogConnection database;
            await _oracleLock.WaitAsync();
            try
            {
                string key = string.Join(',', visible.Select(a => a.Prefix));
                if (!_oracles.TryGetValue(key, out database!))
                {
                    database = visible.Length == TwoAccountsCatalog.Accounts.Length ? _catalog.Full : _catalog.ImportOnly(visible);
                    _oracles[key] = database;
                }
            }
            finally
            {
                _oracleLock.Release();
            }
            await using var runner = new LocalQueryRunner(database);
            var result = await runner.ExecuteAsync(query, null, CancellationToken.None);
            return JsonNode.Parse(new GraphQLSerializer().Serialize(result))!;
        }

        /// <summary>Each account's global ids (principals, policies, their versions), read with a token that sees everything.</summary>
        public async Task<Dictionary<TestAccount, List<string>>> GlobalIdsAsync()
        {
            var result = new Dictionary<TestAccount, List<string>>();
            foreach (var account in TwoAccountsCatalog.Accounts)
            {
                var response = await PostAsync($$"""
                    { users(where: { arn: { contains: "{{account.Id}}" } }) { nodes { id } }
                      groups(where: { arn: { contains: "{{account.Id}}" } }) { nodes { id } }
                      roles(where: { arn: { contains: "{{account.Id}}" } }) { nodes { id } }
                      policies(first: 100, where: { arn: { contains: "{{account.Id}}" } }) { nodes { id versions { nodes { id } } } } }
                    """, TestTokens.Issue(["*"]));
                Assert.True(response.Body["errors"] is null, response.Text);
                result[account] = [.. FindIds(response.Body["data"]!)];
            }
            return result;
        }

        private static IEnumerable<string> FindIds(JsonNode node) => node switch
        {
            JsonObject o => o.SelectMany(p => p.Key == "id" ? [(string)p.Value!] : p.Value is null ? [] : FindIds(p.Value)),
            JsonArray a => a.SelectMany(e => e is null ? [] : FindIds(e)),
            _ => [],
        };

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }

        public void Dispose()
        {
            _catalog.Dispose();
            _oracleLock.Dispose();
        }
    }
}
