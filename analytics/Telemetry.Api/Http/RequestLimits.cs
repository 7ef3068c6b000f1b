namespace Telemetry.Api.Http;

/// <summary>The bounds every request is held to before anything it carries is read.</summary>
public static class RequestLimits
{
    /// <summary>The longest query string (after <c>?</c>, still encoded): longer ones are answered 413.</summary>
    public const int MaxQueryStringLength = 8 * 1024;

    /// <summary>The longest value of one parameter, decoded: longer ones are answered 400 naming the parameter.</summary>
    public const int MaxValueLength = 256;

    /// <summary>The longest <c>X-MS-CLIENT-PRINCIPAL</c> header read (base64): a longer one counts as unparseable.</summary>
    public const int MaxPrincipalHeaderLength = 32 * 1024;

    /// <summary>The most claims read from a principal.</summary>
    public const int MaxClaims = 1000;

    /// <summary>
    /// The query parameter the Functions host reads a function key from (<c>?code=</c>); it is the host's, so every
    /// route tolerates it and none reads it.
    /// </summary>
    public const string FunctionKeyParameter = "code";
}
