CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "data_quality_findings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_quality_findings" PRIMARY KEY AUTOINCREMENT,
    "category" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entity" TEXT NULL,
    "file" TEXT NULL,
    "line" INTEGER NULL,
    "declared" INTEGER NULL,
    "actual" INTEGER NULL,
    "message" TEXT NOT NULL
);

CREATE TABLE "import_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_import_runs" PRIMARY KEY AUTOINCREMENT,
    "imported_at" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "tool_version" TEXT NOT NULL
);

CREATE TABLE "policies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_policies" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "aws_managed" INTEGER NOT NULL,
    "default_version_id" TEXT NULL,
    "action_count" INTEGER NOT NULL,
    "service_count" INTEGER NOT NULL,
    "role_count" INTEGER NOT NULL,
    "effective_action_count" INTEGER NOT NULL
);

CREATE TABLE "roles" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "policy_count" INTEGER NOT NULL,
    "action_count" INTEGER NOT NULL,
    "service_count" INTEGER NOT NULL,
    "effective_action_count" INTEGER NOT NULL
);

CREATE TABLE "services" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_services" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "title" TEXT NULL,
    "canonical_id" INTEGER NULL,
    "action_count" INTEGER NOT NULL,
    "policy_count" INTEGER NOT NULL,
    "role_count" INTEGER NOT NULL,
    CONSTRAINT "fk_services_services_canonical_id" FOREIGN KEY ("canonical_id") REFERENCES "services" ("id")
);

CREATE TABLE "policy_versions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_policy_versions" PRIMARY KEY AUTOINCREMENT,
    "policy_id" INTEGER NOT NULL,
    "version_id" TEXT NOT NULL,
    "is_default" INTEGER NOT NULL,
    "created_at" TEXT NULL,
    "document" TEXT NOT NULL,
    CONSTRAINT "fk_policy_versions_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE
);

