using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using IamGraph.Catalog;
using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Reading.Npm;

namespace IamGraph.Import.Reading.ManagedPolicies;

/// <summary>
/// The grammar of one policy in <c>managedPolicies.json</c>, and of its documents as IAM defines them: <c>Statement</c> an
/// array or one object; <c>Action</c>, <c>NotAction</c>, <c>Resource</c>, <c>NotResource</c> a string or an array of strings.
/// Errors name the JSON path of the offending value and its line; oddities that lose nothing become notes.
/// </summary>
internal sealed class ManagedPolicyReading(JsonObjectStream stream) : IDisposable
{
    // Documents are kept compact (the package pretty-prints the whole file, so a document's own whitespace is not AWS's
    // either) and with their characters as they are: relaxed escaping, since the text is stored, not embedded in HTML.
    private static readonly JsonWriterOptions CompactWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The elements of an identity policy's statement (Principal belongs to resource policies).
    private static readonly string[] StatementElements = ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private readonly StringPool _strings = new();
    private readonly ArrayBufferWriter<byte> _json = new(1 << 16);
    private Utf8JsonWriter? _writer;

    public List<ReaderNote> Notes { get; } = [];

    public void Dispose() => _writer?.Dispose();

    public ManagedPolicyEntry Policy(JsonMember member, JsonElement policy)
    {
        if (policy.ValueKind != JsonValueKind.Object)
        {
            throw stream.ErrorAt(member, [], $"the policy is {JsonText.KindOf(policy)}; expected an object with arn, latestVersionId and versions");
        }

        var arn = RequiredString(member, policy, "arn");
        if (!PolicyArn.LooksLikeIamArn(arn) || !arn.Contains(":policy/", StringComparison.Ordinal))
        {
            throw stream.ErrorAt(member, ["arn"], $"'{arn}' is not an IAM policy ARN; expected arn:aws:iam::<account>:policy/<path><name>");
        }

        var defaultVersion = RequiredString(member, policy, "latestVersionId");
        if (VersionNumber(defaultVersion) is null)
        {
            throw stream.ErrorAt(member, ["latestVersionId"], $"'{defaultVersion}' is not a version id; expected v<number> (v1, v12, …)");
        }

        var created = OptionalDate(member, policy, "createdDate", []);
        var updated = OptionalDate(member, policy, "lastUpdatedDate", []);
        if (!policy.TryGetProperty("versions", out var versions))
        {
            throw stream.ErrorAt(member, [], "no versions; expected \"versions\": { \"v1\": { \"createdDate\": …, \"document\": { … } }, … }");
        }
        if (versions.ValueKind != JsonValueKind.Object)
        {
            throw stream.ErrorAt(member, ["versions"], $"versions is {JsonText.KindOf(versions)}; expected an object of versions (\"v1\": {{ … }})");
        }

        var list = new List<PolicyVersionEntry>();
        var numbers = new HashSet<int>();
        var index = 0;
        foreach (var version in versions.EnumerateObject())
        {
            var line = member.NestedKeyLines[index++];
            var number = VersionNumber(version.Name)
                ?? throw stream.ErrorAt(member, ["versions", version.Name], $"version id '{version.Name}' is not like v<number> (v1, v12, …)");
            if (!numbers.Add(number))
            {
                throw new ImportException($"{JsonText.PathText([member.Name, "versions", version.Name])}: version {version.Name} is given twice; expected each version once", stream.File, line);
            }
            list.Add(Version(member, version.Name, version.Value, new SourceRef(stream.File, line)));
        }
        if (list.Count == 0)
        {
            throw stream.ErrorAt(member, ["versions"], "no versions; expected at least the default version's document");
        }

        // Dates are unreliable for ordering (many versions carry the policy's creation date); version numbers are not.
        list.Sort((a, b) => a.Number.CompareTo(b.Number));
        var source = new SourceRef(stream.File, member.Line);
        NoteGaps(member.Name, list, source);
        if (!numbers.Contains(VersionNumber(defaultVersion)!.Value))
        {
            Notes.Add(new ReaderNote(
                ReaderNoteKinds.DefaultVersionMissing,
                $"the default version {defaultVersion} is not among the {list.Count} stored versions (newest stored: {list[^1].VersionId})", source, member.Name));
        }

        return new ManagedPolicyEntry(member.Name, arn, defaultVersion, created, updated, list, source);
    }

