using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using VisionEHalsa.ServiceDefaults.Storage;
using VisionEHalsa.Survey.Responses;
using VisionEHalsa.TestSupport;
using static VisionEHalsa.Survey.Tests.Scenario;

namespace VisionEHalsa.Survey.Tests;

[Collection(SurveyCollection.Name)]
public sealed class ImportTests(SurveyService service)
{
    private readonly HttpClient _kansli = service.ClientWithToken(TestAuth.Kansli());

    /// <summary>The standard questions plus a multichoice and a decimal, so every conversion of a cell is used.</summary>
    public static JsonArray ImportQuestions()
    {
        var questions = StandardQuestions();
        questions.Add(new JsonObject { ["code"] = "KANALER", ["text"] = "Vilka kanaler erbjuds?", ["type"] = "multichoice", ["required"] = false,
            ["options"] = new JsonArray("Telefon", "Webb", "App") });
        questions.Add(new JsonObject { ["code"] = "KOSTNAD", ["text"] = "Kostnad per brukare (kr)", ["type"] = "decimal", ["required"] = false, ["min"] = 0 });
        return questions;
    }

    [Fact]
    public async Task Csv_import_stores_good_rows_and_reports_bad_rows()
    {
        var roundId = await OpenRoundAsync(_kansli, ImportQuestions());
        await using var bus = await BusListener.StartAsync(service, roundId);
        var csv = """
            organisationId,DIGPLAN,PLANAR,TRYGGLARM,NPO,ANTAL,ANDEL,KANALER
            kommun:0180,true,2023,"Ja, alla",false,1200,12.5,Telefon;Webb
            kommun:1480,kanske,,Nej,true,,,
            kommun:9999,true,2020,Nej,true,,,
            region:01,true,2020,Nej,true,,,
            kommun:1280,false,,"Ja, några",true,40,,Fax
            kommun:0580,nej,,Nej,ja,7,100,
            """;

        var response = await ImportAsync(_kansli, roundId, Utf8(csv), "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await JsonAsync(response);
        Assert.Equal((2, 4), ((int)summary["accepted"]!, (int)summary["rejected"]!));
        var rows = summary["rows"]!.AsArray();
        Assert.Equal(new[] { 2, 3, 4, 5, 6, 7 }, rows.Select(r => (int)r!["row"]!));
        Assert.Equal(new[] { "accepted", "rejected", "rejected", "rejected", "rejected", "accepted" }, rows.Select(r => (string)r!["status"]!));
        Assert.Equal(1, (int?)rows[0]!["version"]);
        Assert.Null(rows[1]!["version"]);
        Assert.Equal(new[] { "wrong_type" }, CodesOf(rows[1]!)["DIGPLAN"]);
        Assert.Equal(new[] { "unknown_organisation" }, CodesOf(rows[2]!)["organisationId"]);
        Assert.Equal(new[] { "not_in_population" }, CodesOf(rows[3]!)["organisationId"]);
        Assert.Equal(new[] { "unknown_option" }, CodesOf(rows[4]!)["KANALER"]);
        Assert.Contains("\"kanske\"", (string?)rows[1]!["errors"]!["DIGPLAN"]![0]);

        var stockholm = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"DIGPLAN":true,"PLANAR":2023,"TRYGGLARM":"Ja, alla","NPO":false,"ANTAL":1200,"ANDEL":12.5,"KANALER":["Telefon","Webb"]}
            """), stockholm["answers"]));
        Assert.Equal("test-kansli", (string?)stockholm["submittedBy"]);
        var linkoping = await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0580")));
        Assert.Equal(100, (int?)linkoping["answers"]!["ANDEL"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:1480"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:1280"))).StatusCode);
        Assert.True(await bus.WaitForAsync(r => r.Count >= 2), "the imported responses were not published within 10 s");
        Assert.Equal(new[] { "kommun:0180", "kommun:0580" }, bus.Received.Select(m => m.Organisation.Id).Order());
    }

    [Fact]
    public async Task Xlsx_import_stores_good_rows_and_reports_bad_rows()
    {
        var roundId = await OpenRoundAsync(_kansli, ImportQuestions());
        var sheet = new List<Dictionary<string, object?>>
        {
            Row("kommun:0180", true, 2022, "Ja, alla", false, 1200, 12.5, "Webb|App", 1234.5),
            Row("kommun:1480", true, null, "Nej", true, null, null, null, null),
            Row("kommun:1280", "ja", 2021.0, "Nej", "nej", 3, 0.5, null, "12,75"),
            Row("kommun:0380", true, 2021, "Nej", true, 4.5, 101, null, -1),
        };

        var response = await ImportAsync(_kansli, roundId, Xlsx(sheet), XlsxType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await JsonAsync(response);
        var rows = summary["rows"]!.AsArray();
        Assert.Equal(new[] { "accepted", "rejected", "accepted", "rejected" }, rows.Select(r => (string)r!["status"]!));
        Assert.Equal(new[] { "required_by" }, CodesOf(rows[1]!)["PLANAR"]);
        Assert.Equal(new[] { "ANDEL", "ANTAL", "KOSTNAD" }, CodesOf(rows[3]!).Keys.Order());
        var stockholm = (await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180"))))["answers"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"DIGPLAN":true,"PLANAR":2022,"TRYGGLARM":"Ja, alla","NPO":false,"ANTAL":1200,"ANDEL":12.5,"KANALER":["Webb","App"],"KOSTNAD":1234.5}
            """), stockholm));
        var malmo = (await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:1280"))))["answers"]!;
        Assert.Equal((2021, false, 12.75), ((int)malmo["PLANAR"]!, (bool)malmo["NPO"]!, (double)malmo["KOSTNAD"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:1480"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:0380"))).StatusCode);
    }

    [Fact]
    public async Task Semicolon_csv_with_bom_decimal_comma_and_kommunkod_is_read()
    {
        var roundId = await OpenRoundAsync(_kansli, ImportQuestions());
        var csv = "kommunkod;DIGPLAN;PLANAR;TRYGGLARM;NPO;ANTAL;ANDEL;KANALER;KOSTNAD\r\n" +
                  "180;Ja;2019;Ja, alla;NEJ;1 200;12,5 %;Telefon | App;1 234,50\r\n" +
                  "0114;nej;;\"Nej\";true;0;0,25;;\r\n";

        var response = await ImportAsync(_kansli, roundId, [.. Encoding.UTF8.GetPreamble(), .. Utf8(csv)], "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await JsonAsync(response);
        Assert.Equal(2, (int?)summary["accepted"]);
        Assert.Equal(new[] { "kommun:0180", "kommun:0114" }, summary["rows"]!.AsArray().Select(r => (string)r!["organisationId"]!));
        var stockholm = (await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180"))))["answers"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"DIGPLAN":true,"PLANAR":2019,"TRYGGLARM":"Ja, alla","NPO":false,"ANTAL":1200,"ANDEL":12.5,"KANALER":["Telefon","App"],"KOSTNAD":1234.5}
            """), stockholm));
        Assert.Equal(0.25, (double)(await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0114"))))["answers"]!["ANDEL"]!);
    }

    [Fact]
    public async Task Dry_run_checks_every_row_and_stores_nothing()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var csv = "organisationId,DIGPLAN,TRYGGLARM,NPO\nkommun:0180,true,Nej,true\nkommun:1480,true,Kanske,true\n";
        var relayedBefore = await PendingOrRelayedCountAsync(roundId);

        var response = await ImportAsync(_kansli, roundId, Utf8(csv.Replace("true,Nej", "false,Nej")), "text/csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await JsonAsync(response);
        Assert.True((bool)summary["dryRun"]!);
        Assert.Equal((1, 1), ((int)summary["accepted"]!, (int)summary["rejected"]!));
        Assert.Null(summary["rows"]![0]!["version"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180"))).StatusCode);
        Assert.Equal(relayedBefore, await PendingOrRelayedCountAsync(roundId));
        Assert.Equal(0, (int?)(await JsonAsync(await _kansli.GetAsync($"/api/v1/rounds/{roundId}")))["completeness"]!["submitted"]);
    }

    [Fact]
    public async Task Partner_may_import_only_its_own_organisation()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var stockholm = service.ClientWithToken(TestAuth.Partner("kommun:0180"));
        var csv = "organisationId,DIGPLAN,TRYGGLARM,NPO\nkommun:0180,false,Nej,true\nkommun:1480,false,Nej,true\n";

        var summary = await JsonAsync(await ImportAsync(stockholm, roundId, Utf8(csv), "text/csv"));

        var rows = summary["rows"]!.AsArray();
        Assert.Equal(new[] { "accepted", "rejected" }, rows.Select(r => (string)r!["status"]!));
        Assert.Equal(new[] { "forbidden" }, CodesOf(rows[1]!)["organisationId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:1480"))).StatusCode);
        Assert.Equal("test-partner-kommun-0180", (string?)(await JsonAsync(await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180"))))["submittedBy"]);
    }

    [Fact]
    public async Task Same_organisation_twice_in_a_file_stores_neither_row()
    {
        var roundId = await OpenRoundAsync(_kansli);
        var csv = "organisationId,DIGPLAN,TRYGGLARM,NPO\nkommun:0180,false,Nej,true\nkommun:0114,false,Nej,true\nkommun:0180,true,Nej,true\n";

        var rows = (await JsonAsync(await ImportAsync(_kansli, roundId, Utf8(csv), "text/csv")))["rows"]!.AsArray();

        Assert.Equal(new[] { "rejected", "accepted", "rejected" }, rows.Select(r => (string)r!["status"]!));
        Assert.Contains("rows 2, 4", (string?)rows[0]!["errors"]!["organisationId"]![0]);
        Assert.Equal(HttpStatusCode.NotFound, (await _kansli.GetAsync(ResponsePath(roundId, "kommun:0180"))).StatusCode);
    }

    private static Dictionary<string, string[]> CodesOf(JsonNode row) =>
        row["codes"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.AsArray().Select(v => (string)v!).ToArray());

    private static Dictionary<string, object?> Row(string id, object? digplan, object? planar, object? trygglarm, object? npo,
        object? antal, object? andel, object? kanaler, object? kostnad) => new()
    {
        ["organisationId"] = id, ["DIGPLAN"] = digplan, ["PLANAR"] = planar, ["TRYGGLARM"] = trygglarm, ["NPO"] = npo,
        ["ANTAL"] = antal, ["ANDEL"] = andel, ["KANALER"] = kanaler, ["KOSTNAD"] = kostnad,
    };

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private async Task<long> PendingOrRelayedCountAsync(string roundId) =>
        await service.Services.GetRequiredService<IDocumentStore>().Collection<ResponseVersion>(ResponseStore.CollectionName)
            .CountAsync(Query.Where("roundId", roundId));
}
