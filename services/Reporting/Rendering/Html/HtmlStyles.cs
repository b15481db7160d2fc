namespace VisionEHalsa.Reporting.Rendering.Html;

/// <summary>The report page's CSS, inlined so the file is self-contained: readable on a phone, a screen and paper.</summary>
public static class HtmlStyles
{
    public const string Css = """
        :root { --ink: #1a1a1a; --accent: #1f3a5f; --muted: #5a5a5a; --rule: #c8ced6; --head: #e8edf3; --demo: #fff4d6; --demo-edge: #c98a00; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 "DejaVu Sans", Verdana, system-ui, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
        h1, h2, h3, h4 { color: var(--accent); line-height: 1.25; }
        h1 { font-size: 2rem; margin: 0.5rem 0 0.25rem; }
        h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-top: 1rem; border-top: 2px solid var(--head); }
        h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
        .meta { font-weight: bold; margin: 0; }
        .note { color: var(--muted); font-size: 0.875rem; }
        blockquote { font-style: italic; margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
        .demo { background: var(--demo); border: 2px solid var(--demo-edge); padding: 0.75rem 1rem; margin: 1rem 0; }
        .demo strong { display: block; }
        nav.toc ol { padding-left: 1.25rem; } nav.toc ol ol { font-size: 0.9rem; }
        nav.toc a { color: var(--accent); }
        ul.findings li { margin: 0.35rem 0; }
        .table { overflow-x: auto; margin: 0.5rem 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
        th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
        th { background: var(--head); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1rem 2rem; margin: 0.75rem 0; align-items: start; }
        .charts svg, .overview svg { width: 100%; height: auto; display: block; }
        .overview { max-width: 42rem; }
        details { margin: 0.25rem 0; } summary { cursor: pointer; color: var(--accent); font-weight: bold; padding: 0.25rem 0; }
        footer { margin-top: 3rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--rule); padding-top: 0.75rem; }
        @media print { h2 { break-before: page; } details { display: block; } .charts { grid-template-columns: 1fr 1fr; } }
        """;
}
