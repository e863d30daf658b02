using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IamGraph.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AccountAuthorizationDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "account_id",
                table: "roles",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "roles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "incomplete",
                table: "roles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "permissions_boundary_id",
                table: "roles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tags",
                table: "roles",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "trust_policy",
                table: "roles",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "unique_id",
                table: "roles",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "account_id",
                table: "policies",
                type: "text",
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "policies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    arn = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    path = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    account_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    unique_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    tags = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    incomplete = table.Column<bool>(type: "boolean", nullable: false),
                    policy_count = table.Column<int>(type: "integer", nullable: false),
                    user_count = table.Column<int>(type: "integer", nullable: false),
                    effective_action_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policy_denials",
                columns: table => new
                {
                    policy_id = table.Column<int>(type: "integer", nullable: false),
                    action_id = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_denials", x => new { x.policy_id, x.action_id });
                    table.ForeignKey(
                        name: "fk_policy_denials_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_policy_denials_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_trusts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    account_id = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_trusts", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_trusts_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    arn = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    path = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    account_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    unique_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    tags = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    permissions_boundary_id = table.Column<int>(type: "integer", nullable: true),
                    incomplete = table.Column<bool>(type: "boolean", nullable: false),
                    policy_count = table.Column<int>(type: "integer", nullable: false),
                    group_count = table.Column<int>(type: "integer", nullable: false),
                    effective_action_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_policies_permissions_boundary_id",
                        column: x => x.permissions_boundary_id,
                        principalTable: "policies",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "principal_policies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    principal_kind = table.Column<int>(type: "integer", nullable: false),
                    principal_id = table.Column<int>(type: "integer", nullable: false),
                    policy_id = table.Column<int>(type: "integer", nullable: false),
                    attachment = table.Column<int>(type: "integer", nullable: false),
                    group_id = table.Column<int>(type: "integer", nullable: true),
                    account_id = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_principal_policies", x => x.id);
                    table.ForeignKey(
                        name: "fk_principal_policies_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_principal_policies_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_groups",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    group_id = table.Column<int>(type: "integer", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_groups", x => new { x.user_id, x.group_id });
                    table.ForeignKey(
                        name: "fk_user_groups_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_groups_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_roles_account_id",
                table: "roles",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_roles_permissions_boundary_id",
                table: "roles",
                column: "permissions_boundary_id");

            migrationBuilder.CreateIndex(
                name: "ix_policies_account_id",
                table: "policies",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_account_id",
                table: "groups",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_groups_arn",
                table: "groups",
                column: "arn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_groups_name",
                table: "groups",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_groups_name_key",
                table: "groups",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_policy_denials_action_id",
                table: "policy_denials",
                column: "action_id");

            migrationBuilder.CreateIndex(
                name: "ix_principal_policies_account_id",
                table: "principal_policies",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_principal_policies_group_id",
                table: "principal_policies",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_principal_policies_policy_id",
                table: "principal_policies",
                column: "policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_principal_policies_principal_kind_principal_id_policy_id",
                table: "principal_policies",
                columns: new[] { "principal_kind", "principal_id", "policy_id" });

            migrationBuilder.CreateIndex(
                name: "ix_role_trusts_role_id",
                table: "role_trusts",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_trusts_value",
                table: "role_trusts",
                column: "value");

            migrationBuilder.CreateIndex(
                name: "ix_user_groups_group_id_user_id",
                table: "user_groups",
                columns: new[] { "group_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_users_account_id",
                table: "users",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_arn",
                table: "users",
                column: "arn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_name",
                table: "users",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_users_name_key",
                table: "users",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_users_permissions_boundary_id",
                table: "users",
                column: "permissions_boundary_id");

            migrationBuilder.AddForeignKey(
                name: "fk_roles_policies_permissions_boundary_id",
                table: "roles",
                column: "permissions_boundary_id",
                principalTable: "policies",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_roles_policies_permissions_boundary_id",
                table: "roles");

            migrationBuilder.DropTable(
                name: "policy_denials");

            migrationBuilder.DropTable(
                name: "principal_policies");

            migrationBuilder.DropTable(
                name: "role_trusts");

            migrationBuilder.DropTable(
                name: "user_groups");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropIndex(
                name: "ix_roles_account_id",
                table: "roles");

            migrationBuilder.DropIndex(
                name: "ix_roles_permissions_boundary_id",
                table: "roles");

            migrationBuilder.DropIndex(
                name: "ix_policies_account_id",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "account_id",
                table: "roles");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "roles");

            migrationBuilder.DropColumn(
                name: "incomplete",
                table: "roles");

            migrationBuilder.DropColumn(
                name: "permissions_boundary_id",
                table: "roles");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "roles");

            migrationBuilder.DropColumn(
                name: "trust_policy",
                table: "roles");

            migrationBuilder.DropColumn(
                name: "unique_id",
                table: "roles");

            migrationBuilder.DropColumn(
                name: "account_id",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "policies");
        }
    }
}
