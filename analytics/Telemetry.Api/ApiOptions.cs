using Telemetry.Api.Scoping;

namespace Telemetry.Api;

/// <summary>The API's settings, bound from <c>Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section the settings are bound from.</summary>
    public const string SectionName = "Api";

    /// <summary>Cost-centre scoping; off by default.</summary>
    public ApiScopingOptions Scoping { get; set; } = new();
}
