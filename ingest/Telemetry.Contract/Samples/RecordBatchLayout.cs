namespace Telemetry.Contract.Samples;

/// <summary>Where the parts of an Arrow IPC record batch message lie: positions in its metadata, each element 16 bytes.</summary>
/// <param name="Rows">Rows the batch claims.</param>
/// <param name="BodyLength">Bytes of the message body that follows the metadata.</param>
/// <param name="Nodes">Position of the first field node (length, null count).</param>
/// <param name="NodeCount">Field nodes.</param>
/// <param name="Buffers">Position of the first buffer (offset in the body, length).</param>
/// <param name="BufferCount">Buffers.</param>
/// <param name="Compressed">Whether the body is compressed.</param>
internal readonly record struct RecordBatchLayout(long Rows, long BodyLength, int Nodes, int NodeCount, int Buffers, int BufferCount, bool Compressed);
