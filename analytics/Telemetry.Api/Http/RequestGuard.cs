using Microsoft.AspNetCore.Http;
using Telemetry.Analytics.Queries;

namespace Telemetry.Api.Http;

/// <summary>The checks every request passes before its parameters are read.</summary>
internal static class RequestGuard
{
    /// <summary>
    /// Refuses a request that declares a body or an over-long query string (413) and one with a parameter the route does
    /// not take (400 naming it). The function key parameter is tolerated everywhere. A chunked request is not refused for
    /// its header alone (a proxy in front may add one to a GET); its body is never read, and the hosts bound its size.
    /// </summary>
    /// <exception cref="ApiProblemException">The request is refused.</exception>
    public static void Check(HttpRequest request, IReadOnlyList<string> accepted)
    {
        if (request.ContentLength is > 0)
        {
            throw new ApiProblemException(ApiProblems.TooLarge("This API takes no request body; send the parameters in the query string."));
        }

        if (request.QueryString.Value is { Length: > RequestLimits.MaxQueryStringLength } query)
        {
            throw new ApiProblemException(ApiProblems.TooLarge(
                $"The query string may be at most {RequestLimits.MaxQueryStringLength} characters long (got {query.Length})."));
        }

        var unknown = request.Query.Keys
            .Where(k => !string.Equals(k, RequestLimits.FunctionKeyParameter, StringComparison.OrdinalIgnoreCase) && !accepted.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new ApiProblemException(ApiProblems.UnknownParameter(unknown, accepted));
        }
    }

    /// <summary>A route value such as a job id, checked like a query value.</summary>
    /// <exception cref="InvalidQueryException">It is empty, too long or has a control character.</exception>
    public static string RouteValue(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidQueryException($"{name} must not be empty.", name);
        }

        if (value.Length > RequestLimits.MaxValueLength)
        {
            throw new InvalidQueryException($"{name} must be at most {RequestLimits.MaxValueLength} characters (got {value.Length}).", name);
        }

        if (value.Any(char.IsControl))
        {
            throw new InvalidQueryException($"{name} must not contain control characters.", name);
        }

        return value;
    }
}
