using GraphQL.Types;

using IamGraph.Api.Actions;
using IamGraph.Api.Analytics;
using IamGraph.Api.Policies;
using IamGraph.Api.Principals;
using IamGraph.Api.Roles;
using IamGraph.Api.Services;

namespace IamGraph.Api;

/// <summary>The root query, composed from each feature's queries.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        this.AddNodeQueries();
        this.AddPolicyQueries();
        this.AddActionQueries();
        this.AddServiceQueries();
        this.AddRoleQueries();
        this.AddPrincipalQueries();
        this.AddGrantQueries();
        this.AddAccessQueries();
        this.AddLeastPrivilegeQueries();
        this.AddStatsQueries();
        this.AddDataQualityQueries();
    }
}
