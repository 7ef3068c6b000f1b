namespace Telemetry.Contract.Fields;

/// <summary>The Arrow column type a field travels as.</summary>
public enum FieldValueType
{
    /// <summary>32-bit float: readings whose sensors have fewer than seven significant digits.</summary>
    FloatingPoint,

    /// <summary>64-bit signed integer: counters, identifiers and bitmasks that must stay exact.</summary>
    WholeNumber,
}
