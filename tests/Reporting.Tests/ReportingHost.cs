using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Reporting.Tests;

[CollectionDefinition(Name)]
public sealed class ReportingCollection : ICollectionFixture<ReportingHost>
{
    public const string Name = "reporting";
}

/// <summary>
/// One reporting service for the collection; its tests run one at a time. The host has queues of its own
/// but sees every event on the run's broker (other test projects' too), so each test uses a year of its own.
/// </summary>
public sealed class ReportingHost : IAsyncLifetime
{
    public ServiceFactory<Program> Factory { get; } = new();

    public HttpClient Kansli { get; private set; } = null!;

    public IBus Bus => Factory.Services.GetRequiredService<IBus>();

    public async Task InitializeAsync()
    {
        Kansli = Factory.ClientWithToken(TestAuth.Kansli());
        // Publishing before the consumer queues are bound would lose the message, so wait for the bus.
        await Eventually.Async(async () => (await Kansli.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK ? true : (bool?)null, TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public Task<JsonObject> EditionAsync(int year, int edition, Func<JsonObject, bool>? until = null) =>
        Eventually.Async(async () =>
        {
            var response = await Kansli.GetAsync($"/api/v1/reports/{year}/editions/{edition}");
            var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            return body is not null && (until?.Invoke(body) ?? true) ? body : null;
        });

    public Task<JsonObject> LatestAsync(int year, Func<JsonObject, bool> until) =>
        Eventually.Async(async () =>
        {
            var response = await Kansli.GetAsync($"/api/v1/reports/{year}/latest");
            var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            return body is not null && until(body) ? body : null;
        });

    public async Task<string> CsvAsync(string path) => await Kansli.GetStringAsync(path);

    /// <summary>The rows of one sheet of a generated workbook, keyed by the header row.</summary>
    public async Task<IReadOnlyList<IDictionary<string, object?>>> XlsxRowsAsync(string path, string sheet)
    {
        using var workbook = new MemoryStream(await Kansli.GetByteArrayAsync(path));
        return Xlsx.Rows(workbook, sheet);
    }

    public async Task<string> PdfTextAsync(string path)
    {
        var pdf = await Kansli.GetByteArrayAsync(path);
        return await Pdf.TextAsync(pdf);
    }
}

public static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected state was not reached in time.");
            }

            await Task.Delay(100);
        }
    }
}

public static class Xlsx
{
    public static IReadOnlyList<IDictionary<string, object?>> Rows(Stream workbook, string sheet) =>
        MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
}

public static class Pdf
{
    /// <summary>The text a reader's tools get out of the PDF (poppler's pdftotext), spaces collapsed.</summary>
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return string.Join(' ', text.Split([' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