CREATE TABLE "role_policies" (
    "role_id" INTEGER NOT NULL,
    "policy_id" INTEGER NOT NULL,
    CONSTRAINT "pk_role_policies" PRIMARY KEY ("role_id", "policy_id"),
    CONSTRAINT "fk_role_policies_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_role_policies_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_actions" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "service_id" INTEGER NOT NULL,
    "is_wildcard" INTEGER NOT NULL,
    "access_level" TEXT NULL,
    "description" TEXT NULL,
    "canonical_id" INTEGER NULL,
    "policy_count" INTEGER NOT NULL,
    "role_count" INTEGER NOT NULL,
    "granted_by_count" INTEGER NOT NULL,
    "match_count" INTEGER NOT NULL,
    CONSTRAINT "fk_actions_actions_canonical_id" FOREIGN KEY ("canonical_id") REFERENCES "actions" ("id"),
    CONSTRAINT "fk_actions_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);

CREATE TABLE "policy_services" (
    "policy_id" INTEGER NOT NULL,
    "service_id" INTEGER NOT NULL,
    CONSTRAINT "pk_policy_services" PRIMARY KEY ("policy_id", "service_id"),
    CONSTRAINT "fk_policy_services_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_policy_services_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);

CREATE TABLE "role_services" (
    "role_id" INTEGER NOT NULL,
    "service_id" INTEGER NOT NULL,
    CONSTRAINT "pk_role_services" PRIMARY KEY ("role_id", "service_id"),
    CONSTRAINT "fk_role_services_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_role_services_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);

CREATE TABLE "policy_statements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_policy_statements" PRIMARY KEY AUTOINCREMENT,
    "policy_version_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sid" TEXT NULL,
    "effect" INTEGER NOT NULL,
    "resource" TEXT NULL,
    "is_not_resource" INTEGER NOT NULL,
    "condition" TEXT NULL,
    CONSTRAINT "fk_policy_statements_policy_versions_policy_version_id" FOREIGN KEY ("policy_version_id") REFERENCES "policy_versions" ("id") ON DELETE CASCADE
);

CREATE TABLE "action_matches" (
    "pattern_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    CONSTRAINT "pk_action_matches" PRIMARY KEY ("pattern_id", "action_id"),
    CONSTRAINT "fk_action_matches_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_action_matches_actions_pattern_id" FOREIGN KEY ("pattern_id") REFERENCES "actions" ("id") ON DELETE CASCADE
);

CREATE TABLE "effective_grants" (
    "policy_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    "via" TEXT NOT NULL,
    CONSTRAINT "pk_effective_grants" PRIMARY KEY ("policy_id", "action_id"),
    CONSTRAINT "fk_effective_grants_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_effective_grants_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE
);

CREATE TABLE "policy_actions" (
    "policy_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    CONSTRAINT "pk_policy_actions" PRIMARY KEY ("policy_id", "action_id"),
    CONSTRAINT "fk_policy_actions_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_policy_actions_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE
);

CREATE TABLE "role_actions" (
    "role_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    CONSTRAINT "pk_role_actions" PRIMARY KEY ("role_id", "action_id"),
    CONSTRAINT "fk_role_actions_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_role_actions_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "statement_actions" (
    "statement_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    "is_not_action" INTEGER NOT NULL,
    CONSTRAINT "pk_statement_actions" PRIMARY KEY ("statement_id", "action_id", "is_not_action"),
    CONSTRAINT "fk_statement_actions_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_statement_actions_policy_statements_statement_id" FOREIGN KEY ("statement_id") REFERENCES "policy_statements" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_action_matches_action_id_pattern_id" ON "action_matches" ("action_id", "pattern_id");

CREATE INDEX "ix_actions_canonical_id" ON "actions" ("canonical_id");

CREATE UNIQUE INDEX "ix_actions_name" ON "actions" ("name");

CREATE INDEX "ix_actions_name_key" ON "actions" ("name_key");

CREATE INDEX "ix_actions_service_id" ON "actions" ("service_id");

CREATE INDEX "ix_effective_grants_action_id_policy_id" ON "effective_grants" ("action_id", "policy_id");

CREATE UNIQUE INDEX "ix_policies_arn" ON "policies" ("arn");

CREATE INDEX "ix_policies_name" ON "policies" ("name");

CREATE INDEX "ix_policies_name_key" ON "policies" ("name_key");

CREATE INDEX "ix_policy_actions_action_id_policy_id" ON "policy_actions" ("action_id", "policy_id");

CREATE INDEX "ix_policy_services_service_id_policy_id" ON "policy_services" ("service_id", "policy_id");

CREATE UNIQUE INDEX "ix_policy_statements_policy_version_id_ordinal" ON "policy_statements" ("policy_version_id", "ordinal");

CREATE UNIQUE INDEX "ix_policy_versions_policy_id_version_id" ON "policy_versions" ("policy_id", "version_id");

CREATE INDEX "ix_role_actions_action_id_role_id" ON "role_actions" ("action_id", "role_id");

CREATE INDEX "ix_role_policies_policy_id_role_id" ON "role_policies" ("policy_id", "role_id");

CREATE INDEX "ix_role_services_service_id_role_id" ON "role_services" ("service_id", "role_id");

CREATE UNIQUE INDEX "ix_roles_arn" ON "roles" ("arn");

CREATE INDEX "ix_roles_name" ON "roles" ("name");

CREATE INDEX "ix_roles_name_key" ON "roles" ("name_key");

CREATE INDEX "ix_services_canonical_id" ON "services" ("canonical_id");

CREATE UNIQUE INDEX "ix_services_name" ON "services" ("name");

CREATE INDEX "ix_services_name_key" ON "services" ("name_key");

CREATE INDEX "ix_statement_actions_action_id" ON "statement_actions" ("action_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127211041_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE VIEW policy_action_names AS
SELECT p.name AS policy_name, p.arn AS policy_arn, a.name AS action_name, s.name AS service_name, a.is_wildcard AS is_wildcard
FROM policy_actions pa
JOIN policies p ON p.id = pa.policy_id
JOIN actions a ON a.id = pa.action_id
JOIN services s ON s.id = a.service_id;

CREATE VIEW effective_grant_names AS
SELECT p.name AS policy_name, p.arn AS policy_arn, a.name AS action_name, s.name AS service_name, g.via AS via
FROM effective_grants g
JOIN policies p ON p.id = g.policy_id
JOIN actions a ON a.id = g.action_id
JOIN services s ON s.id = a.service_id;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127220019_SqlViews', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
PRAGMA legacy_alter_table = ON;

UPDATE services SET canonical_id = id WHERE canonical_id IS NULL;

UPDATE actions SET canonical_id = id WHERE canonical_id IS NULL;

CREATE TABLE "ef_temp_services" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_services" PRIMARY KEY AUTOINCREMENT,
    "action_count" INTEGER NOT NULL,
    "canonical_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "policy_count" INTEGER NOT NULL,
    "role_count" INTEGER NOT NULL,
    "title" TEXT NULL,
    CONSTRAINT "fk_services_services_canonical_id" FOREIGN KEY ("canonical_id") REFERENCES "services" ("id")
);

INSERT INTO "ef_temp_services" ("id", "action_count", "canonical_id", "name", "name_key", "policy_count", "role_count", "title")
SELECT "id", "action_count", "canonical_id", "name", "name_key", "policy_count", "role_count", "title"
FROM "services";

CREATE TABLE "ef_temp_actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_actions" PRIMARY KEY AUTOINCREMENT,
    "access_level" TEXT NULL,
    "canonical_id" INTEGER NOT NULL,
    "description" TEXT NULL,
    "granted_by_count" INTEGER NOT NULL,
    "is_wildcard" INTEGER NOT NULL,
    "match_count" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "policy_count" INTEGER NOT NULL,
    "role_count" INTEGER NOT NULL,
    "service_id" INTEGER NOT NULL,
    CONSTRAINT "fk_actions_actions_canonical_id" FOREIGN KEY ("canonical_id") REFERENCES "actions" ("id"),
    CONSTRAINT "fk_actions_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_actions" ("id", "access_level", "canonical_id", "description", "granted_by_count", "is_wildcard", "match_count", "name", "name_key", "policy_count", "role_count", "service_id")
SELECT "id", "access_level", "canonical_id", "description", "granted_by_count", "is_wildcard", "match_count", "name", "name_key", "policy_count", "role_count", "service_id"
FROM "actions";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "services";

ALTER TABLE "ef_temp_services" RENAME TO "services";

DROP TABLE "actions";

ALTER TABLE "ef_temp_actions" RENAME TO "actions";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "ix_services_canonical_id" ON "services" ("canonical_id");

CREATE UNIQUE INDEX "ix_services_name" ON "services" ("name");

CREATE INDEX "ix_services_name_key" ON "services" ("name_key");

CREATE INDEX "ix_actions_canonical_id" ON "actions" ("canonical_id");

CREATE UNIQUE INDEX "ix_actions_name" ON "actions" ("name");

CREATE INDEX "ix_actions_name_key" ON "actions" ("name_key");

CREATE INDEX "ix_actions_service_id" ON "actions" ("service_id");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261129194453_CanonicalIdRequired', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "policies" ADD "created_at" TEXT NULL;

ALTER TABLE "policies" ADD "sources" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "policies" ADD "updated_at" TEXT NULL;

ALTER TABLE "effective_grants" ADD "limits" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "effective_grants" ADD "unrestricted" INTEGER NULL;

ALTER TABLE "actions" ADD "in_catalog" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "action_dependencies" (
    "action_id" INTEGER NOT NULL,
    "dependent_action_id" INTEGER NOT NULL,
    CONSTRAINT "pk_action_dependencies" PRIMARY KEY ("action_id", "dependent_action_id"),
    CONSTRAINT "fk_action_dependencies_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_action_dependencies_actions_dependent_action_id" FOREIGN KEY ("dependent_action_id") REFERENCES "actions" ("id") ON DELETE CASCADE
);

CREATE TABLE "condition_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_condition_keys" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "type" TEXT NULL
);

CREATE TABLE "resource_types" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_resource_types" PRIMARY KEY AUTOINCREMENT,
    "service_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "condition_keys" TEXT NOT NULL,
    CONSTRAINT "fk_resource_types_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);

CREATE TABLE "action_condition_keys" (
    "action_id" INTEGER NOT NULL,
    "condition_key_id" INTEGER NOT NULL,
    CONSTRAINT "pk_action_condition_keys" PRIMARY KEY ("action_id", "condition_key_id"),
    CONSTRAINT "fk_action_condition_keys_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_action_condition_keys_condition_keys_condition_key_id" FOREIGN KEY ("condition_key_id") REFERENCES "condition_keys" ("id") ON DELETE CASCADE
);

CREATE TABLE "action_resource_types" (
    "action_id" INTEGER NOT NULL,
    "resource_type_id" INTEGER NOT NULL,
    "required" INTEGER NOT NULL,
    "condition_keys" TEXT NOT NULL,
    CONSTRAINT "pk_action_resource_types" PRIMARY KEY ("action_id", "resource_type_id"),
    CONSTRAINT "fk_action_resource_types_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_action_resource_types_resource_types_resource_type_id" FOREIGN KEY ("resource_type_id") REFERENCES "resource_types" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_action_condition_keys_condition_key_id_action_id" ON "action_condition_keys" ("condition_key_id", "action_id");

CREATE INDEX "ix_action_dependencies_dependent_action_id_action_id" ON "action_dependencies" ("dependent_action_id", "action_id");

CREATE INDEX "ix_action_resource_types_resource_type_id_action_id" ON "action_resource_types" ("resource_type_id", "action_id");

CREATE UNIQUE INDEX "ix_condition_keys_name" ON "condition_keys" ("name");

CREATE UNIQUE INDEX "ix_resource_types_service_id_name" ON "resource_types" ("service_id", "name");

CREATE TABLE "ef_temp_actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_actions" PRIMARY KEY AUTOINCREMENT,
    "access_level" INTEGER NOT NULL,
    "canonical_id" INTEGER NOT NULL,
    "description" TEXT NULL,
    "granted_by_count" INTEGER NOT NULL,
    "in_catalog" INTEGER NOT NULL,
    "is_wildcard" INTEGER NOT NULL,
    "match_count" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "policy_count" INTEGER NOT NULL,
    "role_count" INTEGER NOT NULL,
    "service_id" INTEGER NOT NULL,
    CONSTRAINT "fk_actions_actions_canonical_id" FOREIGN KEY ("canonical_id") REFERENCES "actions" ("id"),
    CONSTRAINT "fk_actions_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_actions" ("id", "access_level", "canonical_id", "description", "granted_by_count", "in_catalog", "is_wildcard", "match_count", "name", "name_key", "policy_count", "role_count", "service_id")
SELECT "id", IFNULL("access_level", 0), "canonical_id", "description", "granted_by_count", "in_catalog", "is_wildcard", "match_count", "name", "name_key", "policy_count", "role_count", "service_id"
FROM "actions";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "actions";

ALTER TABLE "ef_temp_actions" RENAME TO "actions";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "ix_actions_canonical_id" ON "actions" ("canonical_id");

CREATE UNIQUE INDEX "ix_actions_name" ON "actions" ("name");

CREATE INDEX "ix_actions_name_key" ON "actions" ("name_key");

CREATE INDEX "ix_actions_service_id" ON "actions" ("service_id");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130004338_PolicyDocumentsAndActionCatalog', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "roles" ADD "account_id" TEXT NULL;

ALTER TABLE "roles" ADD "created_at" TEXT NULL;

ALTER TABLE "roles" ADD "incomplete" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "roles" ADD "permissions_boundary_id" INTEGER NULL;

ALTER TABLE "roles" ADD "tags" TEXT NULL;

ALTER TABLE "roles" ADD "trust_policy" TEXT NULL;

ALTER TABLE "roles" ADD "unique_id" TEXT NULL;

ALTER TABLE "policies" ADD "account_id" TEXT NULL;

ALTER TABLE "policies" ADD "kind" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "groups" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_groups" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "account_id" TEXT NULL,
    "unique_id" TEXT NULL,
    "created_at" TEXT NULL,
    "tags" TEXT NULL,
    "incomplete" INTEGER NOT NULL,
    "policy_count" INTEGER NOT NULL,
    "user_count" INTEGER NOT NULL,
    "effective_action_count" INTEGER NOT NULL
);

CREATE TABLE "policy_denials" (
    "policy_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    "account_id" TEXT NULL,
    CONSTRAINT "pk_policy_denials" PRIMARY KEY ("policy_id", "action_id"),
    CONSTRAINT "fk_policy_denials_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_policy_denials_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE
);

CREATE TABLE "role_trusts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_role_trusts" PRIMARY KEY AUTOINCREMENT,
    "role_id" INTEGER NOT NULL,
    "type" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "account_id" TEXT NULL,
    CONSTRAINT "fk_role_trusts_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_users" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "account_id" TEXT NULL,
    "unique_id" TEXT NULL,
    "created_at" TEXT NULL,
    "tags" TEXT NULL,
    "permissions_boundary_id" INTEGER NULL,
    "incomplete" INTEGER NOT NULL,
    "policy_count" INTEGER NOT NULL,
    "group_count" INTEGER NOT NULL,
    "effective_action_count" INTEGER NOT NULL,
    CONSTRAINT "fk_users_policies_permissions_boundary_id" FOREIGN KEY ("permissions_boundary_id") REFERENCES "policies" ("id")
);

CREATE TABLE "principal_policies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_principal_policies" PRIMARY KEY AUTOINCREMENT,
    "principal_kind" INTEGER NOT NULL,
    "principal_id" INTEGER NOT NULL,
    "policy_id" INTEGER NOT NULL,
    "attachment" INTEGER NOT NULL,
    "group_id" INTEGER NULL,
    "account_id" TEXT NULL,
    CONSTRAINT "fk_principal_policies_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id"),
    CONSTRAINT "fk_principal_policies_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE
);

