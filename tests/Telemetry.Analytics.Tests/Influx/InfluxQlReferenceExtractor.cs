namespace Telemetry.Analytics.Tests.Influx;

/// <summary>
/// Reads which measurement, fields and tags an InfluxQL query names, for the subset of InfluxQL the dashboards use:
/// SELECT from one double-quoted measurement with WHERE, GROUP BY, fill, ORDER BY time, LIMIT and tz; and SHOW TAG
/// VALUES FROM one measurement WITH KEY = one key. Whatever else it meets (subqueries, regex measurements, unquoted
/// identifiers, wildcards, unknown functions) is reported as a problem rather than guessed at, so that a query it
/// cannot read fails the dashboard tests instead of passing unchecked.
/// </summary>
internal sealed class InfluxQlReferenceExtractor
{
    private static readonly HashSet<string> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "distinct", "integral", "mean", "median", "mode", "spread", "stddev", "sum",
        "bottom", "first", "last", "max", "min", "percentile", "sample", "top",
        "abs", "ceil", "floor", "round", "cumulative_sum", "derivative", "difference", "elapsed", "moving_average",
        "non_negative_derivative", "non_negative_difference",
    };

    private static readonly string[] SelectClauses = ["SELECT", "INTO", "FROM", "WHERE", "GROUP", "FILL", "ORDER", "LIMIT", "OFFSET", "SLIMIT", "SOFFSET", "TZ"];
    private static readonly string[] ShowClauses = ["FROM", "WITH", "WHERE", "LIMIT", "OFFSET", "ON"];

    private readonly List<SelectedName> _selected = [];
    private readonly List<string> _filtered = [];
    private readonly List<string> _grouped = [];
    private readonly List<string> _problems = [];
    private string? _measurement;
    private string? _tagKey;
    private bool _filtersOnTime;

    public static InfluxQlReferences Extract(string query)
    {
        IReadOnlyList<InfluxQlToken> tokens;
        try
        {
            tokens = InfluxQlLexer.Tokenize(query);
        }
        catch (FormatException e)
        {
            return InfluxQlReferences.Unreadable(e.Message);
        }

        var extractor = new InfluxQlReferenceExtractor();
        string statement;
        if (tokens is [var select, ..] && select.IsWord("SELECT"))
        {
            statement = InfluxQlReferences.Select;
            extractor.ReadSelect(tokens);
        }
        else if (tokens is [var show, var tag, var values, ..] && show.IsWord("SHOW") && tag.IsWord("TAG") && values.IsWord("VALUES"))
        {
            statement = InfluxQlReferences.ShowTagValues;
            extractor.ReadShowTagValues(tokens);
        }
        else
        {
            return InfluxQlReferences.Unreadable("only SELECT and SHOW TAG VALUES statements are checked");
        }

        return new(statement, extractor._measurement, extractor._selected, extractor._filtered, extractor._grouped,
            extractor._tagKey, extractor._filtersOnTime, extractor._problems);
    }

    private void ReadSelect(IReadOnlyList<InfluxQlToken> tokens)
    {
        var clauses = Clauses(tokens, 0, SelectClauses);
        ReadSelected(clauses["SELECT"]);
        ReadFrom(clauses.GetValueOrDefault("FROM"));
        ReadWhere(clauses.GetValueOrDefault("WHERE"));
        ReadGroupBy(clauses.GetValueOrDefault("GROUP"));
        ReadOrderBy(clauses.GetValueOrDefault("ORDER"));
        if (clauses.ContainsKey("INTO"))
        {
            _problems.Add("INTO writes: a dashboard query only reads");
        }

        Expect(clauses.GetValueOrDefault("FILL"), "fill", t => t is [{ Text: "(" }, { Kind: InfluxQlTokenKind.Word or InfluxQlTokenKind.Number }, { Text: ")" }]);
        Expect(clauses.GetValueOrDefault("TZ"), "tz", t => t is [{ Text: "(" }, { Kind: InfluxQlTokenKind.String }, { Text: ")" }]);
        foreach (var keyword in (string[])["LIMIT", "OFFSET", "SLIMIT", "SOFFSET"])
        {
            Expect(clauses.GetValueOrDefault(keyword), keyword, t => t is [{ Kind: InfluxQlTokenKind.Number }]);
        }
    }

    private void ReadShowTagValues(IReadOnlyList<InfluxQlToken> tokens)
    {
        var clauses = Clauses(tokens, 3, ShowClauses);
        ReadFrom(clauses.GetValueOrDefault("FROM"));
        ReadWhere(clauses.GetValueOrDefault("WHERE"));
        if (clauses.ContainsKey("ON"))
        {
            _problems.Add("SHOW TAG VALUES ON names a database: the data source names it");
        }

        Expect(clauses.GetValueOrDefault("LIMIT"), "LIMIT", t => t is [{ Kind: InfluxQlTokenKind.Number }]);
        Expect(clauses.GetValueOrDefault("OFFSET"), "OFFSET", t => t is [{ Kind: InfluxQlTokenKind.Number }]);
        if (clauses.GetValueOrDefault("WITH") is [var key, var equals, { Kind: InfluxQlTokenKind.Identifier } name] && key.IsWord("KEY") && equals.IsSymbol("="))
        {
            _tagKey = name.Text;
        }
        else
        {
            _problems.Add("SHOW TAG VALUES needs WITH KEY = \"key\" with one double-quoted key");
        }
    }

    /// <summary>Splits a statement at its clause keywords outside parentheses; a clause's tokens exclude its keyword.</summary>
    private Dictionary<string, List<InfluxQlToken>> Clauses(IReadOnlyList<InfluxQlToken> tokens, int start, string[] keywords)
    {
        var clauses = new Dictionary<string, List<InfluxQlToken>>(StringComparer.OrdinalIgnoreCase);
        List<InfluxQlToken>? clause = null;
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var keyword = depth == 0 && token.Kind == InfluxQlTokenKind.Word ? Array.Find(keywords, token.IsWord) : null;
            depth += token.IsSymbol("(") ? 1 : token.IsSymbol(")") ? -1 : 0;
            if (keyword is not null)
            {
                clause = [];
                if (!clauses.TryAdd(keyword, clause))
                {
                    _problems.Add($"{keyword} appears twice");
                }
            }
            else if (token.IsSymbol(";"))
            {
                _problems.Add("more than one statement");
            }
            else if (clause is null)
            {
                _problems.Add($"{token} at {token.Position} belongs to no clause");
            }
            else
            {
                clause.Add(token);
            }
        }

        if (depth != 0)
        {
            _problems.Add("parentheses do not balance");
        }

        return clauses;
    }

    private void ReadSelected(List<InfluxQlToken> tokens)
    {
        var functions = new Stack<(string Name, int Depth)>();
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
            if (token.IsSymbol("("))
            {
                depth++;
            }
            else if (token.IsSymbol(")"))
            {
                if (functions.TryPeek(out var f) && f.Depth == depth)
                {
                    functions.Pop();
                }

                depth--;
            }
            else if (token.IsWord("AS"))
            {
                if (next.Kind != InfluxQlTokenKind.Identifier)
                {
                    _problems.Add($"AS at {token.Position} needs a double-quoted alias");
                }

                i++;
            }
            else if (token.Kind == InfluxQlTokenKind.Word && next.IsSymbol("("))
            {
                if (!Functions.Contains(token.Text))
                {
                    _problems.Add($"{token.Text}() is not an InfluxQL function");
                }

                functions.Push((token.Text.ToLowerInvariant(), depth + 1));
            }
            else
            {
                ReadSelectedOperand(tokens, i, functions.TryPeek(out var f) ? f.Name : null);
            }
        }
    }

    private void ReadSelectedOperand(List<InfluxQlToken> tokens, int i, string? function)
    {
        var token = tokens[i];
        switch (token.Kind)
        {
            case InfluxQlTokenKind.Identifier:
                _selected.Add(new(token.Text, function));
                break;
            case InfluxQlTokenKind.Word:
                _problems.Add($"{token.Text} at {token.Position} is not double-quoted: write \"{token.Text}\"");
                break;
            case InfluxQlTokenKind.Symbol when token.Text == "*" && !(i > 0 && IsOperand(tokens[i - 1])):
                _problems.Add("SELECT * reads whatever fields exist: name them");
                break;
            case InfluxQlTokenKind.String or InfluxQlTokenKind.Regex:
                _problems.Add($"{token} at {token.Position} has no place in SELECT");
                break;
            default:
                break;
        }
    }

    private static bool IsOperand(InfluxQlToken token) =>
        token.IsSymbol(")") || token.Kind is InfluxQlTokenKind.Identifier or InfluxQlTokenKind.Number or InfluxQlTokenKind.Variable;

    private void ReadFrom(List<InfluxQlToken>? tokens)
    {
        switch (tokens)
        {
            case null:
                _problems.Add("no FROM: name the measurement");
                break;
            case [{ Kind: InfluxQlTokenKind.Identifier } measurement]:
                _measurement = measurement.Text;
                break;
            case [{ Kind: InfluxQlTokenKind.Identifier }, { Text: "." }, ..]:
                _problems.Add("FROM names a database or retention policy: name only the measurement, the data source names the database");
                break;
            case [{ Kind: InfluxQlTokenKind.Word } word]:
                _problems.Add($"FROM {word.Text} is not double-quoted: write FROM \"{word.Text}\"");
                break;
            default:
                _problems.Add($"FROM {string.Join(' ', tokens)} is not one double-quoted measurement (subqueries and regular expressions are not checked)");
                break;
        }
    }

    private void ReadWhere(List<InfluxQlToken>? tokens)
    {
        if (tokens is null)
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == InfluxQlTokenKind.Identifier)
            {
                _filtered.Add(token.Text);
            }
            else if (token.Kind == InfluxQlTokenKind.Variable && token.Text is "$timeFilter" or "${timeFilter}")
            {
                _filtersOnTime = true;
            }
            else if (token.IsWord("time"))
            {
                _filtersOnTime = true;
            }
            else if (token.Kind == InfluxQlTokenKind.Word && !token.IsWord("AND") && !token.IsWord("OR") && !token.IsWord("true") && !token.IsWord("false")
                && !(token.IsWord("now") && i + 1 < tokens.Count && tokens[i + 1].IsSymbol("(")))
            {
                _problems.Add($"{token.Text} at {token.Position} in WHERE is not double-quoted: write \"{token.Text}\"");
            }
        }
    }

    private void ReadGroupBy(List<InfluxQlToken>? tokens)
    {
        if (tokens is null)
        {
            return;
        }

        if (tokens is not [var by, ..] || !by.IsWord("BY"))
        {
            _problems.Add("GROUP needs BY");
            return;
        }

        foreach (var item in Split(tokens.Skip(1)))
        {
            switch (item)
            {
                case [{ Kind: InfluxQlTokenKind.Identifier } tag]:
                    _grouped.Add(tag.Text);
                    break;
                case [var time, { Text: "(" }, .., { Text: ")" }] when time.IsWord("time"):
                    break;
                case [{ Kind: InfluxQlTokenKind.Word } word]:
                    _problems.Add($"GROUP BY {word.Text} is not double-quoted: write \"{word.Text}\"");
                    break;
                default:
                    _problems.Add($"GROUP BY {string.Join(' ', item)} is neither time(...) nor one double-quoted tag");
                    break;
            }
        }
    }

    private void ReadOrderBy(List<InfluxQlToken>? tokens)
    {
        if (tokens is not null && !(tokens is [var by, var time, ..] && by.IsWord("BY") && time.IsWord("time")
            && tokens.Count <= 3 && (tokens.Count == 2 || tokens[2].IsWord("ASC") || tokens[2].IsWord("DESC"))))
        {
            _problems.Add("InfluxQL orders only by time: ORDER BY time [ASC|DESC]");
        }
    }

    private void Expect(List<InfluxQlToken>? tokens, string clause, Func<List<InfluxQlToken>, bool> wellFormed)
    {
        if (tokens is not null && !wellFormed(tokens))
        {
            _problems.Add($"{clause} {string.Join(' ', tokens)} is not understood");
        }
    }

    private static IEnumerable<List<InfluxQlToken>> Split(IEnumerable<InfluxQlToken> tokens)
    {
        var item = new List<InfluxQlToken>();
        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token.IsSymbol("(") ? 1 : token.IsSymbol(")") ? -1 : 0;
            if (depth == 0 && token.IsSymbol(","))
            {
                yield return item;
                item = [];
            }
            else
            {
                item.Add(token);
            }
        }

        yield return item;
    }
}
