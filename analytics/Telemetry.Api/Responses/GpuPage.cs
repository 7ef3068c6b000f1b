using Telemetry.Analytics.Queries;

namespace Telemetry.Api.Responses;

/// <summary>One page of the GPUs of the latest window, ordered by node then index.</summary>
/// <param name="Total">GPUs that match the filter, on every page.</param>
/// <param name="Offset">GPUs skipped before this page.</param>
/// <param name="Limit">The most GPUs a page holds.</param>
/// <param name="Gpus">This page's GPUs.</param>
public sealed record GpuPage(int Total, int Offset, int Limit, IReadOnlyList<GpuStatus> Gpus);
