namespace Telemetry.Agent.Spooling;

/// <summary>Replaces a small file whole: a reader sees the old content or the new, never a mix.</summary>
internal static class AtomicFile
{
    public const string TemporaryExtension = ".tmp";

    /// <summary>Writes <paramref name="content"/> beside <paramref name="path"/>, then renames it over the file; with <paramref name="sync"/> the content reaches the device first.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content, bool sync)
    {
        var temporary = path + TemporaryExtension;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(content);
            if (sync)
            {
                stream.Flush(flushToDisk: true);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file's content, or null when it does not exist.</summary>
    public static byte[]? Read(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
}
