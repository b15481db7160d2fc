using System.Diagnostics;
using System.Net;
using System.Text;
using MiniExcelLibs;
using VisionEHalsa.TestSupport;
using Xunit.Abstractions;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class ImportLimitTests(SurveyService service, ITestOutputHelper output)
{
    private const string Header = "organisationId,DIGPLAN,TRYGGLARM,NPO";
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    [Fact]
    public async Task File_of_10001_rows_is_refused_and_nothing_is_stored()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var csv = new StringBuilder(Header).Append('\n');
        var kommuner = await KommunIdsAsync();
        for (var i = 0; i < 10_001; i++)
        {
            csv.Append(kommuner[i % kommuner.Count]).Append(",false,Nej,true\n");
        }

        var response = await ImportAsync(_kansli, roundId, Utf8(csv.ToString()), "text/csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("10000", (string?)(await JsonAsync(response))["detail"]);
        Assert.Equal(0, (int?)(await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["completeness"]!["submitted"]);
    }

    [Fact]
    public async Task Body_over_20_MB_is_refused_with_413()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var file = new byte[20 * 1024 * 1024 + 1];
        Utf8(Header + "\n").CopyTo(file, 0);

        var response = await ImportAsync(_kansli, roundId, file, "text/csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Import_refuses_a_closed_round_an_unknown_column_and_a_json_body()
    {
        var questionnaireId = await DefineQuestionnaireAsync(_kansli, StandardQuestions());
        var plannedRound = await CreateRoundAsync(_kansli, questionnaireId);
        var openRound = await OpenRoundAsync(_kansli);
        var good = Utf8(Header + "\nkommun:0180,false,Nej,true\n");

        var planned = await ImportAsync(_kansli, plannedRound, good, "text/csv");
        var unknownColumn = await ImportAsync(_kansli, openRound, Utf8("organisationId,DIGPLAN,TRYGGLARMET\nkommun:0180,false,Nej\n"), "text/csv");
        var json = await ImportAsync(_kansli, openRound, Utf8("""{"answers":{}}"""), "application/json");
        var latin1 = await ImportAsync(_kansli, openRound, Encoding.Latin1.GetBytes(Header + ",KOMMENTAR\nkommun:0180,false,Nej,true,Växjö\n"), "text/csv");

        Assert.Equal(HttpStatusCode.Conflict, planned.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownColumn.StatusCode);
        Assert.Contains("TRYGGLARMET", (string?)(await JsonAsync(unknownColumn))["errors"]!["file"]![0]);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, latin1.StatusCode);
        Assert.Contains("UTF-8", (string?)(await JsonAsync(latin1))["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(openRound, "kommun:0180"))).StatusCode);
    }

    [Fact]
    public async Task Csv_template_round_trips_through_import()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var orebro = service.ClientWithToken(TestAuth.Partner("kommun:1880"));

        var template = await orebro.GetAsync($"/api/v1/rounds/{roundId}/responses/template.csv");
        var lines = (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // Fill Örebro's row the way a person would in a spreadsheet: the codes' columns, in the template's order.
        var codes = lines[0].Split(';');
        var answers = new Dictionary<string, string> { ["DIGPLAN"] = "ja", ["PLANAR"] = "2024", ["TRYGGLARM"] = "Ja, några", ["NPO"] = "nej", ["ANDEL"] = "33,3" };
        var filled = string.Join(";", codes.Select((code, i) => i < 2 ? lines[2].Split(';')[i] : answers.GetValueOrDefault(code, string.Empty)));
        var import = await ImportAsync(orebro, roundId, Utf8(string.Join("\r\n", lines[0], lines[1], filled)), "text/csv");

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("organisationId;name;DIGPLAN", lines[0]);
        Assert.Contains("Har kommunen en plan för digitalisering?", lines[1]);
        Assert.StartsWith("kommun:1880;Örebro", lines[2]);
        var summary = await JsonAsync(import);
        Assert.Equal((1, 0), ((int)summary["accepted"]!, (int)summary["rejected"]!));
        var stored = (await JsonAsync(await orebro.GetAsync(ResponsePath(roundId, "kommun:1880"))))["answers"]!;
        Assert.Equal((2024, "Ja, några", 33.3), ((int)stored["PLANAR"]!, (string)stored["TRYGGLARM"]!, (double)stored["ANDEL"]!));
    }

    [Fact]
    public async Task Xlsx_template_round_trips_through_import()
    {
        var roundId = await OpenRoundAsync(_kansli);

        var template = await _kansli.GetByteArrayAsync($"/api/v1/rounds/{roundId}/responses/template.xlsx");
        var rows = ReadSheet(template);
        Assert.Equal(1 + 290, rows.Count);
        Assert.Equal("Erbjuds digitala trygghetslarm?", rows[0]["TRYGGLARM"]);
        foreach (var row in rows.Where(r => (string?)r["organisationId"] is "kommun:2584" or "kommun:0882"))
        {
            (row["DIGPLAN"], row["TRYGGLARM"], row["NPO"], row["ANTAL"]) = (false, "Nej", true, 17);
        }

        var import = await ImportAsync(_kansli, roundId, ImportTests.Xlsx(rows), XlsxType);

        var summary = await JsonAsync(import);
        Assert.Equal((2, 0, 288), ((int)summary["accepted"]!, (int)summary["rejected"]!, (int)summary["skipped"]!));
        Assert.Equal(17, (int?)(await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:2584"))))["answers"]!["ANTAL"]);
    }

    [Fact]
    public async Task Import_time_of_290_and_10000_rows_is_measured()
    {
        var kommuner = await KommunIdsAsync();
        foreach (var (count, dryRun) in new[] { (290, true), (290, false), (10_000, false) })
        {
            var roundId = await OpenRoundAsync(_kansli);
            var csv = new StringBuilder(Header).Append(",ANTAL,ANDEL\n");
            for (var i = 0; i < count; i++)
            {
                csv.Append(kommuner[i % kommuner.Count]).Append(",false,Nej,true,").Append(i % 1000).Append(",\"12,5\"\n");
            }

            var clock = Stopwatch.StartNew();
            var response = await ImportAsync(_kansli, roundId, Utf8(csv.ToString()), "text/csv", dryRun);
            clock.Stop();

            var summary = await JsonAsync(response);
            output.WriteLine($"{count} rows ({csv.Length / 1024} KB{(dryRun ? ", dry run" : string.Empty)}): {clock.ElapsedMilliseconds} ms, accepted {summary["accepted"]}, rejected {summary["rejected"]}");
            Assert.Equal(count, (int)summary["accepted"]! + (int)summary["rejected"]!);
        }
    }

    [Fact]
    public async Task Time_of_290_single_responses_is_measured_for_comparison()
    {
        var kommuner = await KommunIdsAsync();
        var roundId = await OpenRoundAsync(_kansli);

        var clock = Stopwatch.StartNew();
        foreach (var kommun in kommuner)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await PutAsync(_kansli, roundId, kommun, ValidAnswers)).StatusCode);
        }

        output.WriteLine($"{kommuner.Count} PUTs one after another: {clock.ElapsedMilliseconds} ms");
    }

    private async Task<List<string>> KommunIdsAsync() =>
        System.Text.Json.Nodes.JsonNode.Parse(await _kansli.GetStringAsync("/api/v1/organisations?type=kommun"))!.AsArray()
            .Select(o => (string)o!["id"]!).ToList();

    private static List<Dictionary<string, object?>> ReadSheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX)
            .Select(row => new Dictionary<string, object?>((IDictionary<string, object?>)row))
            .ToList();
    }
}
