using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IamGraph.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_quality_findings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    kind = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    entity = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    file = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    line = table.Column<int>(type: "integer", nullable: true),
                    declared = table.Column<long>(type: "bigint", nullable: true),
                    actual = table.Column<long>(type: "bigint", nullable: true),
                    message = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_quality_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    format = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    tool_version = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    arn = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    path = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    aws_managed = table.Column<bool>(type: "boolean", nullable: false),
                    default_version_id = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    action_count = table.Column<int>(type: "integer", nullable: false),
                    service_count = table.Column<int>(type: "integer", nullable: false),
                    role_count = table.Column<int>(type: "integer", nullable: false),
                    effective_action_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    arn = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    path = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    policy_count = table.Column<int>(type: "integer", nullable: false),
                    action_count = table.Column<int>(type: "integer", nullable: false),
                    service_count = table.Column<int>(type: "integer", nullable: false),
                    effective_action_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    title = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    canonical_id = table.Column<int>(type: "integer", nullable: true),
                    action_count = table.Column<int>(type: "integer", nullable: false),
                    policy_count = table.Column<int>(type: "integer", nullable: false),
                    role_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_services_canonical_id",
                        column: x => x.canonical_id,
                        principalTable: "services",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    policy_id = table.Column<int>(type: "integer", nullable: false),
                    version_id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    document = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_versions_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_policies",
                columns: table => new
                {
                    role_id = table.Column<int>(type: "integer", nullable: false),
                    policy_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_policies", x => new { x.role_id, x.policy_id });
                    table.ForeignKey(
                        name: "fk_role_policies_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_policies_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    name_key = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    service_id = table.Column<int>(type: "integer", nullable: false),
                    is_wildcard = table.Column<bool>(type: "boolean", nullable: false),
                    access_level = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    canonical_id = table.Column<int>(type: "integer", nullable: true),
                    policy_count = table.Column<int>(type: "integer", nullable: false),
                    role_count = table.Column<int>(type: "integer", nullable: false),
                    granted_by_count = table.Column<int>(type: "integer", nullable: false),
                    match_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_actions_actions_canonical_id",
                        column: x => x.canonical_id,
                        principalTable: "actions",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_actions_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_services",
                columns: table => new
                {
                    policy_id = table.Column<int>(type: "integer", nullable: false),
                    service_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_services", x => new { x.policy_id, x.service_id });
                    table.ForeignKey(
                        name: "fk_policy_services_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_policy_services_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_services",
                columns: table => new
                {
                    role_id = table.Column<int>(type: "integer", nullable: false),
                    service_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_services", x => new { x.role_id, x.service_id });
                    table.ForeignKey(
                        name: "fk_role_services_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_services_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_statements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    policy_version_id = table.Column<int>(type: "integer", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    sid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    effect = table.Column<int>(type: "integer", nullable: false),
                    resource = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    is_not_resource = table.Column<bool>(type: "boolean", nullable: false),
                    condition = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_policy_statements_policy_versions_policy_version_id",
                        column: x => x.policy_version_id,
                        principalTable: "policy_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_matches",
                columns: table => new
                {
                    pattern_id = table.Column<int>(type: "integer", nullable: false),
                    action_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_matches", x => new { x.pattern_id, x.action_id });
                    table.ForeignKey(
                        name: "fk_action_matches_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_matches_actions_pattern_id",
                        column: x => x.pattern_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "effective_grants",
                columns: table => new
                {
                    policy_id = table.Column<int>(type: "integer", nullable: false),
                    action_id = table.Column<int>(type: "integer", nullable: false),
                    via = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_effective_grants", x => new { x.policy_id, x.action_id });
                    table.ForeignKey(
                        name: "fk_effective_grants_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_effective_grants_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "policy_actions",
                columns: table => new
                {
                    policy_id = table.Column<int>(type: "integer", nullable: false),
                    action_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_actions", x => new { x.policy_id, x.action_id });
                    table.ForeignKey(
                        name: "fk_policy_actions_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_policy_actions_policies_policy_id",
                        column: x => x.policy_id,
                        principalTable: "policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_actions",
                columns: table => new
                {
                    role_id = table.Column<int>(type: "integer", nullable: false),
                    action_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_actions", x => new { x.role_id, x.action_id });
                    table.ForeignKey(
                        name: "fk_role_actions_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_actions_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statement_actions",
                columns: table => new
                {
                    statement_id = table.Column<int>(type: "integer", nullable: false),
                    action_id = table.Column<int>(type: "integer", nullable: false),
                    is_not_action = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_actions", x => new { x.statement_id, x.action_id, x.is_not_action });
                    table.ForeignKey(
                        name: "fk_statement_actions_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_statement_actions_policy_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "policy_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_matches_action_id_pattern_id",
                table: "action_matches",
                columns: new[] { "action_id", "pattern_id" });

            migrationBuilder.CreateIndex(
                name: "ix_actions_canonical_id",
                table: "actions",
                column: "canonical_id");

            migrationBuilder.CreateIndex(
                name: "ix_actions_name",
                table: "actions",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_actions_name_key",
                table: "actions",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_actions_service_id",
                table: "actions",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_effective_grants_action_id_policy_id",
                table: "effective_grants",
                columns: new[] { "action_id", "policy_id" });

            migrationBuilder.CreateIndex(
                name: "ix_policies_arn",
                table: "policies",
                column: "arn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_policies_name",
                table: "policies",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_policies_name_key",
                table: "policies",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_policy_actions_action_id_policy_id",
                table: "policy_actions",
                columns: new[] { "action_id", "policy_id" });

            migrationBuilder.CreateIndex(
                name: "ix_policy_services_service_id_policy_id",
                table: "policy_services",
                columns: new[] { "service_id", "policy_id" });

            migrationBuilder.CreateIndex(
                name: "ix_policy_statements_policy_version_id_ordinal",
                table: "policy_statements",
                columns: new[] { "policy_version_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_policy_versions_policy_id_version_id",
                table: "policy_versions",
                columns: new[] { "policy_id", "version_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_actions_action_id_role_id",
                table: "role_actions",
                columns: new[] { "action_id", "role_id" });

            migrationBuilder.CreateIndex(
                name: "ix_role_policies_policy_id_role_id",
                table: "role_policies",
                columns: new[] { "policy_id", "role_id" });

            migrationBuilder.CreateIndex(
                name: "ix_role_services_service_id_role_id",
                table: "role_services",
                columns: new[] { "service_id", "role_id" });

            migrationBuilder.CreateIndex(
                name: "ix_roles_arn",
                table: "roles",
                column: "arn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_roles_name",
                table: "roles",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_roles_name_key",
                table: "roles",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_services_canonical_id",
                table: "services",
                column: "canonical_id");

            migrationBuilder.CreateIndex(
                name: "ix_services_name",
                table: "services",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_name_key",
                table: "services",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_statement_actions_action_id",
                table: "statement_actions",
                column: "action_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_matches");

            migrationBuilder.DropTable(
                name: "data_quality_findings");

            migrationBuilder.DropTable(
                name: "effective_grants");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "policy_actions");

            migrationBuilder.DropTable(
                name: "policy_services");

            migrationBuilder.DropTable(
                name: "role_actions");

            migrationBuilder.DropTable(
                name: "role_policies");

            migrationBuilder.DropTable(
                name: "role_services");

            migrationBuilder.DropTable(
                name: "statement_actions");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "actions");

            migrationBuilder.DropTable(
                name: "policy_statements");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "policies");
        }
    }
}
