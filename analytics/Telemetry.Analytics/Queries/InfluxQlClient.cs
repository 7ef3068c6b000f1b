using System.Net.Http.Headers;
using System.Text.Json;

namespace Telemetry.Analytics.Queries;

/// <summary>One series of an InfluxQL answer.</summary>
/// <param name="Name">Measurement.</param>
/// <param name="Tags">Group-by tags.</param>
/// <param name="Columns">Column names (the first is time).</param>
/// <param name="Rows">Values by column.</param>
internal sealed record InfluxSeries(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows)
{
    public int Column(string name) => Columns.ToList().IndexOf(name);
}

/// <summary>
/// InfluxQL over <c>/query</c>, which InfluxDB 1.x, 2.x (with a DBRP mapping) and 3.x answer. Answers are bounded in
/// size; an error the server reports becomes an <see cref="InvalidOperationException"/> naming the server.
/// </summary>
internal sealed class InfluxQlClient(HttpClient http, Uri baseUrl, string bucket, string token)
{
    private const int LargestAnswer = 64 * 1024 * 1024;
    private readonly string _database = bucket.Split('/', 2)[0];
    private readonly string? _retention = bucket.Split('/', 2) is [_, var rp] && rp.Length > 0 ? rp : null;

    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string> { ["db"] = _database, ["q"] = query, ["epoch"] = "ms" };
        if (_retention is not null)
        {
            parameters["rp"] = _retention;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "query")) { Content = new FormUrlEncodedContent(parameters) };
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength > LargestAnswer)
        {
            throw new InvalidOperationException($"InfluxDB at {baseUrl} answered with more than {LargestAnswer / 1024 / 1024} MiB; narrow the query.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var bounded = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (bounded.Length + read > LargestAnswer)
            {
                throw new InvalidOperationException($"InfluxDB at {baseUrl} answered with more than {LargestAnswer / 1024 / 1024} MiB; narrow the query.");
            }

            bounded.Write(buffer, 0, read);
        }

        bounded.Position = 0;
        using var document = await JsonDocument.ParseAsync(bounded, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) || !response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"InfluxDB at {baseUrl} answered {(int)response.StatusCode}: {(error.ValueKind == JsonValueKind.String ? error.GetString() : root.ToString())}");
        }

        var series = new List<InfluxSeries>();
        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var statementError))
            {
                throw new InvalidOperationException($"InfluxDB at {baseUrl} could not answer: {statementError.GetString()}");
            }

            if (!result.TryGetProperty("series", out var list))
            {
                continue;
            }

            foreach (var s in list.EnumerateArray())
            {
                var tags = s.TryGetProperty("tags", out var t)
                    ? t.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal);
                var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
                var rows = s.TryGetProperty("values", out var values)
                    ? values.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.Clone()).ToArray()).ToList()
                    : [];
                series.Add(new InfluxSeries(s.GetProperty("name").GetString() ?? "", tags, columns, rows));
            }
        }

        return series;
    }
}