    private PolicyVersionEntry Version(JsonMember member, string versionId, JsonElement version, SourceRef source)
    {
        if (version.ValueKind != JsonValueKind.Object)
        {
            throw stream.ErrorAt(member, ["versions", versionId], $"the version is {JsonText.KindOf(version)}; expected an object with createdDate and document");
        }

        var created = OptionalDate(member, version, "createdDate", ["versions", versionId]);
        if (!version.TryGetProperty("document", out var document))
        {
            throw stream.ErrorAt(member, ["versions", versionId], "no document; expected \"document\": { \"Version\": …, \"Statement\": … }");
        }
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw stream.ErrorAt(member, ["versions", versionId, "document"], $"the document is {JsonText.KindOf(document)}; expected a policy document object");
        }
        if (!document.TryGetProperty("Statement", out var statement))
        {
            throw stream.ErrorAt(member, ["versions", versionId, "document"], "the document has no Statement; expected \"Statement\": [ … ] or one statement object");
        }

        var statements = new List<StatementEntry>();
        var isObject = statement.ValueKind == JsonValueKind.Object;
        if (isObject)
        {
            Notes.Add(new ReaderNote(
                ReaderNoteKinds.StatementObject,
                $"version {versionId}'s Statement is a single object, not an array (IAM accepts both)",
                new SourceRef(stream.File, stream.LineOf(member, ["versions", versionId, "document", "Statement"])), member.Name));
            statements.Add(Statement(member, new StatementAt(versionId, 0, IsObject: true), statement));
        }
        else if (statement.ValueKind == JsonValueKind.Array)
        {
            var ordinal = 0;
            foreach (var item in statement.EnumerateArray())
            {
                statements.Add(Statement(member, new StatementAt(versionId, ordinal++, IsObject: false), item));
            }
        }
        else
        {
            throw stream.ErrorAt(member, ["versions", versionId, "document", "Statement"], $"Statement is {JsonText.KindOf(statement)}; expected an array of statements or one statement object");
        }

