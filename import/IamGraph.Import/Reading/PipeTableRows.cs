using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;

namespace IamGraph.Import.Reading;

/// <summary>
/// Pipe tables read as blocks, line by line: consecutive lines starting with '|' are a <see cref="Table"/>, each cell a
/// <see cref="ParagraphBlock"/> over its own slice of the line, so Markdig's inline pass parses cell by cell (links, code
/// spans, emphasis, entities) with the file's positions and lines. Markdig's pipe tables parse a whole table as one
/// paragraph of inlines and split it afterwards, which doubled the cost of reading the docs (actions/README.md is one
/// table of 12,943 lines).
/// </summary>
/// <remarks>
/// What the docs rely on from Markdig's pipe tables (with <c>RequireHeaderSeparator</c> off) is kept: a second line of
/// only dash cells (<c>|:---|---|</c>) makes the first line the header row, and without one the table has no header row
/// (how <see cref="BlankLineTableRows"/> finds rows separated by blank lines); a '|' inside a code span or escaped as
/// <c>\|</c> does not split a cell; text after the last '|' is one more cell unless blank; cells are trimmed; shorter
/// rows get empty cells up to the widest row, the header included; a table may start right under a paragraph line.
/// Unlike there, a '|' inside a link or autolink splits the cell, a line without a '|' right under the rows ends the
/// table (there it turned the table back into a paragraph, or with a <c>---</c> line into a heading), and a row of
/// empty cells keeps its line (there it had line 1). The docs have none of these.
/// </remarks>
/// <param name="readPlainCells">Whether cells of one plain literal, code span or link are read directly (<see cref="PlainCells"/>) instead of by Markdig's inline parse; off only to check that both read alike.</param>
internal sealed class PipeTableRows(bool readPlainCells = true) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<RowParser>())
        {
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new RowParser(readPlainCells));
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class RowParser : BlockParser
    {
        private readonly bool readPlainCells;

        public RowParser(bool readPlainCells)
        {
            OpeningCharacters = ['|'];
            this.readPlainCells = readPlainCells;
        }

        public override BlockState TryOpen(BlockProcessor processor)
        {
            if (processor.IsCodeIndent)
            {
                return BlockState.None;
            }

            var table = new Table(this)
            {
                Line = processor.LineIndex,
                Column = processor.Column,
                Span = new SourceSpan(processor.Start, processor.Line.End),
            };
            table.Add(ReadRow(processor));
            processor.NewBlocks.Push(table);
            return BlockState.ContinueDiscard;
        }

        // The line is consumed here (ContinueDiscard), so Markdig does not look for blocks inside the table.
        public override BlockState TryContinue(BlockProcessor processor, Block block)
        {
            var table = (Table)block;
            if (table.Count == 1 && IsHeaderSeparator(processor.Line))
            {
                // As in Markdig, only the second line can mark the header, and it is no row itself.
                ((TableRow)table[0]).IsHeader = true;
            }
            else if (processor.CurrentChar == '|')
            {
                // Indented or not: a paragraph would take an indented line as a continuation, so the table does too.
                table.Add(ReadRow(processor));
            }
            else
            {
                return processor.IsBlankLine ? BlockState.BreakDiscard : BlockState.Break;
            }

            table.UpdateSpanEnd(processor.Line.End);
            return BlockState.ContinueDiscard;
        }

        // Short rows get empty cells up to the widest row, the header included, as Markdig's pipe tables do: the index
        // pages leave the last cell of every row out.
        public override bool Close(BlockProcessor processor, Block block)
        {
            var table = (Table)block;
            var width = 0;
            foreach (TableRow row in table)
            {
                width = Math.Max(width, row.Count);
            }

            foreach (TableRow row in table)
            {
                while (row.Count < width)
                {
                    row.Add(new TableCell(this));
                }
            }

            return true;
        }

        private TableRow ReadRow(BlockProcessor processor)
        {
            var line = processor.Line;
            var text = line.Text;
            var lineIndex = processor.LineIndex;
            var columnOffset = processor.Column - line.Start;
            var row = new TableRow { Line = lineIndex, Column = processor.Column, Span = new SourceSpan(line.Start, line.End) };

            // The cell boundaries are the '|' that Markdig's inline parser would see as delimiters: not one escaped or
            // inside a code span (the cell's own inline parse reads those).
            var cellStart = line.Start + 1;
            for (var i = cellStart; i <= line.End; i++)
            {
                switch (text[i])
                {
                    case '\\' when i < line.End && text[i + 1].IsAsciiPunctuation():
                        i++;
                        break;
                    case '`':
                        i = CodeSpanEnd(text, i, line.End);
                        break;
                    case '|':
                        row.Add(Cell(text, cellStart, i - 1, lineIndex, columnOffset));
                        cellStart = i + 1;
                        break;
                }
            }

            var last = Cell(text, cellStart, line.End, lineIndex, columnOffset);
            if (last is PlainTableCell || last.Count > 0)
            {
                row.Add(last);
            }

            return row;
        }

        /// <summary>The last index of the code span opened by the backticks at <paramref name="start"/>, or of the backticks themselves when no run of the same length closes it on this line.</summary>
        private static int CodeSpanEnd(string text, int start, int end)
        {
            var length = RunLength(text, start, end);
            for (var i = start + length; i <= end; i++)
            {
                if (text[i] == '`')
                {
                    var closing = RunLength(text, i, end);
                    if (closing == length)
                    {
                        return i + closing - 1;
                    }

                    i += closing - 1;
                }
            }

            return start + length - 1;
        }

        private static int RunLength(string text, int start, int end)
        {
            var i = start;
            while (i <= end && text[i] == '`')
            {
                i++;
            }

            return i - start;
        }

        /// <summary>A cell over text[start..end], trimmed; an empty cell has no paragraph, like the cells Markdig adds to short rows, nor has a plain one (already read).</summary>
        private TableCell Cell(string text, int start, int end, int lineIndex, int columnOffset)
        {
            while (start <= end && text[start].IsSpaceOrTab())
            {
                start++;
            }

            while (end >= start && text[end].IsSpaceOrTab())
            {
                end--;
            }

            var span = new SourceSpan(start, end);
            if (readPlainCells && start <= end && PlainCells.TryRead(text, start, end) is { } plain)
            {
                return new PlainTableCell(this, plain) { Line = lineIndex, Column = start + columnOffset, Span = span };
            }

            var cell = new TableCell(this) { Line = lineIndex, Column = start + columnOffset, Span = span };
            if (start <= end)
            {
                var paragraph = new ParagraphBlock { Line = lineIndex, Column = start + columnOffset, Span = span, Lines = new StringLineGroup(1) };
                paragraph.Lines.Add(new StringLine(new StringSlice(text, start, end), lineIndex, start + columnOffset, start, NewLine.None));
                cell.Add(paragraph);
            }

            return cell;
        }

        /// <summary><c>|---|:--:|</c>: cells of dashes with optional colons for alignment, the leading '|' optional.</summary>
        private static bool IsHeaderSeparator(StringSlice line)
        {
            var text = line.Text;
            if (text.AsSpan(line.Start, line.Length).IndexOf('|') < 0)
            {
                // "---" under a row is a setext heading to Markdig, so no header separator.
                return false;
            }

            var start = line.CurrentChar == '|' ? line.Start + 1 : line.Start;
            for (var i = start; i <= line.End + 1; i++)
            {
                if (i <= line.End && text[i] != '|')
                {
                    continue;
                }

                // The blank rest after the last '|' is no cell.
                var cell = new StringSlice(text, start, i - 1);
                if (i > line.End && cell.IsEmptyOrWhitespace())
                {
                    return true;
                }

                if (!TableHelper.ParseColumnHeader(ref cell, '-', out _, out _) || !cell.IsEmpty)
                {
                    return false;
                }

                start = i + 1;
            }

            return true;
        }
    }
}
