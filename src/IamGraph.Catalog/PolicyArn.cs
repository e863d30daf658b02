namespace IamGraph.Catalog;

/// <summary>Reads the parts of an IAM ARN such as <c>arn:aws:iam::aws:policy/service-role/AWSConfigRole</c>.</summary>
public static class PolicyArn
{
    /// <summary>True when the ARN is AWS's own (account field <c>aws</c>).</summary>
    public static bool IsAwsManaged(string arn) => arn.StartsWith("arn:aws:iam::aws:", StringComparison.Ordinal);

    /// <summary>The path between the resource type and the name: <c>/service-role/</c>, or <c>/</c> when there is none.</summary>
    public static string PathOf(string arn)
    {
        var resource = arn[(arn.LastIndexOf(':') + 1)..];
        var firstSlash = resource.IndexOf('/', StringComparison.Ordinal);
        var lastSlash = resource.LastIndexOf('/');
        return firstSlash < 0 || firstSlash == lastSlash ? "/" : resource[firstSlash..(lastSlash + 1)];
    }

    /// <summary>The name after the last '/'.</summary>
    public static string NameOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    /// <summary>True for text shaped like an IAM ARN (<c>arn:partition:iam::account:type/name</c>).</summary>
    public static bool LooksLikeIamArn(string text) =>
        text.StartsWith("arn:", StringComparison.Ordinal) && text.Contains(":iam::", StringComparison.Ordinal) && text.Contains('/', StringComparison.Ordinal);
}
