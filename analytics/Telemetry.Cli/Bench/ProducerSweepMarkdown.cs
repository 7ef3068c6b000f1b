namespace Telemetry.Cli.Bench;

/// <summary>Formats the producer sweep for people: cells for the terminal table, and a markdown document.</summary>
internal static class ProducerSweepMarkdown
{
    public static readonly string[] Columns =
    [
        "setting", "lossless rate", "vs default", "wire bytes a sample, one producer for all", "vs default", "wire bytes a sample, one producer a node", "vs default",
        "payload bytes a sample", "C, same codec, linger and size", "ours / C",
    ];

    public static string[] Cells(ProducerSweepFigure figure) =>
    [
        figure.Key == "default" ? $"{figure.Lossless.What} (default)" : figure.Lossless.What,
        $"{BenchMarkdown.Number(figure.Lossless.Value)} samples/s",
        BenchMarkdown.Ratio(figure.RateVsDefault),
        BenchMarkdown.Number(figure.WireBytesPerSample),
        BenchMarkdown.Ratio(figure.WireVsDefault),
        BenchMarkdown.Number(figure.AgentWireBytesPerSample),
        BenchMarkdown.Ratio(figure.AgentWireVsDefault),
        BenchMarkdown.Number(figure.PayloadBytesPerSample),
        figure.Lossless.BaselineValue is { } c ? $"{BenchMarkdown.Number(c)} samples/s" : "-",
        BenchMarkdown.Ratio(figure.Lossless.Ratio),
    ];

    public static string Document(ProducerSweepResult result, string command) =>
        BenchMarkdown.Document($"Producer sweep ({result.Scale})", command, result.Machine, result.Seconds, Columns, result.Figures.Select(Cells),
            BenchMarkdown.Notes(result.Figures.Select(f => f.Lossless)));
}
