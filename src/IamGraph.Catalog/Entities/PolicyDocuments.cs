namespace IamGraph.Catalog.Entities;

// Raw managed-policy documents (a later source): versions hold statements, statements name actions
// through Action or NotAction. The docs do not carry these, so the tables stay empty until that source is read.

/// <summary>One version of a managed policy's document.</summary>
public class PolicyVersion
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    public Policy Policy { get; set; } = null!;

    /// <summary>AWS's version id, e.g. <c>v3</c>.</summary>
    public required string VersionId { get; set; }
    public bool IsDefault { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The document as published (JSON), kept whole so nothing is lost.</summary>
    public required string Document { get; set; }

    public ICollection<PolicyStatement> Statements { get; set; } = [];
}

/// <summary>One statement of a policy document.</summary>
public class PolicyStatement
{
    public int Id { get; set; }
    public int PolicyVersionId { get; set; }
    public PolicyVersion PolicyVersion { get; set; } = null!;

    /// <summary>Position in the document's Statement array.</summary>
    public int Ordinal { get; set; }
    public string? Sid { get; set; }
    public StatementEffect Effect { get; set; }

    /// <summary>Resource or NotResource values as a JSON array.</summary>
    public string? Resource { get; set; }
    public bool IsNotResource { get; set; }

    /// <summary>The Condition block as JSON.</summary>
    public string? Condition { get; set; }

    public ICollection<StatementAction> Actions { get; set; } = [];
}

public enum StatementEffect
{
    Allow = 0,
    Deny = 1,
}

/// <summary>An action pattern named by a statement, under Action or NotAction.</summary>
public sealed class StatementAction
{
    public int StatementId { get; set; }
    public int ActionId { get; set; }
    public bool IsNotAction { get; set; }
}
