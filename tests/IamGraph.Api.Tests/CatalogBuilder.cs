using IamGraph.Catalog;
using IamGraph.Catalog.Entities;

using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Api.Tests;

/// <summary>
/// Builds a small catalogue from the two relations the docs give (policy→action, role→policy) and derives
/// everything else (policy→service, role→action, role→service, every count column), so links and counts cannot disagree.
/// </summary>
internal sealed class CatalogBuilder
{
    private readonly List<Service> _services = [];
    private readonly List<Action> _actions = [];
    private readonly List<(Policy Policy, string[] Actions)> _policies = [];
    private readonly List<(Role Role, string[] Policies)> _roles = [];

    public CatalogBuilder Service(string name)
    {
        _services.Add(new Service { Id = _services.Count + 1, Name = name, NameKey = name.ToLowerInvariant() });
        return this;
    }

    /// <summary>The service is the prefix before ':' (<c>all</c> for <c>*</c>) and must exist.</summary>
    public CatalogBuilder Action(string name)
    {
        var prefix = name == "*" ? "all" : name[..name.IndexOf(':', StringComparison.Ordinal)];
        var service = _services.Single(s => s.Name == prefix);
        _actions.Add(new Action
        {
            Id = _actions.Count + 1,
            Name = name,
            NameKey = name.ToLowerInvariant(),
            ServiceId = service.Id,
            IsWildcard = name.Contains('*', StringComparison.Ordinal) || name.Contains('?', StringComparison.Ordinal),
        });
        return this;
    }

    public CatalogBuilder Policy(string name, string path, bool awsManaged, params string[] actions)
    {
        var arn = (awsManaged ? "arn:aws:iam::aws:policy" : "arn:aws:iam::123456789012:policy") + path + name;
        _policies.Add((new Policy { Id = _policies.Count + 1, Name = name, NameKey = name.ToLowerInvariant(), Arn = arn, Path = path, AwsManaged = awsManaged }, actions));
        return this;
    }

    public CatalogBuilder Role(string name, string path, params string[] policies)
    {
        var arn = "arn:aws:iam::123456789012:role" + path + name;
        _roles.Add((new Role { Id = _roles.Count + 1, Name = name, NameKey = name.ToLowerInvariant(), Arn = arn, Path = path }, policies));
        return this;
    }

    public void SaveTo(CatalogDbContext db)
    {
        var actionByName = _actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var policyByName = _policies.ToDictionary(p => p.Policy.Name, p => p.Policy, StringComparer.Ordinal);

        var policyActions = _policies.SelectMany(p => p.Actions.Select(a => new PolicyAction { PolicyId = p.Policy.Id, ActionId = actionByName[a].Id })).ToList();
        var rolePolicies = _roles.SelectMany(r => r.Policies.Select(p => new RolePolicy { RoleId = r.Role.Id, PolicyId = policyByName[p].Id })).ToList();
        var serviceOfAction = _actions.ToDictionary(a => a.Id, a => a.ServiceId);

        var policyServices = policyActions.Select(pa => (pa.PolicyId, ServiceId: serviceOfAction[pa.ActionId])).Distinct()
            .Select(x => new PolicyService { PolicyId = x.PolicyId, ServiceId = x.ServiceId }).ToList();
        var roleActions = rolePolicies.Join(policyActions, rp => rp.PolicyId, pa => pa.PolicyId, (rp, pa) => (rp.RoleId, pa.ActionId)).Distinct()
            .Select(x => new RoleAction { RoleId = x.RoleId, ActionId = x.ActionId }).ToList();
        var roleServices = roleActions.Select(ra => (ra.RoleId, ServiceId: serviceOfAction[ra.ActionId])).Distinct()
            .Select(x => new RoleService { RoleId = x.RoleId, ServiceId = x.ServiceId }).ToList();

        foreach (var s in _services)
        {
            s.ActionCount = _actions.Count(a => a.ServiceId == s.Id);
            s.PolicyCount = policyServices.Count(l => l.ServiceId == s.Id);
            s.RoleCount = roleServices.Count(l => l.ServiceId == s.Id);
        }
        foreach (var a in _actions)
        {
            a.PolicyCount = policyActions.Count(l => l.ActionId == a.Id);
            a.RoleCount = roleActions.Count(l => l.ActionId == a.Id);
        }
        foreach (var (p, _) in _policies)
        {
            p.ActionCount = policyActions.Count(l => l.PolicyId == p.Id);
            p.ServiceCount = policyServices.Count(l => l.PolicyId == p.Id);
            p.RoleCount = rolePolicies.Count(l => l.PolicyId == p.Id);
        }
        foreach (var (r, _) in _roles)
        {
            r.PolicyCount = rolePolicies.Count(l => l.RoleId == r.Id);
            r.ActionCount = roleActions.Count(l => l.RoleId == r.Id);
            r.ServiceCount = roleServices.Count(l => l.RoleId == r.Id);
        }

        db.Services.AddRange(_services);
        db.Actions.AddRange(_actions);
        db.Policies.AddRange(_policies.Select(p => p.Policy));
        db.Roles.AddRange(_roles.Select(r => r.Role));
        db.PolicyActions.AddRange(policyActions);
        db.PolicyServices.AddRange(policyServices);
        db.RolePolicies.AddRange(rolePolicies);
        db.RoleActions.AddRange(roleActions);
        db.RoleServices.AddRange(roleServices);
        db.SaveChanges();
    }

    /// <summary>
    /// The catalogue every test reads. Hand-computed facts the tests rely on:
    /// services (ordinal): S3, all, ec2, ecr, iam, s3; policyCount S3 1, all 1, ec2 0, ecr 2, iam 2, s3 2.
    /// Actions (ordinal): *, S3:ListBucket, ec2:RunInstances, ecr:BatchGetImage, iam:GetRole, iam:PassRole, s3:Get*, s3:GetObject.
    /// Policies (ordinal): AWSLambdaRole(3 actions, /service-role/), AdministratorAccess(1), AmazonEC2ContainerRegistryReadOnly(1),
    /// AmazonS3ReadOnlyAccess(2), EmptyPolicy(0, customer managed), IAMReadOnlyAccess(2).
    /// Roles: AdminRole → AdministratorAccess; LambdaExecRole → AmazonS3ReadOnlyAccess + AWSLambdaRole (4 actions, 3 services).
    /// </summary>
    public static CatalogBuilder Sample() => new CatalogBuilder()
        .Service("s3").Service("S3").Service("iam").Service("ecr").Service("all").Service("ec2")
        .Action("s3:GetObject").Action("s3:Get*").Action("S3:ListBucket").Action("iam:PassRole").Action("iam:GetRole")
        .Action("ecr:BatchGetImage").Action("*").Action("ec2:RunInstances")
        .Policy("AmazonS3ReadOnlyAccess", "/", true, "s3:GetObject", "s3:Get*")
        .Policy("AdministratorAccess", "/", true, "*")
        .Policy("AWSLambdaRole", "/service-role/", true, "iam:PassRole", "s3:GetObject", "ecr:BatchGetImage")
        .Policy("IAMReadOnlyAccess", "/", true, "iam:GetRole", "S3:ListBucket")
        .Policy("AmazonEC2ContainerRegistryReadOnly", "/", true, "ecr:BatchGetImage")
        .Policy("EmptyPolicy", "/", false)
        .Role("LambdaExecRole", "/", "AWSLambdaRole", "AmazonS3ReadOnlyAccess")
        .Role("AdminRole", "/admin/", "AdministratorAccess");
}
