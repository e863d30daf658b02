namespace IamGraph.Http;

/// <summary>The <c>extensions.code</c> values the transport reports (the API's own are in IamGraph.Api's ErrorCodes).</summary>
public static class HttpErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The named persisted document is unknown: Apollo clients then resend it with its text.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>APQ is turned off, or an unsupported persisted-query version was sent.</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>The document's SHA-256 is not the sha256Hash it was sent with.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>Lock-down: only trusted documents run.</summary>
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";

    /// <summary>More requests than the execution queue holds: 503 with Retry-After.</summary>
    public const string ServiceOverloaded = "SERVICE_OVERLOADED";
}
