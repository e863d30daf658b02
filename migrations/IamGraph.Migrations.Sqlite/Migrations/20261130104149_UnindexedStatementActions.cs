using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamGraph.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UnindexedStatementActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_statement_actions_action_id",
                table: "statement_actions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_statement_actions_action_id",
                table: "statement_actions",
                column: "action_id");
        }
    }
}
