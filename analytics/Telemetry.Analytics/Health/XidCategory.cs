namespace Telemetry.Analytics.Health;

/// <summary>Where an XID most likely comes from, which decides who acts on it.</summary>
public enum XidCategory
{
    /// <summary>The application running on the GPU (a bug in user code); the GPU needs no repair.</summary>
    Application,

    /// <summary>GPU memory (ECC errors, page retirement, row remapping).</summary>
    Memory,

    /// <summary>The GPU itself, its board or its PCIe connection.</summary>
    Hardware,

    /// <summary>NVLink or the C2C link between GPU and CPU.</summary>
    Interconnect,

    /// <summary>Driver or GPU firmware (GSP, internal micro-controllers).</summary>
    Driver,

    /// <summary>A record of something else (a consequence of an earlier XID, a recovery notice).</summary>
    Informational,
}
