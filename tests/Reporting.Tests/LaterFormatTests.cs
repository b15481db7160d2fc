using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Regeneration;
using VisionEHalsa.Reporting.Rendering;
using static VisionEHalsa.Reporting.Tests.TestData;

namespace VisionEHalsa.Reporting.Tests;

/// <summary>PDF and XLSX are rendered after the edition is stored: for the newest edition at once, for others when asked.</summary>
[Collection(ReportingCollection.Name)]
public sealed class LaterFormatTests(ReportingHost host)
{
    private ReportEditions Editions => host.Factory.Services.GetRequiredService<ReportEditions>();

    [Fact]
    public async Task An_edition_is_stored_with_its_html_csv_and_source_and_its_pdf_and_xlsx_follow_without_a_download()
    {
        var year = NewYear();
        var round = NewRound();
        await host.Bus.Publish(DemoData.Opened(round, year));
        await host.Bus.Publish(Calculation(year, round, DateTimeOffset.UtcNow, 10, Riket("DIGPLAN", 7, 10), Riket("PERSRES", 1, 2)));

        var details = await host.EditionAsync(year, 1);
        var edition = (await Editions.GetAsync(year, 1, CancellationToken.None))!;

        Assert.Equal(["html", "csv"], edition.Files.Select(f => f.Format));
        Assert.NotNull(edition.SourceFileId);
        Assert.Equal(["pdf", "xlsx", "html", "csv"], details["formats"]!.AsArray().Select(f => (string)f!));
        foreach (var format in ReportFormat.AfterTheEdition)
        {
            var stored = await Eventually.Async(() => Editions.Files.GetAsync(EditionFiles.LaterFileId(edition, format)));
            Assert.Equal(format.ContentType, stored.ContentType);
            Assert.Equal(format.FileName(year, 1), stored.FileName);
        }
    }

    [Fact]
    public async Task The_source_of_an_edition_builds_the_content_it_was_stored_with_keeping_only_national_values_of_earlier_years()
    {
        var year = NewYear();
        var earlier = Calculation(year - 1, NewRound(), DateTimeOffset.UtcNow.AddDays(-365), 8,
            Riket("DIGPLAN", 4, 8), Lan("DIGPLAN", "01", "Stockholms län", 1, 2));
        Assert.True(await host.Factory.Services.GetRequiredService<Calculations>().KeepLatestAsync(earlier, CancellationToken.None));
        await StoreCalculationAsync(year, NewRound(), 10, 7);
        var edition = (await host.Factory.Services.GetRequiredService<EditionGenerator>().GenerateAsync(year, CancellationToken.None))!;

        var source = (await Editions.SourceOfAsync(edition, CancellationToken.None))!;
        var content = source.Content();

        Assert.Equal([IndicatorLevels.Riket], Assert.Single(source.Inputs.EarlierYears).Values.Select(v => v.Level));
        Assert.Contains(content.Indicators.Single(i => i.Code == "DIGPLAN").Series, p => p.Year == year - 1 && p.Value == 50.0);

        foreach (var format in ReportFormat.WithTheEdition)
        {
            var stored = await Editions.Files.GetAsync(edition.FileIdFor(format)!);
            Assert.Equal(Encoding.UTF8.GetString(stored!.Content), Encoding.UTF8.GetString(ReportFiles.Render(content, format)));
        }

        Assert.Equal((year, 1), (content.Year, content.Edition));
    }

    [Fact]
    public async Task A_superseded_editions_pdf_and_xlsx_are_rendered_when_first_asked_for()
    {
        var (year, round, first) = await EditionWithoutLaterFormatsAsync();
        await StoreCalculationAsync(year, round, 20, 9);
        var second = await host.Factory.Services.GetRequiredService<EditionGenerator>().GenerateAsync(year, CancellationToken.None);
        Assert.Equal(2, second!.Edition);
        Assert.Null(await Editions.Files.GetAsync(EditionFiles.LaterFileId(first, ReportFormat.Pdf)));

        var pdf = await host.Kansli.GetAsync($"/api/v1/reports/{year}/editions/1.pdf");
        var xlsx = await host.Kansli.GetAsync($"/api/v1/reports/{year}/editions/1.xlsx");

        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.StatusCode, pdf.Content.Headers.ContentType!.MediaType));
        Assert.Contains("70,0 %", await Pdf.TextAsync(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(70.0, Assert.IsType<double>(Xlsx.Rows(workbook, "Nyckeltal").Single(r => (string?)r["Kod"] == "DIGPLAN")["Riket"]));
        Assert.NotNull(await Editions.Files.GetAsync(EditionFiles.LaterFileId(first, ReportFormat.Pdf)));
    }

    [Fact]
    public async Task Two_first_downloads_at_once_get_the_same_pdf()
    {
        var (year, _, _) = await EditionWithoutLaterFormatsAsync();

        var downloads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Kansli.GetByteArrayAsync($"/api/v1/reports/{year}/editions/1.pdf")));
        var again = await host.Kansli.GetByteArrayAsync($"/api/v1/reports/{year}/latest.pdf");

        Assert.All(downloads, d => Assert.Equal(downloads[0], d));
        Assert.Equal(downloads[0], again);
    }

    [Fact]
    public async Task An_edition_stored_before_sources_were_kept_still_gives_its_four_files()
    {
        var year = NewYear();
        var files = new List<ReportFile>();
        foreach (var format in ReportFormat.All)
        {
            var id = $"{ReportEdition.IdFor(year, 1)}|old.{format.Extension}";
            await Editions.Files.SaveAsync(id, format.FileName(year, 1), format.ContentType, Encoding.UTF8.GetBytes($"stored {format.Extension}"));
            files.Add(new ReportFile(format.Extension, id));
        }

        var old = new ReportEdition(ReportEdition.IdFor(year, 1), year, 1, EditionStatus.Draft, DateTimeOffset.UtcNow, new ReportBasis(["old"], 1), "x",
            files, null, null, null, 0, null, null, Relayed: true, null);
        Assert.True(await Editions.TryAddAsync(old, CancellationToken.None));

        foreach (var format in ReportFormat.All)
        {
            Assert.Equal($"stored {format.Extension}", await host.Kansli.GetStringAsync($"/api/v1/reports/{year}/editions/1.{format.Extension}"));
        }

        var details = await host.EditionAsync(year, 1);
        Assert.Equal(["pdf", "xlsx", "html", "csv"], details["formats"]!.AsArray().Select(f => (string)f!));
    }

    /// <summary>
    /// An edition made by the generator alone, as a replica does while another year is dirty: the regenerator, which
    /// renders the newest edition's PDF and XLSX, never saw it.
    /// </summary>
    private async Task<(int Year, string Round, ReportEdition Edition)> EditionWithoutLaterFormatsAsync()
    {
        var (year, round) = (NewYear(), NewRound());
        await StoreCalculationAsync(year, round, 10, 7);
        var edition = await host.Factory.Services.GetRequiredService<EditionGenerator>().GenerateAsync(year, CancellationToken.None);
        Assert.Equal(1, edition!.Edition);
        return (year, round, edition);
    }

    private async Task StoreCalculationAsync(int year, string round, int responses, int withPlan)
    {
        var calculation = Calculation(year, round, DateTimeOffset.UtcNow, responses, Riket("DIGPLAN", withPlan, responses), Riket("PERSRES", 1, 2));
        Assert.True(await host.Factory.Services.GetRequiredService<Calculations>().KeepLatestAsync(calculation, CancellationToken.None));
    }
}
