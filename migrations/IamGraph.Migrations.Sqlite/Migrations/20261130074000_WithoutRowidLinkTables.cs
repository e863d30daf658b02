using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamGraph.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// SQLite only: the three big link tables (statement_actions, effective_grants, action_matches) become WITHOUT ROWID
    /// tables, one B-tree keyed by their primary key instead of a rowid table plus the key's index: the catalogue file is
    /// about 19 MB smaller and the import writes one B-tree per row instead of two (rows arrive in key order). EF Core has
    /// no API for it, so each table is rebuilt by hand as it stands, and the model is unchanged (PostgreSQL has no rowid).
    /// A later migration that makes EF Core rebuild one of these tables would drop the clause: restore it there.
    /// </summary>
    public partial class WithoutRowidLinkTables : Migration
    {
        private static readonly (string Table, string Columns, string CreateTable, string[] Indexes)[] Tables =
        [
            ("statement_actions", "\"statement_id\", \"action_id\", \"is_not_action\"",
                """
                CREATE TABLE "statement_actions" (
                    "statement_id" INTEGER NOT NULL,
                    "action_id" INTEGER NOT NULL,
                    "is_not_action" INTEGER NOT NULL,
                    CONSTRAINT "pk_statement_actions" PRIMARY KEY ("statement_id", "action_id", "is_not_action"),
                    CONSTRAINT "fk_statement_actions_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
                    CONSTRAINT "fk_statement_actions_policy_statements_statement_id" FOREIGN KEY ("statement_id") REFERENCES "policy_statements" ("id") ON DELETE CASCADE
                )
                """,
                ["CREATE INDEX \"ix_statement_actions_action_id\" ON \"statement_actions\" (\"action_id\")"]),
            ("effective_grants", "\"policy_id\", \"action_id\", \"via\", \"limits\", \"unrestricted\"",
                """
                CREATE TABLE "effective_grants" (
                    "policy_id" INTEGER NOT NULL,
                    "action_id" INTEGER NOT NULL,
                    "via" TEXT NOT NULL, "limits" INTEGER NOT NULL DEFAULT 0, "unrestricted" INTEGER NULL,
                    CONSTRAINT "pk_effective_grants" PRIMARY KEY ("policy_id", "action_id"),
                    CONSTRAINT "fk_effective_grants_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
                    CONSTRAINT "fk_effective_grants_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE
                )
                """,
                ["CREATE INDEX \"ix_effective_grants_action_id_policy_id\" ON \"effective_grants\" (\"action_id\", \"policy_id\")"]),
            ("action_matches", "\"pattern_id\", \"action_id\"",
                """
                CREATE TABLE "action_matches" (
                    "pattern_id" INTEGER NOT NULL,
                    "action_id" INTEGER NOT NULL,
                    CONSTRAINT "pk_action_matches" PRIMARY KEY ("pattern_id", "action_id"),
                    CONSTRAINT "fk_action_matches_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
                    CONSTRAINT "fk_action_matches_actions_pattern_id" FOREIGN KEY ("pattern_id") REFERENCES "actions" ("id") ON DELETE CASCADE
                )
                """,
                ["CREATE INDEX \"ix_action_matches_action_id_pattern_id\" ON \"action_matches\" (\"action_id\", \"pattern_id\")"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, " WITHOUT ROWID");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "");

        /// <summary>
        /// Copies each table aside, recreates it (with <paramref name="clause"/>) under its own name and copies the rows back:
        /// no rename, which SQLite refuses while a view (effective_grant_names) names the table being replaced.
        /// </summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, string clause)
        {
            foreach (var (table, columns, createTable, indexes) in Tables)
            {
                migrationBuilder.Sql($"CREATE TABLE \"ef_temp_{table}\" AS SELECT {columns} FROM \"{table}\";");
                migrationBuilder.Sql($"DROP TABLE \"{table}\";");
                migrationBuilder.Sql(createTable + clause + ";");
                migrationBuilder.Sql($"INSERT INTO \"{table}\" ({columns}) SELECT {columns} FROM \"ef_temp_{table}\";");
                migrationBuilder.Sql($"DROP TABLE \"ef_temp_{table}\";");
                foreach (var index in indexes)
                {
                    migrationBuilder.Sql(index + ";");
                }
            }
        }
    }
}
