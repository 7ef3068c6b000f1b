namespace Telemetry.Api.Http;

/// <summary>Ends a request with a problem response; thrown by the checks a handler runs before it queries.</summary>
internal sealed class ApiProblemException : Exception
{
    public ApiProblemException()
    {
        Problem = ApiProblems.Create(500, "Internal error", "The request failed.");
    }

    public ApiProblemException(string message)
        : base(message)
    {
        Problem = ApiProblems.Create(500, "Internal error", message);
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = ApiProblems.Create(500, "Internal error", message);
    }

    public ApiProblemException(ApiProblem problem)
        : base(problem?.Detail)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    /// <summary>The problem to answer with.</summary>
    public ApiProblem Problem { get; }
}
