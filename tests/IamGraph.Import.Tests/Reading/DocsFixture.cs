using System.Text;

namespace IamGraph.Import.Tests.Reading;

/// <summary>A docs folder written into a fresh temp directory for one test, deleted afterwards.</summary>
public sealed class DocsFixture : IDisposable
{
    public const string DenyAllPolicy = """
        # Policy: AWSDenyAll

        ARN: `arn:aws:iam::aws:policy/AWSDenyAll`

        ## Attached Roles

        ## Attached Services

        | Service |
        |---------|
        | all |

        ## Allowed Actions

        | Service | Action |
        |:-------:|--------|

        | `all` | [*](../actions.md#all) |
        """;

    public const string PolicyIndex = """
        # AWS IAM Policies

        | Policy Name | # By roles | # Services | # Actions |
        |-------------|---------|------------|-----------|
        | [AWSDenyAll](./policies/awsdenyall.md) |  | 1 | 1
        """;

    public DocsFixture(params (string Path, string Text)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "iamgraph-docs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    /// <summary>The smallest valid published docs: one policy, its index, one action page.</summary>
    public static DocsFixture Minimal(params (string Path, string Text)[] more) =>
        new([("policies/README.md", PolicyIndex), ("policies/awsdenyall.md", DenyAllPolicy), .. more]);

    public string Write(string relativePath, string text) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
