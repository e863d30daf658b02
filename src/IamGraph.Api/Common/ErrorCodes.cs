namespace IamGraph.Api.Common;

/// <summary>The <c>extensions.code</c> values this API reports.</summary>
public static class ErrorCodes
{
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";
    public const string InvalidPageSize = "INVALID_PAGE_SIZE";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidFilter = "INVALID_FILTER";
    public const string UnknownPolicy = "UNKNOWN_POLICY";
    public const string UnknownRole = "UNKNOWN_ROLE";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string InvalidNodeId = "INVALID_NODE_ID";

    /// <summary>A mutation or subscription: the schema has neither type.</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";
}
