using IamGraph.Api.Actions;
using IamGraph.Api.Common.DataLoading;
using IamGraph.Api.Policies;
using IamGraph.Api.Services;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Roles;

/// <summary>The to-many relations of a role, one declaration each; <see cref="RoleType"/> has a field line per relation.</summary>
public static class RoleRelations
{
    /// <summary>Managed policies attached to the role.</summary>
    public static Relation<Role, Policy> Policies { get; } = Relation<Role, Policy>.Through(
        db => db.RolePolicies, l => l.RoleId, l => l.PolicyId, () => PolicyFilterAndSort.Map, navigation: r => r.Policies);

    /// <summary>Union of the attached policies' action strings (stored at import).</summary>
    public static Relation<Role, Action> Actions { get; } = Relation<Role, Action>.Through(
        db => db.RoleActions, l => l.RoleId, l => l.ActionId, () => ActionFilterAndSort.Map, navigation: r => r.Actions);

    public static Relation<Role, Service> Services { get; } = Relation<Role, Service>.Through(
        db => db.RoleServices, l => l.RoleId, l => l.ServiceId, () => ServiceFilterAndSort.Map, navigation: r => r.Services);

    /// <summary>The union of the attached policies' effective actions: role_policies joined to effective_grants, each pair once.</summary>
    public static Relation<Role, Action> EffectiveActions { get; } = Relation<Role, Action>.Through(
        db => from link in db.RolePolicies
              join grant in db.EffectiveGrants on link.PolicyId equals grant.PolicyId
              select new { link.RoleId, grant.ActionId },
        pair => pair.RoleId, pair => pair.ActionId, () => ActionFilterAndSort.Map, distinct: true);
}
