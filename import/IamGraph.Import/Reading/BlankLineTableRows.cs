using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Syntax;

namespace IamGraph.Import.Reading;

/// <summary>
/// A Markdig extension for the generator's habit of separating table rows by blank lines. A blank line ends a pipe
/// table, so each later row is parsed on its own, as a table without a header row (<see cref="PipeTableRows"/>). Such a
/// table right after a table is moved into it, row by row, each row keeping its own line.
/// </summary>
internal sealed class BlankLineTableRows : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += JoinRows;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void JoinRows(MarkdownDocument document)
    {
        for (var i = 1; i < document.Count; i++)
        {
            if (document[i - 1] is not Table table || !IsHeaderlessTable(document[i]))
            {
                continue;
            }

            // The whole run of headerless tables after this table, then the run is removed from the end: removing
            // each at once shifted every later block, quadratic on a policy page of 2,000 blank-line-separated rows.
            var end = i;
            while (end < document.Count && IsHeaderlessTable(document[end]))
            {
                var more = (Table)document[end++];
                while (more.Count > 0)
                {
                    var row = more[0];
                    more.RemoveAt(0);
                    table.Add(row);
                }

                table.UpdateSpanEnd(more.Span.End);
            }

            for (var k = end - 1; k >= i; k--)
            {
                document.RemoveAt(k);
            }
        }
    }

    private static bool IsHeaderlessTable(Block block) => block is Table { Count: > 0 } more && more[0] is TableRow { IsHeader: false };
}
