using Microsoft.AspNetCore.Http;

namespace Telemetry.Api.Http;

/// <summary>The problems the API answers with. Each status has one type URI, the RFC 9110 section that defines it.</summary>
internal static class ApiProblems
{
    public static ApiProblem InvalidParameter(string parameter, string detail) =>
        Create(StatusCodes.Status400BadRequest, "Invalid parameter", detail, parameter);

    public static ApiProblem UnknownParameter(IReadOnlyList<string> names, IEnumerable<string> accepted) =>
        Create(StatusCodes.Status400BadRequest, "Unknown parameter",
            $"Unknown query parameter(s): {string.Join(", ", names.Select(Printable))}. This route accepts: {Accepted(accepted)}.", Printable(names[0]));

    public static ApiProblem NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static ApiProblem Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ApiProblem Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ApiProblem TooLarge(string detail) => Create(StatusCodes.Status413PayloadTooLarge, "Request too large", detail);

    public static ApiProblem Unavailable(string detail) => Create(StatusCodes.Status503ServiceUnavailable, "Query store unavailable", detail);

    public static ApiProblem Create(int status, string title, string detail, string? parameter = null) =>
        new(TypeOf(status), title, status, detail, parameter);

    /// <summary>A caller's text cut to a length a message can carry, for echoing it back.</summary>
    public static string Printable(string value) =>
        value.Length > 40 ? string.Concat(value.AsSpan(0, 40), "…") : value;

    private static string Accepted(IEnumerable<string> accepted) => string.Join(", ", accepted) is { Length: > 0 } list ? list : "no parameters";

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        StatusCodes.Status401Unauthorized => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        StatusCodes.Status403Forbidden => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        StatusCodes.Status404NotFound => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        StatusCodes.Status413PayloadTooLarge => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        StatusCodes.Status503ServiceUnavailable => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
    };
}
