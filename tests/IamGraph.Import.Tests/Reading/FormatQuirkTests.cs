using IamGraph.Import.Model;
using IamGraph.Import.Reading;

namespace IamGraph.Import.Tests.Reading;

/// <summary>One test per way the generator's Markdown departs from a strict reading, on small inline fixtures.</summary>
public sealed class FormatQuirkTests
{
    [Fact]
    public void Rows_separated_by_blank_lines_stay_in_one_table_with_their_own_lines()
    {
        using var docs = DocsFixture.Minimal(("policies/ecrread.md", """
            # Policy: EcrRead

            ARN: `arn:aws:iam::aws:policy/EcrRead`

            ## Allowed Actions

            | Service | Action |
            |:-------:|--------|

            | `ecr` | [ecr:BatchGetImage](../actions.md#ecr:batchgetimage) |

            | `ecr` | [ecr:batchGetImage](../actions.md#ecr:batchgetimage) |


            | `ecr` | [ecr:BatchGetImage](../actions.md#ecr:batchgetimage) |
            """));

        var policy = Assert.Single(DocsReader.Read(docs.Root).Policies, p => p.Name == "EcrRead");

        // Every row kept: duplicates and case variants too, each with its own line.
        Assert.Equal(["ecr:BatchGetImage", "ecr:batchGetImage", "ecr:BatchGetImage"], policy.Actions.Select(a => a.Value));
        Assert.Equal([10, 12, 15], policy.Actions.Select(a => a.Source.Line));
        Assert.All(policy.Actions, a => Assert.Equal("policies/ecrread.md", a.Source.File));
    }

    [Fact]
    public void Index_rows_without_trailing_pipe_give_counts_and_empty_cells_give_null()
    {
        using var docs = DocsFixture.Minimal();

        var entry = Assert.Single(DocsReader.Read(docs.Root).Index);

        Assert.Equal(new IndexEntry(EntityKind.Policy, "AWSDenyAll", "awsdenyall", null, null, 1, 1, new SourceRef("policies/README.md", 5)), entry);
    }

    [Fact]
    public void Columns_are_found_by_header_meaning_not_position()
    {
        using var docs = DocsFixture.Minimal(
            ("policies/README.md", """
                # AWS IAM Policies

                | # Actions | # Services | Policy Name | # By roles |
                |---|---|---|---|
                | 1 | 1 | [AWSDenyAll](./policies/awsdenyall.md) | 4 |
                | 2 |  | [Swapped](./policies/swapped.md) |
                """),
            ("policies/swapped.md", """
                # Policy: Swapped

                ARN: `arn:aws:iam::aws:policy/Swapped`

                ## Allowed Actions

                | Action | Service |
                |--------|---------|
                | [s3:GetObject](../actions.md#s3:getobject) | `s3` |
                | [s3:Get*](../actions.md#s3:getall) | `s3` |
                """));

        var catalog = DocsReader.Read(docs.Root);

        var swapped = Assert.Single(catalog.Policies, p => p.Name == "Swapped");
        Assert.Equal(["s3:GetObject", "s3:Get*"], swapped.Actions.Select(a => a.Value));
        var denyAll = Assert.Single(catalog.Index, e => e.Name == "AWSDenyAll");
        Assert.Equal((4, 1, 1), (denyAll.Roles, denyAll.Services, denyAll.Actions));
        var swappedEntry = Assert.Single(catalog.Index, e => e.Name == "Swapped");
        Assert.Equal((null, null, 2), (swappedEntry.Roles, swappedEntry.Services, swappedEntry.Actions));
    }

    [Fact]
    public void Sections_are_found_by_heading_meaning_in_any_wording_or_case()
    {
        using var docs = DocsFixture.Minimal(("policies/worded.md", """
            # Policy: Worded

            ARN: `arn:aws:iam::aws:policy/Worded`

            ### SERVICES THIS POLICY TOUCHES

            | service |
            |---|
            | sqs |

            ## actions it allows

            | SERVICE | ACTION |
            |---|---|
            | `sqs` | [sqs:SendMessage](../actions.md#sqs:sendmessage) |

            ## Changelog

            Nothing here is data.
            """));

        var catalog = DocsReader.Read(docs.Root);

        var worded = Assert.Single(catalog.Policies, p => p.Name == "Worded");
        Assert.Equal(["sqs"], worded.Services.Select(s => s.Value));
        Assert.Equal(["sqs:SendMessage"], worded.Actions.Select(a => a.Value));
        var note = Assert.Single(catalog.Notes, n => n.Kind == ReaderNoteKinds.UnknownSection);
        Assert.Equal(new SourceRef("policies/worded.md", 17), note.Source);
    }

    [Fact]
    public void Yaml_front_matter_is_skipped_and_marks_the_current_layout()
    {
        using var docs = DocsFixture.Minimal(("policies/README.md", """
            ---
            title: AWS IAM Policies
            generated: 2025-11-02
            ---
            # AWS IAM Policies

            | Policy Name | # By roles | # Services | # Actions |
            |-------------|---------|------------|-----------|
            | [AWSDenyAll](../policies/awsdenyall) | 2 | 1 | 1 |
            """));

        var catalog = DocsReader.Read(docs.Root);

        Assert.Equal(DocsLayout.Current, catalog.Layout);
        var entry = Assert.Single(catalog.Index);
        Assert.Equal(("AWSDenyAll", "awsdenyall", 2, 9), (entry.Name, entry.PageSlug, entry.Roles, entry.Source.Line));
    }

