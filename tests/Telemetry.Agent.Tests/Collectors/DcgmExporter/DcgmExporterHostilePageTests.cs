using System.Text;
using Microsoft.AspNetCore.Http;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Agent.Tests.Collectors.DcgmExporter;

/// <summary>
/// Hostile or broken pages from a real HTTP server: each collection fails within its bounds, is counted by cause,
/// and the same collector then reads the real L40S page.
/// </summary>
[TestClass]
public sealed class DcgmExporterHostilePageTests
{
    private const string Labels = "gpu=\"0\",UUID=\"GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43\",modelName=\"NVIDIA L40S\",Hostname=\"gpu1-wl8sg\"";

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Cancellation => TestContext.CancellationToken;

    [TestMethod]
    public async Task AHugeLabelValueIsRejectedAsTooLarge()
    {
        var page = $"DCGM_FI_DEV_GPU_TEMP{{{Labels},pod=\"{new string('p', 20_000)}\"}} 32\n";

        var error = await RejectedThenRecoveredAsync(LoopbackExporter.Text(page), "too-large");

        Assert.Contains("MaxLabelValueBytes", error.Message);
    }

    [TestMethod]
    public async Task AMillionSeriesAreRejectedAtMaxSeriesBeforeTheServerHasSentThemAll()
    {
        const int series = 1_000_000;
        var sent = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Short lines, so that MaxSeries is reached well before the default MaxPageBytes.
        var error = await RejectedThenRecoveredAsync(context => WriteSeriesAsync(context, "UUID=\"GPU-0\"", series, sent), "too-large");
        var written = await sent.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);

