using System.Text.Json;

namespace IamGraph.Import.Reading.Npm;

/// <summary>One member of the top-level object: its name, where it is, and its value's bytes (valid until the next member is read).</summary>
internal readonly record struct JsonMember(
    string Name,
    int Line,
    ReadOnlyMemory<byte> Value,
    IReadOnlyList<int> NestedKeyLines);

/// <summary>
/// Streams the members of a file's top-level JSON object (<c>{ "name": value, … }</c>) one at a time, so a 74 MB file is never
/// held whole: the buffer holds at most the member being read (it grows for a large one, up to a limit). Syntax, UTF-8 and
/// truncation are checked here, with file, line and byte column; what a value must look like is the caller's grammar.
/// </summary>
internal sealed class JsonObjectStream
{
    private readonly Stream _input;
    private readonly string _file;
    private readonly int _maxMemberBytes;
    private readonly long _maxFileBytes;
    private readonly ReadOnlyMemory<byte> _nestedKeysOf;
    private readonly string _expected;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _checkedTo;
    private bool _eof;
    private long _read;
    private JsonReaderState _state;
    private bool _begun;
    private long _discarded;
    private int _countedTo;
    private int _lineAtCounted = 1;

    /// <param name="expected">What the file should be, in words, for messages: "a JSON object of managed policies".</param>
    /// <param name="nestedKeysOf">A member's child whose own keys' lines are wanted (<c>versions</c>: the line of every version).</param>
    public JsonObjectStream(Stream input, string file, string expected, int maxMemberBytes, long maxFileBytes, string nestedKeysOf)
    {
        _expected = expected;
        _buffer = new byte[Math.Min(1 << 20, maxMemberBytes)];
        _input = input;
        _file = file;
        _maxMemberBytes = maxMemberBytes;
        _maxFileBytes = maxFileBytes;
        _nestedKeysOf = System.Text.Encoding.UTF8.GetBytes(nestedKeysOf);
    }

    public string File => _file;

    private enum Step
    {
        NeedMoreData,
        Began,
        Member,
        End,
    }

