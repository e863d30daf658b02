using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamGraph.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CanonicalIdRequired : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite alters a column by rebuilding the table (EF Core runs the rebuild last), and renaming the rebuilt table
            // in over the dropped one fails while the views name it. The legacy rename skips that check; the views stay as they are.
            migrationBuilder.Sql("PRAGMA legacy_alter_table = ON;");

            // A row with no canonical variant is its own (what the API read a null as).
            migrationBuilder.Sql("UPDATE services SET canonical_id = id WHERE canonical_id IS NULL;");
            migrationBuilder.Sql("UPDATE actions SET canonical_id = id WHERE canonical_id IS NULL;");

            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "services",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "actions",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The same rebuild as Up: see there.
            migrationBuilder.Sql("PRAGMA legacy_alter_table = ON;");

            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "services",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "actions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");
        }
    }
}
