namespace Telemetry.Agent.Spooling;

/// <summary>A number of messages and the sample rows they hold (events hold none).</summary>
/// <param name="Messages">Messages of any topic.</param>
/// <param name="Rows">Sample rows in those messages.</param>
public readonly record struct DeliveryCount(long Messages, long Rows)
{
    /// <summary>One message of <paramref name="rows"/> rows.</summary>
    public static DeliveryCount One(int rows) => new(1, rows);

    /// <summary>The sum of two counts.</summary>
    public static DeliveryCount operator +(DeliveryCount left, DeliveryCount right) => new(left.Messages + right.Messages, left.Rows + right.Rows);

    /// <summary>The difference of two counts.</summary>
    public static DeliveryCount operator -(DeliveryCount left, DeliveryCount right) => new(left.Messages - right.Messages, left.Rows - right.Rows);

    /// <inheritdoc cref="op_Addition"/>
    public static DeliveryCount Add(DeliveryCount left, DeliveryCount right) => left + right;

    /// <inheritdoc cref="op_Subtraction"/>
    public static DeliveryCount Subtract(DeliveryCount left, DeliveryCount right) => left - right;

    /// <inheritdoc />
    public override string ToString() => $"{Messages} messages ({Rows} rows)";
}
