using System.Text.Json;
using System.Text.RegularExpressions;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// The Bicep template's app settings against what the Functions app reads: each key of ours binds a real setting
/// (Influx__Url is Influx:Url), the host's own are known ones, secrets are Key Vault references, the ledger setting
/// is the Azure Files mount; and the parameters file gives the template's parameters and no others.
/// </summary>
internal static partial class BicepCheck
{
    /// <summary>App settings read by the Functions host and App Service, not by our code.</summary>
    public static readonly HashSet<string> Platform = new(StringComparer.Ordinal)
    {
        "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage", "AzureWebJobsStorage__accountName",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "APPLICATIONINSIGHTS_CONNECTION_STRING", "WEBSITE_RUN_FROM_PACKAGE",
    };

    /// <summary>The app settings of the template: each <c>{ name: '...', value: ... }</c> line, with <c>${...}</c> in a name read as index 0.</summary>
    public static IReadOnlyList<(string Name, string Value)> AppSettings(string bicep) =>
        [.. Setting().Matches(bicep).Select(m => (Interpolation().Replace(m.Groups["name"].Value, "0"), m.Groups["value"].Value.Trim()))];

    /// <summary>Every problem with the template's app settings, each naming the file.</summary>
    public static IReadOnlyList<string> Problems(string name, string bicep, ConfigurationSchema schema)
    {
        var settings = AppSettings(bicep);
        var problems = settings
            .Where(s => !Platform.Contains(s.Name))
            .Select(s => schema.Problem(s.Name.Replace("__", ":", StringComparison.Ordinal)) is { } p ? $"{name}: app setting {s.Name}: {p}" : null)
            .OfType<string>()
            .ToList();
        problems.AddRange(settings
            .Where(s => (s.Name.EndsWith("__Secret", StringComparison.Ordinal) || s.Name.EndsWith("__Token", StringComparison.Ordinal)) && !s.Value.StartsWith("'@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal))
            .Select(s => $"{name}: app setting {s.Name} holds a secret, so it must be a Key Vault reference '@Microsoft.KeyVault(SecretUri=...)' (got {s.Value})"));
        var ledger = settings.FirstOrDefault(s => s.Name == "Ledger__Directory").Value;
        if (ledger is null || !bicep.Contains($"mountPath: {ledger}", StringComparison.Ordinal))
        {
            problems.Add($"{name}: app setting Ledger__Directory ({ledger ?? "missing"}) must be the mountPath of the Azure Files mount that holds the ledger");
        }

        return problems;
    }

    /// <summary>Parameters the file gives that the template lacks, and required template parameters the file leaves out.</summary>
    public static IReadOnlyList<string> ParameterProblems(string name, string bicep, string parametersJson)
    {
        var declared = Parameter().Matches(bicep).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success, StringComparer.Ordinal);
        using var parameters = JsonDocument.Parse(parametersJson);
        var given = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. given.Where(p => !declared.ContainsKey(p)).Select(p => $"{name}: gives '{p}', which the template does not declare"),
            .. declared.Where(d => !d.Value && !given.Contains(d.Key)).Select(d => $"{name}: leaves out '{d.Key}', which the template requires"),
        ];
    }

    [GeneratedRegex(@"\{\s*name:\s*'(?<name>[^']+)',\s*value:\s*(?<value>.+?)\s*\}\s*$", RegexOptions.Multiline)]
    private static partial Regex Setting();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+[^=\n]+?(?<default>=.*)?$", RegexOptions.Multiline)]
    private static partial Regex Parameter();
}
