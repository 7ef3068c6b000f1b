namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>NVML's <c>nvmlReturn_t</c> (nvml.h 12.2.140), the result of every NVML call.</summary>
internal enum NvmlReturn
{
    /// <summary>NVML_SUCCESS.</summary>
    Success = 0,
    /// <summary>NVML_ERROR_UNINITIALIZED.</summary>
    Uninitialized = 1,
    /// <summary>NVML_ERROR_INVALID_ARGUMENT.</summary>
    InvalidArgument = 2,
    /// <summary>NVML_ERROR_NOT_SUPPORTED: the device lacks the feature.</summary>
    NotSupported = 3,
    /// <summary>NVML_ERROR_NO_PERMISSION.</summary>
    NoPermission = 4,
    /// <summary>NVML_ERROR_ALREADY_INITIALIZED.</summary>
    AlreadyInitialized = 5,
    /// <summary>NVML_ERROR_NOT_FOUND.</summary>
    NotFound = 6,
    /// <summary>NVML_ERROR_INSUFFICIENT_SIZE.</summary>
    InsufficientSize = 7,
    /// <summary>NVML_ERROR_INSUFFICIENT_POWER.</summary>
    InsufficientPower = 8,
    /// <summary>NVML_ERROR_DRIVER_NOT_LOADED.</summary>
    DriverNotLoaded = 9,
    /// <summary>NVML_ERROR_TIMEOUT.</summary>
    Timeout = 10,
    /// <summary>NVML_ERROR_IRQ_ISSUE.</summary>
    IrqIssue = 11,
    /// <summary>NVML_ERROR_LIBRARY_NOT_FOUND.</summary>
    LibraryNotFound = 12,
    /// <summary>NVML_ERROR_FUNCTION_NOT_FOUND: also what this binding answers for an entry point the loaded library lacks.</summary>
    FunctionNotFound = 13,
    /// <summary>NVML_ERROR_CORRUPTED_INFOROM.</summary>
    CorruptedInforom = 14,
    /// <summary>NVML_ERROR_GPU_IS_LOST: the GPU fell off the bus.</summary>
    GpuIsLost = 15,
    /// <summary>NVML_ERROR_RESET_REQUIRED.</summary>
    ResetRequired = 16,
    /// <summary>NVML_ERROR_OPERATING_SYSTEM.</summary>
    OperatingSystem = 17,
    /// <summary>NVML_ERROR_LIB_RM_VERSION_MISMATCH: the library and the kernel driver differ.</summary>
    LibRmVersionMismatch = 18,
    /// <summary>NVML_ERROR_IN_USE.</summary>
    InUse = 19,
    /// <summary>NVML_ERROR_MEMORY.</summary>
    Memory = 20,
    /// <summary>NVML_ERROR_NO_DATA.</summary>
    NoData = 21,
    /// <summary>NVML_ERROR_VGPU_ECC_NOT_SUPPORTED.</summary>
    VgpuEccNotSupported = 22,
    /// <summary>NVML_ERROR_INSUFFICIENT_RESOURCES.</summary>
    InsufficientResources = 23,
    /// <summary>NVML_ERROR_FREQ_NOT_SUPPORTED.</summary>
    FreqNotSupported = 24,
    /// <summary>NVML_ERROR_ARGUMENT_VERSION_MISMATCH.</summary>
    ArgumentVersionMismatch = 25,
    /// <summary>NVML_ERROR_DEPRECATED.</summary>
    Deprecated = 26,
    /// <summary>NVML_ERROR_NOT_READY.</summary>
    NotReady = 27,
    /// <summary>NVML_ERROR_GPU_NOT_FOUND.</summary>
    GpuNotFound = 28,
    /// <summary>NVML_ERROR_INVALID_STATE.</summary>
    InvalidState = 29,
    /// <summary>NVML_ERROR_UNKNOWN.</summary>
    Unknown = 999,
}
