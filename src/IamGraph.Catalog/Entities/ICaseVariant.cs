namespace IamGraph.Catalog.Entities;

/// <summary>A name IAM reads case-insensitively (actions, services): variants point at the one most policies write.</summary>
public interface ICaseVariant
{
    int Id { get; }
    string Name { get; }
    string NameKey { get; }

    /// <summary>The canonical variant's id; this one's own when it is canonical.</summary>
    int CanonicalId { get; }
}
