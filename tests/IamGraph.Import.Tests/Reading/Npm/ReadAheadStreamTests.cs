using IamGraph.Import.Reading.Npm;

namespace IamGraph.Import.Tests.Reading.Npm;

public sealed class ReadAheadStreamTests
{
    [Fact]
    public void Gives_every_byte_of_the_source_in_order_across_chunks()
    {
        var bytes = new byte[(3 << 20) + 12345];
        new Random(7).NextBytes(bytes);
        using var ahead = new ReadAheadStream(new TrickleStream(bytes, failAt: null));
        using var copy = new MemoryStream();

        // Odd read sizes, as the JSON stream's fills are.
        var buffer = new byte[70001];
        for (var read = ahead.Read(buffer, 0, buffer.Length); read > 0; read = ahead.Read(buffer, 0, buffer.Length))
        {
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(0, ahead.Read(buffer, 0, buffer.Length));
    }

    [Fact]
    public void Gives_what_was_read_before_the_source_failed_then_throws_its_error()
    {
        var bytes = new byte[(1 << 20) + 5000];
        new Random(8).NextBytes(bytes);
        var failAt = (1 << 20) + 3000;
        using var ahead = new ReadAheadStream(new TrickleStream(bytes, failAt));
        var buffer = new byte[bytes.Length];

        var read = ahead.ReadAtLeast(buffer, failAt, throwOnEndOfStream: false);
        var error = Assert.Throws<InvalidDataException>(() => ahead.Read(buffer, read, buffer.Length - read));

        Assert.Equal(failAt, read);
        Assert.Equal(bytes[..failAt], buffer[..failAt]);
        Assert.Equal("corrupt at " + failAt, error.Message);
    }

    [Fact]
    public void Disposing_before_the_end_stops_reading_the_source()
    {
        var source = new TrickleStream(new byte[64 << 20], failAt: null);
        var ahead = new ReadAheadStream(source);
        Assert.Equal(1000, ahead.ReadAtLeast(new byte[1000], 1000));

        ahead.Dispose();
        var readWhenDisposed = source.Position;
        Thread.Sleep(50);

        // A few chunks ahead at most, and nothing after disposal.
        Assert.InRange(readWhenDisposed, 1000, 6L << 20);
        Assert.Equal(readWhenDisposed, source.Position);
    }

    /// <summary>A source that gives at most 10,000 bytes per read (as gzip gives a few KB) and fails with InvalidDataException at a byte.</summary>
    private sealed class TrickleStream(byte[] bytes, int? failAt) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (failAt is { } at && Position >= at)
            {
                throw new InvalidDataException("corrupt at " + at);
            }
            var limit = Math.Min(count, 10_000);
            if (failAt is { } stop)
            {
                limit = (int)Math.Min(limit, stop - Position);
            }
            return base.Read(buffer, offset, limit);
        }

        // MemoryStream's own span overload would bypass the limits above.
        public override int Read(Span<byte> buffer)
        {
            var chunk = new byte[Math.Min(buffer.Length, 10_000)];
            var read = Read(chunk, 0, chunk.Length);
            chunk.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
    }
}
