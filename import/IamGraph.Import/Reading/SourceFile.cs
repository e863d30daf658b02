using System.Buffers;
using System.Text;

using Microsoft.Win32.SafeHandles;

namespace IamGraph.Import.Reading;

/// <summary>A docs file's text, read strictly: the importer refuses what it cannot trust rather than guessing.</summary>
internal static class SourceFile
{
    // Strict: a byte that is not UTF-8 means the file is not the generator's output, so fail instead of printing U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadText(string fullPath, string relativePath, long maxBytes)
    {
        // One open per file and a pooled buffer: 12,000 pages each paid a stat, a FileStream and a byte[] before.
        byte[] rented = [];
        try
        {
            int read;
            try
            {
                using var handle = File.OpenHandle(fullPath);
                var length = RandomAccess.GetLength(handle);
                if (length > maxBytes)
                {
                    throw new ImportException(
                        $"file is {length:N0} bytes; expected at most {maxBytes:N0} (the size limit for one docs page)", relativePath);
                }

                if (length >= Array.MaxLength)
                {
                    throw new ImportException($"cannot read the file ({length:N0} bytes is more than one buffer holds); expected a readable Markdown page", relativePath);
                }

                // One byte more than the stat said, so a file that grew since is still caught by the re-check below.
                rented = ArrayPool<byte>.Shared.Rent((int)length + 1);
                read = ReadToEnd(handle, ref rented, maxBytes);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ImportException("cannot read the file (permission denied); expected a readable Markdown page", relativePath, inner: ex);
            }
            catch (IOException ex)
            {
                throw new ImportException($"cannot read the file ({ex.Message}); expected a readable Markdown page", relativePath, inner: ex);
            }

            // A file re-checked after reading: it may have grown between the stat and the read.
            if (read > maxBytes)
            {
                throw new ImportException($"file is more than {maxBytes:N0} bytes; expected at most {maxBytes:N0}", relativePath);
            }

            var bytes = rented.AsSpan(0, read);
            var nul = bytes.IndexOf((byte)0);
            if (nul >= 0)
            {
                throw new ImportException("file contains a NUL byte; expected UTF-8 Markdown text", relativePath, LineAt(bytes, nul));
            }

            var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
            try
            {
                return StrictUtf8.GetString(bytes[start..]);
            }
            catch (DecoderFallbackException ex)
            {
                var at = ex.Index >= 0 ? start + ex.Index : -1;
                throw new ImportException("file is not valid UTF-8; expected UTF-8 Markdown text", relativePath, at >= 0 ? LineAt(bytes, at) : null, ex);
            }
        }
        finally
        {
            if (rented.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Reads to the end of the file (a read may return less than asked). The buffer grows if the file grew since its
    /// length was taken, so nothing is cut off; it stops once the file is known to be over <paramref name="maxBytes"/>.
    /// </summary>
    private static int ReadToEnd(SafeFileHandle handle, ref byte[] buffer, long maxBytes)
    {
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes || total >= Array.MaxLength)
                {
                    return total;
                }

                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
                buffer.AsSpan().CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            var n = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (n == 0)
            {
                return total;
            }

            total += n;
        }
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;
}
