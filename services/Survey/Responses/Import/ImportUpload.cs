using Microsoft.Net.Http.Headers;

namespace VisionEHalsa.Survey.Responses.Import;

public enum ImportFormat
{
    Csv,
    Xlsx,
}

/// <summary>The uploaded file: the raw body, or the first file of a multipart form (what a browser sends).</summary>
public sealed record ImportUpload(ImportFormat Format, ReadOnlyMemory<byte> Content)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv";

    // What browsers and spreadsheet programs send for CSV and XLSX files; anything else is refused with 415.
    private static readonly string[] Accepted =
        [CsvContentType, "text/plain", "application/csv", "application/vnd.ms-excel", XlsxContentType, "application/octet-stream"];

    public ImportTable ReadTable() => Format == ImportFormat.Xlsx ? XlsxTableReader.Read(Content) : CsvTableReader.Read(Content);

    public static async Task<ImportUploadResult> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ImportLimits.MaxBytes)
        {
            return new ImportUploadResult.TooLarge();
        }

        string? contentType;
        byte[] content;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.FirstOrDefault() is not { } file)
            {
                return new ImportUploadResult.Unreadable("The form holds no file: attach the CSV or XLSX file.");
            }

            if (file.Length > ImportLimits.MaxBytes)
            {
                return new ImportUploadResult.TooLarge();
            }

            contentType = file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? XlsxContentType : file.ContentType;
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        else
        {
            contentType = request.ContentType;
            if (await ReadCappedAsync(request.Body, ct) is not { } body)
            {
                return new ImportUploadResult.TooLarge();
            }

            content = body;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value : null;
        if (mediaType is not null && !Accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return new ImportUploadResult.UnsupportedType(mediaType);
        }

        if (content.Length == 0)
        {
            return new ImportUploadResult.Unreadable("The file is empty.");
        }

        var format = string.Equals(mediaType, XlsxContentType, StringComparison.OrdinalIgnoreCase) || XlsxTableReader.LooksLikeXlsx(content)
            ? ImportFormat.Xlsx
            : ImportFormat.Csv;
        return new ImportUploadResult.Read(new ImportUpload(format, content));
    }

    /// <summary>The body, or null once it grows past the limit: a host that does not enforce the endpoint's limit still cannot fill memory.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImportLimits.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

public abstract record ImportUploadResult
{
    public sealed record Read(ImportUpload Upload) : ImportUploadResult;

    public sealed record TooLarge : ImportUploadResult;

    public sealed record UnsupportedType(string MediaType) : ImportUploadResult;

    public sealed record Unreadable(string Detail) : ImportUploadResult;
}
