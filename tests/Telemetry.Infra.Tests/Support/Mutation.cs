namespace Telemetry.Infra.Tests.Support;

/// <summary>Makes a broken variant of a real file for a check to catch.</summary>
internal static class Mutation
{
    /// <summary><paramref name="text"/> with its first <paramref name="from"/> replaced; fails the test when it does not occur.</summary>
    public static string Replace(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, at, $"the file no longer contains '{from}': update the test");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}
