using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Telemetry.Testing.Influx;

/// <summary>
/// One influxd process at a time over one directory and one pair of ports: started, killed, and started again over the
/// same data. Its stdout and stderr go to <see cref="LogPath"/>.
/// </summary>
internal sealed class InfluxdProcess : IAsyncDisposable
{
    private const int LogTailLines = 40;
    private static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    private readonly string _executable;
    private readonly HttpClient _http;
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;

    public InfluxdProcess(string executable, string root, HttpClient http)
    {
        _executable = executable;
        _http = http;
        Root = root;
        ConfigPath = Path.Combine(root, "influxdb.conf");
        LogPath = Path.Combine(root, "influxd.log");
    }

    public string Root { get; }

    public string ConfigPath { get; }

    public string LogPath { get; }

    public int HttpPort { get; private set; }

    public Uri BaseUri => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}/");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts on fresh ports, trying new ones when another process took a port between choosing and binding it.</summary>
    public async Task StartOnFreePortsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            HttpPort = FreePort.Next();
            await File.WriteAllTextAsync(ConfigPath, InfluxdConfig.Render(Root, HttpPort, FreePort.Next()), cancellationToken);
            try
            {
                await StartAsync(timeout, cancellationToken);
                return;
            }
            catch (InvalidOperationException failure) when (attempt < Attempts && failure.Message.Contains("address already in use", StringComparison.Ordinal))
            {
                // Another process won the race for a port; the next attempt draws new ones.
            }
        }
    }

    /// <summary>Starts with the configuration already written, and returns once the server answers <c>/ping</c>.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("influxd is already running.");
        }

        // A server that died on its own since is let go of first.
        await KillAsync();

        var start = new ProcessStartInfo(_executable, ["run", "-config", ConfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        // influxd lets INFLUXDB_* variables override its configuration file; this server takes only its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("INFLUXDB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        OpenLog();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        try
        {
            await WaitForPingAsync(process, timeout, cancellationToken);
        }
        catch
        {
            await KillAsync();
            throw;
        }
    }

    /// <summary>Kills the server (SIGKILL, as a crash would); what it acknowledged is in its WAL and survives.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
        finally
        {
            process.Dispose();
            CloseLog();
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    /// <summary>The last lines the server logged, for failure messages.</summary>
    public string LogTail()
    {
        var lines = ReadLog().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.TakeLast(LogTailLines));
    }

    /// <summary>Whether the server answers <c>/ping</c> with 204 within a couple of seconds.</summary>
    public async Task<bool> PingsAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(PingTimeout);
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseUri, "ping"), patience.Token);
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WaitForPingAsync(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Waiting on the exit too sees a server that dies at start (a port taken, a bad setting) at once, not after a ping times out.
        var exited = process.WaitForExitAsync(stop.Token);
        try
        {
            while (true)
            {
                var ping = PingsAsync(stop.Token);
                if (await Task.WhenAny(ping, exited) == exited)
                {
                    break;
                }

                if (await ping)
                {
                    return;
                }

                if (waited.Elapsed > timeout)
                {
                    throw new InvalidOperationException(
                        $"influxd did not answer /ping on {BaseUri} within {timeout.TotalSeconds:0.#} s. Its log ({LogPath}) ends:\n{LogTail()}");
                }

                await Task.WhenAny(Task.Delay(PingInterval, stop.Token), exited);
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException(
            $"influxd exited with code {process.ExitCode} before answering /ping. Its log ({LogPath}) ends:\n{LogTail()}");
    }

    private void OpenLog()
    {
        lock (_logLock)
        {
            _log ??= new StreamWriter(new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    private void CloseLog()
    {
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private string ReadLog()
    {
        lock (_logLock)
        {
            if (!File.Exists(LogPath))
            {
                return "";
            }

            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd();
        }
    }
}