        return new PolicyVersionEntry(versionId, created, Compact(document), statements, isObject, source);
    }

    private StatementEntry Statement(JsonMember member, StatementAt at, JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw stream.ErrorAt(member, at.Path(), $"the statement is {JsonText.KindOf(statement)}; expected an object with Effect, Action and Resource");
        }

        string? sid = null;
        StatementEffect? effect = null;
        IReadOnlyList<string>? actions = null, notActions = null, resources = null, notResources = null;
        string? condition = null;
        var seen = 0;
        foreach (var element in statement.EnumerateObject())
        {
            var known = Array.IndexOf(StatementElements, element.Name);
            var bit = known >= 0 ? 1 << known : 0;
            if ((seen & bit) != 0)
            {
                throw stream.ErrorAt(member, at.Path(element.Name), $"{element.Name} is given twice in one statement; expected each element once");
            }
            seen |= bit;
            var value = element.Value;
            switch (element.Name)
            {
                case "Sid":
                    sid = value.ValueKind == JsonValueKind.String
                        ? value.GetString()
                        : throw stream.ErrorAt(member, at.Path("Sid"), $"Sid is {JsonText.KindOf(value)}; expected a string");
                    break;
                case "Effect":
                    effect = value.ValueKind != JsonValueKind.String ? null
                        : value.ValueEquals("Allow"u8) ? StatementEffect.Allow
                        : value.ValueEquals("Deny"u8) ? StatementEffect.Deny
                        : null;
                    if (effect is null)
                    {
                        throw stream.ErrorAt(member, at.Path("Effect"), $"Effect is {Shown(value)}; expected \"Allow\" or \"Deny\"");
                    }
                    break;
                case "Action":
                    actions = Strings(member, at, "Action", value);
                    break;
                case "NotAction":
                    notActions = Strings(member, at, "NotAction", value);
                    break;
                case "Resource":
                    resources = Strings(member, at, "Resource", value);
                    break;
                case "NotResource":
                    notResources = Strings(member, at, "NotResource", value);
                    break;
                case "Condition":
                    condition = value.ValueKind == JsonValueKind.Object
                        ? Compact(value)
                        : throw stream.ErrorAt(member, at.Path("Condition"), $"Condition is {JsonText.KindOf(value)}; expected an object of operators");
                    break;
                default:
                    Notes.Add(new ReaderNote(
                        ReaderNoteKinds.UnknownElement,
                        $"version {at.VersionId}, statement {at.Ordinal}: element '{element.Name}' is not one an identity policy's statement has; kept in the document, otherwise ignored",
                        new SourceRef(stream.File, stream.LineOf(member, at.Path(element.Name))), member.Name));
                    break;
            }
        }

        if (effect is null)
        {
            throw stream.ErrorAt(member, at.Path(), "the statement has no Effect; expected \"Effect\": \"Allow\" or \"Deny\"");
        }
        RequireOneOf(member, at, actions, notActions, "Action", "NotAction");
        RequireOneOf(member, at, resources, notResources, "Resource", "NotResource");
        return new StatementEntry(at.Ordinal, sid, effect.Value, actions ?? [], notActions ?? [], resources ?? [], notResources ?? [], condition);
    }

    /// <summary>IAM's string-or-array: a string is a one-element list.</summary>
    private string[] Strings(JsonMember member, StatementAt at, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [_strings.Get(value)];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw stream.ErrorAt(member, at.Path(name), $"{name} is {JsonText.KindOf(value)}; expected a string or an array of strings");
        }

        var list = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            list[i] = item.ValueKind == JsonValueKind.String
                ? _strings.Get(item)
                : throw stream.ErrorAt(member, at.Path(name, i), $"{name}[{i}] is {JsonText.KindOf(item)}; expected a string");
            i++;
        }
        return list;
    }

    private void RequireOneOf(JsonMember member, StatementAt at, object? element, object? notElement, string name, string notName)
    {
        if (element is not null && notElement is not null)
        {
            throw stream.ErrorAt(member, at.Path(notName), $"the statement has both {name} and {notName}; expected one of them");
        }
        if (element is null && notElement is null)
        {
            throw stream.ErrorAt(member, at.Path(), $"the statement has neither {name} nor {notName}; expected one of them");
        }
    }

    private void NoteGaps(string policy, List<PolicyVersionEntry> versions, SourceRef source)
    {
        var newest = versions[^1].Number;
        if (versions.Count == newest)
        {
            return;
        }

        // Absent numbers as ranges ("v2-v5, v9"), the first few only: ReadOnlyAccess lacks 37.
        var ranges = new List<string>();
        var expected = 1;
        foreach (var number in versions.Select(v => v.Number).Append(newest + 1))
        {
            if (number > expected)
            {
                ranges.Add(number - 1 == expected ? $"v{expected}" : $"v{expected}-v{number - 1}");
            }
            expected = number + 1;
        }
        var shown = string.Join(", ", ranges.Take(8)) + (ranges.Count > 8 ? ", …" : "");
        Notes.Add(new ReaderNote(
            ReaderNoteKinds.VersionGap,
            $"stores {versions.Count} of versions v1-v{newest}; {newest - versions.Count} absent: {shown}", source, policy));
    }

    private string RequiredString(JsonMember member, JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw stream.ErrorAt(member, [], $"no {name}; expected \"{name}\": \"…\"");
        }
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw stream.ErrorAt(member, [name], $"{name} is {Shown(value)}; expected a non-empty string");
    }

    private DateTimeOffset? OptionalDate(JsonMember member, JsonElement obj, string name, object[] path)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var date)
            ? date
            : throw stream.ErrorAt(member, [.. path, name], $"{name} is {Shown(value)}; expected an ISO 8601 date (2015-02-06T18:39:46.000Z)");
    }

    private string Compact(JsonElement value)
    {
        _json.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_json, CompactWriting);
        }
        else
        {
            _writer.Reset(_json);
        }
        value.WriteTo(_writer);
        _writer.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    private static int? VersionNumber(string versionId) =>
        versionId.Length > 1 && versionId[0] == 'v' && char.IsAsciiDigit(versionId[1]) && versionId[1] != '0'
            && int.TryParse(versionId.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>A value as a message shows it: strings quoted (and cut), other kinds by name.</summary>
    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? $"\"{(value.GetString()!.Length > 60 ? value.GetString()![..60] + "…" : value.GetString())}\""
        : JsonText.KindOf(value);

    /// <summary>Where a statement is, for error paths: <c>versions.v3.document.Statement[2]</c>, or <c>…Statement</c> for a single object.</summary>
    private readonly record struct StatementAt(string VersionId, int Ordinal, bool IsObject)
    {
        public object[] Path(params object[] tail) => IsObject
            ? ["versions", VersionId, "document", "Statement", .. tail]
            : ["versions", VersionId, "document", "Statement", Ordinal, .. tail];
    }
}