CREATE TABLE "user_groups" (
    "user_id" INTEGER NOT NULL,
    "group_id" INTEGER NOT NULL,
    "account_id" TEXT NULL,
    CONSTRAINT "pk_user_groups" PRIMARY KEY ("user_id", "group_id"),
    CONSTRAINT "fk_user_groups_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "groups" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_user_groups_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_roles_account_id" ON "roles" ("account_id");

CREATE INDEX "ix_roles_permissions_boundary_id" ON "roles" ("permissions_boundary_id");

CREATE INDEX "ix_policies_account_id" ON "policies" ("account_id");

CREATE INDEX "ix_groups_account_id" ON "groups" ("account_id");

CREATE UNIQUE INDEX "ix_groups_arn" ON "groups" ("arn");

CREATE INDEX "ix_groups_name" ON "groups" ("name");

CREATE INDEX "ix_groups_name_key" ON "groups" ("name_key");

CREATE INDEX "ix_policy_denials_action_id" ON "policy_denials" ("action_id");

CREATE INDEX "ix_principal_policies_account_id" ON "principal_policies" ("account_id");

CREATE INDEX "ix_principal_policies_group_id" ON "principal_policies" ("group_id");

CREATE INDEX "ix_principal_policies_policy_id" ON "principal_policies" ("policy_id");

CREATE INDEX "ix_principal_policies_principal_kind_principal_id_policy_id" ON "principal_policies" ("principal_kind", "principal_id", "policy_id");

CREATE INDEX "ix_role_trusts_role_id" ON "role_trusts" ("role_id");

CREATE INDEX "ix_role_trusts_value" ON "role_trusts" ("value");

CREATE INDEX "ix_user_groups_group_id_user_id" ON "user_groups" ("group_id", "user_id");

CREATE INDEX "ix_users_account_id" ON "users" ("account_id");

CREATE UNIQUE INDEX "ix_users_arn" ON "users" ("arn");

CREATE INDEX "ix_users_name" ON "users" ("name");

CREATE INDEX "ix_users_name_key" ON "users" ("name_key");

CREATE INDEX "ix_users_permissions_boundary_id" ON "users" ("permissions_boundary_id");

CREATE TABLE "ef_temp_roles" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_roles" PRIMARY KEY AUTOINCREMENT,
    "account_id" TEXT NULL,
    "action_count" INTEGER NOT NULL,
    "arn" TEXT NOT NULL,
    "created_at" TEXT NULL,
    "effective_action_count" INTEGER NOT NULL,
    "incomplete" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "permissions_boundary_id" INTEGER NULL,
    "policy_count" INTEGER NOT NULL,
    "service_count" INTEGER NOT NULL,
    "tags" TEXT NULL,
    "trust_policy" TEXT NULL,
    "unique_id" TEXT NULL,
    CONSTRAINT "fk_roles_policies_permissions_boundary_id" FOREIGN KEY ("permissions_boundary_id") REFERENCES "policies" ("id")
);

