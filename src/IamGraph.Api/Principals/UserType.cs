using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Common.Paging;
using IamGraph.Api.Common.Relay;
using IamGraph.Catalog.Entities;

namespace IamGraph.Api.Principals;

public sealed class UserType : NodeGraphType<User>, INodeGraphType
{
    public static string GraphTypeName => "User";

    public UserType()
        : base(GraphTypeName, "An IAM user of an account.", u => u.Id)
    {
        Field(u => u.Name);
        Field(u => u.Arn);
        Field(u => u.Path);
        Field(u => u.PolicyCount).Description("How many distinct policies it holds, its groups' included.");
        Field(u => u.GroupCount);
        Field(u => u.EffectiveActionCount).Description("How many canonical concrete actions it may perform (see `effectiveActions`).");
        PrincipalFields.AddTo(this, PrincipalRelations.UserPolicies, PrincipalRelations.UserEffectiveActions);
        this.ConnectionField<User, GroupType, Group, GroupFilterInputType, GroupSortInputType>("groups")
            .Description("The groups it is a member of.")
            .ResolveConnection(PrincipalRelations.UserGroups);
    }
}

public sealed class GroupType : NodeGraphType<Group>, INodeGraphType
{
    public static string GraphTypeName => "Group";

    public GroupType()
        : base(GraphTypeName, "An IAM group of an account; its members hold its policies.", g => g.Id)
    {
        Field(g => g.Name);
        Field(g => g.Arn);
        Field(g => g.Path);
        Field(g => g.PolicyCount);
        Field(g => g.UserCount);
        Field(g => g.EffectiveActionCount).Description("How many canonical concrete actions its policies give (see `effectiveActions`).");
        PrincipalFields.AddTo(this, PrincipalRelations.GroupPolicies, PrincipalRelations.GroupEffectiveActions);
        this.ConnectionField<Group, UserType, User, UserFilterInputType, UserSortInputType>("users")
            .Description("Its members.")
            .ResolveConnection(PrincipalRelations.GroupUsers);
    }
}
