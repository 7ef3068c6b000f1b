using Telemetry.Contract.Fields;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// Turns NVML results into the collector's accounting: a field NVML does not support is a blank, any other failed call
/// an error named after what failed and the nvml.h code (<c>power_usage: NVML_ERROR_NO_PERMISSION</c>).
/// </summary>
internal sealed class NvmlAccounting(CollectorCounters counters)
{
    private static readonly string[] FieldNames = [.. FieldCatalog.All.Select(f => f.Name)];

    /// <summary>Whether the call for the field at <paramref name="ordinal"/> succeeded; counts it when it did not.</summary>
    public bool Succeeded(NvmlReturn result, int ordinal)
    {
        if (result == NvmlReturn.Success)
        {
            return true;
        }

        if (result == NvmlReturn.NotSupported)
        {
            counters.Blank(FieldNames[ordinal], BlankReason.NotSupported);
        }
        else
        {
            Failed(FieldNames[ordinal], result);
        }

        return false;
    }

    /// <summary>Whether a value is a reading rather than NVML's "unavailable" sentinel; counts the sentinel.</summary>
    public bool Available(bool isSentinel, int ordinal)
    {
        if (isSentinel)
        {
            counters.Blank(FieldNames[ordinal], BlankReason.Unavailable);
        }

        return !isSentinel;
    }

    /// <summary>Whether a call that no single field depends on succeeded; counts it when it did not.</summary>
    public bool Succeeded(NvmlReturn result, string entryPoint)
    {
        if (result != NvmlReturn.Success)
        {
            Failed(entryPoint, result);
        }

        return result == NvmlReturn.Success;
    }

    /// <summary>Counts a failure of <paramref name="what"/>.</summary>
    public void Failed(string what, NvmlReturn result) => counters.Error(what + ": " + result.HeaderName());

    /// <summary>Counts a field whose value came in a form this binding cannot read.</summary>
    public void Unreadable(int ordinal, string why) => counters.Error(FieldNames[ordinal] + ": " + why);
}
