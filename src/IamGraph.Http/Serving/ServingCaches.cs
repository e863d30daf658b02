using GraphQLParser.AST;

using Microsoft.Extensions.Options;

namespace IamGraph.Http.Serving;

/// <summary>A whole answer as it was sent, for identical requests on the same data.</summary>
public sealed record CachedResponse(byte[] Body, string ContentType);

/// <summary>
/// The endpoint's two caches. Answers depend on the served data, so a version change empties the response cache; parsed
/// documents depend only on the schema and stay.
/// </summary>
public sealed class ServingCaches : IDisposable
{
    private readonly ServedDataVersion _version;

    public ServingCaches(IOptions<GraphQLHttpOptions> options, ServedDataVersion version, GraphQLTelemetry telemetry)
    {
        ServingCacheOptions caching = options.Value.Caching;
        Responses = new BoundedCache<string, CachedResponse>(caching.ResponseCacheBytes, response => response.Body.Length + 256);
        // The syntax tree is roughly ten times the text; weigh it so.
        Documents = new BoundedCache<string, GraphQLDocument>(caching.DocumentCacheBytes, document => 20L * document.Source.Length);
        _version = version;
        _version.Changed += OnVersionChanged;
        telemetry.Meter.CreateObservableGauge("iamgraph.cache.response.bytes", () => Responses.Weight, "By", "Bytes held by the response cache.");
    }

    public BoundedCache<string, CachedResponse> Responses { get; }

    public BoundedCache<string, GraphQLDocument> Documents { get; }

    private void OnVersionChanged(string identity) => Responses.Clear();

    public void Dispose() => _version.Changed -= OnVersionChanged;
}

/// <summary>Writes through to the response and keeps a copy of what passed, up to a cap (beyond it the copy is dropped).</summary>
internal sealed class CapturingStream(Stream inner, long maxCaptured) : Stream
{
    private MemoryStream? _copy = new();

    /// <summary>Everything written, or null when it outgrew the cap.</summary>
    public byte[]? Captured => _copy?.ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_copy is null)
        {
            return;
        }

        if (_copy.Length + bytes.Length > maxCaptured)
        {
            _copy = null;
            return;
        }

        _copy.Write(bytes);
    }
}
