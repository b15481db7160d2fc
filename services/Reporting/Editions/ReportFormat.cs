using System.Globalization;

namespace VisionEHalsa.Reporting.Editions;

public sealed record ReportFormat(string Extension, string ContentType)
{
    public static ReportFormat Pdf { get; } = new("pdf", "application/pdf");

    public static ReportFormat Csv { get; } = new("csv", "text/csv; charset=utf-8");

    public static IReadOnlyList<ReportFormat> All { get; } = [Pdf, Csv];

    public string FileName(int year, int edition) =>
        string.Create(CultureInfo.InvariantCulture, $"vision-ehalsa-{year}-utgava-{edition}.{Extension}");
}
