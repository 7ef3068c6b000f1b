namespace Telemetry.Fuzz;

/// <summary>A parser accepted input into a state its contract rules out: a finding, as much as an escaping exception.</summary>
internal sealed class Finding : Exception
{
    /// <summary>Creates the exception.</summary>
    public Finding() { }

    /// <summary>Creates the exception with a message.</summary>
    public Finding(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public Finding(string message, Exception inner) : base(message, inner) { }

    /// <summary>Throws unless <paramref name="holds"/>.</summary>
    public static void Unless(bool holds, string problem)
    {
        if (!holds)
        {
            throw new Finding(problem);
        }
    }
}
