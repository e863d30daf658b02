using IamGraph.Api.Common.Filtering;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Principals;

/// <summary>What <c>UserFilterInput</c>, <c>GroupFilterInput</c> and their sort inputs offer, and how users, groups and trust entries read in SQL.</summary>
public static class PrincipalFilterAndSort
{
    public static EntityFieldMap<User> Users { get; } = new EntityFieldMap<User>(u => u.Name, u => u.Id)
        .NodeId(UserType.GraphTypeName)
        .Columns(u => u.Name, u => u.Arn, u => u.Path, u => u.AccountId, u => u.Incomplete, u => u.PolicyCount, u => u.GroupCount, u => u.EffectiveActionCount)
        .Collection<ListGroupFilterInputType>("groups", PrincipalRelations.UserGroups);

    public static EntityFieldMap<Group> Groups { get; } = new EntityFieldMap<Group>(g => g.Name, g => g.Id)
        .NodeId(GroupType.GraphTypeName)
        .Columns(g => g.Name, g => g.Arn, g => g.Path, g => g.AccountId, g => g.Incomplete, g => g.PolicyCount, g => g.UserCount, g => g.EffectiveActionCount)
        .Collection<ListUserFilterInputType>("users", PrincipalRelations.GroupUsers);

    public static EntityFieldMap<RoleTrust> Trusts { get; } = new EntityFieldMap<RoleTrust>(t => t.Value, t => t.Id);
}

public sealed class UserFilterInputType() : FilterInputGraphType("User", PrincipalFilterAndSort.Users);

public sealed class ListUserFilterInputType() : ListFilterInputGraphType<UserFilterInputType>("User");

public sealed class UserSortInputType() : Common.Sorting.SortInputGraphType("User", PrincipalFilterAndSort.Users);

public sealed class GroupFilterInputType() : FilterInputGraphType("Group", PrincipalFilterAndSort.Groups);

public sealed class ListGroupFilterInputType() : ListFilterInputGraphType<GroupFilterInputType>("Group");

public sealed class GroupSortInputType() : Common.Sorting.SortInputGraphType("Group", PrincipalFilterAndSort.Groups);
