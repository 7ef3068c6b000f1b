using System.Text;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>
/// Splits an InfluxQL query, as a Grafana panel holds it (with its variables and macros), into tokens. A slash after
/// <c>=~</c> or <c>!~</c> opens a regular expression; anywhere else it divides.
/// </summary>
internal static class InfluxQlLexer
{
    private static readonly string[] TwoCharacterSymbols = ["=~", "!~", "!=", "<>", "<=", ">="];
    private const string OneCharacterSymbols = "()*,+-/%=<>.;";

    /// <exception cref="FormatException">A quote or regular expression is not closed, or a character is not InfluxQL.</exception>
    public static IReadOnlyList<InfluxQlToken> Tokenize(string query)
    {
        var tokens = new List<InfluxQlToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            tokens.Add(c switch
            {
                '"' => new(InfluxQlTokenKind.Identifier, Quoted(query, ref i, '"'), start),
                '\'' => new(InfluxQlTokenKind.String, Quoted(query, ref i, '\''), start),
                '/' when tokens.Count > 0 && (tokens[^1].IsSymbol("=~") || tokens[^1].IsSymbol("!~")) =>
                    new(InfluxQlTokenKind.Regex, Quoted(query, ref i, '/'), start),
                '$' => new(InfluxQlTokenKind.Variable, Variable(query, ref i), start),
                _ when char.IsAsciiDigit(c) => new(InfluxQlTokenKind.Number, Run(query, ref i, ch => char.IsAsciiLetterOrDigit(ch) || ch == '.'), start),
                _ when char.IsAsciiLetter(c) || c == '_' => new(InfluxQlTokenKind.Word, Run(query, ref i, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'), start),
                _ => new(InfluxQlTokenKind.Symbol, Symbol(query, ref i), start),
            });
        }

        return tokens;
    }

    private static string Quoted(string query, ref int i, char quote)
    {
        var start = i;
        var text = new StringBuilder();
        for (i++; i < query.Length; i++)
        {
            if (query[i] == '\\' && i + 1 < query.Length)
            {
                // A regex keeps its escapes (\. stays \.); in identifiers and strings only the quote is escaped.
                if (quote == '/' && query[i + 1] != '/')
                {
                    text.Append('\\');
                }

                text.Append(query[++i]);
            }
            else if (query[i] == quote)
            {
                i++;
                return text.ToString();
            }
            else
            {
                text.Append(query[i]);
            }
        }

        throw new FormatException($"{quote} at {start} is not closed");
    }

    private static string Variable(string query, ref int i)
    {
        var start = i++;
        if (i < query.Length && query[i] == '{')
        {
            var end = query.IndexOf('}', i);
            if (end < 0)
            {
                throw new FormatException($"${{ at {start} is not closed");
            }

            i = end + 1;
            return query[start..i];
        }

        Run(query, ref i, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        return i - start > 1 ? query[start..i] : throw new FormatException($"$ at {start} names no variable");
    }

    private static string Symbol(string query, ref int i)
    {
        foreach (var symbol in TwoCharacterSymbols)
        {
            if (string.CompareOrdinal(query, i, symbol, 0, 2) == 0)
            {
                i += 2;
                return symbol;
            }
        }

        return OneCharacterSymbols.Contains(query[i], StringComparison.Ordinal)
            ? query[i++].ToString()
            : throw new FormatException($"'{query[i]}' at {i} is not InfluxQL (Grafana's [[variable]] syntax is not allowed either)");
    }

    private static string Run(string query, ref int i, Func<char, bool> part)
    {
        var start = i;
        while (i < query.Length && part(query[i]))
        {
            i++;
        }

        return query[start..i];
    }
}
