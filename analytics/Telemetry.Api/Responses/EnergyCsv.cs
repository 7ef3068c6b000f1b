using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Telemetry.Analytics.Queries;

namespace Telemetry.Api.Responses;

/// <summary>
/// Energy rows as CSV for spreadsheets: a header row whose first column is named after the grouping, numbers in the
/// invariant culture, and cells that a spreadsheet would run as a formula escaped.
/// </summary>
internal static class EnergyCsv
{
    /// <summary>The columns after the group's own.</summary>
    public static readonly IReadOnlyList<string> Columns = ["currency", "energyJoules", "energyKwh", "gpuSeconds", "tokens", "cost"];

    private static readonly CsvConfiguration Settings = new(CultureInfo.InvariantCulture)
    {
        // Team and job names come from schedulers; one starting with = or @ must not become a formula in Excel.
        InjectionOptions = InjectionOptions.Escape,
        NewLine = "\r\n",
    };

    public static string Write(string by, IReadOnlyList<GroupEnergy> groups)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, Settings))
        {
            csv.WriteField(by);
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var g in groups)
            {
                csv.WriteField(g.Key);
                csv.WriteField(g.Currency);
                csv.WriteField(g.EnergyJoules);
                csv.WriteField(g.EnergyJoules / 3.6e6);
                csv.WriteField(g.GpuSeconds);
                csv.WriteField(g.Tokens);
                csv.WriteField(g.Cost);
                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}
