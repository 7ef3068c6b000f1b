using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Telemetry.Functions.Tests;

[TestClass]
public sealed class HealthFunctionTests
{
    private static readonly DateTimeOffset ClockTime = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    // The worker's ASP.NET Core integration executes action results through MVC's formatters; so do we.
    private static readonly ServiceProvider MvcServices = new ServiceCollection().AddLogging().AddMvcCore().Services
        .BuildServiceProvider();

    [ClassCleanup]
    public static void DisposeMvcServices() => MvcServices.Dispose();

    [TestMethod]
    public async Task HealthReportsOkWithTheClockTime()
    {
        var function = new HealthFunction(new FakeTimeProvider(ClockTime));
        var context = CreateHttpContext();

        var result = function.Run(context.Request);
        using var body = await WriteResponseAsync(result, context);

        Assert.AreEqual(StatusCodes.Status200OK, context.Response.StatusCode);
        var root = body.RootElement;
        Assert.AreEqual("ok", root.GetProperty("status").GetString());
        Assert.AreEqual("telemetry-functions", root.GetProperty("service").GetString());
        Assert.AreEqual(ClockTime, root.GetProperty("time").GetDateTimeOffset());
    }

    [TestMethod]
    public async Task HealthWritesTheTimeAsIsoUtc()
    {
        var function = new HealthFunction(new FakeTimeProvider(ClockTime));
        var context = CreateHttpContext();

        using var body = await WriteResponseAsync(function.Run(context.Request), context);

        Assert.AreEqual("2025-03-14T15:09:26.535Z", body.RootElement.GetProperty("time").GetString());
    }

    [TestMethod]
    public async Task HealthFollowsTheClockAsItAdvances()
    {
        var clock = new FakeTimeProvider(ClockTime);
        var function = new HealthFunction(clock);
        clock.Advance(TimeSpan.FromMinutes(5));
        var context = CreateHttpContext();

        using var body = await WriteResponseAsync(function.Run(context.Request), context);

        Assert.AreEqual(ClockTime.AddMinutes(5), body.RootElement.GetProperty("time").GetDateTimeOffset());
    }

    [TestMethod]
    public async Task HealthReportsTheAssemblyInformationalVersion()
    {
        var expected = typeof(HealthFunction).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var function = new HealthFunction(new FakeTimeProvider(ClockTime));
        var context = CreateHttpContext();

        using var body = await WriteResponseAsync(function.Run(context.Request), context);

        Assert.IsFalse(string.IsNullOrEmpty(expected));
        Assert.AreEqual(expected, body.RootElement.GetProperty("version").GetString());
    }

    [TestMethod]
    public async Task HealthAnswersWithJson()
    {
        var function = new HealthFunction(new FakeTimeProvider(ClockTime));
        var context = CreateHttpContext();

        using var body = await WriteResponseAsync(function.Run(context.Request), context);

        StringAssert.StartsWith(context.Response.ContentType, "application/json");
    }

    private static DefaultHttpContext CreateHttpContext()
    {
        var context = new DefaultHttpContext { RequestServices = MvcServices };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/health";
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<JsonDocument> WriteResponseAsync(IActionResult result, HttpContext context)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return await JsonDocument.ParseAsync(context.Response.Body);
    }
}
