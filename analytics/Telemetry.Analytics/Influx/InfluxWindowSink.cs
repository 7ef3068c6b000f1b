using System.Globalization;
using System.Diagnostics;
using InfluxDB.Client;
using InfluxDB.Client.Core.Exceptions;
using InfluxDB.Client.Writes;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Influx;

/// <summary>
/// Writes closed windows to InfluxDB through InfluxDB.Client's awaited write API, in batches of
/// <see cref="InfluxOptions.BatchSize"/> points: a 5xx, 429 or timeout is retried with exponential backoff and jitter
/// (a Retry-After header is honoured); a batch the server rejects as malformed (400) is split until the points at
/// fault are found, and those go to the dead-letter file with the server's reason while the rest is written.
/// <see cref="WriteAsync"/> returns only when every point of the window was acknowledged or dead-lettered; when the
/// server stays unavailable it throws, and the caller keeps the window (and its Kafka offsets) for a later attempt.
/// </summary>
public sealed class InfluxWindowSink : IDisposable
{
    private const int SplitRequestBudget = 64;
    private readonly InfluxOptions _options;
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _write;
    private readonly ResiliencePipeline _retry;
    private readonly InfluxPoints _points;
    private readonly InfluxDeadLetter _deadLetter;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the sink; nothing is sent until <see cref="CheckAsync"/> or <see cref="WriteAsync"/>.</summary>
    /// <param name="options">Server and behaviour; validated here.</param>
    /// <param name="cost">Prices the windows' energy; the built-in default tariff when null.</param>
    /// <param name="ledgerDirectory">Where the dead-letter file goes when <see cref="InfluxOptions.DeadLetterPath"/> is empty.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="time">Clock for retry delays.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public InfluxWindowSink(InfluxOptions options, CostModel? cost, string ledgerDirectory, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _points = new InfluxPoints(cost ?? CostModel.Default());
        _deadLetter = new InfluxDeadLetter(options.DeadLetterPath.Length > 0 ? options.DeadLetterPath : Path.Combine(ledgerDirectory, "influx-dead-letter.jsonl"));
        var clientOptions = new InfluxDBClientOptions(options.Url)
        {
            Org = options.Org,
            Bucket = options.Bucket,
            Timeout = options.RequestTimeout,
            AllowHttpRedirects = false,
        };
        if (options.Token.Length > 0)
        {
            clientOptions.Token = options.Token;
        }

        _client = new InfluxDBClient(clientOptions);
        if (options.Gzip)
        {
            _client.EnableGzip();
        }

