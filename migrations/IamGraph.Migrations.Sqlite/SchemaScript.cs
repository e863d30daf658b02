namespace IamGraph.Migrations.Sqlite;

/// <summary>
/// This assembly's migrations as one script (<c>Schema.sql</c>, made by <c>dotnet ef migrations script</c>; the README says
/// how to remake it after adding a migration). An import runs it on its new, empty file: the same tables, indexes, views
/// and history rows as <c>Migrate()</c>, without building every migration's model first (0.13 s warm, most of a second in a
/// fresh process). A writer test fails when it no longer makes what the migrations make.
/// </summary>
public static class SchemaScript
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream("IamGraph.Migrations.Sqlite.Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded in IamGraph.Migrations.Sqlite");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
