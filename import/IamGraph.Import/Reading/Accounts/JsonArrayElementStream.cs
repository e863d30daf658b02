using System.Text.Json;

namespace IamGraph.Import.Reading.Accounts;

/// <summary>One element of an array member of the top-level object, with the line it starts on (valid during the callback only).</summary>
internal readonly record struct JsonArrayElement(string Array, int Index, ReadOnlyMemory<byte> Json, int Line);

/// <summary>
/// Streams the elements of the arrays that are members of a file's top-level object (<c>{"UserDetailList": [ … ], …}</c>)
/// one at a time: the buffer holds at most one element (it grows for a large one, up to a limit). Other members are
/// skipped. Syntax and truncation are checked here with file and line; an element's grammar is the caller's.
/// </summary>
internal sealed class JsonArrayElementStream(Stream input, string file, int maxElementBytes)
{
    private byte[] _buffer = new byte[Math.Min(1 << 16, maxElementBytes)];
    private int _start;
    private int _end;
    private bool _eof;
    private JsonReaderState _state;
    private Phase _phase;
    private string? _array;
    private int _index;
    private int _countedTo;
    private int _line = 1;

    private enum Phase
    {
        Start,
        TopLevel,
        InArray,
        Done,
    }

    public string File => file;

    /// <summary>Calls <paramref name="onElement"/> for every element of every array member, in file order.</summary>
    public void Read(Action<JsonArrayElement> onElement, CancellationToken cancellationToken)
    {
        Fill();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Step(onElement))
            {
                return;
            }
            if (_eof)
            {
                throw new ImportException("the JSON ends before it is complete (truncated?); expected the rest of the file", file, LineAt(_end));
            }
            Fill();
        }
    }

    /// <summary>The 1-based line of a buffer offset; offsets only grow between refills.</summary>
    public int LineAt(int offset)
    {
        if (offset > _countedTo)
        {
            _line += _buffer.AsSpan(_countedTo, offset - _countedTo).Count((byte)'\n');
            _countedTo = offset;
        }
        return _line;
    }

    /// <summary>Reads as far as the buffer allows; true at the end of the top-level object.</summary>
    private bool Step(Action<JsonArrayElement> onElement)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        var baseOffset = _start;
        long committed = 0;
        var committedState = _state;
        try
        {
            while (true)
            {
                switch (_phase)
                {
                    case Phase.Start:
                        if (!reader.Read())
                        {
                            return Stop(ref reader, committed, committedState, baseOffset);
                        }
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new ImportException(
                                $"the file holds {TokenWords(reader.TokenType)}; expected the JSON object `aws iam get-account-authorization-details` writes ({{\"UserDetailList\": [ … ], …}})",
                                file, LineAt(baseOffset + (int)reader.TokenStartIndex));
                        }
                        _phase = Phase.TopLevel;
                        break;
                    case Phase.TopLevel:
                        if (!reader.Read())
                        {
                            return Stop(ref reader, committed, committedState, baseOffset);
                        }
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            _phase = Phase.Done;
                            committed = reader.BytesConsumed;
                            committedState = reader.CurrentState;
                            // Anything but whitespace after the object is a syntax error the reader reports at the final block.
                            while (reader.Read())
                            {
                            }
                            if (!_eof)
                            {
                                return Stop(ref reader, committed, committedState, baseOffset);
                            }
                            return true;
                        }
                        var name = reader.GetString()!;
                        if (!reader.Read())
                        {
                            return Stop(ref reader, committed, committedState, baseOffset);
                        }
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            _array = name;
                            _index = 0;
                            _phase = Phase.InArray;
                        }
                        else if (!reader.TrySkip())
                        {
                            return Stop(ref reader, committed, committedState, baseOffset);
                        }
                        break;
                    case Phase.InArray:
                        if (!reader.Read())
                        {
                            return Stop(ref reader, committed, committedState, baseOffset);
                        }
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _phase = Phase.TopLevel;
                            break;
                        }
                        var start = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            return Stop(ref reader, committed, committedState, baseOffset);
                        }
                        var end = (int)reader.BytesConsumed;
                        onElement(new JsonArrayElement(_array!, _index++, _buffer.AsMemory(baseOffset + start, end - start), LineAt(baseOffset + start)));
                        break;
                    default:
                        return true;
                }
                committed = reader.BytesConsumed;
                committedState = reader.CurrentState;
            }
        }
        catch (JsonException ex)
        {
            var line = LineAt(baseOffset) + (int)(ex.LineNumber ?? 0);
            if (_eof && _buffer.AsSpan(baseOffset + (int)reader.BytesConsumed, _end - baseOffset - (int)reader.BytesConsumed).Trim(" \t\r\n"u8).IsEmpty)
            {
                // The reader consumed everything there was: the file stops mid-value.
                throw new ImportException("the JSON ends before it is complete (truncated?); expected the rest of the file", file, LineAt(_end), ex);
            }
            throw new ImportException($"invalid JSON: {Words(ex)}", file, line, ex);
        }
    }

    private bool Stop(ref Utf8JsonReader reader, long committed, JsonReaderState committedState, int baseOffset)
    {
        _start = baseOffset + (int)committed;
        _state = committedState;
        return false;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            LineAt(_start);
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _countedTo -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxElementBytes)
            {
                throw new ImportException(
                    $"one element of {_array ?? "the file"} is over {maxElementBytes:N0} bytes; expected smaller entries (raise the reader's element limit if it is genuine)", file, LineAt(0));
            }
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxElementBytes));
        }
        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }

    private static string TokenWords(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    private static string Words(JsonException ex)
    {
        var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? ex.Message[..cut] : ex.Message).TrimEnd();
    }
}
