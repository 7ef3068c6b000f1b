using Telemetry.Analytics.Gpus;

namespace Telemetry.Analytics.Tests.Gpus;

/// <summary>Keys in runs come out as a full sort would put them, whichever way the runs lie.</summary>
[TestClass]
public sealed class SortedRunsTests
{
    private const int GroupShift = 32;

    [TestMethod]
    public void GroupsInAnyOrderEachInOneRunAreSortedWithTheirValues()
    {
        var random = new Random(11);
        // 300 groups of 1 to 8 keys, each group ascending, the groups shuffled: the runs' path.
        var keys = Enumerable.Range(0, 300).OrderBy(_ => random.Next())
            .SelectMany(group => Enumerable.Range(0, random.Next(1, 9)).Select(i => ((long)group << GroupShift) | (long)(i * 3)))
            .ToArray();

        AssertSortedLikeArraySort(keys);
    }

    [TestMethod]
    public void KeysAlreadyInOrderAreLeftAsTheyAre()
    {
        long[] keys = [1, 2, 2, 5, 1L << GroupShift, (1L << GroupShift) + 1];
        var values = new[] { 10, 20, 21, 50, 60, 70 };

        SortedRuns.Sort(keys, values, GroupShift);

        CollectionAssert.AreEqual(new long[] { 1, 2, 2, 5, 1L << GroupShift, (1L << GroupShift) + 1 }, keys);
        CollectionAssert.AreEqual(new[] { 10, 20, 21, 50, 60, 70 }, values, "equal keys already in order keep it");
    }

    [TestMethod]
    public void RunsOfOneGroupThatOverlapAreSortedKeyByKey()
    {
        // Group 2's keys in two runs, 0 4 8 and 2 6: the runs overlap, so every key is sorted.
        long[] keys = [(2L << GroupShift) | 0, (2L << GroupShift) | 4, (2L << GroupShift) | 8, 1L << GroupShift, (2L << GroupShift) | 2, (2L << GroupShift) | 6];

        AssertSortedLikeArraySort(keys);
    }

    [TestMethod]
    public void KeysInNoOrderAndTheSmallestInputsAreSorted()
    {
        var random = new Random(5);
        AssertSortedLikeArraySort([.. Enumerable.Range(0, 1000).Select(_ => random.NextInt64(0, 1L << 40))]);
        AssertSortedLikeArraySort([.. Enumerable.Range(0, 1000).Select(i => (long)(1000 - i))]);
        AssertSortedLikeArraySort([]);
        AssertSortedLikeArraySort([42]);
    }

    [TestMethod]
    public void KeysAndValuesOfDifferentLengthsAreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SortedRuns.Sort([2, 1], [0], GroupShift));

    // Every key distinct or not, each value stays with its key: values are the keys' first places.
    private static void AssertSortedLikeArraySort(long[] keys)
    {
        var values = Enumerable.Range(0, keys.Length).ToArray();
        var original = keys.ToArray();
        var expected = keys.ToArray();
        Array.Sort(expected);

        SortedRuns.Sort(keys, values, GroupShift);

        CollectionAssert.AreEqual(expected, keys);
        CollectionAssert.AreEquivalent(Enumerable.Range(0, keys.Length).ToArray(), values);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.AreEqual(original[values[i]], keys[i], $"the value at {i} came from a key of another place");
        }
    }
}