    [Fact]
    public void Published_docs_without_front_matter_or_roles_are_the_published_layout()
    {
        using var docs = DocsFixture.Minimal();

        Assert.Equal(DocsLayout.Published, DocsReader.Read(docs.Root).Layout);
    }

    [Fact]
    public void Roles_use_this_sections_are_about_roles()
    {
        using var docs = DocsFixture.Minimal(
            ("policies/withroles.md", """
                # Policy: WithRoles

                ARN: `arn:aws:iam::aws:policy/WithRoles`

                ## Roles use this policy

                | Role Name | Role ARN |
                |---|---|
                | [Deployer](../../roles/deployer) | `arn:aws:iam::123456789012:role/Deployer` |
                """),
            ("services/ecr.md", """
                # Service: ecr

                ## Roles use this service

                | Role | ARN |
                |---|---|
                | [Deployer](../../roles/deployer) | `arn:aws:iam::123456789012:role/Deployer` |

                ## Attached Policies

                | Policy ARN | Policy Name |
                |---|---|
                | `arn:aws:iam::aws:policy/WithRoles` | [WithRoles](../../policies/withroles) |
                """),
            ("actions/ecr-batchgetimage.md", """
                # Action: ecr:BatchGetImage

                ## Roles use this action

                | Role | ARN |
                |---|---|
                | [Deployer](../../roles/deployer) | `arn:aws:iam::123456789012:role/Deployer` |
                """));

        var catalog = DocsReader.Read(docs.Root);

        Assert.Equal(["Deployer"], Assert.Single(catalog.Policies, p => p.Name == "WithRoles").Roles.Select(r => r.Value));
        var ecr = Assert.Single(catalog.ServicePages);
        Assert.Equal(["Deployer"], ecr.Roles.Select(r => r.Value));
        Assert.Equal(["arn:aws:iam::aws:policy/WithRoles"], ecr.PolicyArns.Select(a => a.Value));
        Assert.Equal(["Deployer"], Assert.Single(catalog.ActionPages).Roles.Select(r => r.Value));
        Assert.DoesNotContain(catalog.Notes, n => n.Kind == ReaderNoteKinds.UnknownSection);
    }

    [Fact]
    public void Role_page_reads_a_table_whose_separator_has_fewer_columns_than_its_header()
    {
        using var docs = DocsFixture.Minimal(("roles/deployer.md", """
            # Role: Deployer

            ARN: `arn:aws:iam::123456789012:role/Deployer`

            ## Attached Policies

            | Policy ARN | Policy Name | # Services| # Actions|
            |------------|-------------|
            | `arn:aws:iam::aws:policy/AWSDenyAll` | [AWSDenyAll](../../policies/awsdenyall) | 1 | 1 |
            | `arn:aws:iam::aws:policy/service-role/AWSConfigRole` | [AWSConfigRole](../../policies/awsconfigrole) | 40 | 300 |

            ## Allowed Actions

            | Actions | Services |
            |---------|----------|
            | [*](../../actions/all) | [all](../../services/all) |
            | [ecr:BatchGet*](../../actions/ecr-batchgetall) | [ecr](../../services/ecr) |
            """));

        var catalog = DocsReader.Read(docs.Root);

        var role = Assert.Single(catalog.Roles);
        Assert.Equal(("Deployer", "arn:aws:iam::123456789012:role/Deployer"), (role.Name, role.Arn));
        Assert.Equal(["arn:aws:iam::aws:policy/AWSDenyAll", "arn:aws:iam::aws:policy/service-role/AWSConfigRole"], role.PolicyArns.Select(p => p.Value));
        Assert.Equal([9, 10], role.PolicyArns.Select(p => p.Source.Line));
        Assert.Equal(["*", "ecr:BatchGet*"], role.Actions.Select(a => a.Value));
        Assert.Equal(DocsLayout.Current, catalog.Layout);
    }

    [Fact]
    public void Links_without_md_resolve_to_pages_and_slug_rules_keep_names_as_written()
    {
        using var docs = DocsFixture.Minimal(
            ("policies/awsdenyall.md", """
                # Policy: AWSDenyAll

                ARN: `arn:aws:iam::aws:policy/AWSDenyAll`

                ## Allowed Actions

                | Actions | Services |
                |---|---|
                | [ecr:BatchGet*](../../actions/ecr-batchgetall) | [ecr](../../services/ecr) |
                | [ecr:GetImage](../../actions/ecr-getimage) | [ecr](../../services/ecr) |
                """),
            ("actions/ecr-batchgetall.md", "# Action: ecr:BatchGet*\n"),
            ("services/ecr.md", "# Service: ecr\n"));

        var catalog = DocsReader.Read(docs.Root);

        Assert.Equal(["ecr:BatchGet*", "ecr:GetImage"], Assert.Single(catalog.Policies).Actions.Select(a => a.Value));
        Assert.Equal("ecr:BatchGet*", Assert.Single(catalog.ActionPages).Name);
        var missing = Assert.Single(catalog.Notes, n => n.Kind == ReaderNoteKinds.MissingPage);
        Assert.Equal(("ecr-getimage", new SourceRef("policies/awsdenyall.md", 10)), (missing.Entity, missing.Source));
    }

