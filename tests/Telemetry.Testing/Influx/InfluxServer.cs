using System.Globalization;
using System.Net;

namespace Telemetry.Testing.Influx;

/// <summary>
/// A real InfluxDB server for tests: influxd 1.6 (Debian's <c>influxdb</c> package) on a free loopback port over a
/// temporary directory, behind a small proxy that speaks InfluxDB 2's write API, so the real <c>InfluxDB.Client</c>
/// writes to it as it would to InfluxDB 2. The proxy also passes InfluxQL (<c>/query</c>), <c>/ping</c> and
/// <c>/health</c>, records every write request it answers, and fails or holds back the next writes on request.
/// </summary>
/// <remarks>
/// <para>One server per test class is usually enough: start it in <c>[ClassInitialize]</c>, dispose it in
/// <c>[ClassCleanup]</c>, and call <see cref="ResetAsync"/> in <c>[TestInitialize]</c> for an empty database.</para>
/// <code>
/// await using var server = await InfluxServer.StartAsync(cancellationToken: ct);
/// using var client = new InfluxDBClient(new InfluxDBClientOptions(server.Url) { Token = server.Token, Org = server.Org, Bucket = server.Bucket });
/// await client.GetWriteApiAsync().WritePointsAsync(points, server.Bucket, server.Org, ct);
/// var series = await server.QueryAsync("SELECT * FROM gpu_window", ct);   // rows straight from influxd, times in ms
///
/// server.FailNextWrites(2, 503, retryAfter: TimeSpan.FromSeconds(1));     // the next two writes get 503 and Retry-After: 1
/// server.DelayNextWrites(1, TimeSpan.FromSeconds(5));                     // the next write waits 5 s before going on
/// await server.StopAsync();                                               // nothing listens on Url now
/// await server.StartAgainAsync(ct);                                       // same ports, same data
/// </code>
/// <para>Without influxd installed, <see cref="StartAsync"/> makes the test inconclusive, or failed when the
/// environment variable <c>CI</c> is <c>true</c> (see <see cref="RequireInstalled"/>).</para>
/// <para>What the proxy translates: <c>POST /api/v2/write?bucket=db/rp&amp;precision=ns|us|ms|s</c> becomes influxd's
/// <c>POST /write?db=db&amp;rp=rp&amp;precision=n|u|ms|s</c> (a bucket without a slash uses the database's default
/// policy); the body goes on byte for byte with its <c>Content-Encoding</c> (influxd takes gzip); influxd's status, body
/// and <c>X-Influxdb-Error</c> header come back unchanged, so a type conflict or unparsable line is a 400 with
/// influxd's text as the client's error message. Tokens and orgs are not checked. Bodies over 64 MiB get 413.</para>
/// </remarks>
public sealed class InfluxServer : IAsyncDisposable
{
    /// <summary>The database <see cref="StartAsync"/> creates when not told otherwise.</summary>
    public const string DefaultDatabase = "telemetry";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly InfluxdProcess _influxd;
    private readonly InfluxProxy _proxy;
    private readonly WriteFaults _faults = new();
    private readonly WriteLog _writes = new();

    private InfluxServer(string executable, string database)
    {
        Database = database;
        Directory = System.IO.Directory.CreateTempSubdirectory("influxd-").FullName;
        // Bodies go through as they are (gzip included), and a proxy named by the environment has no say on loopback.
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _influxd = new InfluxdProcess(executable, Directory, _http);
        _proxy = new InfluxProxy(new WriteEndpoint(_influxd, _http, _faults, _writes), new PassThroughEndpoints(_influxd, _http));
    }

    /// <summary>The proxy's base URL, for <c>InfluxDBClientOptions</c> and for InfluxQL over HTTP.</summary>
    public string Url => $"http://127.0.0.1:{_proxy.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>influxd's own base URL (the 1.x API, no proxy, no faults).</summary>
    public string DirectUrl => $"http://127.0.0.1:{_influxd.HttpPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The database created at start.</summary>
    public string Database { get; }

    /// <summary>The database's retention policy, the one InfluxDB creates with it.</summary>
    public string RetentionPolicy { get; } = "autogen";

    /// <summary>The v2 bucket that names <see cref="Database"/> and <see cref="RetentionPolicy"/>: <c>database/autogen</c>.</summary>
    public string Bucket => $"{Database}/{RetentionPolicy}";

    /// <summary>An organisation name for the client; the proxy ignores it.</summary>
    public string Org { get; } = "telemetry";

    /// <summary>A token for the client; the proxy ignores it, and influxd runs without auth.</summary>
    public string Token { get; } = "test-token";

    /// <summary>The temporary directory with the configuration, data, WAL and log; deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>influxd's stdout and stderr, across restarts.</summary>
    public string LogPath => _influxd.LogPath;

    /// <summary>Whether influxd is running (false between <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>).</summary>
    public bool IsRunning => _influxd.IsRunning;

