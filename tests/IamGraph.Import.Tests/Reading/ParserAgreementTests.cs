using IamGraph.Import.Reading;

using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading;

/// <summary>The fast line parser must read every shared page exactly as the Markdig-based reference does.</summary>
public sealed class ParserAgreementTests
{
    [DocsFact]
    public void Line_parser_and_Markdig_agree_on_every_shared_page()
    {
        var root = SharedDocs.Require();
        var checkedPages = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            Assert.Equal(Describe(MarkdigPageParser.Parse(text, file)), Describe(LinePageParser.Parse(text, file)));
            checkedPages++;
        }

        Assert.Equal(11996, checkedPages); // every .md file in the shared docs, README files included
    }

    [Fact]
    public void Both_parsers_agree_on_the_quirks_fixture()
    {
        const string page = """
            ---
            generator: aws-policies-analyzer
            ---
            # Role: Deployer

            ARN: `arn:aws:iam::123456789012:role/Deployer`

            ## Attached Policies

            | Policy ARN | Policy Name | # Services| # Actions|
            |------------|-------------|
            | `arn:aws:iam::aws:policy/AWSDenyAll` | [AWSDenyAll](../../policies/awsdenyall) | 1 | 1

            | `arn:aws:iam::aws:policy/service-role/X_Y` | [X_Y](../../policies/x_y) | 2 | 3 |

            ## Allowed Actions

            | Actions | Services |
            |---|---|
            | [s3:*Object*](../../actions/s3-allobjectall) | [s3](../../services/s3) |
            ## Associated Services

            [ecr](../../services/ecr)
            """;

        var expected = Describe(MarkdigPageParser.Parse(page, "roles/deployer.md"));
        Assert.Equal(expected, Describe(LinePageParser.Parse(page, "roles/deployer.md")));
        Assert.Contains("s3:*Object*", expected, StringComparison.Ordinal);
        Assert.Contains("X_Y", expected, StringComparison.Ordinal);
    }

    /// <summary>A page as text, so a difference shows where it is.</summary>
    private static string Describe(MarkdownPage page)
    {
        var lines = new List<string>
        {
            $"title {page.TitleKind}|{page.TitleName}@{page.TitleLine} fm={page.HasFrontMatter}",
        };
        lines.AddRange(page.Preamble.Select(p => $"pre {p.Text}@{p.Line}"));
        foreach (var table in page.TopTables)
        {
            Table(table, "top");
        }

        foreach (var section in page.Sections)
        {
            lines.Add($"section {section.Heading}@{section.Line} {section.Topic}");
            foreach (var table in section.Tables)
            {
                Table(table, "  ");
            }

            lines.AddRange(section.Links.Select(l => $"  link {l.Text}->{l.Url}@{l.Line}"));
        }

        return string.Join('\n', lines);

        void Table(MarkdownTable table, string indent)
        {
            lines.Add($"{indent} table@{table.Line} [{string.Join(" | ", table.Header)}]");
            lines.AddRange(table.Rows.Select(r => $"{indent}  row@{r.Line} " + string.Join(" | ", r.Cells.Select(c => $"{c.Text}~{c.LinkUrl}~{c.Code}"))));
        }
    }
}