        Assert.Contains("more than 100000 series (MaxSeries)", error.Message);
        Assert.IsLessThan(series, written, "the server was cut off before its last series");
    }

    [TestMethod]
    public async Task APageCutInsideALabelSetIsRejectedAsMalformed()
    {
        var page = CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s);

        var error = await RejectedThenRecoveredAsync(LoopbackExporter.Bytes(page[..Array.LastIndexOf(page, (byte)',')]), "parse");

        Assert.Contains("line 70", error.Message);
        Assert.Contains("cut short", error.Message);
    }

    [TestMethod]
    public async Task AConnectionDroppedHalfwayThroughThePageIsCountedAsHttp()
    {
        var page = CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s);

        await RejectedThenRecoveredAsync(async context =>
        {
            context.Response.ContentLength = page.Length;
            await context.Response.Body.WriteAsync(page.AsMemory(0, page.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        }, "http");
    }

    [TestMethod]
    public async Task ADuplicateSeriesIsRejectedAsMalformed()
    {
        var line = $"DCGM_FI_DEV_GPU_TEMP{{{Labels}}} 32\n";

        var error = await RejectedThenRecoveredAsync(LoopbackExporter.Text(line + line), "parse");

        Assert.Contains("line 2", error.Message);
        Assert.Contains("appears earlier", error.Message);
    }

    [TestMethod]
    public async Task InvalidUtf8IsRejectedAsMalformed()
    {
        byte[] page = [.. Encoding.UTF8.GetBytes($"DCGM_FI_DEV_GPU_TEMP{{{Labels},pod=\""), 0xFF, 0xFE, .. "\"} 32\n"u8];

        var error = await RejectedThenRecoveredAsync(LoopbackExporter.Bytes(page), "parse");

        Assert.Contains("not valid UTF-8", error.Message);
    }

    [TestMethod]
    public async Task AnEndlessResponseIsCutOffAtMaxPageBytes()
    {
        var sent = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new DcgmExporterOptions { MaxPageBytes = 1024 * 1024 };

        var error = await RejectedThenRecoveredAsync(context => WriteSeriesAsync(context, Labels, int.MaxValue, sent), "too-large", options);
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancellation);

        Assert.Contains("larger than 1048576 bytes (MaxPageBytes)", error.Message);
    }

    [TestMethod]
    public async Task AResponseThatStallsIsCutOffByTheTimeout()
    {
        var options = new DcgmExporterOptions { Timeout = TimeSpan.FromMilliseconds(500) };

        var error = await RejectedThenRecoveredAsync(async context =>
        {
            await context.Response.WriteAsync($"# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).\nDCGM_FI_DEV_GPU_TEMP{{{Labels}", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await WaitForAbortAsync(context);
        }, "timeout", options);

        Assert.Contains("no complete page within 0.5 s (Timeout)", error.Message);
    }

    [TestMethod]
    public async Task APageDeclaringMoreThanMaxPageBytesIsRejectedBeforeItsBodyIsRead()
    {
        var fixture = CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s);
        var page = OneSeriesMore(fixture);
        var options = new DcgmExporterOptions { MaxPageBytes = fixture.Length };

        var error = await RejectedThenRecoveredAsync(LoopbackExporter.Bytes(page), "too-large", options);

        Assert.Contains($"the page is {page.Length} bytes, more than {fixture.Length} (MaxPageBytes)", error.Message);
    }

    [TestMethod]
    public async Task AChunkedPageLargerThanMaxPageBytesIsRejected()
    {
        var fixture = CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s);
        var page = OneSeriesMore(fixture);
        var options = new DcgmExporterOptions { MaxPageBytes = fixture.Length };

        var error = await RejectedThenRecoveredAsync(async context =>
        {
            // No Content-Length: Kestrel sends the body chunked, so only counting the bytes read can catch it.
            await context.Response.Body.WriteAsync(page.AsMemory(0, 1000), context.RequestAborted);
            await context.Response.Body.WriteAsync(page.AsMemory(1000), context.RequestAborted);
        }, "too-large", options);

        Assert.Contains($"larger than {fixture.Length} bytes (MaxPageBytes)", error.Message);
    }

    [TestMethod]
    public async Task ALineLongerThanMaxLineBytesIsRejectedAsTooLarge()
    {
        var page = $"# HELP DCGM_FI_DEV_GPU_TEMP {new string('h', 100_000)}\nDCGM_FI_DEV_GPU_TEMP{{{Labels}}} 32\n";

        var error = await RejectedThenRecoveredAsync(LoopbackExporter.Text(page), "too-large");

        Assert.Contains("line 1", error.Message);
        Assert.Contains("longer than 65536 bytes (MaxLineBytes)", error.Message);
    }

    [TestMethod]
    public async Task AnErrorStatusIsCountedWithItsCode()
    {
        var error = await RejectedThenRecoveredAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        }, "http-500");

        Assert.Contains("HTTP 500", error.Message);
    }

    /// <summary>One collection of the hostile page, then one of the real page through the same collector.</summary>
    private async Task<ScrapeException> RejectedThenRecoveredAsync(
        Func<HttpContext, Task> hostile, string cause, DcgmExporterOptions? options = null)
    {
        await using var server = await LoopbackExporter.StartAsync(hostile);
        options ??= new DcgmExporterOptions();
        options.Url = server.Url;
        await using var collector = new DcgmExporterCollector(options);

        var error = await Assert.ThrowsExactlyAsync<ScrapeException>(() => collector.CollectAsync(Cancellation).AsTask());
        server.Serve(LoopbackExporter.Bytes(CollectorFixtures.Bytes(CollectorFixtures.DcgmExporterL40s)));
        var recovered = await collector.CollectAsync(Cancellation);

        Assert.AreEqual(cause, error.Cause, error.Message);
        Assert.AreEqual(server.Url, error.Url);
        Assert.Contains(server.Url.ToString(), error.Message);
        Assert.AreEqual(1, collector.Counters.Errors[cause]);
        Assert.HasCount(1, collector.Counters.Errors);
        Assert.AreEqual("GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43", recovered.Single().Gpu.Uuid);
        Assert.AreEqual(1, collector.Counters.Collections);
        return error;
    }

    /// <summary>The real page and one more series after it.</summary>
    private static byte[] OneSeriesMore(byte[] fixture) =>
        [.. fixture, .. Encoding.UTF8.GetBytes($"DCGM_FI_DEV_FB_TOTAL{{{Labels}}} 46068\n")];

    /// <summary>Writes distinct series, generated as it goes, until <paramref name="count"/> or until the client goes away.</summary>
    private static async Task WriteSeriesAsync(HttpContext context, string labels, int count, TaskCompletionSource<int> sent)
    {
        var written = 0;
        try
        {
            var chunk = new StringBuilder();
            while (written < count && !context.RequestAborted.IsCancellationRequested)
            {
                chunk.Clear();
                for (var i = 0; i < 1000 && written < count; i++, written++)
                {
                    chunk.Append("DCGM_FI_DEV_GPU_TEMP{").Append(labels).Append(",series=\"").Append(written).Append("\"} 32\n");
                }

                await context.Response.WriteAsync(chunk.ToString(), context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client hung up, as it should.
        }
        finally
        {
            sent.TrySetResult(written);
        }
    }

    private static async Task WaitForAbortAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up.
        }
    }
}
