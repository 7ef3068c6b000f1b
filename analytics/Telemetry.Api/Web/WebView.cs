using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemetry.Api.Web;

/// <summary>
/// The local web view: one page (<c>/</c>) with its script and style sheet, embedded in this assembly, that polls the
/// API and draws the fleet. No build step, nothing fetched from elsewhere, and a Content-Security-Policy that lets the
/// page load only this host's script and style and talk only to this host.
/// </summary>
public static class WebView
{
    /// <summary>The policy on every file of the view: this origin's script, style and fetches, nothing else, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly (string Route, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/ui/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
        ("/ui/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
        ("/favicon.ico", "favicon.svg", "image/svg+xml"),
    ];

    /// <summary>The routes it serves.</summary>
    public static IEnumerable<string> Routes => Files.Select(f => f.Route);

    /// <summary>Maps the page and its files (GET only).</summary>
    /// <param name="endpoints">The host's route builder.</param>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var (route, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            endpoints.MapGet(route, context =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
                context.Response.ContentType = contentType;
                context.Response.ContentLength = bytes.Length;
                return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
            });
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(WebView).Assembly.GetManifestResourceStream("Telemetry.Api.Web." + resource)
            ?? throw new InvalidOperationException($"The web view's {resource} is not embedded in {typeof(WebView).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
