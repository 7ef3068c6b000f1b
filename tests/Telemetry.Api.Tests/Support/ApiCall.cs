using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Telemetry.Api.Tests.Support;

/// <summary>What a handler answered, executed into a real response.</summary>
internal sealed record Answer(int Status, string? ContentType, string Body, IHeaderDictionary Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The problem's parameter, asserting the answer is a problem with that status.</summary>
    public string? ProblemParameter(int status)
    {
        Assert.AreEqual(status, Status, Body);
        Assert.AreEqual("application/problem+json; charset=utf-8", ContentType);
        return Json.TryGetProperty("parameter", out var p) ? p.GetString() : null;
    }
}

/// <summary>Requests as a host hands them to the handlers: a <see cref="DefaultHttpContext"/> with a path and query.</summary>
internal static class ApiCall
{
    public static DefaultHttpContext Get(string pathAndQuery, string? principal = null)
    {
        var context = new DefaultHttpContext();
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        context.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
        if (principal is not null)
        {
            context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>Routes a request to the handler of its path, as <see cref="ApiEndpoints"/> does, and executes the result.</summary>
    public static async Task<Answer> RunAsync(TelemetryApi api, HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var result = path switch
        {
            "/api/fleet" => await api.FleetAsync(context.Request, CancellationToken.None),
            "/api/gpus" => await api.GpusAsync(context.Request, CancellationToken.None),
            "/api/energy" => await api.EnergyAsync(context.Request, CancellationToken.None),
            "/api/waste" => await api.WasteAsync(context.Request, CancellationToken.None),
            "/api/alerts" => await api.AlertsAsync(context.Request, CancellationToken.None),
            _ when path.StartsWith("/api/jobs/", StringComparison.Ordinal) =>
                await api.JobAsync(context.Request, Uri.UnescapeDataString(path["/api/jobs/".Length..]), CancellationToken.None),
            _ => throw new ArgumentException($"No route {path}", nameof(context)),
        };
        return await ExecuteAsync(result, context);
    }

    public static Task<Answer> GetAsync(TelemetryApi api, string pathAndQuery, string? principal = null) => RunAsync(api, Get(pathAndQuery, principal));

    public static async Task<Answer> ExecuteAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8, leaveOpen: true);
        return new Answer(context.Response.StatusCode, context.Response.ContentType, await reader.ReadToEndAsync(), context.Response.Headers);
    }
}