    [Fact]
    public void Associated_services_as_a_bare_link_are_read()
    {
        using var docs = DocsFixture.Minimal(
            ("actions/ecr-batchgetimage.md", """
                # Action: ecr:BatchGetImage

                ## Roles use this action

                ## Attached Policies

                | Policy ARN | Policy Name |
                |------------|-------------|
                | `arn:aws:iam::aws:policy/AWSDenyAll` | [AWSDenyAll](../../policies/awsdenyall) |

                ## Associated Services

                [ecr](../../services/ecr)
                """),
            ("services/ecr.md", "# Service: ecr\n"));

        var page = Assert.Single(DocsReader.Read(docs.Root).ActionPages);

        var service = Assert.Single(page.Services);
        Assert.Equal(("ecr", 13), (service.Value, service.Source.Line));
        Assert.Equal(["arn:aws:iam::aws:policy/AWSDenyAll"], page.PolicyArns.Select(p => p.Value));
    }

    [Fact]
    public void A_folder_holding_docs_is_read_from_its_docs_subfolder()
    {
        using var docs = new DocsFixture(
            ("README.md", "# A project that ships its docs under docs/\n"),
            ("docs/policies/README.md", DocsFixture.PolicyIndex),
            ("docs/policies/awsdenyall.md", DocsFixture.DenyAllPolicy));

        var catalog = DocsReader.Read(docs.Root);

        Assert.Equal(Path.Combine(docs.Root, "docs"), catalog.Root);
        Assert.Equal("AWSDenyAll", Assert.Single(catalog.Policies).Name);
    }

    [Fact]
    public void Both_published_link_styles_resolve_and_broken_ones_are_noted()
    {
        using var docs = DocsFixture.Minimal(
            ("actions/README.md", """
                # AWS IAM Actions

                | Action Name | # Roles | # Policies | # Services |
                |-------------|---------|------------|------------|
                | [*](./actions/all.md) |  | 1 |
                | [s3:GetObject](./actions/s3:getobject.md) |  | 1 |
                """),
            ("actions/all.md", """
                # Action: *

                ## Attached Policies

                | Policy ARN | Policy Name |
                |------------|-------------|
                | `arn:aws:iam::aws:policy/AWSDenyAll` | [AWSDenyAll](../policies.md#awsdenyall) |
                | `arn:aws:iam::aws:policy/Gone` | [Gone](../policies.md#gone) |
                """));

        var catalog = DocsReader.Read(docs.Root);

        Assert.Equal(["all", "s3:getobject"], catalog.Index.Where(e => e.Kind == EntityKind.Action).Select(e => e.PageSlug));
        var missing = catalog.Notes.Where(n => n.Kind == ReaderNoteKinds.MissingPage).Select(n => (n.Entity, n.Source.ToString())).ToList();
        Assert.Equal([("gone", "actions/all.md:8"), ("s3:getobject", "actions/README.md:6")], missing.Order());
    }

    [Fact]
    public void A_page_no_index_lists_is_noted()
    {
        using var docs = DocsFixture.Minimal(("policies/orphan.md", """
            # Policy: Orphan

            ARN: `arn:aws:iam::aws:policy/Orphan`
            """));

        var catalog = DocsReader.Read(docs.Root);

        Assert.Equal(2, catalog.Policies.Count);
        var note = Assert.Single(catalog.Notes, n => n.Kind == ReaderNoteKinds.UnlistedPage);
        Assert.Equal(("orphan", "policies/orphan.md"), (note.Entity, note.Source.File));
    }

    [Fact]
    public void Names_with_markdown_characters_come_back_exactly_as_written()
    {
        using var docs = DocsFixture.Minimal(("policies/odd.md", """
            # Policy: AWSRoboMaker_FullAccess

            ARN: `arn:aws:iam::aws:policy/AWSRoboMaker_FullAccess`

            ## Allowed Actions

            | Service | Action |
            |---|---|
            | `s3` | [s3:*Object*](../actions.md#s3:allobjectall) |
            | `s3` | [s3:Get_*_Tag](../actions.md#s3:get_all_tag) |
            | `iam` | [iam:Pass\|Role](../actions.md#iam:passrole) |
            """));

        var policy = Assert.Single(DocsReader.Read(docs.Root).Policies, p => p.Arn.EndsWith("_FullAccess", StringComparison.Ordinal));

        Assert.Equal("AWSRoboMaker_FullAccess", policy.Name);
        Assert.Equal(["s3:*Object*", "s3:Get_*_Tag", "iam:Pass|Role"], policy.Actions.Select(a => a.Value));
    }
}
