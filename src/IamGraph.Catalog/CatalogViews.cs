namespace IamGraph.Catalog;

/// <summary>
/// Views for people who query the database with SQL: the join tables with names instead of ids.
/// Plain SQL that SQLite and PostgreSQL both accept; the migrations of each provider create them from here.
/// </summary>
public static class CatalogViews
{
    public const string Create = """
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
        """;

    public const string Drop = """
        DROP VIEW IF EXISTS effective_grant_names;
        DROP VIEW IF EXISTS policy_action_names;
        """;
}
