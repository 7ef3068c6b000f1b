using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Tests.Fields;

/// <summary>The catalog against real dcgm-exporter output, whose metric names are the classic DCGM names.</summary>
[TestClass]
public sealed class DcgmExporterFixtureTests
{
    private static readonly Dictionary<string, string> FamilyTypes = ReadFamilyTypes("dcgm-exporter-l40s-idle-default-counters.txt");

    private static readonly Dictionary<string, FieldDefinition> ByClassicName =
        FieldCatalog.All.ToDictionary(f => f.DcgmName, StringComparer.Ordinal);

    [TestMethod]
    public void EveryKnownFamilyHasTheCatalogKindOfItsPrometheusType()
    {
        var known = FamilyTypes.Where(p => ByClassicName.ContainsKey(p.Key)).ToList();

        var mismatches = known
            .Where(p => PrometheusType(ByClassicName[p.Key].Kind) != p.Value)
            .Select(p => $"{p.Key}: fixture {p.Value}, catalog {ByClassicName[p.Key].Kind}")
            .ToList();

        Assert.IsNotEmpty(known);
        Assert.IsEmpty(mismatches, string.Join("; ", mismatches));
    }

    [TestMethod]
    [DataRow("DCGM_FI_DEV_SM_CLOCK")]
    [DataRow("DCGM_FI_DEV_MEM_CLOCK")]
    [DataRow("DCGM_FI_DEV_MEMORY_TEMP")]
    [DataRow("DCGM_FI_DEV_GPU_TEMP")]
    [DataRow("DCGM_FI_DEV_POWER_USAGE")]
    [DataRow("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")]
    [DataRow("DCGM_FI_DEV_GPU_UTIL")]
    [DataRow("DCGM_FI_DEV_MEM_COPY_UTIL")]
    [DataRow("DCGM_FI_DEV_FB_FREE")]
    [DataRow("DCGM_FI_DEV_FB_USED")]
    [DataRow("DCGM_FI_PROF_GR_ENGINE_ACTIVE")]
    [DataRow("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE")]
    [DataRow("DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS")]
    [DataRow("DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS")]
    [DataRow("DCGM_FI_DEV_ROW_REMAP_FAILURE")]
    public void TheCatalogKnowsTheFixtureFamily(string family)
    {
        Assert.IsTrue(FamilyTypes.ContainsKey(family), $"The fixture has no family {family}.");

        var found = FieldCatalog.TryGetByName(family, out var field);

        Assert.IsTrue(found, $"The catalog does not know {family}.");
        Assert.AreEqual(family, field?.DcgmName);
    }

    private static string PrometheusType(FieldKind kind) => kind == FieldKind.Counter ? "counter" : "gauge";

    // Only the "# TYPE <family> <type>" lines matter here.
    private static Dictionary<string, string> ReadFamilyTypes(string fixture) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture))
            .Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[2], parts => parts[3], StringComparer.Ordinal);
}
