using VisionEHalsa.Reporting.Content;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Rendering.Html;
using VisionEHalsa.Reporting.Rendering.Pdf;
using VisionEHalsa.Reporting.Rendering.Xlsx;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>Renders an edition's content in every format, in the order the edition lists them.</summary>
public static class ReportFiles
{
    public static IReadOnlyList<(ReportFormat Format, byte[] Content)> Render(ReportContent content) =>
        ReportFormat.All.Select(format => (format, Render(content, format))).ToList();

    public static byte[] Render(ReportContent content, ReportFormat format) => format.Extension switch
    {
        "pdf" => PdfReport.Render(content),
        "xlsx" => XlsxReport.Render(content),
        "html" => HtmlReport.Render(content),
        "csv" => CsvReport.Render(content),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format.Extension, "No renderer for this format."),
    };
}
