using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Spectre.Console;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Rendering;

/// <summary>Writes a grouped report as a table, CSV (RFC 4180, invariant culture) or JSON.</summary>
internal static class GroupOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task WriteAsync(IAnsiConsole console, IReadOnlyList<GroupReport> groups, string format, string? output, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "table":
                console.Write(Table(groups));
                break;
            case "csv":
                await WriteTextAsync(output, writer => WriteCsv(groups, writer), cancellationToken).ConfigureAwait(false);
                break;
            case "json":
                var json = JsonSerializer.Serialize(groups, ReportJsonContext.Default.IReadOnlyListGroupReport);
                await WriteTextAsync(output, writer => writer.Write(json), cancellationToken).ConfigureAwait(false);
                break;
            case "parquet":
                await GroupParquet.WriteAsync(groups, output!, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"Unknown format '{format}'.", nameof(format));
        }
    }

    public static void WriteCsv(IReadOnlyList<GroupReport> groups, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, Invariant, leaveOpen: true);
        csv.WriteRecords(groups);
    }

    private static async Task WriteTextAsync(string? output, Action<TextWriter> write, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            write(Console.Out);
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var file = new StreamWriter(output);
        write(file);
    }

    private static Table Table(IReadOnlyList<GroupReport> groups)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]By {(groups.Count > 0 ? groups[0].GroupBy : "group")}[/]");
        table.AddColumns("Group", "GPU-h", "IT kWh", "Facility kWh", "Energy cost", "CO₂ kg", "Waste", "Tokens/J", "TFLOPS/W", "kWh/Mtok", "Cost/Mtok", "Loaded/Mtok");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var g in groups)
        {
            table.AddRow(
                Markup.Escape(g.Group), g.GpuHours.ToString("N1", Invariant), g.ItKwh.ToString("N2", Invariant), g.FacilityKwh.ToString("N2", Invariant),
                $"{g.EnergyCost.ToString("N2", Invariant)} {g.Currency}", g.Co2Kg?.ToString("N1", Invariant) ?? "-", g.WasteShare.ToString("P0", Invariant),
                g.TokensPerJoule?.ToString("N2", Invariant) ?? "-", g.TflopsPerWatt?.ToString("N3", Invariant) ?? "-",
                g.KwhPerMillionTokens?.ToString("N3", Invariant) ?? "-", g.EnergyCostPerMillionTokens?.ToString("N4", Invariant) ?? "-",
                g.LoadedCostPerMillionTokens?.ToString("N4", Invariant) ?? "-");
        }

        return table;
    }
}
