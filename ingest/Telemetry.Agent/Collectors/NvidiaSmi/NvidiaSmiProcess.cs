using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>
/// Runs nvidia-smi once, bounded in time and output: past the timeout, or past the output limit, the process and every
/// process it started are killed. Standard error is drained so the child never blocks on it, and its start kept.
/// </summary>
internal static class NvidiaSmiProcess
{
    /// <summary>How much of standard error is kept for messages.</summary>
    public const int StandardErrorLimit = 4096;

    private const int ChunkBytes = 16 * 1024;

    /// <summary>Runs the command and returns what it printed, whatever its exit status.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The executable cannot be started (not found, not executable).</exception>
    /// <exception cref="NvidiaSmiException">It ran past the timeout (<c>timeout</c>) or printed too much (<c>too-large</c>).</exception>
    public static async Task<ProcessOutput> RunAsync(NvidiaSmiOptions options, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(options.Path, arguments) };
        process.Start();
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var standardError = KeepStartAsync(process.StandardError.BaseStream, StandardErrorLimit, deadline.Token);
        try
        {
            var standardOutput = await ReadAtMostAsync(process.StandardOutput.BaseStream, options.MaxOutputBytes, deadline.Token).ConfigureAwait(false)
                ?? throw new NvidiaSmiException("too-large", $"nvidia-smi at '{options.Path}' printed more than {options.MaxOutputBytes} bytes; the output was rejected and the process killed.");
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return new ProcessOutput(process.ExitCode, Decode(standardOutput), Decode(await standardError.ConfigureAwait(false)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NvidiaSmiException("timeout", $"nvidia-smi at '{options.Path}' did not finish within {Seconds(options.Timeout)} s; it was killed.");
        }
        finally
        {
            KillTree(process);
            await deadline.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(standardError).ConfigureAwait(false);
        }
    }

    private static ProcessStartInfo StartInfo(string path, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    // All of the stream, or null as soon as it passes the limit.
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (kept.Length + read > limit)
                {
                    return null;
                }

                kept.Write(chunk, 0, read);
            }

            return kept.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    // Reads the stream to its end, keeping the first bytes.
    private static async Task<byte[]> KeepStartAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var kept = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                kept.Write(chunk, 0, (int)Math.Min(read, limit - kept.Length));
            }

            return kept.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    // The standard error reader ends with the process or is cancelled; its outcome no longer matters.
    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Nothing to report: the run's own outcome has been decided.
        }
    }

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
