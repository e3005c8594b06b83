using System.Security.Cryptography;
using System.Text;

namespace RiskMap.Server.Imports;

/// <summary>An upload larger than <see cref="ImportOptions.MaxUploadBytes"/>.</summary>
public sealed class ImportTooLargeException(long limit) : Exception($"the upload exceeds {limit:N0} bytes")
{
    public long Limit { get; } = limit;
}

/// <summary>
/// A file to import with the SHA-256 of its bytes, which identifies a repeat. Uploads are first
/// copied to a temporary file: the hash must be known before anything is written, and the
/// parsers read a file synchronously, which ASP.NET forbids on a request body.
/// </summary>
public sealed class ImportInput : IDisposable
{
    private readonly string _path;
    private readonly bool _temporary;

    private ImportInput(string path, bool temporary, string source, string sha256)
    {
        _path = path;
        _temporary = temporary;
        Source = source;
        ContentSha256 = sha256;
    }

    /// <summary>Where the data came from (a file name), kept in import_batch.source.</summary>
    public string Source { get; }
    public string ContentSha256 { get; }

    public static async Task<ImportInput> FromFileAsync(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
        return new ImportInput(Path.GetFullPath(path), false, Path.GetFileName(path), hash);
    }

    /// <exception cref="ImportTooLargeException">The stream holds more than <paramref name="maxBytes"/>.</exception>
    public static async Task<ImportInput> FromStreamAsync(Stream body, string source, long maxBytes, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"riskmap-import-{Guid.NewGuid():N}");
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                long total = 0;
                int n;
                while ((n = await body.ReadAsync(buffer, ct)) > 0)
                {
                    total += n;
                    if (total > maxBytes) throw new ImportTooLargeException(maxBytes);
                    sha.AppendData(buffer, 0, n);
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }
            return new ImportInput(path, true, source, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Stream OpenRead() => File.OpenRead(_path);

    /// <summary>
    /// UTF-8 text, a byte-order mark skipped; bytes that are not UTF-8 throw rather than turn into
    /// replacement characters, so a GBK file is refused instead of loaded garbled.
    /// </summary>
    public TextReader OpenText() =>
        new StreamReader(OpenRead(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    public void Dispose()
    {
        if (_temporary) File.Delete(_path);
    }
}
