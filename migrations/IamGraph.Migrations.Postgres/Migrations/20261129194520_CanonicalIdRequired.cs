using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamGraph.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CanonicalIdRequired : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A row with no canonical variant is its own (what the API read a null as).
            migrationBuilder.Sql("UPDATE services SET canonical_id = id WHERE canonical_id IS NULL;");
            migrationBuilder.Sql("UPDATE actions SET canonical_id = id WHERE canonical_id IS NULL;");

            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "services",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "actions",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "services",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "canonical_id",
                table: "actions",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");
        }
    }
}
