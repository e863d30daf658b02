using IamGraph.Catalog.Entities;
using Microsoft.EntityFrameworkCore;

namespace IamGraph.Catalog;

/// <summary>The account tables of <see cref="CatalogDbContext"/> (issue 10): principals, how they hold policies, trust.</summary>
internal static class AccountModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Policy>(e => e.HasIndex(p => p.AccountId));

        modelBuilder.Entity<User>(e =>
        {
            e.HasIndex(u => u.Arn).IsUnique();
            e.HasIndex(u => u.Name);
            e.HasIndex(u => u.NameKey);
            e.HasIndex(u => u.AccountId);
            e.HasOne(u => u.PermissionsBoundary).WithMany().HasForeignKey(u => u.PermissionsBoundaryId);
        });
        modelBuilder.Entity<Group>(e =>
        {
            e.HasIndex(g => g.Arn).IsUnique();
            e.HasIndex(g => g.Name);
            e.HasIndex(g => g.NameKey);
            e.HasIndex(g => g.AccountId);
        });
        modelBuilder.Entity<Role>(e =>
        {
            e.HasIndex(r => r.AccountId);
            e.HasOne(r => r.PermissionsBoundary).WithMany().HasForeignKey(r => r.PermissionsBoundaryId);
            e.HasMany(r => r.TrustedBy).WithOne().HasForeignKey(t => t.RoleId);
        });
        CatalogDbContext.Link<User, Group, UserGroup>(modelBuilder, u => u.Groups, g => g.Users, l => l.UserId, l => l.GroupId);

        modelBuilder.Entity<PrincipalPolicy>(e =>
        {
            e.HasIndex(l => new { l.PrincipalKind, l.PrincipalId, l.PolicyId });
            e.HasIndex(l => l.PolicyId);
            e.HasIndex(l => l.AccountId);
            e.HasOne<Policy>().WithMany().HasForeignKey(l => l.PolicyId);
            e.HasOne<Group>().WithMany().HasForeignKey(l => l.GroupId);
        });
        modelBuilder.Entity<RoleTrust>(e =>
        {
            e.HasIndex(t => t.RoleId);
            e.HasIndex(t => t.Value);
        });
        modelBuilder.Entity<PolicyDenial>(e =>
        {
            e.HasKey(d => new { d.PolicyId, d.ActionId });
            e.HasIndex(d => d.ActionId);
            e.HasOne<Policy>().WithMany().HasForeignKey(d => d.PolicyId);
            e.HasOne<Entities.Action>().WithMany().HasForeignKey(d => d.ActionId);
        });
    }
}
