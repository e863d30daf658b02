using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using IamGraph.Catalog.Entities;
using IamGraph.Import.Model;
using IamGraph.Import.Reading.Npm;

namespace IamGraph.Import.Reading.Accounts;

/// <summary>
/// The grammar of one element of a <c>get-account-authorization-details</c> file: a user, group, role or managed policy,
/// and of the policy documents inside them, which may be JSON objects (the CLI's output) or JSON strings, URL-encoded or
/// not (the API's). Errors name the file, the line and the JSON path (<c>$.RoleDetailList[2].RolePolicyList[0]…</c>).
/// </summary>
internal sealed class AccountDetailsReading(string file)
{
    private static readonly JsonWriterOptions CompactWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public List<ReaderNote> Notes { get; } = [];

    public PrincipalEntry Principal(JsonArrayElement element, JsonElement value, PrincipalKind kind)
    {
        var at = new Where(this, element);
        RequireObject(at, value, $"the {Word(kind)} is {JsonText.KindOf(value)}; expected an object");
        var prefix = kind switch { PrincipalKind.User => "User", PrincipalKind.Group => "Group", _ => "Role" };
        var name = RequiredString(at, value, prefix + "Name");
        var arn = RequiredString(at, value, "Arn");
        if (AccountOf(arn) is null || !arn.Contains($":{Word(kind)}/", StringComparison.Ordinal))
        {
            throw at.Error(["Arn"], $"'{arn}' is not an IAM {Word(kind)} ARN; expected arn:aws:iam::<account>:{Word(kind)}/<path><name>");
        }

        var inlineList = prefix + "PolicyList";
        var inline = new List<InlinePolicyEntry>();
        if (Optional(value, inlineList) is { } inlines)
        {
            var i = 0;
            foreach (var item in Array(at, inlines, [inlineList]))
            {
                object[] path = [inlineList, i++];
                RequireObject(at, item, $"{JsonText.PathText(path)} is {JsonText.KindOf(item)}; expected {{\"PolicyName\": …, \"PolicyDocument\": …}}", path);
                var policyName = RequiredString(at, item, "PolicyName", path);
                if (inline.Any(p => p.Name == policyName))
                {
                    throw at.Error([.. path, "PolicyName"], $"inline policy '{policyName}' is given twice; expected each name once");
                }
                var document = Required(at, item, "PolicyDocument", path);
                inline.Add(new InlinePolicyEntry(policyName, Version(at, document, [.. path, "PolicyDocument"], "v1", null)));
            }
        }

        var attached = new List<string>();
        if (Optional(value, "AttachedManagedPolicies") is { } attachedList)
        {
            var i = 0;
            foreach (var item in Array(at, attachedList, ["AttachedManagedPolicies"]))
            {
                object[] path = ["AttachedManagedPolicies", i++];
                RequireObject(at, item, $"the attachment is {JsonText.KindOf(item)}; expected {{\"PolicyName\": …, \"PolicyArn\": …}}", path);
                var policyArn = RequiredString(at, item, "PolicyArn", path);
                if (!attached.Contains(policyArn, StringComparer.Ordinal))
                {
                    attached.Add(policyArn);
                }
            }
        }

        var groups = new List<string>();
        if (kind == PrincipalKind.User && Optional(value, "GroupList") is { } groupList)
        {
            var i = 0;
            foreach (var item in Array(at, groupList, ["GroupList"]))
            {
                groups.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } group
                    ? group
                    : throw at.Error(["GroupList", i], $"the group is {JsonText.KindOf(item)}; expected a group name"));
                i++;
            }
        }

        string? boundary = null;
        if (Optional(value, "PermissionsBoundary") is { } boundaryValue)
        {
            RequireObject(at, boundaryValue, $"PermissionsBoundary is {JsonText.KindOf(boundaryValue)}; expected {{\"PermissionsBoundaryArn\": …}}", ["PermissionsBoundary"]);
            boundary = RequiredString(at, boundaryValue, "PermissionsBoundaryArn", ["PermissionsBoundary"]);
        }

        string? trust = null;
        var trustedBy = new List<TrustedEntity>();
        if (kind == PrincipalKind.Role && Optional(value, "AssumeRolePolicyDocument") is { } trustValue)
        {
            var (text, root) = DocumentJson(at, trustValue, ["AssumeRolePolicyDocument"]);
            trust = text;
            trustedBy.AddRange(TrustedBy(at, root.RootElement, ["AssumeRolePolicyDocument"]));
            root.Dispose();
        }

        var id = Optional(value, prefix + "Id") is { ValueKind: JsonValueKind.String } idValue ? idValue.GetString() : null;
        return new PrincipalEntry(
            kind, name, arn, id, OptionalString(at, value, "Path") ?? "/", OptionalDate(at, value, "CreateDate", []),
            Tags(at, value), attached, inline, groups, boundary, trust, trustedBy, new SourceRef(file, element.Line));
    }

    public ManagedPolicyEntry Policy(JsonArrayElement element, JsonElement value)
    {
        var at = new Where(this, element);
        RequireObject(at, value, $"the policy is {JsonText.KindOf(value)}; expected an object with PolicyName, Arn, DefaultVersionId and PolicyVersionList");
        var name = RequiredString(at, value, "PolicyName");
        var arn = RequiredString(at, value, "Arn");
        if (AccountOf(arn) is null || !arn.Contains(":policy/", StringComparison.Ordinal))
        {
            throw at.Error(["Arn"], $"'{arn}' is not an IAM policy ARN; expected arn:aws:iam::<account>:policy/<path><name>");
        }
        var defaultVersion = RequiredString(at, value, "DefaultVersionId");
        if (VersionNumber(defaultVersion) is null)
        {
            throw at.Error(["DefaultVersionId"], $"'{defaultVersion}' is not a version id; expected v<number> (v1, v12, …)");
        }

        var versions = new List<PolicyVersionEntry>();
        var list = Required(at, value, "PolicyVersionList");
        var i = 0;
        foreach (var item in Array(at, list, ["PolicyVersionList"]))
        {
            object[] path = ["PolicyVersionList", i++];
            RequireObject(at, item, $"the version is {JsonText.KindOf(item)}; expected {{\"VersionId\": …, \"Document\": …}}", path);
            var versionId = RequiredString(at, item, "VersionId", path);
            if (VersionNumber(versionId) is null)
            {
                throw at.Error([.. path, "VersionId"], $"'{versionId}' is not a version id; expected v<number> (v1, v12, …)");
            }
            if (versions.Any(v => v.VersionId == versionId))
            {
                throw at.Error([.. path, "VersionId"], $"version {versionId} is given twice; expected each version once");
            }
            var document = Required(at, item, "Document", path);
            versions.Add(Version(at, document, [.. path, "Document"], versionId, OptionalDate(at, item, "CreateDate", path)));
        }
        if (versions.Count == 0)
        {
            throw at.Error(["PolicyVersionList"], "no versions; expected at least the default version's document");
        }
        versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        if (!versions.Any(v => v.VersionId == defaultVersion))
        {
            Notes.Add(new ReaderNote(ReaderNoteKinds.DefaultVersionMissing,
                $"the default version {defaultVersion} is not among the {versions.Count} versions the file gives", new SourceRef(file, element.Line), $"policy:{name}"));
        }
        return new ManagedPolicyEntry(name, arn, defaultVersion,
            OptionalDate(at, value, "CreateDate", []), OptionalDate(at, value, "UpdateDate", []), versions, new SourceRef(file, element.Line));
    }

    /// <summary>The account of an IAM ARN (<c>012345678901</c>, or <c>aws</c> for AWS's own), or null when it is not one.</summary>
    public static string? AccountOf(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4].Length > 0 && parts[5].Contains('/', StringComparison.Ordinal)
            ? parts[4]
            : null;
    }

    private PolicyVersionEntry Version(Where at, JsonElement document, object[] path, string versionId, DateTimeOffset? created)
    {
        var (text, parsed) = DocumentJson(at, document, path);
        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw at.Error(path, $"the document is {JsonText.KindOf(root)}; expected a policy document object");
            }
            if (!root.TryGetProperty("Statement", out var statement))
            {
                throw at.Error(path, "the document has no Statement; expected \"Statement\": [ … ] or one statement object");
            }
            var statements = new List<StatementEntry>();
            var isObject = statement.ValueKind == JsonValueKind.Object;
            if (isObject)
            {
                statements.Add(Statement(at, statement, [.. path, "Statement"], 0));
            }
            else if (statement.ValueKind == JsonValueKind.Array)
            {
                var ordinal = 0;
                foreach (var item in statement.EnumerateArray())
                {
                    statements.Add(Statement(at, item, [.. path, "Statement", ordinal], ordinal));
                    ordinal++;
                }
            }
            else
            {
                throw at.Error([.. path, "Statement"], $"Statement is {JsonText.KindOf(statement)}; expected an array of statements or one statement object");
            }
            return new PolicyVersionEntry(versionId, created, text, statements, isObject, new SourceRef(file, at.LineOf(path)));
        }
    }

    /// <summary>A document as compact JSON and parsed: an object as it is, a string (the API's form) decoded first when URL-encoded.</summary>
    private static (string Text, JsonDocument Parsed) DocumentJson(Where at, JsonElement document, object[] path)
    {
        if (document.ValueKind == JsonValueKind.Object)
        {
            return (Compact(document), JsonDocument.Parse(Compact(document)));
        }
        if (document.ValueKind != JsonValueKind.String)
        {
            throw at.Error(path, $"the document is {JsonText.KindOf(document)}; expected a policy document (an object, or its JSON as a string, URL-encoded or not)");
        }
        var text = document.GetString()!.Trim();
        if (!text.StartsWith('{'))
        {
            try
            {
                text = Uri.UnescapeDataString(text).Trim();
            }
            catch (UriFormatException)
            {
                // Not URL-encoded after all: the check below says what it is.
            }
        }
        if (!text.StartsWith('{'))
        {
            throw at.Error(path, "the document string is neither JSON nor URL-encoded JSON; expected a policy document");
        }
        try
        {
            using var parsed = JsonDocument.Parse(text);
            var compact = Compact(parsed.RootElement);
            return (compact, JsonDocument.Parse(compact));
        }
        catch (JsonException ex)
        {
            var cut = ex.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw at.Error(path, $"the document string is not valid JSON ({(cut >= 0 ? ex.Message[..cut] : ex.Message).TrimEnd()}); expected a policy document");
        }
    }

    private static StatementEntry Statement(Where at, JsonElement statement, object[] path, int ordinal)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw at.Error(path, $"the statement is {JsonText.KindOf(statement)}; expected an object with Effect, Action and Resource");
        }
        string? sid = null;
        StatementEffect? effect = null;
        IReadOnlyList<string>? actions = null, notActions = null, resources = null, notResources = null;
        string? condition = null;
        foreach (var element in statement.EnumerateObject())
        {
            var value = element.Value;
            switch (element.Name)
            {
                case "Sid":
                    sid = value.ValueKind == JsonValueKind.String ? value.GetString() : throw at.Error([.. path, "Sid"], $"Sid is {JsonText.KindOf(value)}; expected a string");
                    break;
                case "Effect":
                    effect = value.ValueKind != JsonValueKind.String ? null
                        : value.ValueEquals("Allow"u8) ? StatementEffect.Allow
                        : value.ValueEquals("Deny"u8) ? StatementEffect.Deny
                        : null;
                    if (effect is null)
                    {
                        throw at.Error([.. path, "Effect"], $"Effect is {Shown(value)}; expected \"Allow\" or \"Deny\"");
                    }
                    break;
                case "Action":
                    actions = Strings(at, value, [.. path, "Action"], "Action");
                    break;
                case "NotAction":
                    notActions = Strings(at, value, [.. path, "NotAction"], "NotAction");
                    break;
                case "Resource":
                    resources = Strings(at, value, [.. path, "Resource"], "Resource");
                    break;
                case "NotResource":
                    notResources = Strings(at, value, [.. path, "NotResource"], "NotResource");
                    break;
                case "Condition":
                    condition = value.ValueKind == JsonValueKind.Object
                        ? Compact(value)
                        : throw at.Error([.. path, "Condition"], $"Condition is {JsonText.KindOf(value)}; expected an object of operators");
                    break;
                default:
                    // Principal and the like: kept in the document, otherwise not an identity policy's concern.
                    break;
            }
        }
        if (effect is null)
        {
            throw at.Error(path, "the statement has no Effect; expected \"Effect\": \"Allow\" or \"Deny\"");
        }
        if (actions is not null && notActions is not null)
        {
            throw at.Error([.. path, "NotAction"], "the statement has both Action and NotAction; expected one of them");
        }
        if (actions is null && notActions is null)
        {
            throw at.Error(path, "the statement has neither Action nor NotAction; expected one of them");
        }
        return new StatementEntry(ordinal, sid, effect.Value, actions ?? [], notActions ?? [], resources ?? [], notResources ?? [], condition);
    }

    /// <summary>Who a trust policy's Allow statements let assume the role: <c>"*"</c> is AWS <c>*</c>.</summary>
    private static IEnumerable<TrustedEntity> TrustedBy(Where at, JsonElement document, object[] path)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("Statement", out var statement))
        {
            throw at.Error(path, "the trust policy has no Statement; expected a policy document with Principal statements");
        }
        var statements = statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToArray() : [statement];
        var seen = new HashSet<(TrustedEntityType, string)>();
        foreach (var item in statements)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("Effect", out var effect) || !effect.ValueEquals("Allow"u8)
                || !item.TryGetProperty("Principal", out var principal))
            {
                continue;
            }
            if (principal.ValueKind == JsonValueKind.String)
            {
                if (seen.Add((TrustedEntityType.Aws, principal.GetString()!)))
                {
                    yield return new TrustedEntity(TrustedEntityType.Aws, principal.GetString()!);
                }
                continue;
            }
            if (principal.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            foreach (var member in principal.EnumerateObject())
            {
                TrustedEntityType? type = member.Name switch
                {
                    "Service" => TrustedEntityType.Service,
                    "AWS" => TrustedEntityType.Aws,
                    "Federated" => TrustedEntityType.Federated,
                    "CanonicalUser" => TrustedEntityType.CanonicalUser,
                    _ => null,
                };
                if (type is null)
                {
                    continue;
                }
                var values = member.Value.ValueKind == JsonValueKind.Array ? member.Value.EnumerateArray().ToArray() : [member.Value];
                foreach (var v in values.Where(v => v.ValueKind == JsonValueKind.String))
                {
                    if (seen.Add((type.Value, v.GetString()!)))
                    {
                        yield return new TrustedEntity(type.Value, v.GetString()!);
                    }
                }
            }
        }
    }

    private static List<KeyValuePair<string, string>> Tags(Where at, JsonElement value)
    {
        var tags = new List<KeyValuePair<string, string>>();
        if (Optional(value, "Tags") is not { } list)
        {
            return tags;
        }
        var i = 0;
        foreach (var item in Array(at, list, ["Tags"]))
        {
            object[] path = ["Tags", i++];
            RequireObject(at, item, $"the tag is {JsonText.KindOf(item)}; expected {{\"Key\": …, \"Value\": …}}", path);
            tags.Add(new(RequiredString(at, item, "Key", path), OptionalString(at, item, "Value", path) ?? ""));
        }
        return tags;
    }

    private static string[] Strings(Where at, JsonElement value, object[] path, string name)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw at.Error(path, $"{name} is {JsonText.KindOf(value)}; expected a string or an array of strings");
        }
        var list = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            list[i] = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw at.Error([.. path, i], $"{name}[{i}] is {JsonText.KindOf(item)}; expected a string");
            i++;
        }
        return list;
    }

    private static JsonElement.ArrayEnumerator Array(Where at, JsonElement value, object[] path) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw at.Error(path, $"{path[^1]} is {JsonText.KindOf(value)}; expected an array");

    private static void RequireObject(Where at, JsonElement value, string message, object[]? path = null)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw at.Error(path ?? [], message);
        }
    }

    private static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Required(Where at, JsonElement obj, string name, object[]? path = null) =>
        Optional(obj, name) ?? throw at.Error(path ?? [], $"no {name}; expected \"{name}\": …");

    private static string RequiredString(Where at, JsonElement obj, string name, object[]? path = null)
    {
        var value = Required(at, obj, name, path);
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw at.Error([.. path ?? [], name], $"{name} is {Shown(value)}; expected a non-empty string");
    }

    private static string? OptionalString(Where at, JsonElement obj, string name, object[]? path = null) =>
        Optional(obj, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw at.Error([.. path ?? [], name], $"{name} is {JsonText.KindOf(value)}; expected a string");

    /// <summary>The CLI writes <c>2019-12-18 19:10:08+00:00</c>, the API <c>2019-12-18T19:10:08Z</c>: both are read.</summary>
    private static DateTimeOffset? OptionalDate(Where at, JsonElement obj, string name, object[] path)
    {
        if (Optional(obj, name) is not { } value)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw at.Error([.. path, name], $"{name} is {Shown(value)}; expected a date (2019-12-18 19:10:08+00:00 or ISO 8601)");
    }

    private static int? VersionNumber(string versionId) =>
        versionId.Length > 1 && versionId[0] == 'v' && char.IsAsciiDigit(versionId[1]) && versionId[1] != '0'
            && int.TryParse(versionId.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static string Compact(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriting))
        {
            value.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? $"\"{(value.GetString()!.Length > 60 ? value.GetString()![..60] + "…" : value.GetString())}\""
        : JsonText.KindOf(value);

    private static string Word(PrincipalKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>An element being read: errors at a path inside it name the whole path from the file's root and its line.</summary>
    private readonly record struct Where(AccountDetailsReading Reading, JsonArrayElement Element)
    {
        public int LineOf(object[] path)
        {
            var json = Element.Json.Span;
            var offset = JsonText.Locate(json, path);
            return Element.Line + json[..offset].Count((byte)'\n');
        }

        public ImportException Error(object[] path, string message) =>
            new($"{JsonText.PathText([Element.Array, Element.Index, .. path])}: {message}", Reading.File, LineOf(path));
    }

    private string File => file;
}
