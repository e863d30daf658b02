using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using GraphQL;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IamGraph.Http.Serving;

/// <summary>What a request's persisted-document fields came to: the document text to run, or an error to answer.</summary>
internal readonly record struct PersistedDocumentResolution(string? Query, string? Hash, bool Trusted, ExecutionError? Error)
{
    public static PersistedDocumentResolution Fail(string code, string message) =>
        new(null, null, false, new ExecutionError(message) { Code = code });
}

/// <summary>
/// Trusted documents loaded from a manifest, and Apollo's automatic persisted queries (APQ) in a bounded store. A request
/// names a document by `documentId` (optionally `sha256:`-prefixed), Relay's `id`, or `extensions.persistedQuery.sha256Hash`.
/// </summary>
public sealed class PersistedDocumentStore
{
    private readonly Dictionary<string, string> _trustedById;
    private readonly HashSet<string> _trustedTexts;
    private readonly BoundedCache<string, string> _automatic;
    private readonly PersistedDocumentOptions _options;

    public PersistedDocumentStore(IOptions<GraphQLHttpOptions> options, ILogger<PersistedDocumentStore> logger)
    {
        _options = options.Value.PersistedDocuments;
        _automatic = new BoundedCache<string, string>(_options.AutomaticPersistedQueryBytes, text => 2L * text.Length);
        _trustedById = _options.TrustedDocumentsFile is { } file ? LoadManifest(file) : new Dictionary<string, string>(StringComparer.Ordinal);
        _trustedTexts = new HashSet<string>(_trustedById.Values, StringComparer.Ordinal);
        if (_options.TrustedDocumentsFile is not null)
        {
            logger.LogInformation("Loaded {Count} trusted documents from {File}.", _trustedTexts.Count, _options.TrustedDocumentsFile);
        }
    }

    public int TrustedCount => _trustedTexts.Count;

    /// <summary>The APQ store (its hit/miss counts feed the metrics).</summary>
    public BoundedCache<string, string> Automatic => _automatic;

    /// <summary>Lowercase hex SHA-256 of the UTF-8 text: Apollo's and Relay's document hash.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal PersistedDocumentResolution Resolve(string? query, string? documentId, Inputs? extensions)
    {
        string? apqHash = null;
        if (extensions is not null && extensions.TryGetValue("persistedQuery", out object? persisted) && persisted is not null)
        {
            if (persisted is not IReadOnlyDictionary<string, object?> fields
                || !fields.TryGetValue("sha256Hash", out object? hashValue) || hashValue is not string hash || hash.Length == 0)
            {
                return PersistedDocumentResolution.Fail(HttpErrorCodes.BadRequest, "extensions.persistedQuery needs a sha256Hash string.");
            }

            if (fields.TryGetValue("version", out object? version) && version is not null && Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture) != 1)
            {
                return PersistedDocumentResolution.Fail(HttpErrorCodes.PersistedQueryNotSupported, "Only version 1 of persisted queries is supported.");
            }

            apqHash = hash.ToLowerInvariant();
        }

        if (query is not null)
        {
            bool trusted = _trustedTexts.Contains(query);
            if (apqHash is null)
            {
                return new(query, null, trusted, null);
            }

            // A document sent with its hash registers it; the hash is checked so nobody can plant a text under another's hash.
            if (!string.Equals(Sha256Hex(query), apqHash, StringComparison.Ordinal))
            {
                return PersistedDocumentResolution.Fail(HttpErrorCodes.PersistedQueryHashMismatch, "The sha256Hash does not match the query.");
            }

            if (!trusted && !_options.AutomaticPersistedQueries)
            {
                return PersistedDocumentResolution.Fail(HttpErrorCodes.PersistedQueryNotSupported, "PersistedQueryNotSupported");
            }

            if (!trusted && !_options.TrustedDocumentsOnly)
            {
                _automatic.Set(apqHash, query, _automatic.Generation);
            }

            return new(query, apqHash, trusted, null);
        }

        string? id = documentId ?? apqHash;
        if (id is null)
        {
            return PersistedDocumentResolution.Fail(HttpErrorCodes.BadRequest, "The 'query' parameter is required.");
        }

        if (_trustedById.TryGetValue(id, out string? text)
            || (id.StartsWith("sha256:", StringComparison.Ordinal) && _trustedById.TryGetValue(id["sha256:".Length..], out text)))
        {
            return new(text, id, true, null);
        }

        string hashId = id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
        if (_options.AutomaticPersistedQueries && _automatic.TryGet(hashId, out text))
        {
            return new(text, hashId, false, null);
        }

        // Apollo's clients look for this message (older) or this code (newer), then resend the document with its hash.
        return PersistedDocumentResolution.Fail(HttpErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound");
    }

    /// <summary>Relay's `{ "id": "text" }` or Apollo's `{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }`.</summary>
    internal static Dictionary<string, string> LoadManifest(string file)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonElement root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{file}: a trusted-documents manifest is a JSON object.");
        }

        if (root.TryGetProperty("operations", out JsonElement operations) && operations.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement operation in operations.EnumerateArray())
            {
                string body = operation.GetProperty("body").GetString()
                    ?? throw new InvalidDataException($"{file}: an operation has no body.");
                Add(byId, operation.TryGetProperty("id", out JsonElement opId) ? opId.GetString() : null, body);
            }
        }
        else
        {
            foreach (JsonProperty entry in root.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidDataException($"{file}: '{entry.Name}' is not a document text (expected Relay's {{ \"id\": \"text\" }}).");
                }

                Add(byId, entry.Name, entry.Value.GetString()!);
            }
        }

        return byId;
    }

    // Every document is reachable by its manifest id and by its SHA-256, so APQ-style clients find it too.
    private static void Add(Dictionary<string, string> byId, string? id, string text)
    {
        if (id is not null)
        {
            byId[id] = text;
        }

        byId.TryAdd(Sha256Hex(text), text);
    }
}
