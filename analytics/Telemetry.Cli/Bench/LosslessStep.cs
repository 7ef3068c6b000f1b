namespace Telemetry.Cli.Bench;

/// <summary>One offered rate of the lossless sweep.</summary>
/// <param name="Offered">Samples per second offered.</param>
/// <param name="Delivered">Samples per second the agents sent, acknowledgements included.</param>
/// <param name="Sent">Samples sent.</param>
/// <param name="Aggregated">Samples the aggregator reduced into windows.</param>
/// <param name="Held">Whether every sample arrived and the agents kept up the rate.</param>
/// <param name="Messages">Messages sent.</param>
/// <param name="MeanBytes">Mean payload size.</param>
/// <param name="RowsPerMessage">Samples in each message.</param>
internal sealed record LosslessStep(double Offered, double Delivered, long Sent, long Aggregated, bool Held, long Messages, int MeanBytes, int RowsPerMessage);
