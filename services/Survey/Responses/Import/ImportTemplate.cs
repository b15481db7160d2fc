using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Questionnaires;

namespace VisionEHalsa.Survey.Responses.Import;

/// <summary>
/// A file to fill in and import: the header (organisationId, name, the question codes), a row of question texts
/// that the import skips, and one empty row per organisation the client may answer for.
/// </summary>
public static class ImportTemplate
{
    public const string TextRowLabel = "(frågetext – raden läses inte vid import)";

    public static byte[] Csv(Questionnaire questionnaire, IEnumerable<Organisation> organisations)
    {
        // Semicolons and a BOM: what Excel with Swedish settings opens straight into columns, with å, ä and ö intact.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\r\n" };
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, configuration))
        {
            foreach (var row in Rows(questionnaire, organisations))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx(Questionnaire questionnaire, IEnumerable<Organisation> organisations)
    {
        var rows = Rows(questionnaire, organisations).ToList();
        var header = rows[0];
        var sheet = rows.Skip(1).Select(row => header.Zip(row).ToDictionary(c => c.First, c => (object?)c.Second)).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheet, printHeader: true, sheetName: "Svar", excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(Questionnaire questionnaire, IEnumerable<Organisation> organisations)
    {
        yield return [ImportColumns.OrganisationIdColumn, ImportColumns.NameColumn, .. questionnaire.Questions.Select(q => q.Code)];
        yield return [string.Empty, TextRowLabel, .. questionnaire.Questions.Select(q => q.Text)];
        foreach (var organisation in organisations)
        {
            yield return [organisation.Id, organisation.Name, .. questionnaire.Questions.Select(_ => string.Empty)];
        }
    }
}
