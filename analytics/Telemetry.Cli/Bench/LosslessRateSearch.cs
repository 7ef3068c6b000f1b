namespace Telemetry.Cli.Bench;

/// <summary>How the lossless benchmark picks the next rate to offer from the steps so far; null ends the search.</summary>
internal static class LosslessRateSearch
{
    /// <summary>The rates in order, until one does not hold.</summary>
    private static Func<IReadOnlyList<LosslessStep>, int?> Rising(IReadOnlyList<int> rates) =>
        steps => steps.Count < rates.Count && (steps.Count == 0 || steps[^1].Held) ? rates[steps.Count] : null;

    /// <summary>
    /// The rates in order until one does not hold; then, <paramref name="refinements"/> times, the geometric middle of
    /// the highest rate that held and the lowest above it that did not, so that the figure is not just the ladder's
    /// step below the limit. Nothing more once no rate held, or every rate did.
    /// </summary>
    public static Func<IReadOnlyList<LosslessStep>, int?> RisingThenRefined(IReadOnlyList<int> rates, int refinements)
    {
        var rising = Rising(rates);
        return steps =>
        {
            var firstFailed = steps.ToList().FindIndex(s => !s.Held);
            if (firstFailed < 0)
            {
                return rising(steps);
            }

            var held = steps.Where(s => s.Held).Select(s => s.Offered).DefaultIfEmpty(0).Max();
            var failed = steps.Where(s => !s.Held && s.Offered > held).Select(s => s.Offered).DefaultIfEmpty(0).Min();
            if (steps.Count - firstFailed > refinements || held == 0 || failed == 0)
            {
                return null;
            }

            var next = Round(Math.Sqrt(held * failed));
            return next > held && next < failed ? next : null;
        };
    }

    /// <summary>
    /// From <paramref name="start"/>, up or down by <paramref name="factor"/> until a rate that held lies next to one
    /// that did not, then the geometric middle of the two, <paramref name="refinements"/> times: the highest rate that
    /// held is then within factor^(1/2^refinements) of the lowest that failed. At most <paramref name="maxSteps"/>
    /// offers, none below <paramref name="floor"/> or above <paramref name="ceiling"/>.
    /// </summary>
    public static Func<IReadOnlyList<LosslessStep>, int?> Bracket(int start, double factor, int refinements, int maxSteps, int floor, int ceiling)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(factor, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(floor, 1);
        var resolution = Math.Pow(factor, 1.0 / (1 << refinements));
        return steps =>
        {
            if (steps.Count == 0)
            {
                return start;
            }

            if (steps.Count >= maxSteps)
            {
                return null;
            }

            var held = steps.Where(s => s.Held).Select(s => s.Offered).DefaultIfEmpty(0).Max();
            var failed = steps.Where(s => !s.Held && s.Offered > held).Select(s => s.Offered).DefaultIfEmpty(double.PositiveInfinity).Min();
            var next = held == 0 ? failed / factor
                : double.IsPositiveInfinity(failed) ? held * factor
                : failed / held > resolution * 1.01 ? Math.Sqrt(held * failed)
                : 0;
            return next >= floor && next <= ceiling ? Round(next) : null;
        };
    }

    /// <summary>A rate to three significant figures, which read better in a table than the exact middle of two rates.</summary>
    public static int Round(double rate)
    {
        var unit = Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(rate)) - 2));
        return (int)(Math.Round(rate / unit) * unit);
    }
}
