namespace Telemetry.Agent.Collectors;

/// <summary>Why a reported number is no reading: DCGM's and NVML's sentinel values.</summary>
public enum BlankReason
{
    /// <summary>DCGM_*_BLANK: no value yet.</summary>
    Blank,
    /// <summary>DCGM_*_NOT_FOUND.</summary>
    NotFound,
    /// <summary>DCGM_*_NOT_SUPPORTED.</summary>
    NotSupported,
    /// <summary>DCGM_*_NOT_PERMISSIONED.</summary>
    NotPermissioned,
    /// <summary>NVML's 0xFFFFFFFF for an unavailable 32-bit reading, such as a utilization.</summary>
    Unavailable,
    /// <summary>nvidia-smi's <c>[N/A]</c>, <c>[Not Supported]</c>, a deprecation notice or other text where a number belongs.</summary>
    NotANumber,
}
