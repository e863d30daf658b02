using IamGraph.Catalog.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Catalog;

/// <summary>The catalogue as EF Core sees it. Written once per import, read-only while served.</summary>
public class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Action> Actions => Set<Action>();
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<PolicyAction> PolicyActions => Set<PolicyAction>();
    public DbSet<PolicyService> PolicyServices => Set<PolicyService>();
    public DbSet<RolePolicy> RolePolicies => Set<RolePolicy>();
    public DbSet<RoleAction> RoleActions => Set<RoleAction>();
    public DbSet<RoleService> RoleServices => Set<RoleService>();
    public DbSet<EffectiveGrant> EffectiveGrants => Set<EffectiveGrant>();
    public DbSet<ActionMatch> ActionMatches => Set<ActionMatch>();
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<PolicyStatement> PolicyStatements => Set<PolicyStatement>();
    public DbSet<StatementAction> StatementActions => Set<StatementAction>();
    public DbSet<ResourceType> ResourceTypes => Set<ResourceType>();
    public DbSet<ConditionKey> ConditionKeys => Set<ConditionKey>();
    public DbSet<ActionResourceType> ActionResourceTypes => Set<ActionResourceType>();
    public DbSet<ActionConditionKey> ActionConditionKeys => Set<ActionConditionKey>();
    public DbSet<ActionDependency> ActionDependencies => Set<ActionDependency>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<UserGroup> UserGroups => Set<UserGroup>();
    public DbSet<PrincipalPolicy> PrincipalPolicies => Set<PrincipalPolicy>();
    public DbSet<RoleTrust> RoleTrusts => Set<RoleTrust>();
    public DbSet<PolicyDenial> PolicyDenials => Set<PolicyDenial>();
    public DbSet<DataQualityFinding> DataQualityFindings => Set<DataQualityFinding>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    /// <summary>
    /// Which accounts' rows this context reads: every <see cref="IAccountOwned"/> entity is filtered by it in SQL. Public by
    /// default, so a context nobody scoped shows no account data; a pooled context is scoped anew each time it is handed out.
    /// </summary>
    public AccountScope AccountScope { get; set; } = AccountScope.Public;

    private void FilterByAccountScope<T>(ModelBuilder modelBuilder)
        where T : class, IAccountOwned =>
        // Public rows (null) always; an account's rows when the scope holds it. Parameters, so one cached plan serves every scope
        // (the accounts list is one parameter, as every list is: CatalogDatabase.Configure).
        modelBuilder.Entity<T>().HasQueryFilter(row => row.AccountId == null || AccountScope.All || AccountScope.Accounts.Contains(row.AccountId));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        UnindexedForeignKeys.Apply(configurationBuilder);
        ExplicitModelConventions.Apply(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Service>(e =>
        {
            e.HasIndex(s => s.Name).IsUnique();
            e.HasIndex(s => s.NameKey);
            e.HasMany(s => s.Actions).WithOne(a => a.Service).HasForeignKey(a => a.ServiceId);
            // Every row names its canonical variant (itself when it is that one); no cascade: catalogues are rebuilt whole, never deleted from.
            e.HasOne(s => s.Canonical).WithMany(s => s.Variants).HasForeignKey(s => s.CanonicalId).OnDelete(DeleteBehavior.NoAction);
        });

        modelBuilder.Entity<Action>(e =>
        {
            e.HasIndex(a => a.Name).IsUnique();
            e.HasIndex(a => a.NameKey);
            e.HasIndex(a => a.ServiceId);
            e.HasOne(a => a.Canonical).WithMany(a => a.Variants).HasForeignKey(a => a.CanonicalId).OnDelete(DeleteBehavior.NoAction);
        });

        modelBuilder.Entity<Policy>(e =>
        {
            e.HasIndex(p => p.Arn).IsUnique();
            e.HasIndex(p => p.Name);
            e.HasIndex(p => p.NameKey);
        });

        modelBuilder.Entity<Role>(e =>
        {
            e.HasIndex(r => r.Arn).IsUnique();
            e.HasIndex(r => r.Name);
            e.HasIndex(r => r.NameKey);
        });

        Link<Policy, Action, PolicyAction>(modelBuilder, p => p.Actions, a => a.Policies, l => l.PolicyId, l => l.ActionId);
        Link<Policy, Service, PolicyService>(modelBuilder, p => p.Services, s => s.Policies, l => l.PolicyId, l => l.ServiceId);
        Link<Role, Policy, RolePolicy>(modelBuilder, r => r.Policies, p => p.Roles, l => l.RoleId, l => l.PolicyId);
        Link<Role, Action, RoleAction>(modelBuilder, r => r.Actions, a => a.Roles, l => l.RoleId, l => l.ActionId);
        Link<Role, Service, RoleService>(modelBuilder, r => r.Services, s => s.Roles, l => l.RoleId, l => l.ServiceId);
        Link<Policy, Action, EffectiveGrant>(modelBuilder, p => p.EffectiveActions, a => a.GrantedBy, l => l.PolicyId, l => l.ActionId);
        Link<Action, Action, ActionMatch>(modelBuilder, a => a.Matches, a => a.MatchedBy, l => l.PatternId, l => l.ActionId);
        Link<Action, ResourceType, ActionResourceType>(modelBuilder, a => a.ResourceTypes, r => r.Actions, l => l.ActionId, l => l.ResourceTypeId);
        Link<Action, ConditionKey, ActionConditionKey>(modelBuilder, a => a.ConditionKeys, k => k.Actions, l => l.ActionId, l => l.ConditionKeyId);
        Link<Action, Action, ActionDependency>(modelBuilder, a => a.DependentActions, null, l => l.ActionId, l => l.DependentActionId);

        modelBuilder.Entity<ResourceType>(e =>
        {
            e.HasOne(r => r.Service).WithMany().HasForeignKey(r => r.ServiceId);
            e.HasIndex(r => new { r.ServiceId, r.Name }).IsUnique();
        });
        modelBuilder.Entity<ConditionKey>(e => e.HasIndex(k => k.Name).IsUnique());

        modelBuilder.Entity<PolicyVersion>(e =>
        {
            e.HasOne(v => v.Policy).WithMany(p => p.Versions).HasForeignKey(v => v.PolicyId);
            e.HasIndex(v => new { v.PolicyId, v.VersionId }).IsUnique();
        });
        modelBuilder.Entity<PolicyStatement>(e =>
        {
            e.HasOne(s => s.PolicyVersion).WithMany(v => v.Statements).HasForeignKey(s => s.PolicyVersionId);
            e.HasIndex(s => new { s.PolicyVersionId, s.Ordinal }).IsUnique();
        });
        modelBuilder.Entity<StatementAction>(e =>
        {
            e.HasKey(l => new { l.StatementId, l.ActionId, l.IsNotAction });
            e.HasOne<PolicyStatement>().WithMany(s => s.Actions).HasForeignKey(l => l.StatementId);
            // Statements are read by statement (the key's prefix), never by action.
            e.Property(l => l.ActionId).IsUnindexed();
            e.HasOne<Action>().WithMany().HasForeignKey(l => l.ActionId);
        });

        AccountModel.Configure(modelBuilder);
        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(e => e.ClrType).Where(typeof(IAccountOwned).IsAssignableFrom).Distinct().ToList())
        {
            typeof(CatalogDbContext).GetMethod(nameof(FilterByAccountScope), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [modelBuilder]);
        }
        // A version is reachable on its own (node(id:)): it belongs to its policy's account.
        modelBuilder.Entity<PolicyVersion>().HasQueryFilter(v =>
            v.Policy.AccountId == null || AccountScope.All || AccountScope.Accounts.Contains(v.Policy.AccountId));

        SnakeCaseNames.Apply(modelBuilder);

        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Names order ordinally on both engines: SQLite's BINARY collation, PostgreSQL's C.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string)))
            {
                property.SetCollation("C");
            }
        }
    }

    /// <summary>Many-to-many through an explicit join entity, indexed both ways so either side reads in one seek.</summary>
    internal static void Link<TLeft, TRight, TLink>(
        ModelBuilder modelBuilder,
        System.Linq.Expressions.Expression<Func<TLeft, IEnumerable<TRight>?>> rights,
        System.Linq.Expressions.Expression<Func<TRight, IEnumerable<TLeft>?>>? lefts,
        System.Linq.Expressions.Expression<Func<TLink, object?>> leftKey,
        System.Linq.Expressions.Expression<Func<TLink, object?>> rightKey)
        where TLeft : class
        where TRight : class
        where TLink : class
    {
        var many = modelBuilder.Entity<TLeft>().HasMany(rights);
        // No inverse navigation where nobody reads the relation backwards (an action's dependants).
        (lefts is null ? many.WithMany() : many.WithMany(lefts))
            .UsingEntity<TLink>(
                r => r.HasOne<TRight>().WithMany().HasForeignKey(rightKey),
                l => l.HasOne<TLeft>().WithMany().HasForeignKey(leftKey),
                (EntityTypeBuilder<TLink> j) =>
                {
                    j.HasKey(KeyOf(leftKey, rightKey));
                    j.HasIndex(KeyOf(rightKey, leftKey));
                });
    }

    private static string[] KeyOf<TLink>(
        System.Linq.Expressions.Expression<Func<TLink, object?>> first,
        System.Linq.Expressions.Expression<Func<TLink, object?>> second) =>
        [MemberName(first), MemberName(second)];

    private static string MemberName<TLink>(System.Linq.Expressions.Expression<Func<TLink, object?>> e) =>
        e.Body switch
        {
            System.Linq.Expressions.MemberExpression m => m.Member.Name,
            System.Linq.Expressions.UnaryExpression { Operand: System.Linq.Expressions.MemberExpression m } => m.Member.Name,
            _ => throw new ArgumentException("Expected a property access.", nameof(e)),
        };
}
