namespace Telemetry.Analytics.Queries;

/// <summary>A query parameter a caller sent is not acceptable; <see cref="ArgumentException.ParamName"/> names it and the message says why.</summary>
public sealed class InvalidQueryException : ArgumentException
{
    private readonly string _problem = "";

    /// <summary>Creates the exception.</summary>
    public InvalidQueryException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidQueryException(string message)
        : base(message) => _problem = message;

    /// <summary>Creates the exception.</summary>
    public InvalidQueryException(string message, Exception innerException)
        : base(message, innerException) => _problem = message;

    /// <summary>Creates the exception for one parameter.</summary>
    public InvalidQueryException(string message, string parameter)
        : base(message, parameter) => _problem = message;

    /// <summary>The problem, without the parameter suffix ArgumentException adds.</summary>
    public override string Message => _problem.Length > 0 ? _problem : base.Message;
}
