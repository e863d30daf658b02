using System.Text.Json;

using IamGraph.Api.Tests.Engines;

namespace IamGraph.Api.Tests;

/// <summary>Issue 10: principals, their policies and effective actions, against the hand-computed <see cref="AccountsFixture"/>.</summary>
public abstract class AccountsTests(AccountsFixture api)
{
    private static string[] Effective(JsonElement principal) =>
        [.. principal.At("effectiveActions", "nodes").EnumerateArray().Select(a => a.At("name").GetString()!)];

    [EngineFact]
    public async Task Users_have_their_groups_policies_and_effective_actions_as_computed_by_hand()
    {
        var data = await api.DataAsync("""
            { users { totalCount nodes { name accountId principalKind incomplete groupCount effectiveActionCount tags { key value } groups { nodes { name } }
                policies(first: 10) { edges { attachment group { name } node { name kind accountId } } }
                effectiveActions(first: 10) { totalCount nodes { name } } } } }
            """);
        Assert.Equal(3, data.At("users", "totalCount").GetInt32());
        var users = data.At("users", "nodes").EnumerateArray().ToDictionary(u => u.At("name").GetString()!);

        var alice = users["alice"];
        Assert.Equal(AccountsFixture.AccountId, alice.At("accountId").GetString());
        Assert.Equal("USER", alice.At("principalKind").GetString());
        // Group inheritance (S3Full through devs), the group's inline Deny cancelling the managed Allow of s3:DeleteObject,
        // NotAction granting ec2:RunInstances, and a conditional Deny that removes nothing.
        Assert.Equal(["ec2:RunInstances", "s3:GetObject", "s3:PutObject"], Effective(alice));
        Assert.Equal(3, alice.At("effectiveActionCount").GetInt32());
        Assert.Equal(3, alice.At("effectiveActions", "totalCount").GetInt32());
        Assert.Equal(["devs"], alice.At("groups").Names());
        Assert.Equal("team=web", string.Join(",", alice.At("tags").EnumerateArray().Select(t => t.At("key").GetString() + "=" + t.At("value").GetString())));
        var how = alice.At("policies", "edges").EnumerateArray()
            .Select(e => (e.At("node", "name").GetString(), e.At("attachment").GetString(), e.At("group").ValueKind == JsonValueKind.Null ? null : e.At("group", "name").GetString(), e.At("node", "kind").GetString()))
            .ToArray();
        Assert.Equal(
            [("DenyDelete", "GROUP", "devs", "INLINE"), ("Ec2", "INLINE", null, "INLINE"), ("MaybeDeny", "INLINE", null, "INLINE"), ("S3Full", "GROUP", "devs", "AWS_MANAGED")],
            how);

        // The boundary cuts s3:DeleteObject (also denied) and keeps iam:PassRole.
        Assert.Equal(["iam:PassRole", "s3:GetObject", "s3:PutObject"], Effective(users["bob"]));
        Assert.False(users["bob"].At("incomplete").GetBoolean());

        // The URL-encoded inline document grants; the missing attached policy makes its answers incomplete.
        Assert.Equal(["iam:PassRole"], Effective(users["carol"]));
        Assert.True(users["carol"].At("incomplete").GetBoolean());
    }

    [EngineFact]
    public async Task Effective_action_edges_say_which_policies_grant_and_whether_unrestricted()
    {
        var data = await api.DataAsync("""
            { user(name: "bob") { permissionsBoundary { name kind accountId } effectiveActions { edges { node { name } via { name } unrestricted } } } }
            """);
        var bob = data.At("user");
        Assert.Equal("Boundary", bob.At("permissionsBoundary", "name").GetString());
        Assert.Equal("CUSTOMER_MANAGED", bob.At("permissionsBoundary", "kind").GetString());
        Assert.Equal(AccountsFixture.AccountId, bob.At("permissionsBoundary", "accountId").GetString());
        var edges = bob.At("effectiveActions", "edges").EnumerateArray()
            .Select(e => (e.At("node", "name").GetString(), string.Join(",", e.At("via").EnumerateArray().Select(p => p.At("name").GetString())), e.At("unrestricted").GetBoolean()))
            .ToArray();
        Assert.Equal(
            [("iam:PassRole", "PassRoleLimited", false), ("s3:GetObject", "S3Full", true), ("s3:PutObject", "S3Full", true)],
            edges);
    }

