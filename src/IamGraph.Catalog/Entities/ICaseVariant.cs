namespace IamGraph.Catalog.Entities;

/// <summary>A name IAM reads case-insensitively (actions, services): variants point at the one most policies write.</summary>
public interface ICaseVariant
{
    int Id { get; }
    string Name { get; }
    string NameKey { get; }

    /// <summary>The canonical variant's id; null is read as this one.</summary>
    int? CanonicalId { get; }
}

public static class CaseVariantExtensions
{
    /// <summary>The canonical variant's id, this one's own when it is canonical (or not yet linked).</summary>
    public static int CanonicalIdOrSelf(this ICaseVariant variant) => variant.CanonicalId ?? variant.Id;
}
