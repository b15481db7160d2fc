using SkiaSharp;

namespace VisionEHalsa.Reporting.Rendering.Charts;

/// <summary>Chart colours: one accent for values, a pale one for values to read with care, distinct lines for riket and target.</summary>
public static class ChartColors
{
    public static readonly SKColor Value = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor Uncertain = new(0xA9, 0xB8, 0xCA);
    public static readonly SKColor Reference = new(0xB3, 0x4D, 0x00);
    public static readonly SKColor Target = new(0x2E, 0x7D, 0x32);
    public static readonly SKColor Grid = new(0xE1, 0xE5, 0xEA);
    public static readonly SKColor Axis = new(0x9A, 0xA3, 0xAE);
    public static readonly SKColor Text = new(0x1A, 0x1A, 0x1A);
    public static readonly SKColor Muted = new(0x5A, 0x5A, 0x5A);
}
