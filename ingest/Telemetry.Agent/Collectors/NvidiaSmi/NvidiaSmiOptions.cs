namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>How the nvidia-smi collector runs the command.</summary>
public sealed class NvidiaSmiOptions
{
    /// <summary>Smallest accepted <see cref="MaxOutputBytes"/>: one GPU's row is about 300 bytes.</summary>
    public const int MinOutputBytes = 4 * 1024;

    /// <summary>Largest accepted <see cref="MaxOutputBytes"/>.</summary>
    public const int MaxOutputBytesLimit = 64 * 1024 * 1024;

    /// <summary>The executable: a file name looked up on PATH, or a path. Default <c>nvidia-smi</c>.</summary>
    public string Path { get; set; } = "nvidia-smi";

    /// <summary>How long one run may take before it is killed with its whole process tree. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most bytes of standard output accepted from one run; a run that prints more is killed and rejected. Default 1 MiB.</summary>
    public int MaxOutputBytes { get; set; } = 1024 * 1024;

    /// <summary>The node name that goes into every reading's identity. Default the machine's host name.</summary>
    public string Node { get; set; } = Environment.MachineName;

    /// <summary>Throws with a message naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("The nvidia-smi path must not be empty.", nameof(Path));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The nvidia-smi timeout must be above zero and at most 5 minutes.");
        }

        if (MaxOutputBytes is < MinOutputBytes or > MaxOutputBytesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOutputBytes), MaxOutputBytes, $"The nvidia-smi output limit must be between {MinOutputBytes} and {MaxOutputBytesLimit} bytes.");
        }

        if (string.IsNullOrWhiteSpace(Node))
        {
            throw new ArgumentException("The node name must not be empty.", nameof(Node));
        }
    }
}
