using System.Text;

namespace IamGraph.Import.Reading;

/// <summary>A docs file's text, read strictly: the importer refuses what it cannot trust rather than guessing.</summary>
internal static class SourceFile
{
    // Strict: a byte that is not UTF-8 means the file is not the generator's output, so fail instead of printing U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadText(string fullPath, string relativePath, long maxBytes)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > maxBytes)
            {
                throw new ImportException(
                    $"file is {length:N0} bytes; expected at most {maxBytes:N0} (the size limit for one docs page)", relativePath);
            }

            bytes = File.ReadAllBytes(fullPath);
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
        if (bytes.LongLength > maxBytes)
        {
            throw new ImportException($"file is {bytes.LongLength:N0} bytes; expected at most {maxBytes:N0}", relativePath);
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new ImportException("file contains a NUL byte; expected UTF-8 Markdown text", relativePath, LineAt(bytes, nul));
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? start + ex.Index : -1;
            throw new ImportException("file is not valid UTF-8; expected UTF-8 Markdown text", relativePath, at >= 0 ? LineAt(bytes, at) : null, ex);
        }
    }

    private static int LineAt(byte[] bytes, int index) => bytes.AsSpan(0, Math.Min(index, bytes.Length)).Count((byte)'\n') + 1;
}
