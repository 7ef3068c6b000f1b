using System.Globalization;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Telemetry.Hostile;

/// <summary>
/// Runs code under the invariant culture, German and Turkish, and asserts it gives the same result under each.
/// German writes <c>1.234,5</c>; Turkish upper-cases <c>i</c> to <c>İ</c> and lower-cases <c>I</c> to <c>ı</c>.
/// </summary>
internal static class Cultures
{
    /// <summary>The invariant culture first (the reference), then the cultures that differ from it.</summary>
    public static readonly IReadOnlyList<CultureInfo> Each =
        [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("tr-TR")];

    /// <summary>What <paramref name="act"/> gives under each culture, in the order of <see cref="Each"/>.</summary>
    public static T[] Under<T>(Func<T> act) => [.. Each.Select(culture =>
    {
        using var scope = new CultureScope(culture);
        return act();
    })];

    /// <summary>What <paramref name="act"/> gives under each culture, in the order of <see cref="Each"/>.</summary>
    public static async Task<T[]> UnderAsync<T>(Func<Task<T>> act)
    {
        var results = new List<T>();
        foreach (var culture in Each)
        {
            using var scope = new CultureScope(culture);
            results.Add(await act());
        }

        return [.. results];
    }

    /// <summary>Asserts that <paramref name="act"/> gives the same text under each culture, and returns it.</summary>
    public static string Same(Func<string> act, string what) => AllEqual(Under(act), what);

    /// <summary>Asserts that <paramref name="act"/> gives the same text under each culture, and returns it.</summary>
    public static async Task<string> SameAsync(Func<Task<string>> act, string what) => AllEqual(await UnderAsync(act), what);

    private static string AllEqual(string[] results, string what)
    {
        for (var i = 1; i < results.Length; i++)
        {
            Assert.AreEqual(results[0], results[i], $"{what} under {Each[i].Name} differs from the invariant culture's");
        }

        return results[0];
    }

    /// <summary>
    /// Sets the current and UI cultures, and puts back what was there when disposed. Both flow with the execution context
    /// into awaited work and tasks started under the scope. The process-wide default thread cultures are left alone: a
    /// thread-pool thread first used while they were German would stay German after the scope and reach later tests.
    /// </summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _current = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            // Under invariant globalization every culture formats as the invariant one and the tests would prove nothing.
            if (culture.Name.Length > 0)
            {
                Assert.AreNotEqual(".", culture.NumberFormat.NumberDecimalSeparator, $"{culture.Name} must be the real culture: the test project needs InvariantGlobalization off");
            }

            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _current;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
