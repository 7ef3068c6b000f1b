namespace Telemetry.Analytics.Gpus;

/// <summary>
/// Sorts keys, with a value beside each, where the keys mostly come in ascending runs: keys already in order are left
/// as they are, and runs that do not overlap are put in order by their first keys, without sorting every key.
/// </summary>
internal static class SortedRuns
{
    /// <summary>
    /// Sorts <paramref name="keys"/> ascending and <paramref name="values"/> with them. A key's bits above
    /// <paramref name="groupShift"/> name its group: a run ends where the keys go down or the group changes, so runs of
    /// distinct groups never overlap. Where runs of one group overlap, or runs are more than half the keys, every key
    /// is sorted. Equal keys keep no particular order.
    /// </summary>
    public static void Sort(long[] keys, int[] values, int groupShift)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, keys.Length, nameof(values));
        if (Ascending(keys))
        {
            return;
        }

        var starts = new List<int> { 0 };
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1] || keys[i] >> groupShift != keys[i - 1] >> groupShift)
            {
                starts.Add(i);
            }
        }

        if (starts.Count > keys.Length / 2 || !ByRuns(keys, values, starts))
        {
            Array.Sort(keys, values);
        }
    }

    private static bool Ascending(long[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    // The runs in order of their first keys, copied one after another; false, with nothing changed, where two overlap.
    private static bool ByRuns(long[] keys, int[] values, List<int> starts)
    {
        var firsts = new long[starts.Count];
        var runs = new int[starts.Count];
        for (var run = 0; run < runs.Length; run++)
        {
            firsts[run] = keys[starts[run]];
            runs[run] = run;
        }

        Array.Sort(firsts, runs);
        var sortedKeys = new long[keys.Length];
        var sortedValues = new int[keys.Length];
        var at = 0;
        foreach (var run in runs)
        {
            var start = starts[run];
            var length = (run + 1 < starts.Count ? starts[run + 1] : keys.Length) - start;
            if (at > 0 && keys[start] < sortedKeys[at - 1])
            {
                return false;
            }

            Array.Copy(keys, start, sortedKeys, at, length);
            Array.Copy(values, start, sortedValues, at, length);
            at += length;
        }

        sortedKeys.CopyTo(keys, 0);
        sortedValues.CopyTo(values, 0);
        return true;
    }
}
