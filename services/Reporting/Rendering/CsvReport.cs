using System.Globalization;
using System.Text;
using VisionEHalsa.Contracts;
using VisionEHalsa.Reporting.Content;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>Every value of the year as RFC 4180 CSV: invariant numbers, UTF-8 without a byte order mark.</summary>
public static class CsvReport
{
    public const string Header = "indicator,name,year,level,area,areaName,value,numerator,denominator,respondents,target";

    private static readonly string[] LevelOrder = [IndicatorLevels.Riket, IndicatorLevels.Lan, IndicatorLevels.Kommungrupp, IndicatorLevels.Organisation];

    public static byte[] Render(ReportContent content)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var calculation in content.Calculations)
        {
            var order = calculation.Indicators.Select((d, i) => (d.Code, i)).DistinctBy(d => d.Code).ToDictionary(d => d.Code, d => d.i);
            var names = calculation.Indicators.DistinctBy(d => d.Code).ToDictionary(d => d.Code, d => d.Name);
            var rows = calculation.Values
                .OrderBy(v => order.GetValueOrDefault(v.Indicator, int.MaxValue))
                .ThenBy(v => v.Indicator, StringComparer.Ordinal)
                .ThenBy(v => Array.IndexOf(LevelOrder, v.Level) is var i and >= 0 ? i : LevelOrder.Length)
                .ThenBy(v => v.Area, StringComparer.Ordinal);
            foreach (var value in rows)
            {
                var target = ReportContent.TargetFor(content.Period, value.Indicator, content.Year)?.TargetValue;
                string[] fields =
                [
                    value.Indicator,
                    names.GetValueOrDefault(value.Indicator, string.Empty),
                    content.Year.ToString(CultureInfo.InvariantCulture),
                    value.Level,
                    value.Area,
                    value.AreaName,
                    value.Value?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty,
                    value.Numerator.ToString(CultureInfo.InvariantCulture),
                    value.Denominator.ToString(CultureInfo.InvariantCulture),
                    value.Respondents.ToString(CultureInfo.InvariantCulture),
                    target?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                ];
                csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
            }
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString());
    }

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
