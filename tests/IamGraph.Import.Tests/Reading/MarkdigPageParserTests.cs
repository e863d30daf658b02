using IamGraph.Import.Reading;

using IamGraph.Testing;

namespace IamGraph.Import.Tests.Reading;

/// <summary>
/// The Markdig page parser on the shared docs: every file against the counts known from the files
/// (shared/data/README.md), and pages whose expected reading was checked by hand against the file, one per quirk.
/// </summary>
public sealed class MarkdigPageParserTests
{
    private static readonly Lazy<Dictionary<string, MarkdownPage>> SharedPages = new(() =>
    {
        var root = SharedDocs.Require();
        return Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .ToDictionary(file => file, file => MarkdigPageParser.Parse(File.ReadAllText(Path.Combine(root, file)), file));
    });

    [DocsFact]
    public void Every_shared_page_parses_to_the_counts_known_from_the_files()
    {
        var pages = SharedPages.Value;
        Assert.Equal(11996, pages.Count); // every .md file, the four README files included

        var policies = PagesIn("policies", pages);
        Assert.Equal(1335, policies.Count);
        Assert.All(policies, p => Assert.Equal("Policy", p.TitleKind));
        Assert.All(policies, p => Assert.StartsWith("ARN: `arn:aws:iam::aws:policy/", Assert.Single(p.Preamble).Text, StringComparison.Ordinal));
        Assert.Equal(10270, PagesIn("actions", pages).Count(p => p.TitleKind == "Action"));
        Assert.Equal(387, PagesIn("services", pages).Count(p => p.TitleKind == "Service"));

        // Rows separated by blank lines end up in the one table under the heading, so no row is lost.
        // 16 policy pages have an empty "## Allowed Actions".
        var actionSections = policies.Select(p => (Page: p, Section: Assert.Single(p.Sections, s => s.Topic == Topic.Actions))).ToList();
        Assert.Equal(16, actionSections.Count(a => a.Section.Tables.Count == 0));
        Assert.All(actionSections, a => Assert.InRange(a.Section.Tables.Count, 0, 1));
        var rows = actionSections
            .SelectMany(a => a.Section.Tables.SelectMany(t => t.Rows.Select(r => (Policy: a.Page.TitleName, Action: r[t.NameColumn(Topic.Actions)].Value))))
            .ToList();
        Assert.Equal(41482, rows.Count);
        Assert.Equal(40217, rows.Distinct().Count());
        var names = rows.Select(r => r.Action).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(12936, names.Count);
        Assert.Equal(10270, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(1042, names.Count(n => n.Contains('*', StringComparison.Ordinal)));

        // The index pages still list every entity, case variants whose pages collided included.
        Assert.Equal(1335, Assert.Single(pages["policies/README.md"].TopTables).Rows.Count);
        Assert.Equal(12936, Assert.Single(pages["actions/README.md"].TopTables).Rows.Count);
        Assert.Equal(397, Assert.Single(pages["services/README.md"].TopTables).Rows.Count);
    }

    [DocsFact]
    public void Policy_rows_separated_by_blank_lines_with_wildcards_and_emphasis_characters()
    {
        Assert.Equal(
            """
            title Policy|AmazonElasticTranscoderRole@1 fm=False
            pre ARN: `arn:aws:iam::aws:policy/service-role/AmazonElasticTranscoderRole`@3
            section Attached Roles@5 Roles
            section Attached Services@7 Services
               table@9 [Service]
                row@11 s3~~
                row@12 sns~~
            section Allowed Actions@14 Actions
               table@16 [Service | Action]
                row@19 s3~~s3 | s3:*MultipartUpload*~../actions.md#s3:allmultipartuploadall~
                row@21 s3~~s3 | s3:Get*~../actions.md#s3:getall~
                row@23 s3~~s3 | s3:ListBucket~../actions.md#s3:listbucket~
                row@25 s3~~s3 | s3:PutObject~../actions.md#s3:putobject~
                row@27 s3~~s3 | s3:PutObjectAcl~../actions.md#s3:putobjectacl~
                row@29 sns~~sns | sns:Publish~../actions.md#sns:publish~
            """,
            Describe(SharedPage("policies/amazonelastictranscoderrole.md")));
    }

    [DocsFact]
    public void A_header_only_table_right_above_a_heading_ends_there()
    {
        Assert.Equal(
            """
            title Policy|AmazonEC2ContainerRegistryReadOnly@1 fm=False
            pre ARN: `arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly`@3
            section Attached Roles@5 Roles
               table@7 [Role Name]
            section Attached Services@9 Services
               table@11 [Service]
                row@13 ecr~~
            section Allowed Actions@15 Actions
               table@17 [Service | Action]
                row@20 ecr~~ecr | ecr:BatchCheckLayerAvailability~../actions.md#ecr:batchchecklayeravailability~
                row@22 ecr~~ecr | ecr:BatchGetImage~../actions.md#ecr:batchgetimage~
                row@24 ecr~~ecr | ecr:DescribeImageScanFindings~../actions.md#ecr:describeimagescanfindings~
                row@26 ecr~~ecr | ecr:DescribeImages~../actions.md#ecr:describeimages~
                row@28 ecr~~ecr | ecr:DescribeRepositories~../actions.md#ecr:describerepositories~
                row@30 ecr~~ecr | ecr:GetAuthorizationToken~../actions.md#ecr:getauthorizationtoken~
                row@32 ecr~~ecr | ecr:GetDownloadUrlForLayer~../actions.md#ecr:getdownloadurlforlayer~
                row@34 ecr~~ecr | ecr:GetLifecyclePolicy~../actions.md#ecr:getlifecyclepolicy~
                row@36 ecr~~ecr | ecr:GetLifecyclePolicyPreview~../actions.md#ecr:getlifecyclepolicypreview~
                row@38 ecr~~ecr | ecr:GetRepositoryPolicy~../actions.md#ecr:getrepositorypolicy~
                row@40 ecr~~ecr | ecr:ListImages~../actions.md#ecr:listimages~
                row@42 ecr~~ecr | ecr:ListTagsForResource~../actions.md#ecr:listtagsforresource~
            """,
            Describe(SharedPage("policies/amazonec2containerregistryreadonly.md")));
    }

    [DocsFact]
    public void Action_page_of_the_star_action_links_policies_by_fragment()
    {
        Assert.Equal(
            """
            title Action|*@1 fm=False
            section Attached Roles@3 Roles
            section Attached Policies@5 Policies
               table@7 [Policy ARN | Policy Name]
                row@9 arn:aws:iam::aws:policy/AdministratorAccess~~arn:aws:iam::aws:policy/AdministratorAccess | AdministratorAccess~../policies.md#administratoraccess~
                row@10 arn:aws:iam::aws:policy/AWSDenyAll~~arn:aws:iam::aws:policy/AWSDenyAll | AWSDenyAll~../policies.md#awsdenyall~
                row@11 arn:aws:iam::aws:policy/SageMakerStudioProjectUserRolePermissionsBoundary~~arn:aws:iam::aws:policy/SageMakerStudioProjectUserRolePermissionsBoundary | SageMakerStudioProjectUserRolePermissionsBoundary~../policies.md#sagemakerstudioprojectuserrolepermissionsboundary~
            section Associated Services@13 Services
            """,
            Describe(SharedPage("actions/all.md")));
    }

    [DocsFact]
    public void Service_page_shared_by_S3_and_s3_keeps_its_odd_roles_table()
    {
        var page = SharedPage("services/s3.md");

        var described = Describe(page).Split('\n');
        Assert.Equal(
            """
            title Service|s3@1 fm=False
            section Attached roles@3 Roles
               table@5 [Policy ARN | Policy Name]
            section Attached Policies@7 Policies
               table@9 [Policy ARN | Policy Name]
                row@11 arn:aws:iam::aws:policy/ReadOnlyAccess~~arn:aws:iam::aws:policy/ReadOnlyAccess | ReadOnlyAccess~../policies.md#readonlyaccess~
            """,
            string.Join('\n', described[..6]));
        Assert.Equal(
            """
            section Allowed Actions@283 Actions
               table@285 [Action | Service]
                row@287 s3:*~../actions.md#s3:all~ | s3~~
                row@288 s3:*MultipartUpload*~../actions.md#s3:allmultipartuploadall~ | s3~~
            """,
            string.Join('\n', described.SkipWhile(l => !l.StartsWith("section Allowed", StringComparison.Ordinal)).Take(4)));
        Assert.Equal("    row@459 s3:putObject~../actions.md#s3:putobject~ | s3~~", described[^1]);
        Assert.Equal((271, 281), (page.Sections[1].Tables[0].Rows.Count, page.Sections[1].Tables[0].Rows[^1].Line));
        Assert.Equal(173, page.Sections[2].Tables[0].Rows.Count);
    }

    [DocsFact]
    public void Index_rows_without_a_trailing_pipe_with_empty_cells_and_colliding_slugs()
    {
        var services = Describe(SharedPage("services/README.md")).Split('\n');
        Assert.Equal(
            """
            title |@1 fm=False
            pre This document lists all AWS services. Click on a service name to view its details.@3
             top table@5 [Service Name | # Roles | # Policies | # Actions]
             top  row@7 APS~./services/aps.md~ | 2~~ | 2~~ | 3~~
             top  row@8 Discovery~./services/discovery.md~ | ~~ | 1~~ | 1~~
            """,
            string.Join('\n', services[..5]));
        Assert.Contains(" top  row@10 S3~./services/s3.md~ | ~~ | 2~~ | 2~~", services); // S3 and s3 share services/s3.md
        Assert.Contains(" top  row@319 s3~./services/s3.md~ | 8~~ | 293~~ | 173~~", services);
        Assert.Contains(" top  row@16 acm~./services/acm.md~ | 11~~ | 41~~ | 22~~", services); // the detail pages show 39 policies

        var actions = Describe(SharedPage("actions/README.md")).Split('\n');
        Assert.Contains(" top  row@4554 ecr:BatchCheckLayerAvailability~./actions/ecr:batchchecklayeravailability.md~ | ~~ | 18~~ | ~~", actions);
        Assert.Contains(" top  row@4597 ecr:batchCheckLayerAvailability~./actions/ecr:batchchecklayeravailability.md~ | ~~ | 1~~ | ~~", actions);
    }

    [DocsFact]
    public void Summary_page_links_folders_by_readme_fragment()
    {
        Assert.Equal(
            """
            title |@1 fm=False
            pre This document provides a summary of the AWS IAM roles, policies, actions, and services.@3
            section Summary Statistics@5 Unknown
               table@7 [Resource Type | Count | Documentation]
                row@9 Policies~~ | 1335~~ | View Details~./policies#readme~
                row@10 Actions~~ | 12936~~ | View Details~./actions#readme~
                row@11 Services~~ | 397~~ | View Details~./services#readme~
            """,
            Describe(SharedPage("README.md")));
    }

    [DocsFact]
    public void Policy_page_with_empty_sections_separated_by_two_blank_lines()
    {
        Assert.Equal(
            """
            title Policy|AWSIoTOTAUpdate@1 fm=False
            pre ARN: `arn:aws:iam::aws:policy/service-role/AWSIoTOTAUpdate`@3
            section Attached Roles@5 Roles
            section Attached Services@7 Services
            section Allowed Actions@10 Actions
            """,
            Describe(SharedPage("policies/awsiototaupdate.md")));
    }

    [Fact]
    public void Quirks_of_the_current_generator_output()
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
            | [iam:Pass\|Role](../../actions/iam-passrole) | `iam` |
            ## Associated Services

            [ecr](../../services/ecr)
            """;

        Assert.Equal(
            """
            title Role|Deployer@4 fm=True
            pre ARN: `arn:aws:iam::123456789012:role/Deployer`@6
            section Attached Policies@8 Policies
               table@10 [Policy ARN | Policy Name | # Services | # Actions]
                row@12 arn:aws:iam::aws:policy/AWSDenyAll~~arn:aws:iam::aws:policy/AWSDenyAll | AWSDenyAll~../../policies/awsdenyall~ | 1~~ | 1~~
                row@14 arn:aws:iam::aws:policy/service-role/X_Y~~arn:aws:iam::aws:policy/service-role/X_Y | X_Y~../../policies/x_y~ | 2~~ | 3~~
            section Allowed Actions@16 Actions
               table@18 [Actions | Services]
                row@20 s3:*Object*~../../actions/s3-allobjectall~ | s3~../../services/s3~
                row@21 iam:Pass|Role~../../actions/iam-passrole~ | iam~~iam
            section Associated Services@22 Services
              link ecr->../../services/ecr@24
            """,
            Describe(MarkdigPageParser.Parse(page, "roles/deployer.md")));
    }

    [Fact]
    public void A_pipe_in_a_code_span_or_escaped_does_not_split_a_cell()
    {
        const string page = """
            # Policy: P

            ## Allowed Actions

            | Action | Note |
            |---|---|
            | `s3:a|b` | x \| y |
            | ``c`|`d`` | `e` \| [f\|g](u) |
            |   s3:*Get*   |`|`|
            """;

        Assert.Equal(
            """
            title Policy|P@1 fm=False
            section Allowed Actions@3 Actions
               table@5 [Action | Note]
                row@7 s3:a|b~~s3:a|b | x | y~~
                row@8 c`|`d~~c`|`d | e | f|g~u~e
                row@9 s3:*Get*~~ | |~~|
            """,
            Describe(MarkdigPageParser.Parse(page, "policies/p.md")));
    }

    [Fact]
    public void Rows_with_and_without_a_trailing_pipe_are_padded_to_the_widest_row()
    {
        // A trailing '|' (even with spaces after it) ends the row; text after the last '|' is a cell; empty cells stay;
        // every row, the header included, gets empty cells up to the widest row of its table.
        const string trailingSpaces = "   ";
        const string page = $"""
            # Policy: P

            ## Allowed Actions

            | Service | Action | # Policies |
            |---------|--------|
            | s3 | s3:Get | 3
            | s3 |  |{trailingSpaces}
            | ecr
            ||
            | ec2 | ec2:Run | 1 | extra |
            """;

        Assert.Equal(
            """
            title Policy|P@1 fm=False
            section Allowed Actions@3 Actions
               table@5 [Service | Action | # Policies | ]
                row@7 s3~~ | s3:Get~~ | 3~~ | ~~
                row@8 s3~~ | ~~ | ~~ | ~~
                row@9 ecr~~ | ~~ | ~~ | ~~
                row@10 ~~ | ~~ | ~~ | ~~
                row@11 ec2~~ | ec2:Run~~ | 1~~ | extra~~
            """,
            Describe(MarkdigPageParser.Parse(page, "policies/p.md")));
    }

    [Fact]
    public void Only_a_separator_under_the_first_line_makes_a_header_and_blank_line_rows_join_the_table_above()
    {
        // Rows after blank lines join the table above them, each with its own line; a table with its own separator does
        // not. A separator line further down is a row, and a table without a header row is no table: its links are
        // loose links, with their rows' lines.
        const string page = """
            # Policy: P

            ## Attached Policies

            | Name | Count |
            |:----:|------:|

            | a | 1 |


            | b | 2 |
            | c | 3 |

            | Other | Count |
            | :-: | - |
            | d | 4 |
            |---|---|

            ## Allowed Actions

            | [x](u1) | y |
            | z | [w](u2) |
            |---|---|
            """;

        Assert.Equal(
            """
            title Policy|P@1 fm=False
            section Attached Policies@3 Policies
               table@5 [Name | Count]
                row@8 a~~ | 1~~
                row@11 b~~ | 2~~
                row@12 c~~ | 3~~
               table@14 [Other | Count]
                row@16 d~~ | 4~~
                row@17 ---~~ | ---~~
            section Allowed Actions@19 Actions
              link x->u1@21
              link w->u2@22
            """,
            Describe(MarkdigPageParser.Parse(page, "policies/p.md")));
    }

    [DocsFact]
    public void Every_shared_page_reads_the_same_with_plain_cells_read_directly()
    {
        var root = SharedDocs.Require();
        var markdig = MarkdigPageParser.CreatePipeline(readPlainCells: false);
        var differing = SharedPages.Value
            .Where(p => Describe(p.Value) != Describe(MarkdigPageParser.Parse(File.ReadAllText(Path.Combine(root, p.Key)), p.Key, markdig)))
            .Select(p => p.Key)
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void Cells_read_directly_read_as_markdig_reads_them()
    {
        // Plain cells next to cells one character away from plain, in tables with a header and in a headerless table
        // (whose links are loose links).
        const string page = """
            # Policy: P

            ## Allowed Actions

            | Action | Link | Code | Other |
            |---|---|---|---|
            | s3:GetObject | [s3:Get](../actions.md#s3:get) | `arn:aws:iam::aws:policy/A_B*` | a (b), c=d; e? $f% 'g' "h" |
            | s3:*Get* | [s3:*Get*](u) | ` x ` | a_b |
            | [x] | [a](b c) | `` x `` | &amp; |
            | [ a ](u) | [a]( u ) | `a\b` | a\|b |
            | [a](u "t") | [a](<u>) | [](u) | ![a](u) |
            | <http://x> | [a](u)b | [a]b(u) | x ~ y ^ z |
            | [a (b)](c) | [a](u(1)) | `a`b` | `a` |

            ## Attached Policies

            | [p](../policies.md#p) | [q *r*](s) | t |
            | u | [v](w) |
            """;

        Assert.Equal(
            Describe(MarkdigPageParser.Parse(page, "policies/p.md", MarkdigPageParser.CreatePipeline(readPlainCells: false))),
            Describe(MarkdigPageParser.Parse(page, "policies/p.md")));
        Assert.Contains("link p->../policies.md#p@17", Describe(MarkdigPageParser.Parse(page, "policies/p.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void No_inline_parser_of_the_pipeline_opens_on_a_plain_character()
    {
        // Build() lets every extension add its parsers to the builder.
        var builder = MarkdigPageParser.CreatePipelineBuilder(readPlainCells: true);
        builder.Build();
        var opening = builder.InlineParsers.SelectMany(p => p.OpeningCharacters ?? []).ToList();

        Assert.NotEmpty(opening);
        Assert.DoesNotContain(opening, c => char.IsAsciiLetterOrDigit(c) || c == ' ' || PlainCells.Punctuation.Contains(c));
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_an_error_on_line_1()
    {
        var ex = Assert.Throws<ImportException>(() => MarkdigPageParser.Parse("---\ntitle: x\n# AWS IAM Policies\n", "policies/README.md"));

        Assert.Equal(("policies/README.md", 1), (ex.File, ex.Line));
        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }

    private static List<MarkdownPage> PagesIn(string folder, Dictionary<string, MarkdownPage> pages) =>
        [.. pages.Where(p => p.Key.StartsWith(folder + "/", StringComparison.Ordinal) && !p.Key.EndsWith("/README.md", StringComparison.Ordinal)).Select(p => p.Value)];

    private static MarkdownPage SharedPage(string file) => SharedPages.Value[file];

    /// <summary>A page as text, so a difference shows where it is: cells as text~link~code.</summary>
    private static string Describe(MarkdownPage page)
    {
        var lines = new List<string>
        {
            $"title {page.TitleKind}|{page.TitleName}@{page.TitleLine} fm={page.HasFrontMatter}",
        };
        lines.AddRange(page.Preamble.Select(p => $"pre {p.Text}@{p.Line}"));
        foreach (var table in page.TopTables)
        {
            Table(table, " top");
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