    /// <summary>The write requests the proxy has received since start or <see cref="ResetAsync"/>, answered or not yet.</summary>
    public int WriteRequestCount => _writes.Received;

    /// <summary>The write requests the proxy has answered since start or <see cref="ResetAsync"/>, in the order answered.</summary>
    public IReadOnlyList<InfluxWriteRequest> Writes => _writes.Answered();

    /// <summary>The status codes of <see cref="Writes"/>, in the order answered.</summary>
    public IReadOnlyList<int> WriteStatusCodes => [.. _writes.Answered().Select(w => w.StatusCode)];

    /// <summary>
    /// The path of <c>influxd</c>, found on PATH or at /usr/bin/influxd. Without it, fails the test when the environment
    /// variable <c>CI</c> is <c>true</c> (CI installs the package, so its absence there is a broken pipeline) and makes it
    /// inconclusive otherwise. <see cref="StartAsync"/> calls it first.
    /// </summary>
    public static string RequireInstalled() => InfluxInstallation.Require();

    /// <summary>Starts influxd and the proxy on free loopback ports and creates the database.</summary>
    /// <param name="database">The database to create; any name without a slash, since the bucket puts one after it.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="InvalidOperationException">influxd did not come up within 20 s; the message ends with its log.</exception>
    public static async Task<InfluxServer> StartAsync(string database = DefaultDatabase, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A database name with a slash cannot be told apart from its retention policy in a bucket.", nameof(database));
        }

        var server = new InfluxServer(RequireInstalled(), database);
        try
        {
            await server._influxd.StartOnFreePortsAsync(StartTimeout, cancellationToken);
            await server.CreateDatabaseAsync(cancellationToken);
            await server._proxy.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs InfluxQL on influxd directly (POST, so statements that change things run too) in <see cref="Database"/>, with
    /// times in epoch milliseconds.
    /// </summary>
    /// <returns>The series of every statement, in order; none for a statement that returns nothing.</returns>
    /// <exception cref="InvalidOperationException">influxd refused the query or a statement failed; the message says why.</exception>
    public async Task<IReadOnlyList<InfluxSeries>> QueryAsync(string influxQl, CancellationToken cancellationToken = default)
    {
        var uri = new Uri($"{DirectUrl}/query?db={Uri.EscapeDataString(Database)}&epoch=ms");
        using var form = new FormUrlEncodedContent([new("q", influxQl)]);
        using var response = await _http.PostAsync(uri, form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"influxd answered {(int)response.StatusCode} to '{influxQl}': {body}");
        }

        return InfluxQueryJson.Parse(body);
    }

    /// <summary>Makes the proxy answer the next <paramref name="count"/> write requests with this status, without forwarding them.</summary>
    /// <param name="count">How many write requests fail; replaces any failures still planned.</param>
    /// <param name="statusCode">The status to answer, with an InfluxDB 2 error body.</param>
    /// <param name="retryAfter">When given, sent as <c>Retry-After</c> in whole seconds, rounded up.</param>
    public void FailNextWrites(int count, int statusCode, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        _faults.Fail(count, new InjectedFailure(statusCode, retryAfter));
    }

    /// <summary>
    /// Makes the proxy hold the next <paramref name="count"/> write requests for <paramref name="delay"/> before going on
    /// with them (a planned failure then, or forwarding), as a slow server would. A client that gives up meanwhile is
    /// recorded with status 499 and its write is dropped.
    /// </summary>
    public void DelayNextWrites(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        _faults.Delay(count, delay);
    }

    /// <summary>An empty database again, no planned faults, and no write requests recorded: a fresh start for the next test.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        _faults.Clear();
        _writes.Clear();
        await QueryAsync($"DROP DATABASE {Identifier(Database)}", cancellationToken);
        await CreateDatabaseAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the proxy and kills influxd (SIGKILL, as a crash would), keeping the data and the ports: nothing listens on
    /// <see cref="Url"/> until <see cref="StartAgainAsync"/>. Every write influxd acknowledged survives, since the
    /// server syncs its WAL before it answers.
    /// </summary>
    public async Task StopAsync()
    {
        await _proxy.StopAsync();
        await _influxd.KillAsync();
    }

    /// <summary>Starts influxd and the proxy again, after <see cref="StopAsync"/>, on the same ports over the same data.</summary>
    /// <exception cref="InvalidOperationException">influxd did not come up within 20 s; the message ends with its log.</exception>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await _influxd.StartAsync(StartTimeout, cancellationToken);
        await _proxy.StartAsync(cancellationToken);
    }

    /// <summary><see cref="StopAsync"/>, then <see cref="StartAgainAsync"/>.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartAgainAsync(cancellationToken);
    }

    /// <summary>Stops the proxy, kills influxd and deletes <see cref="Directory"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _influxd.DisposeAsync();
        _http.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task CreateDatabaseAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"CREATE DATABASE {Identifier(Database)}", cancellationToken);

    /// <summary>An InfluxQL quoted identifier.</summary>
    private static string Identifier(string name) =>
        "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
