using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IamGraph.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PolicyDocumentsAndActionCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "policies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sources",
                table: "policies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "policies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "limits",
                table: "effective_grants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "unrestricted",
                table: "effective_grants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "access_level",
                table: "actions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "in_catalog",
                table: "actions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "action_dependencies",
                columns: table => new
                {
                    action_id = table.Column<int>(type: "INTEGER", nullable: false),
                    dependent_action_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_dependencies", x => new { x.action_id, x.dependent_action_id });
                    table.ForeignKey(
                        name: "fk_action_dependencies_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_dependencies_actions_dependent_action_id",
                        column: x => x.dependent_action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "condition_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    type = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_condition_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_types",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    service_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    arn = table.Column<string>(type: "TEXT", nullable: false),
                    condition_keys = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_resource_types", x => x.id);
                    table.ForeignKey(
                        name: "fk_resource_types_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_condition_keys",
                columns: table => new
                {
                    action_id = table.Column<int>(type: "INTEGER", nullable: false),
                    condition_key_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_condition_keys", x => new { x.action_id, x.condition_key_id });
                    table.ForeignKey(
                        name: "fk_action_condition_keys_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_condition_keys_condition_keys_condition_key_id",
                        column: x => x.condition_key_id,
                        principalTable: "condition_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_resource_types",
                columns: table => new
                {
                    action_id = table.Column<int>(type: "INTEGER", nullable: false),
                    resource_type_id = table.Column<int>(type: "INTEGER", nullable: false),
                    required = table.Column<bool>(type: "INTEGER", nullable: false),
                    condition_keys = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_resource_types", x => new { x.action_id, x.resource_type_id });
                    table.ForeignKey(
                        name: "fk_action_resource_types_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_resource_types_resource_types_resource_type_id",
                        column: x => x.resource_type_id,
                        principalTable: "resource_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_condition_keys_condition_key_id_action_id",
                table: "action_condition_keys",
                columns: new[] { "condition_key_id", "action_id" });

            migrationBuilder.CreateIndex(
                name: "ix_action_dependencies_dependent_action_id_action_id",
                table: "action_dependencies",
                columns: new[] { "dependent_action_id", "action_id" });

            migrationBuilder.CreateIndex(
                name: "ix_action_resource_types_resource_type_id_action_id",
                table: "action_resource_types",
                columns: new[] { "resource_type_id", "action_id" });

            migrationBuilder.CreateIndex(
                name: "ix_condition_keys_name",
                table: "condition_keys",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resource_types_service_id_name",
                table: "resource_types",
                columns: new[] { "service_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_condition_keys");

            migrationBuilder.DropTable(
                name: "action_dependencies");

            migrationBuilder.DropTable(
                name: "action_resource_types");

            migrationBuilder.DropTable(
                name: "condition_keys");

            migrationBuilder.DropTable(
                name: "resource_types");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "sources",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "limits",
                table: "effective_grants");

            migrationBuilder.DropColumn(
                name: "unrestricted",
                table: "effective_grants");

            migrationBuilder.DropColumn(
                name: "in_catalog",
                table: "actions");

            migrationBuilder.AlterColumn<string>(
                name: "access_level",
                table: "actions",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");
        }
    }
}
