using System.Text;

namespace VisionEHalsa.Reporting.Rendering.Html;

/// <summary>
/// Escapes text for HTML and SVG. Only the five markup characters are replaced: the page is UTF-8, so å, ä
/// and ö stay as they are and the text stays searchable in the source.
/// </summary>
public static class HtmlText
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
