using IamGraph.Import.Reading;

namespace IamGraph.Import.Tests.Reading;

public sealed class PageLinkTests
{
    [Theory]
    [InlineData("../actions.md#ecr:batchgetimage", "actions", "ecr:batchgetimage")]
    [InlineData("../policies.md#awsdenyall", "policies", "awsdenyall")]
    [InlineData("./policies/awsdenyall.md", "policies", "awsdenyall")]
    [InlineData("./actions/s3:getobject.md", "actions", "s3:getobject")]
    [InlineData("../../policies/awsdenyall", "policies", "awsdenyall")]
    [InlineData("../../actions/ecr-batchgetall", "actions", "ecr-batchgetall")]
    [InlineData("../../roles/deployer/", "roles", "deployer")]
    public void Reads_the_folder_and_slug_of_every_link_style(string url, string folder, string slug) =>
        Assert.Equal(new PageLink(folder, slug), PageLink.Parse(url));

    [Theory]
    [InlineData("./policies#readme")]
    [InlineData("https://docs.aws.amazon.com/iam/")]
    [InlineData("../README.md")]
    [InlineData("")]
    [InlineData(null)]
    public void Links_that_name_no_page_give_nothing(string? url) => Assert.Null(PageLink.Parse(url));
}
