using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace IamGraph.Import.Reading.Npm;

/// <summary>
/// One string per distinct text. The managed-policy versions name 840,000 actions and resources but only 20,000 distinct
/// ones, so looking the UTF-8 bytes up saves most of the allocations and keeps the model small.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string value of <paramref name="value"/> (a JSON string), shared with every equal one read before.</summary>
    public string Get(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.Length > 256 || raw.Contains((byte)'\\'))
        {
            return Add(value.GetString()!);
        }

        Span<char> chars = stackalloc char[256];
        var length = Encoding.UTF8.GetChars(raw, chars);
        return _lookup.TryGetValue(chars[..length], out var known) ? known : Add(new string(chars[..length]));
    }

    private string Add(string text)
    {
        if (_strings.TryGetValue(text, out var known))
        {
            return known;
        }
        _strings.Add(text);
        return text;
    }
}
