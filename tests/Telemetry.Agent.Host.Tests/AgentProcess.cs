using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Telemetry.Agent.Host.Tests;

/// <summary>
/// The <c>telemetry-agent</c> binary built beside the tests, or the one <c>TELEMETRY_AGENT_BINARY</c> names (the
/// ahead-of-time compiled one, say), run as a process of its own with its output captured.
/// </summary>
internal sealed partial class AgentProcess : IDisposable
{
    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AgentProcess(Process process) => _process = process;

    /// <summary>Everything it printed so far, standard output and standard error.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AgentProcess Start(params string[] args)
    {
        var binary = Environment.GetEnvironmentVariable("TELEMETRY_AGENT_BINARY") ?? Path.Combine(AppContext.BaseDirectory, "telemetry-agent");
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var agent = new AgentProcess(Process.Start(info)!);
        agent._process.OutputDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.ErrorDataReceived += (_, e) => agent.Append(e.Data);
        agent._process.BeginOutputReadLine();
        agent._process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Sends SIGTERM, as a service manager stops the agent, and waits for its exit status.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Assert.AreEqual(0, Kill(_process.Id, SigTerm), "kill(SIGTERM) failed");
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
