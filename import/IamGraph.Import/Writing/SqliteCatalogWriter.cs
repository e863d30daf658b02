using System.Globalization;
using System.Text.Json;
using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Action = IamGraph.Catalog.Entities.Action;

namespace IamGraph.Import.Writing;

/// <summary>
/// Writes a whole catalogue into a new SQLite file beside the target and renames it over the target only when
/// everything succeeded: a failed import leaves the old file byte-identical, and a server reading the old file
/// keeps its open handle on the old inode until it reopens.
/// </summary>
public sealed class SqliteCatalogWriter(string targetFile)
{
    public string TargetFile { get; } = Path.GetFullPath(targetFile);

    public void Write(CatalogSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(TargetFile)!;
        Directory.CreateDirectory(directory);
        var staging = Path.Combine(directory, $".{Path.GetFileName(TargetFile)}.{Guid.NewGuid():N}.importing");
        try
        {
            using (var db = new CatalogDbContext(CatalogDatabase.SqliteOptions(staging, readOnly: false)))
            {
                db.Database.Migrate();
                Fill(db, snapshot, cancellationToken);
            }
            SqliteConnection.ClearAllPools();
            using (var file = new FileStream(staging, FileMode.Open, FileAccess.ReadWrite))
            {
                file.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(staging, TargetFile, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { staging, staging + "-journal" })
            {
                if (File.Exists(leftover))
                {
                    File.Delete(leftover);
                }
            }
        }
    }

    private static void Fill(CatalogDbContext db, CatalogSnapshot snapshot, CancellationToken cancellationToken)
    {
        var model = db.Model;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
        using (var tx = connection.BeginTransaction())
        {
            // Rows point at their canonical variant, which may come later in name order.
            Execute(connection, "PRAGMA defer_foreign_keys=ON;", tx);
            new BulkTable<ServiceRow>(model, typeof(Service),
                (nameof(Service.Id), s => s.Id), (nameof(Service.Name), s => s.Name), (nameof(Service.NameKey), s => ActionName.KeyOf(s.Name)),
                (nameof(Service.CanonicalId), s => s.CanonicalId),
                (nameof(Service.ActionCount), s => s.ActionCount), (nameof(Service.PolicyCount), s => s.PolicyCount), (nameof(Service.RoleCount), s => s.RoleCount))
                .Insert(connection, tx, snapshot.Services, cancellationToken);
            new BulkTable<ActionRow>(model, typeof(Action),
                (nameof(Action.Id), a => a.Id), (nameof(Action.Name), a => a.Name), (nameof(Action.NameKey), a => ActionName.KeyOf(a.Name)),
                (nameof(Action.ServiceId), a => a.ServiceId), (nameof(Action.IsWildcard), a => a.IsWildcard),
                (nameof(Action.CanonicalId), a => a.CanonicalId), (nameof(Action.GrantedByCount), a => a.GrantedByCount), (nameof(Action.MatchCount), a => a.MatchCount),
                (nameof(Action.PolicyCount), a => a.PolicyCount), (nameof(Action.RoleCount), a => a.RoleCount))
                .Insert(connection, tx, snapshot.Actions, cancellationToken);
            new BulkTable<PolicyRow>(model, typeof(Policy),
                (nameof(Policy.Id), p => p.Id), (nameof(Policy.Name), p => p.Name), (nameof(Policy.NameKey), p => p.Name.ToLowerInvariant()),
                (nameof(Policy.Arn), p => p.Arn), (nameof(Policy.Path), p => p.Path), (nameof(Policy.AwsManaged), p => p.AwsManaged),
                (nameof(Policy.ActionCount), p => p.ActionCount), (nameof(Policy.ServiceCount), p => p.ServiceCount), (nameof(Policy.RoleCount), p => p.RoleCount),
                (nameof(Policy.EffectiveActionCount), p => p.EffectiveActionCount))
                .Insert(connection, tx, snapshot.Policies, cancellationToken);
            new BulkTable<RoleRow>(model, typeof(Role),
                (nameof(Role.Id), r => r.Id), (nameof(Role.Name), r => r.Name), (nameof(Role.NameKey), r => r.Name.ToLowerInvariant()),
                (nameof(Role.Arn), r => r.Arn), (nameof(Role.Path), r => r.Path),
                (nameof(Role.PolicyCount), r => r.PolicyCount), (nameof(Role.ActionCount), r => r.ActionCount), (nameof(Role.ServiceCount), r => r.ServiceCount),
                (nameof(Role.EffectiveActionCount), r => r.EffectiveActionCount))
                .Insert(connection, tx, snapshot.Roles, cancellationToken);

            InsertLinks<PolicyAction>(model, connection, tx, nameof(PolicyAction.PolicyId), nameof(PolicyAction.ActionId), snapshot.PolicyActions, cancellationToken);
            InsertLinks<PolicyService>(model, connection, tx, nameof(PolicyService.PolicyId), nameof(PolicyService.ServiceId), snapshot.PolicyServices, cancellationToken);
            InsertLinks<RolePolicy>(model, connection, tx, nameof(RolePolicy.RoleId), nameof(RolePolicy.PolicyId), snapshot.RolePolicies, cancellationToken);
            InsertLinks<RoleAction>(model, connection, tx, nameof(RoleAction.RoleId), nameof(RoleAction.ActionId), snapshot.RoleActions, cancellationToken);
            InsertLinks<RoleService>(model, connection, tx, nameof(RoleService.RoleId), nameof(RoleService.ServiceId), snapshot.RoleServices, cancellationToken);

            InsertLinks<ActionMatch>(model, connection, tx, nameof(ActionMatch.PatternId), nameof(ActionMatch.ActionId), snapshot.ActionMatches, cancellationToken);
            new BulkTable<Grant>(model, typeof(EffectiveGrant),
                (nameof(EffectiveGrant.PolicyId), g => g.PolicyId), (nameof(EffectiveGrant.ActionId), g => g.ActionId),
                (nameof(EffectiveGrant.Via), g => JsonSerializer.Serialize(g.Via)))
                .Insert(connection, tx, snapshot.EffectiveGrants, cancellationToken);

            new BulkTable<Finding>(model, typeof(DataQualityFinding),
                (nameof(DataQualityFinding.Category), f => f.Category == FindingCategory.Discrepancy ? "discrepancy" : "warning"),
                (nameof(DataQualityFinding.Kind), f => f.Kind), (nameof(DataQualityFinding.Entity), f => f.Entity),
                (nameof(DataQualityFinding.File), f => f.File), (nameof(DataQualityFinding.Line), f => f.Line),
                (nameof(DataQualityFinding.Declared), f => f.Declared), (nameof(DataQualityFinding.Actual), f => f.Actual),
                (nameof(DataQualityFinding.Message), f => f.Message))
                .Insert(connection, tx, snapshot.Findings, cancellationToken);

            new BulkTable<CatalogSnapshot>(model, typeof(ImportRun),
                (nameof(ImportRun.ImportedAt), _ => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
                (nameof(ImportRun.Source), s => s.Source),
                (nameof(ImportRun.Format), s => s.Layout.ToString().ToLowerInvariant()),
                (nameof(ImportRun.ToolVersion), _ => typeof(SqliteCatalogWriter).Assembly.GetName().Version?.ToString() ?? "0"))
                .Insert(connection, tx, [snapshot], cancellationToken);
            tx.Commit();
        }
        // Readers open the file read-only: give it a rollback journal (never WAL, whose side files would not
        // travel with the rename) and planner statistics.
        Execute(connection, "PRAGMA journal_mode=DELETE; ANALYZE;");
        connection.Close();
    }

    private static void InsertLinks<TLink>(
        Microsoft.EntityFrameworkCore.Metadata.IModel model, SqliteConnection connection, SqliteTransaction tx,
        string left, string right, IReadOnlyList<Link> links, CancellationToken cancellationToken) =>
        new BulkTable<Link>(model, typeof(TLink), (left, l => l.LeftId), (right, l => l.RightId)).Insert(connection, tx, links, cancellationToken);

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
