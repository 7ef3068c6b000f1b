using System.Text.Json.Serialization;

namespace Telemetry.Api.Http;

/// <summary>An RFC 7807 problem details body, with the parameter at fault when there is one.</summary>
/// <param name="Type">A URI that identifies the kind of problem.</param>
/// <param name="Title">A short summary of the kind of problem, the same for every occurrence.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What was wrong with this request, in words a caller can act on.</param>
/// <param name="Parameter">The query parameter at fault; left out when the problem is not about one.</param>
public sealed record ApiProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Parameter = null);
