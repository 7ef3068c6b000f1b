using System.Globalization;
using Spectre.Console;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Rendering;

/// <summary>Prints a fleet report as tables.</summary>
internal static class ReportRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Render(IAnsiConsole console, FleetReport report, IReadOnlyDictionary<string, double>? truthKwh = null)
    {
        console.Write(new Rule(string.Create(Invariant, $"[bold]Fleet report[/] {report.From:yyyy-MM-dd HH:mm} - {report.To:HH:mm} UTC")).LeftJustified());
        var fleet = new Grid().AddColumn().AddColumn();
        fleet.AddRow("GPUs", report.Gpus.ToString(Invariant));
        fleet.AddRow("Windows", report.Windows.ToString(Invariant));
        fleet.AddRow("Fleet energy", string.Create(Invariant, $"{report.FleetEnergyKwh:N2} kWh"));
        fleet.AddRow("Average power", string.Create(Invariant, $"{report.AveragePowerKw:N2} kW"));
        fleet.AddRow("Allocated to jobs", string.Create(Invariant, $"{report.AllocatedEnergyKwh:N2} kWh"));
        fleet.AddRow("Unallocated", string.Create(Invariant, $"{report.UnallocatedEnergyKwh:N2} kWh"));
        fleet.AddRow("Unattributed", string.Create(Invariant, $"{report.UnattributedEnergyKwh:N2} kWh"));
        foreach (var c in report.Costs ?? [])
        {
            var carbon = c.Co2Kg is { } co2 ? string.Create(Invariant, $", {co2:N1} kg CO2") : "";
            fleet.AddRow($"Cost ({c.Currency})", string.Create(Invariant, $"{c.EnergyCost:N2} for {c.FacilityKwh:N2} facility kWh{carbon}; waste {c.WasteEnergyCost:N2} energy + {c.WasteCapacityCost:N2} GPU time"));
        }
        console.Write(fleet);
        console.WriteLine();
        RenderJobs(console, report, truthKwh);
        RenderWaste(console, report);
        RenderHealth(console, report);
        if (report.Samples is { } s)
        {
            console.MarkupLine(Invariant, "[bold]Samples[/]: produced {0:N0} = aggregated {1:N0} + late {2:N0} + invalid {3:N0} + duplicate {4:N0} + future-dated {5:N0} + lost {6:N0}",
                s.Produced, s.Aggregated, s.Late, s.Invalid, s.Duplicate, s.Future, s.Lost);
        }
    }

    private static void RenderJobs(IAnsiConsole console, FleetReport report, IReadOnlyDictionary<string, double>? truthKwh)
    {
        var table = new Table().Title("[bold]Jobs[/]").Border(TableBorder.Rounded);
        table.AddColumns("Job", "Team", "Model", "GPUs", "GPU-h", "kWh", "W/GPU", "Busy", "Bound", "Tokens/J", "TFLOPS/W", "vs median", "kWh/Mtok", "Cost/Mtok");
        if (truthKwh is not null)
        {
            table.AddColumn("vs truth");
        }

        foreach (var column in table.Columns.Skip(3))
        {
            column.RightAligned();
        }

        foreach (var j in report.Jobs)
        {
            var cells = new List<string>
            {
                Markup.Escape(j.JobId), Markup.Escape(j.Team), Markup.Escape(ShortModel(j.GpuModel)), j.Gpus.ToString(Invariant),
                j.GpuHours.ToString("N1", Invariant), j.EnergyKwh.ToString("N2", Invariant), j.AveragePowerWatts.ToString("N0", Invariant),
                j.Utilization.ToString("P0", Invariant), Bound(j), j.TokensPerJoule?.ToString("N2", Invariant) ?? "-", j.TflopsPerWatt?.ToString("N3", Invariant) ?? "-",
                (j.TokensPerJouleVsModelMedian ?? j.TflopsPerWattVsModelMedian)?.ToString("0.00×", Invariant) ?? "-", j.KwhPerMillionTokens?.ToString("N3", Invariant) ?? "-", j.LoadedCostPerMillionTokens is { } loaded ? $"{loaded.ToString("N2", Invariant)} {j.Currency}" : "-",
            };
            if (truthKwh is not null)
            {
                cells.Add(truthKwh.TryGetValue(j.JobId, out var truth) && truth > 0 ? Math.Round((j.EnergyKwh - truth) / truth, 5).ToString("+0.000%;-0.000%;0.000%", Invariant) : "-");
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
    }

    private static string Money(WasteReport w) => $"{(w.EnergyCost + (w.CapacityCost ?? 0)).ToString("N2", Invariant)} {w.Currency}";

    /// <summary>What mostly bounds a job's busy time: compute, memory, comm(unication), mixed or unknown, with its share.</summary>
    private static string Bound(JobReport j)
    {
        var shares = new[] { ("compute", j.ComputeBoundShare), ("memory", j.MemoryBoundShare), ("comm", j.CommunicationBoundShare), ("mixed", j.MixedBoundShare), ("unknown", j.UnknownBoundShare) };
        var (name, share) = shares.MaxBy(s => s.Item2);
        return share > 0 ? $"{name} {share.ToString("P0", Invariant)}" : "idle";
    }

    /// <summary>The model without the vendor and the memory suffix: "NVIDIA H100 80GB HBM3" is "H100".</summary>
    internal static string ShortModel(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return "-";
        }

        var name = model.StartsWith("NVIDIA ", StringComparison.Ordinal) ? model["NVIDIA ".Length..] : model;
        var end = name.IndexOfAny([' ', '-']);
        return end > 0 ? name[..end] : name;
    }

    private static void RenderWaste(IAnsiConsole console, FleetReport report)
    {
        var table = new Table().Title("[bold]Idle and wasteful GPUs[/]").Border(TableBorder.Rounded);
        table.AddColumns("Class", "Node", "GPU", "Model", "Job", "Hours", "Energy kWh", "Cost");
        foreach (var w in report.Waste.Where(w => w.Class != "unallocated-idle"))
        {
            table.AddRow(w.Class, Markup.Escape(w.Node), w.GpuIndex.ToString(Invariant), Markup.Escape(ShortModel(w.GpuModel)), Markup.Escape(w.JobId ?? "-"), w.Hours.ToString("N2", Invariant), w.EnergyKwh.ToString("N2", Invariant), Money(w));
        }

        var unallocated = report.Waste.Where(w => w.Class == "unallocated-idle").ToList();
        if (unallocated.Count > 0)
        {
            table.AddRow("unallocated-idle", $"{unallocated.Select(w => w.GpuUuid).Distinct().Count()} GPUs", "", "", "", unallocated.Sum(w => w.Hours).ToString("N2", Invariant), unallocated.Sum(w => w.EnergyKwh).ToString("N2", Invariant),
                $"{unallocated.Sum(w => w.EnergyCost + (w.CapacityCost ?? 0)).ToString("N2", Invariant)} {unallocated[0].Currency}");
        }

        console.Write(table);
    }

    private static void RenderHealth(IAnsiConsole console, FleetReport report)
    {
        var table = new Table().Title("[bold]Health[/]").Border(TableBorder.Rounded);
        table.AddColumns("Severity", "First seen (UTC)", "Node", "GPU", "Finding", "Detail", "What to do");
        foreach (var h in report.Health.Take(40))
        {
            var severity = h.Severity switch
            {
                Telemetry.Analytics.Health.HealthSeverity.Critical => "[red]critical[/]",
                Telemetry.Analytics.Health.HealthSeverity.Warning => "[yellow]warning[/]",
                _ => "info",
            };
            table.AddRow(severity, h.FirstSeen.ToString("MM-dd HH:mm", Invariant), Markup.Escape(h.Node), h.GpuIndex?.ToString(Invariant) ?? "-",
                h.Kind, Markup.Escape(h.Detail), Markup.Escape(h.Action));
        }

        console.Write(table);
        if (report.Health.Count > 40)
        {
            console.MarkupLineInterpolated($"… and {report.Health.Count - 40} more findings (--summary-json has them all).");
        }
    }
}
