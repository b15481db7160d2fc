using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Pdf;

/// <summary>A face, size and colour, with the measuring and line breaking the layout needs.</summary>
public sealed class TextStyle : IDisposable
{
    private readonly float _baseline;

    public TextStyle(SKTypeface face, float size, SKColor color, bool oblique = false)
    {
        // Unhinted, so every glyph advances as the PDF's embedded widths say and extracted text has no stray spaces ("= =").
        Font = new SKFont(face, size) { Subpixel = true, Hinting = SKFontHinting.None, SkewX = oblique ? -0.2f : 0 };
        Color = color;
        Size = size;
        LineHeight = size * 1.35f;
        var metrics = Font.Metrics;

        // The glyphs sit in the middle of the line box, so rows and cells look evenly padded.
        _baseline = (LineHeight - (metrics.Descent - metrics.Ascent)) / 2 - metrics.Ascent;
    }

    public SKFont Font { get; }

    public SKColor Color { get; }

    public float Size { get; }

    public float LineHeight { get; }

    public float Measure(string text) => Font.MeasureText(text);

    /// <summary>Draws one line with its line box's top at <paramref name="top"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float top, SKTextAlign align = SKTextAlign.Left, SKColor? color = null)
    {
        using var paint = new SKPaint { Color = color ?? Color, IsAntialias = true };
        canvas.DrawText(text, x, top + _baseline, align, Font, paint);
    }

    /// <summary>Breaks the text into lines no wider than <paramref name="width"/>; '\n' starts a new line.</summary>
    public List<string> Wrap(string text, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in Words(paragraph))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && Measure(line) > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Measure(line[..cut]) > width)
                    {
                        cut--;
                    }

                    // A code or a compound breaks after its joint ("TRYGG_" / "HELDIG"), not in mid-syllable.
                    var joint = line.AsSpan(0, cut).LastIndexOfAny("_-/");
                    cut = joint > 0 ? joint + 1 : cut;

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// The words of a line, with what Swedish typesetting keeps together glued back: a unit to its number
    /// ("70,0 %") and the groups of a number ("1 234"), which arrive here with plain spaces.
    /// </summary>
    private static List<string> Words(string paragraph)
    {
        var words = new List<string>();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var glue = words.Count > 0 && (word is "%" or "*" || (word.Length == 3 && word.All(char.IsAsciiDigit) && char.IsAsciiDigit(words[^1][^1])));
            if (glue)
            {
                words[^1] += " " + word;
            }
            else
            {
                words.Add(word);
            }
        }

        return words;
    }

    public void Dispose() => Font.Dispose();
}
