using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace IamGraph.Import.Reading.Npm;

/// <summary>
/// Positions and checks for the JSON the npm packages hold. <see cref="JsonDocument"/> knows no positions, so an error
/// found while walking one is located afterwards, by walking the same bytes to the offending value along its JSON path.
/// </summary>
internal static partial class JsonText
{
    /// <summary>
    /// Checks that <paramref name="bytes"/> hold UTF-8 text without NUL, which System.Text.Json does not check inside strings.
    /// Returns how many bytes were checked: all of them, or (when <paramref name="final"/> is false) up to a sequence the
    /// next bytes complete. <paramref name="positionOf"/> gives the line and byte column of an index, for the message.
    /// </summary>
    public static int CheckUtf8(ReadOnlySpan<byte> bytes, bool final, string file, Func<int, (int Line, int? Column)> positionOf)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = positionOf(nul);
            throw new ImportException("the file contains a NUL byte; expected UTF-8 JSON text", file, line, column: column);
        }

        var rest = bytes;
        var chars = ArrayPool<char>.Shared.Rent(1 << 15);
        try
        {
            while (true)
            {
                var status = Utf8.ToUtf16(rest, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: final);
                rest = rest[read..];
                switch (status)
                {
                    case OperationStatus.Done:
                        return bytes.Length;
                    case OperationStatus.NeedMoreData:
                        return bytes.Length - rest.Length;
                    case OperationStatus.InvalidData:
                        var at = bytes.Length - rest.Length;
                        var (line, column) = positionOf(at);
                        throw new ImportException($"the file is not valid UTF-8 (byte 0x{bytes[at]:X2}); expected UTF-8 JSON text", file, line, column: column);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A syntax error as the importer reports it: the reader's words, with its 0-based line and byte column made 1-based.</summary>
    public static ImportException SyntaxError(JsonException ex, string file, string? expected = null) =>
        new($"invalid JSON: {ReaderWords(ex)}{(expected is null ? "" : "; expected " + expected)}", file,
            ex.LineNumber is { } line ? (int)line + 1 : null, ex, ex.BytePositionInLine is { } column ? (int)column + 1 : null);

    /// <summary>The syntax error of a whole file already in memory: a file that stops mid-value is called truncated.</summary>
    public static ImportException SyntaxError(JsonException ex, ReadOnlySpan<byte> bytes, string file)
    {
        var end = bytes.TrimEnd(" \t\r\n"u8).Length;
        var lines = bytes[..end].Count((byte)'\n');
        var atEnd = ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            && (line > lines || (line == lines && (int)column >= end - (bytes[..end].LastIndexOf((byte)'\n') + 1)));
        return atEnd
            ? new ImportException($"the JSON ends before it is complete (truncated?): {ReaderWords(ex)}; expected the rest of the file", file,
                ex.LineNumber is { } l ? (int)l + 1 : null, ex, ex.BytePositionInLine is { } c ? (int)c + 1 : null)
            : SyntaxError(ex, file);
    }

    /// <summary>
    /// The offset in <paramref name="json"/> (one complete value) of the value at <paramref name="path"/> (property names and
    /// array indexes), or of the deepest part of the path that exists.
    /// </summary>
    public static int Locate(ReadOnlySpan<byte> json, ReadOnlySpan<object> path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = false });
        reader.Read();
        var found = (int)reader.TokenStartIndex;
        foreach (var step in path)
        {
            var matched = false;
            if (step is string name && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString();
                    reader.Read();
                    if (key == name)
                    {
                        matched = true;
                        break;
                    }
                    reader.Skip();
                }
            }
            else if (step is int index && reader.TokenType == JsonTokenType.StartArray)
            {
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    if (i == index)
                    {
                        matched = true;
                        break;
                    }
                    reader.Skip();
                }
            }
            if (!matched)
            {
                break;
            }
            found = (int)reader.TokenStartIndex;
        }
        return found;
    }

    /// <summary>An error at <paramref name="path"/> in a whole file held in memory: its line, byte column and JSON path.</summary>
    public static ImportException ErrorAt(ReadOnlySpan<byte> json, string file, ReadOnlySpan<object> path, string message)
    {
        var (line, column) = PositionIn(json, Locate(json, path));
        return new ImportException($"{PathText(path)}: {message}", file, line, column: column);
    }

    /// <summary>The 1-based line and byte column of <paramref name="offset"/> in a whole file.</summary>
    public static (int Line, int Column) PositionIn(ReadOnlySpan<byte> file, int offset) =>
        (file[..offset].Count((byte)'\n') + 1, ColumnOf(file, offset) ?? offset + 1);

    /// <summary>A JSON path for messages: <c>$.versions.v3.document.Statement[2].Effect</c>.</summary>
    public static string PathText(ReadOnlySpan<object> path)
    {
        var text = new StringBuilder("$");
        foreach (var step in path)
        {
            _ = step switch
            {
                int index => text.Append(CultureInfo.InvariantCulture, $"[{index}]"),
                string name when PlainName().IsMatch(name) => text.Append('.').Append(name),
                _ => text.Append("['").Append(step.ToString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']"),
            };
        }
        return text.ToString();
    }

    /// <summary>The 1-based byte column of <paramref name="offset"/>, or null when its line starts before <paramref name="bytes"/> does.</summary>
    public static int? ColumnOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var newline = bytes[..offset].LastIndexOf((byte)'\n');
        return newline >= 0 ? offset - newline : null;
    }

    /// <summary>The kind of a value in words, for "found a number" messages.</summary>
    public static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // System.Text.Json appends its own position ("LineNumber: 0 | BytePositionInLine: 7."); the importer reports it as file:line:column.
    private static string ReaderWords(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
