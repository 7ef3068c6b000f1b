using System.ComponentModel;
using System.Globalization;

namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>
/// Reads every GPU through <c>nvidia-smi --query-gpu=... --format=csv,noheader,nounits</c>, one run per collection.
/// For nodes without NVML access from the agent's process, or as a cross-check. It reports whole GPUs only: MIG
/// instances are not reported by this collector, and nvidia-smi offers no energy counter, so energy must come from
/// integrating power (or from the NVML or DCGM collectors).
/// </summary>
public sealed class NvidiaSmiCollector : ISampleCollector
{
    private const int MessageDetailLength = 1000;
    private static readonly string[] Arguments = [QueryGpuFields.QueryArgument, "--format=csv,noheader,nounits"];
    private readonly NvidiaSmiOptions _options;
    private readonly QueryGpuParser _parser;

    /// <summary>Creates the collector; the options are validated here.</summary>
    public NvidiaSmiCollector(NvidiaSmiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _parser = new QueryGpuParser(options.Node, Counters);
    }

    /// <inheritdoc/>
    public string Name => "nvidia-smi";

    /// <inheritdoc/>
    public CollectorCounters Counters { get; } = new();

    /// <summary>Runs the query once; throws <see cref="CollectorUnavailableException"/> when nvidia-smi is missing, fails or hangs.</summary>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NvidiaSmiException e)
        {
            throw new CollectorUnavailableException(e.Message, e);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NvidiaSmiException">The run or its output failed; the cause is counted in <see cref="Counters"/>.</exception>
    public async ValueTask<IReadOnlyList<GpuReading>> CollectAsync(CancellationToken cancellationToken)
    {
        ProcessOutput output;
        try
        {
            output = await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NvidiaSmiException e)
        {
            Counters.Error(e.Cause);
            throw;
        }

        var readings = _parser.Parse(output.StandardOutput, QueryGpuFields.Query);
        Counters.Collected(readings.Count);
        return readings;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // A finished run with exit status 0, or NvidiaSmiException saying why not.
    private async Task<ProcessOutput> RunAsync(CancellationToken cancellationToken)
    {
        ProcessOutput output;
        try
        {
            output = await NvidiaSmiProcess.RunAsync(_options, Arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception e)
        {
            throw new NvidiaSmiException("not-found", NotStartedMessage(e), e);
        }

        return output.ExitCode == 0
            ? output
            : throw new NvidiaSmiException("exit-code", $"nvidia-smi at '{_options.Path}' exited with code {output.ExitCode.ToString(CultureInfo.InvariantCulture)}: {Detail(output)}");
    }

    private string NotStartedMessage(Win32Exception e) => e.NativeErrorCode == 2
        ? $"nvidia-smi was not found at '{_options.Path}': install the NVIDIA driver or set --nvidia-smi."
        : $"nvidia-smi at '{_options.Path}' could not be started ({e.Message}): check the path and its permissions, or set --nvidia-smi.";

    // nvidia-smi prints some failures ("couldn't communicate with the NVIDIA driver") on standard output, not error.
    private static string Detail(ProcessOutput output)
    {
        var text = (string.IsNullOrWhiteSpace(output.StandardError) ? output.StandardOutput : output.StandardError).Trim();
        return text.Length == 0 ? "(nothing printed)"
            : text.Length <= MessageDetailLength ? text
            : text[..MessageDetailLength] + "...";
    }
}