    /// <summary>The next member, or false after the object's closing brace (and nothing but whitespace after it).</summary>
    public bool TryRead(out JsonMember member)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _checkedTo - _start), isFinalBlock: false, _state);
            Step step;
            try
            {
                step = ReadStep(ref reader, out member);
            }
            catch (JsonException ex)
            {
                throw JsonText.SyntaxError(ex, _file, _expected);
            }

            if (step == Step.NeedMoreData)
            {
                if (_eof)
                {
                    throw Truncated();
                }
                Fill();
                continue;
            }

            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            switch (step)
            {
                case Step.Began:
                    continue;
                case Step.End:
                    RequireOnlyWhitespaceAfter();
                    return false;
                default:
                    return true;
            }
        }
    }

    /// <summary>The line (1-based) of a byte of the buffer; offsets usually grow, so newlines are counted once.</summary>
    public int LineAt(int offset)
    {
        if (offset >= _countedTo)
        {
            _lineAtCounted += _buffer.AsSpan(_countedTo, offset - _countedTo).Count((byte)'\n');
        }
        else
        {
            _lineAtCounted -= _buffer.AsSpan(offset, _countedTo - offset).Count((byte)'\n');
        }
        _countedTo = offset;
        return _lineAtCounted;
    }

    /// <summary>An error at <paramref name="path"/> inside <paramref name="member"/>'s value: its line, byte column and JSON path.</summary>
    public ImportException ErrorAt(JsonMember member, ReadOnlySpan<object> path, string message)
    {
        var valueOffset = BufferOffsetOf(member.Value);
        var offset = valueOffset + JsonText.Locate(member.Value.Span, path);
        object[] full = [member.Name, .. path];
        return new ImportException($"{JsonText.PathText(full)}: {message}", _file, LineAt(offset), column: Column(offset));
    }

    /// <summary>The line of the value at <paramref name="path"/> inside <paramref name="member"/>'s value, for a finding.</summary>
    public int LineOf(JsonMember member, ReadOnlySpan<object> path) =>
        LineAt(BufferOffsetOf(member.Value) + JsonText.Locate(member.Value.Span, path));

    /// <summary>The 1-based byte column of a byte of the buffer, when its line starts in the buffer or the buffer starts the file.</summary>
    private int? Column(int offset) => JsonText.ColumnOf(_buffer, offset) ?? (_discarded == 0 ? offset + 1 : null);

    private int BufferOffsetOf(ReadOnlyMemory<byte> value) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(value, out var segment) && segment.Array == _buffer
            ? segment.Offset
            : throw new InvalidOperationException("the member's value is no longer in the buffer");

    private Step ReadStep(ref Utf8JsonReader reader, out JsonMember member)
    {
        member = default;
        if (!reader.Read())
        {
            return Step.NeedMoreData;
        }

        if (!_begun)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var at = _start + (int)reader.TokenStartIndex;
                throw new ImportException(
                    $"the top-level value is {reader.TokenType}; expected {_expected}", _file, LineAt(at), column: Column(at));
            }
            _begun = true;
            return Step.Began;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return Step.End;
        }

        // A property name: the reader guarantees it inside an object. Its value is read to its end before anything is kept.
        var nameOffset = _start + (int)reader.TokenStartIndex;
        var name = reader.GetString()!;
        if (!reader.Read())
        {
            return Step.NeedMoreData;
        }

        var valueOffset = _start + (int)reader.TokenStartIndex;
        var nestedKeyOffsets = new List<int>();
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !ScanToEnd(ref reader, nestedKeyOffsets))
        {
            return Step.NeedMoreData;
        }

        var valueEnd = _start + (int)reader.BytesConsumed;
        var line = LineAt(nameOffset);
        var nestedLines = new int[nestedKeyOffsets.Count];
        for (var i = 0; i < nestedLines.Length; i++)
        {
            nestedLines[i] = LineAt(nestedKeyOffsets[i]);
        }
        member = new JsonMember(name, line, _buffer.AsMemory(valueOffset, valueEnd - valueOffset), nestedLines);
        return Step.Member;
    }

    /// <summary>Reads to the end of the value just started (what <c>TrySkip</c> does), noting where the keys of the chosen child begin.</summary>
    private bool ScanToEnd(ref Utf8JsonReader reader, List<int> nestedKeyOffsets)
    {
        var depth = reader.CurrentDepth;
        var inNestedChild = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.CurrentDepth == depth + 1)
                {
                    inNestedChild = reader.ValueTextEquals(_nestedKeysOf.Span);
                }
                else if (inNestedChild && reader.CurrentDepth == depth + 2)
                {
                    nestedKeyOffsets.Add(_start + (int)reader.TokenStartIndex);
                }
            }
            else if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Keeps the unread bytes, grows the buffer when one member fills it, and appends what the input gives next (checked as UTF-8).</summary>
    private void Fill()
    {
        LineAt(_start);
        if (_start > 0)
        {
            _discarded += _start;
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _checkedTo -= _start;
            _countedTo -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxMemberBytes)
            {
                throw new ImportException(
                    $"a member of the top-level object is larger than {_maxMemberBytes:N0} bytes; expected {_expected}, each at most that size (raise {nameof(NpmPackageReaderOptions.MaxPolicyBytes)} if it is genuine)", _file, LineAt(_start));
            }
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxMemberBytes));
        }

        int count;
        try
        {
            // Fill the buffer, not just what one read gives (gzip hands out a few KB): a member that does not fit yet is
            // scanned again from its start after each fill, so small fills would make large policies quadratic.
            count = _input.ReadAtLeast(_buffer.AsSpan(_end), _buffer.Length - _end, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new ImportException($"cannot read the data ({ex.Message}); expected an intact file (a corrupt or truncated archive?)", _file, inner: ex);
        }

        _read += count;
        if (_read > _maxFileBytes)
        {
            throw new ImportException(
                $"the file is over {_maxFileBytes:N0} bytes; expected {_expected} of at most that size (raise {nameof(NpmPackageReaderOptions.MaxManagedPoliciesBytes)} if it is genuine)", _file);
        }

        if (_read == count && count >= 3 && _buffer.AsSpan(_end, 3).SequenceEqual("\uFEFF"u8))
        {
            _start = _checkedTo = _countedTo = 3;
        }

        _end += count;
        _eof = count == 0;
        var from = _checkedTo;
        _checkedTo += JsonText.CheckUtf8(_buffer.AsSpan(from, _end - from), _eof, _file, at => (LineAt(from + at), Column(from + at)));
    }

    private ImportException Truncated()
    {
        var line = LineAt(_end);
        var empty = !_begun && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty;
        return empty
            ? new ImportException($"the file is empty; expected {_expected}", _file)
            : new ImportException(
                "the JSON ends before the top-level object is closed (truncated?); expected the rest of the file", _file, line, column: Column(_end));
    }

    private void RequireOnlyWhitespaceAfter()
    {
        while (true)
        {
            var rest = _buffer.AsSpan(_start, _checkedTo - _start);
            var junk = rest.IndexOfAnyExcept(" \t\r\n"u8);
            if (junk >= 0)
            {
                var at = _start + junk;
                throw new ImportException(
                    "data after the end of the top-level object; expected nothing but whitespace", _file, LineAt(at), column: Column(at));
            }
            if (_eof)
            {
                return;
            }
            _start = _checkedTo;
            Fill();
        }
    }
}