    [EngineFact]
    public async Task Groups_and_roles_are_principals_too()
    {
        var data = await api.DataAsync("""
            { group(name: "devs") { users { nodes { name } } effectiveActions { nodes { name } } userCount }
              role(name: "app") { accountId path createdAt trustPolicy trustedBy { type value } effectiveActions { nodes { name } }
                policies { edges { attachment node { name } } } tags { key value } }
              principals(first: 10) { totalCount nodes { __typename name } }
              accountRoles: principals(kind: [ROLE], accountId: "111122223333") { totalCount } }
            """);
        Assert.Equal(["alice", "bob"], data.At("group", "users").Names());
        Assert.Equal(["s3:GetObject", "s3:PutObject"], Effective(data.At("group")));
        Assert.Equal(2, data.At("group", "userCount").GetInt32());

        var role = data.At("role");
        Assert.Equal("/service/", role.At("path").GetString());
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero), role.At("createdAt").GetDateTimeOffset());
        Assert.Contains("sts:AssumeRole", role.At("trustPolicy").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            [("AWS", "arn:aws:iam::444455556666:root"), ("SERVICE", "ec2.amazonaws.com")],
            role.At("trustedBy").EnumerateArray().Select(t => (t.At("type").GetString(), t.At("value").GetString())));
        Assert.Equal(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], Effective(role));
        Assert.Equal([("S3Full", "ATTACHED")], role.At("policies", "edges").EnumerateArray().Select(e => (e.At("node", "name").GetString(), e.At("attachment").GetString())));

        Assert.Equal(
            [("User", "alice"), ("Role", "app"), ("User", "bob"), ("User", "carol"), ("Group", "devs"), ("Role", "ops")],
            data.At("principals", "nodes").EnumerateArray().Select(p => (p.At("__typename").GetString(), p.At("name").GetString())));
        Assert.Equal(6, data.At("principals", "totalCount").GetInt32());
        Assert.Equal(2, data.At("accountRoles", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Who_can_do_an_action_and_who_holds_a_policy()
    {
        var data = await api.DataAsync("""
            { passRole: principalsGranting(actions: ["IAM:passrole"]) { totalCount nodes { name } }
              unrestricted: principalsGranting(actions: ["iam:PassRole"], unrestricted: true) { nodes { name } }
              both: principalsGranting(actions: ["s3:GetObject", "ec2:RunInstances"]) { nodes { name } }
              either: principalsGranting(actions: ["s3:Delete*", "ec2:*"], match: ANY) { nodes { name } }
              action(name: "s3:DeleteObject") { principals { nodes { name } } }
              policy(name: "S3Full") { kind accountId defaultVersionId sources principals(first: 10) { nodes { __typename name } } }
              inline: policies(where: { name: { eq: "Pass" } }) { nodes { kind accountId arn } } }
            """);
        Assert.Equal(["bob", "carol"], data.At("passRole").Names());
        Assert.Equal(["carol"], data.At("unrestricted").Names());
        Assert.Equal(["alice"], data.At("both").Names());
        Assert.Equal(["alice", "app"], data.At("either").Names());
        // ops holds S3Full too, but its inline Deny removes s3:DeleteObject.
        Assert.Equal(["app"], data.At("action", "principals").Names());

        var s3Full = data.At("policy");
        Assert.Equal("AWS_MANAGED", s3Full.At("kind").GetString());
        Assert.Equal(JsonValueKind.Null, s3Full.At("accountId").ValueKind);
        // The file's version and default win over the package's.
        Assert.Equal("v3", s3Full.At("defaultVersionId").GetString());
        // Public: that an account's file carries it too is not told (issue 13).
        Assert.Equal(["MANAGED_POLICIES"], s3Full.At("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(
            [("User", "alice"), ("Role", "app"), ("User", "bob"), ("Group", "devs"), ("Role", "ops")],
            s3Full.At("principals", "nodes").EnumerateArray().Select(p => (p.At("__typename").GetString(), p.At("name").GetString())));

        var inline = data.At("inline", "nodes")[0];
        Assert.Equal("INLINE", inline.At("kind").GetString());
        Assert.Equal(AccountsFixture.AccountId, inline.At("accountId").GetString());
        Assert.Equal("arn:aws:iam::111122223333:user/carol#inline/Pass", inline.At("arn").GetString());
    }

    [EngineFact]
    public async Task Actions_that_match_nothing_are_granted_to_nobody()
    {
        // Found by the schema fuzzer: the empty answer failed to translate to SQL.
        var data = await api.DataAsync("""
            { all: principalsGranting(actions: ["?"]) { totalCount nodes { name } } any: principalsGranting(actions: ["no:Such", "iam:PassRole"], match: ANY) { totalCount } }
            """);
        Assert.Equal(0, data.At("all", "totalCount").GetInt32());
        Assert.Equal(2, data.At("any", "totalCount").GetInt32());
    }

    [EngineFact]
    public async Task Effective_actions_take_unrestricted_as_policies_do()
    {
        var data = await api.DataAsync("""
            { user(name: "bob") { free: effectiveActions(unrestricted: true) { totalCount nodes { name } }
                limited: effectiveActions(unrestricted: false) { totalCount edges { node { name } unrestricted } } }
              role(name: "app") { effectiveActions(unrestricted: true) { nodes { name } } } }
            """);
        // bob: S3Full grants the s3 actions unrestricted and the boundary allows them on *; PassRoleLimited is limited to role/service/*.
        Assert.Equal(["s3:GetObject", "s3:PutObject"], data.At("user", "free").Names());
        Assert.Equal(2, data.At("user", "free", "totalCount").GetInt32());
        Assert.Equal([("iam:PassRole", false)], data.At("user", "limited", "edges").EnumerateArray().Select(e => (e.At("node", "name").GetString(), e.At("unrestricted").GetBoolean())));
        Assert.Equal(1, data.At("user", "limited", "totalCount").GetInt32());
        Assert.Equal(["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], data.At("role", "effectiveActions").Names());
    }

    [EngineFact]
    public async Task Effective_actions_page_per_principal_in_SQL()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { users { nodes { name
                first: effectiveActions(first: 1, order: [{ name: DESC }]) { totalCount pageInfo { hasNextPage } nodes { name } }
                next: effectiveActions(first: 1, after: "MA==") { nodes { name } }
                last: effectiveActions(last: 2) { pageInfo { hasPreviousPage } nodes { name } }
                firstLast: effectiveActions(first: 100, last: 1) { nodes { name } } } } }
            """);
        var users = data.At("users", "nodes").EnumerateArray().ToDictionary(u => u.At("name").GetString()!);
        Assert.Equal(["s3:PutObject"], users["alice"].At("first").Names());
        Assert.Equal(3, users["alice"].At("first", "totalCount").GetInt32());
        Assert.True(users["alice"].At("first", "pageInfo", "hasNextPage").GetBoolean());
        Assert.Equal(["iam:PassRole"], users["carol"].At("first").Names());
        Assert.False(users["carol"].At("first", "pageInfo", "hasNextPage").GetBoolean());
        Assert.Equal(["s3:GetObject"], users["alice"].At("next").Names());
        Assert.Empty(users["carol"].At("next", "nodes").EnumerateArray());
        Assert.Equal(["s3:GetObject", "s3:PutObject"], users["bob"].At("last").Names());
        Assert.True(users["bob"].At("last", "pageInfo", "hasPreviousPage").GetBoolean());
        Assert.Equal(["iam:PassRole"], users["carol"].At("last").Names());
        Assert.Equal(["s3:PutObject"], users["alice"].At("firstLast").Names());

        // The pages are cut in SQL, not after loading every effective action (AdministratorAccess holds 22,000+).
        var pages = statements.Where(s => s.Contains("policy_denials", StringComparison.OrdinalIgnoreCase) && !s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, s => Assert.True(s.Contains("ROW_NUMBER", StringComparison.OrdinalIgnoreCase) || s.Contains("LIMIT", StringComparison.OrdinalIgnoreCase), s));
    }

    [EngineFact]
    public async Task Principal_lists_filter_sort_and_page_in_SQL()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { a: principals(where: { name: { startsWith: "a" } }, order: [{ name: DESC }]) { totalCount nodes { name } }
              last: principals(last: 2) { pageInfo { hasPreviousPage } nodes { name } }
              firstLast: principals(first: 100, last: 2) { nodes { name } }
              nul: principals(accountId: "1\u0000") { totalCount nodes { name } }
              incomplete: principals(where: { incomplete: { eq: true } }) { nodes { name } }
              granting: principalsGranting(actions: ["s3:GetObject"], where: { arn: { contains: ":user/" } }, order: [{ name: DESC }], first: 2) {
                totalCount pageInfo { hasNextPage } nodes { name } }
              policies(where: { name: { in: ["S3Full", "Boundary", "PassRoleLimited"] } }) { nodes { name
                principals(first: 1, order: [{ arn: DESC }]) { totalCount pageInfo { hasNextPage } nodes { name } } } }
              action(name: "s3:GetObject") { principals(where: { path: { eq: "/service/" } }) { nodes { name } } } }
            """);
        Assert.Equal(["app", "alice"], data.At("a").Names());
        Assert.Equal(2, data.At("a", "totalCount").GetInt32());
        Assert.Equal(["devs", "ops"], data.At("last").Names());
        Assert.True(data.At("last", "pageInfo", "hasPreviousPage").GetBoolean());
        // Found by the schema fuzzer: last after a first past the end counts back from the real end; an account id no
        // stored value can hold matches nothing (PostgreSQL rejected the NUL).
        Assert.Equal(["devs", "ops"], data.At("firstLast").Names());
        Assert.Equal(0, data.At("nul", "totalCount").GetInt32());
        Assert.Equal(["carol"], data.At("incomplete").Names());
        Assert.Equal(["bob", "alice"], data.At("granting").Names());
        Assert.Equal(2, data.At("granting", "totalCount").GetInt32());
        Assert.False(data.At("granting", "pageInfo", "hasNextPage").GetBoolean());

        // Several parents at once: each its own first page (S3Full: alice, app, bob, devs, ops; by ARN descending user/bob comes first).
        var policies = data.At("policies", "nodes").EnumerateArray().ToDictionary(p => p.At("name").GetString()!, p => p.At("principals"));
        Assert.Equal(["bob"], policies["S3Full"].Names());
        Assert.Equal(5, policies["S3Full"].At("totalCount").GetInt32());
        Assert.True(policies["S3Full"].At("pageInfo", "hasNextPage").GetBoolean());
        Assert.Equal(["bob"], policies["PassRoleLimited"].Names());
        Assert.False(policies["PassRoleLimited"].At("pageInfo", "hasNextPage").GetBoolean());
        Assert.Equal(["app"], data.At("action", "principals").Names());

        // The database cuts the pages: no principal list statement reads every row to slice it in memory.
        var lists = statements.Where(s => s.Contains("UNION ALL", StringComparison.OrdinalIgnoreCase) && !s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, s => Assert.True(s.Contains("ROW_NUMBER", StringComparison.OrdinalIgnoreCase) || s.Contains("LIMIT", StringComparison.OrdinalIgnoreCase), s));
    }

    [EngineFact]
    public async Task Common_actions_of_account_roles_follow_the_principal_semantics()
    {
        var data = await api.DataAsync("""
            { ops: commonActions(roles: ["ops"]) { nodes { name } }
              both: commonActions(roles: ["app", "ops"], policies: ["S3Full"]) { nodes { name } } }
            """);
        // ops's inline Deny removes s3:DeleteObject from what S3Full grants it, as in `role(name: "ops") { effectiveActions }`.
        Assert.Equal(["s3:GetObject", "s3:PutObject"], data.At("ops").Names());
        Assert.Equal(["s3:GetObject", "s3:PutObject"], data.At("both").Names());
    }

    [EngineFact]
    public async Task Statement_count_depends_on_the_query_shape_not_on_the_rows()
    {
        var statements = api.Statements.Start();
        var data = await api.DataAsync("""
            { users { nodes { name groups { nodes { name } } policies { edges { attachment group { name } node { name } } }
                effectiveActions { edges { node { name } via { name } unrestricted } } } } }
            """);
        Assert.Equal(3, data.At("users", "nodes").GetArrayLength());
        // users; groups; policies; the holdings behind `attachment`; the groups behind `group`; effective actions;
        // via/unrestricted (grants, boundaries, boundary grants).
        Assert.InRange(statements.Count, 1, 10);
    }
}

[Collection(SqliteAccountsCollection.Name)]
public sealed class SqliteAccountsTests(SqliteAccountsFixture api) : AccountsTests(api);

[Collection(PostgresAccountsCollection.Name)]
public sealed class PostgresAccountsTests(PostgresAccountsFixture api) : AccountsTests(api), IPostgresTests;
