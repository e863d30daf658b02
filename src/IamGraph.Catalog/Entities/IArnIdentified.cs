namespace IamGraph.Catalog.Entities;

/// <summary>An entity IAM identifies by ARN, which people also look up by name (policies, roles).</summary>
public interface IArnIdentified
{
    int Id { get; }
    string Name { get; }
    string NameKey { get; }
    string Arn { get; }
}
