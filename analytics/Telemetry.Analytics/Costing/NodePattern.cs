namespace Telemetry.Analytics.Costing;

/// <summary>A node name or glob pattern: <c>*</c> matches any run of characters, <c>?</c> one; case is ignored.</summary>
internal sealed class NodePattern(string pattern)
{
    public string Pattern { get; } = pattern;

    public bool Matches(string node)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < node.Length)
        {
            if (p < Pattern.Length && (Pattern[p] == '?' || SameLetter(Pattern[p], node[n])))
            {
                (p, n) = (p + 1, n + 1);
            }
            else if (p < Pattern.Length && Pattern[p] == '*')
            {
                // Remember the star and let it match nothing for now; widen it by one character on each mismatch.
                (star, resume) = (p++, n);
            }
            else if (star >= 0)
            {
                (p, n) = (star + 1, ++resume);
            }
            else
            {
                return false;
            }
        }

        while (p < Pattern.Length && Pattern[p] == '*')
        {
            p++;
        }

        return p == Pattern.Length;
    }

    private static bool SameLetter(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
