using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Windows;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The InfluxDB sink benchmark's baseline: the sink's own points, rendered as line protocol (and gzip-compressed) before
/// the clock starts, POSTed one request at a time to the server's v2 write endpoint with a plain <see cref="HttpClient"/>.
/// What is left is what the wire and the server take; what our sink adds is building the points, rendering them, and
/// InfluxDB.Client.
/// </summary>
internal sealed class InfluxLineBaseline(InfluxBenchServer server, HttpClient http)
{
    /// <summary>The request bodies for these windows, each window in batches of <paramref name="batchSize"/> points as the sink splits it.</summary>
    public static (List<byte[]> Bodies, long Points) Render(IEnumerable<ClosedWindow> windows, PipelineSnapshot pipeline, CostModel cost, int batchSize, bool gzip)
    {
        var points = new InfluxPoints(cost);
        var bodies = new List<byte[]>();
        var count = 0L;
        foreach (var window in windows)
        {
            foreach (var batch in points.Build(window, pipeline).Points.Chunk(batchSize))
            {
                var lines = Encoding.UTF8.GetBytes(string.Join('\n', batch.Select(p => p.ToLineProtocol())));
                bodies.Add(gzip ? Compress(lines) : lines);
                count += batch.Length;
            }
        }

        return (bodies, count);
    }

    /// <summary>Sends the bodies in order, each once its predecessor was acknowledged.</summary>
    /// <exception cref="InvalidOperationException">The server refused one; the message has its answer.</exception>
    public async Task PostAsync(IReadOnlyList<byte[]> bodies, bool gzip, CancellationToken cancellationToken)
    {
        var write = new Uri(server.BaseUri, $"api/v2/write?org={Uri.EscapeDataString(server.Org)}&bucket={Uri.EscapeDataString(server.Bucket)}&precision=ms");
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            if (gzip)
            {
                content.Headers.ContentEncoding.Add("gzip");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, write) { Content = content };
            if (server.Token.Length > 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Token", server.Token);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"InfluxDB at {server.Url} refused the baseline's write ({(int)response.StatusCode}): {answer}");
            }
        }
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        // At the level InfluxDB.Client compresses with, so that the server reads bodies like the sink's.
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
