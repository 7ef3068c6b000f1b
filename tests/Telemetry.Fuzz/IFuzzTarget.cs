namespace Telemetry.Fuzz;

/// <summary>
/// One parser of untrusted input under fuzzing: it takes any bytes, lets the parser accept or refuse them, and catches
/// only the exceptions the parser documents for bad input. Anything else escapes, and is a finding.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name on the command line and of the corpus folder.</summary>
    string Name { get; }

    /// <summary>Feeds <paramref name="input"/> to the parser.</summary>
    void Run(ReadOnlySpan<byte> input);
}