        _write = _client.GetWriteApiAsync();
        _retry = options.MaxRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception) is { } wait ? (TimeSpan?)Min(wait, options.MaxRetryDelay) : null),
                OnRetry = args =>
                {
                    Counters.Retry();
                    Log.InfluxRetry(_logger, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds, Describe(args.Outcome.Exception));
                    return default;
                },
            })
            .Build();
    }

    /// <summary>What the sink has written, dropped, retried and set aside.</summary>
    public InfluxSinkCounters Counters { get; } = new();

    /// <summary>The settings it writes with (the query store reads the same server).</summary>
    public InfluxOptions Options => _options;

    /// <summary>The dead-letter file.</summary>
    public InfluxDeadLetter DeadLetter => _deadLetter;

    /// <summary>The server and bucket, for messages.</summary>
    public string Target => $"{_options.Url} (bucket {_options.Bucket})";

    /// <summary>Checks that the server answers, within <see cref="InfluxOptions.ConnectTimeout"/>.</summary>
    /// <exception cref="InfluxUnavailableException">It does not; the message names the URL and what to check.</exception>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        bool answered;
        try
        {
            answered = await _client.PingAsync().WaitAsync(_options.ConnectTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            answered = false;
        }

        if (!answered)
        {
            throw new InfluxUnavailableException(string.Create(
                CultureInfo.InvariantCulture,
                $"InfluxDB at {_options.Url} did not answer /ping (waited up to {_options.ConnectTimeout.TotalSeconds:0.#} s). Check Influx:Url (--influx-url), that the server is running, and that this host can reach it."));
        }
    }

    /// <summary>Writes every point of one window; returns once all were acknowledged or dead-lettered.</summary>
    /// <exception cref="InfluxUnavailableException">The server stayed unavailable through every retry, or refused the credentials or bucket; nothing is lost: write the window again later (its points overwrite themselves).</exception>
    public async Task WriteAsync(ClosedWindow window, PipelineSnapshot? pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var started = _time.GetTimestamp();
        var set = _points.Build(window, pipeline is null ? null : WithSinkCounters(pipeline));
        var at = _time.GetUtcNow();
        var windowStart = DateTimeOffset.FromUnixTimeMilliseconds(window.Start);
        var dead = set.Rejected.Select(r => new DeadLetterEntry(at, windowStart, null, r, null)).ToList();
        for (var i = 0; i < set.Points.Count; i += _options.BatchSize)
        {
            var batch = set.Points.Skip(i).Take(_options.BatchSize).ToList();
            var budget = SplitRequestBudget;
            await WriteBatchAsync(batch, dead, windowStart, () => budget-- > 0, cancellationToken).ConfigureAwait(false);
        }

        if (dead.Count > 0)
        {
            _deadLetter.Append(dead);
            Counters.DeadLetter(dead.Count);
            Log.InfluxDeadLettered(_logger, dead.Count, windowStart, _deadLetter.Path, dead[0].Reason);
        }

        // Counted once the window is through, so that a retried window does not count its dropped values twice.
        Counters.NonFinite(set.NonFiniteDropped);
        Counters.Window(_time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private PipelineSnapshot WithSinkCounters(PipelineSnapshot pipeline) => pipeline with
    {
        PointsWritten = Counters.PointsWritten,
        NonFiniteDropped = Counters.NonFiniteDropped,
        DeadLettered = Counters.DeadLettered,
        Retries = Counters.Retries,
        WriteLatencyMs = Counters.Windows > 0 ? Counters.LastWindowLatency.TotalMilliseconds : null,
    };

    private async Task WriteBatchAsync(List<PointData> batch, List<DeadLetterEntry> dead, DateTimeOffset window, Func<bool> maySplit, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.ExecuteAsync(async token => await _write.WritePointsAsync(batch, _options.Bucket, _options.Org, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            Counters.Written(batch.Count);
        }
        catch (HttpException e) when (e.Status is 400 or 413 or 422)
        {
            if (batch.Count > 1 && maySplit())
            {
                // Split to find the points at fault; the halves that are fine are written (again: points overwrite themselves).
                var half = batch.Count / 2;
                await WriteBatchAsync(batch[..half], dead, window, maySplit, cancellationToken).ConfigureAwait(false);
                await WriteBatchAsync(batch[half..], dead, window, maySplit, cancellationToken).ConfigureAwait(false);
                return;
            }

            var at = _time.GetUtcNow();
            dead.AddRange(batch.Select(p => new DeadLetterEntry(at, window, e.Status, e.Message, p.ToLineProtocol())));
        }
        catch (HttpException e) when (e.Status is 401 or 403 or 404)
        {
            throw new InfluxUnavailableException(
                $"InfluxDB at {_options.Url} refused the write ({e.Status}: {e.Message}). " +
                (e.Status == 404 ? $"Check that bucket '{_options.Bucket}' exists (for InfluxDB 1.x: database/retention-policy) and Influx:Org." : "Check Influx:Token and its write permission on the bucket."),
                e);
        }
        catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new InfluxUnavailableException($"InfluxDB at {_options.Url} did not take window {window:u} after {_options.MaxRetries} retries: {Describe(e)}", e);
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        HttpException http => http.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException or IOException => true,
        OperationCanceledException => true,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };

    private static TimeSpan? RetryAfter(Exception? e)
    {
        if (e is not HttpException http)
        {
            return null;
        }

        var header = http.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
        if (int.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return http.RetryAfter is { } after && after > 0 ? TimeSpan.FromSeconds(after) : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Describe(Exception? e) => e switch
    {
        null => "no answer",
        HttpException http => $"HTTP {http.Status}: {http.Message}",
        OperationCanceledException => "timed out",
        _ => e.Message,
    };
}
