using IamGraph.Import.Model;

namespace IamGraph.Import.Reading;

/// <summary>
/// The detail pages: a <c># Kind: NAME</c> title, for policies and roles an <c>ARN: `...`</c> line, then <c>##</c>
/// sections found by topic (see <see cref="PageReading.ListsIn"/>).
/// </summary>
internal static class PageReaders
{
    /// <summary>Roles, services and actions. Every action row is kept, duplicates included: the model layer collapses and reports them.</summary>
    public static PolicyPage Policy(PageReading reading)
    {
        var name = reading.RequireTitle("Policy");
        var arn = reading.RequireArn("policy");
        var lists = reading.ListsIn(Topic.Actions, Topic.Roles, Topic.Services);
        return new PolicyPage(name, arn, lists[Topic.Actions], lists[Topic.Roles], lists[Topic.Services], reading.TitleSource);
    }

    /// <summary>Attached policies (by ARN) and allowed actions.</summary>
    public static RolePage Role(PageReading reading)
    {
        var name = reading.RequireTitle("Role");
        var arn = reading.RequireArn("role");
        var lists = reading.ListsIn(Topic.Policies, Topic.Actions);
        return new RolePage(name, arn, lists[Topic.Policies], lists[Topic.Actions], reading.TitleSource);
    }

    /// <summary>Policies (by ARN), actions and roles.</summary>
    public static ServicePage Service(PageReading reading)
    {
        var name = reading.RequireTitle("Service");
        var lists = reading.ListsIn(Topic.Policies, Topic.Actions, Topic.Roles);
        return new ServicePage(name, lists[Topic.Policies], lists[Topic.Actions], lists[Topic.Roles], reading.TitleSource);
    }

    /// <summary>Policies (by ARN), roles and services (a table or a bare link).</summary>
    public static ActionPage Action(PageReading reading)
    {
        var name = reading.RequireTitle("Action");
        var lists = reading.ListsIn(Topic.Policies, Topic.Roles, Topic.Services);
        return new ActionPage(name, lists[Topic.Policies], lists[Topic.Roles], lists[Topic.Services], reading.TitleSource);
    }
}
