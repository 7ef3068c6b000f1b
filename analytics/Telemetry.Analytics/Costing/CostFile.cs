using System.Text.Json;

namespace Telemetry.Analytics.Costing;

/// <summary>Reads a cost configuration file: bounded in size, and every error names the file.</summary>
internal static class CostFile
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static CostOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ReadBounded(path);
        var options = Parse(path, bytes.AsSpan());
        options.ThrowIfInvalid(path);
        return options;
    }

    private static byte[] ReadBounded(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // Read one byte past the limit rather than trusting Length, which pipes and special files do not report.
            var buffer = new byte[CostOptions.MaxFileBytes + 1];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read > CostOptions.MaxFileBytes)
            {
                throw Problem(path, $"the file is larger than {CostOptions.MaxFileBytes / 1024 / 1024} MiB, the most a cost configuration may be; point to the right file");
            }

            return buffer[..read];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw Problem(path, $"cannot be read ({error.Message}); give the path of a readable JSON file");
        }
    }

    private static CostOptions Parse(string path, ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        try
        {
            return JsonSerializer.Deserialize(json, CostJsonContext.Default.CostOptions)
                ?? throw Problem(path, "holds null; it must hold a JSON object of cost settings");
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $"line {line + 1}, byte {error.BytePositionInLine + 1}" : "an unknown position";
            throw Problem(path, $"is not a valid cost configuration at {where} ({error.Path ?? "$"}): {WithoutPosition(error.Message)}");
        }
    }

    /// <summary>System.Text.Json ends its messages with the position, which the problem already leads with.</summary>
    private static string WithoutPosition(string message)
    {
        var position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return position > 0 ? message[..position] : message;
    }

    private static CostConfigurationException Problem(string path, string problem) => new(path, [problem]);
}