INSERT INTO "ef_temp_roles" ("id", "account_id", "action_count", "arn", "created_at", "effective_action_count", "incomplete", "name", "name_key", "path", "permissions_boundary_id", "policy_count", "service_count", "tags", "trust_policy", "unique_id")
SELECT "id", "account_id", "action_count", "arn", "created_at", "effective_action_count", "incomplete", "name", "name_key", "path", "permissions_boundary_id", "policy_count", "service_count", "tags", "trust_policy", "unique_id"
FROM "roles";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "roles";

ALTER TABLE "ef_temp_roles" RENAME TO "roles";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "ix_roles_account_id" ON "roles" ("account_id");

CREATE UNIQUE INDEX "ix_roles_arn" ON "roles" ("arn");

CREATE INDEX "ix_roles_name" ON "roles" ("name");

CREATE INDEX "ix_roles_name_key" ON "roles" ("name_key");

CREATE INDEX "ix_roles_permissions_boundary_id" ON "roles" ("permissions_boundary_id");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130014051_AccountAuthorizationDetails', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "data_quality_findings" ADD "account_id" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130043610_AccountOwnedFindings', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ef_temp_statement_actions" AS SELECT "statement_id", "action_id", "is_not_action" FROM "statement_actions";

DROP TABLE "statement_actions";

