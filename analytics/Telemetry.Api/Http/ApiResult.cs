using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Telemetry.Api.Http;

/// <summary>
/// A response rendered up front: status, content type and body bytes. It needs no services from the request, so the
/// Functions worker, a minimal-API host and a test's <see cref="DefaultHttpContext"/> all execute it alike.
/// </summary>
public sealed class ApiResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>The media type of JSON bodies.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The media type of problem bodies (RFC 7807).</summary>
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    /// <summary>The media type of CSV bodies (RFC 4180).</summary>
    public const string CsvContentType = "text/csv; charset=utf-8";

    private ApiResult(int statusCode, string contentType, byte[] body, string? fileName)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        FileName = fileName;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Content-Type</c> header.</summary>
    public string ContentType { get; }

    /// <summary>The body, exactly as it is sent.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The file name offered in <c>Content-Disposition</c>, for downloads; null otherwise.</summary>
    public string? FileName { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>A JSON body, serialized by the source-generated contract.</summary>
    public static ApiResult Json<T>(int statusCode, T value, JsonTypeInfo<T> typeInfo) =>
        new(statusCode, JsonContentType, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), null);

    /// <summary>A problem body with its status.</summary>
    public static ApiResult Problem(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, ProblemContentType, JsonSerializer.SerializeToUtf8Bytes(problem, ApiJsonContext.Default.ApiProblem), null);
    }

    /// <summary>A CSV file, UTF-8 without a byte order mark.</summary>
    public static ApiResult Csv(string text, string fileName) =>
        new(StatusCodes.Status200OK, CsvContentType, System.Text.Encoding.UTF8.GetBytes(text), fileName);

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        // Answers differ by caller when scoping is on; no cache may keep one for another.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        if (FileName is not null)
        {
            response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        }

        return response.Body.WriteAsync(Body, httpContext.RequestAborted).AsTask();
    }
}