CREATE TABLE "statement_actions" (
    "statement_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    "is_not_action" INTEGER NOT NULL,
    CONSTRAINT "pk_statement_actions" PRIMARY KEY ("statement_id", "action_id", "is_not_action"),
    CONSTRAINT "fk_statement_actions_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_statement_actions_policy_statements_statement_id" FOREIGN KEY ("statement_id") REFERENCES "policy_statements" ("id") ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO "statement_actions" ("statement_id", "action_id", "is_not_action") SELECT "statement_id", "action_id", "is_not_action" FROM "ef_temp_statement_actions";

DROP TABLE "ef_temp_statement_actions";

CREATE INDEX "ix_statement_actions_action_id" ON "statement_actions" ("action_id");

CREATE TABLE "ef_temp_effective_grants" AS SELECT "policy_id", "action_id", "via", "limits", "unrestricted" FROM "effective_grants";

DROP TABLE "effective_grants";

CREATE TABLE "effective_grants" (
    "policy_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    "via" TEXT NOT NULL, "limits" INTEGER NOT NULL DEFAULT 0, "unrestricted" INTEGER NULL,
    CONSTRAINT "pk_effective_grants" PRIMARY KEY ("policy_id", "action_id"),
    CONSTRAINT "fk_effective_grants_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_effective_grants_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO "effective_grants" ("policy_id", "action_id", "via", "limits", "unrestricted") SELECT "policy_id", "action_id", "via", "limits", "unrestricted" FROM "ef_temp_effective_grants";

DROP TABLE "ef_temp_effective_grants";

CREATE INDEX "ix_effective_grants_action_id_policy_id" ON "effective_grants" ("action_id", "policy_id");

CREATE TABLE "ef_temp_action_matches" AS SELECT "pattern_id", "action_id" FROM "action_matches";

DROP TABLE "action_matches";

CREATE TABLE "action_matches" (
    "pattern_id" INTEGER NOT NULL,
    "action_id" INTEGER NOT NULL,
    CONSTRAINT "pk_action_matches" PRIMARY KEY ("pattern_id", "action_id"),
    CONSTRAINT "fk_action_matches_actions_action_id" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_action_matches_actions_pattern_id" FOREIGN KEY ("pattern_id") REFERENCES "actions" ("id") ON DELETE CASCADE
) WITHOUT ROWID;

INSERT INTO "action_matches" ("pattern_id", "action_id") SELECT "pattern_id", "action_id" FROM "ef_temp_action_matches";

DROP TABLE "ef_temp_action_matches";

CREATE INDEX "ix_action_matches_action_id_pattern_id" ON "action_matches" ("action_id", "pattern_id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130074000_WithoutRowidLinkTables', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "ix_statement_actions_action_id";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130104149_UnindexedStatementActions', '10.0.15');

COMMIT;

