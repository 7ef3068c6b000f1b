using Telemetry.Testing.Influx;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>
/// The base of test classes that run against a real influxd: one server per class, started before its first test and
/// stopped after its last, running and with an empty database before every test.
/// </summary>
public abstract class RealInfluxTest
{
    private static InfluxServer? _server;

    public TestContext TestContext { get; set; } = null!;

    protected static InfluxServer Server => _server ?? throw new InvalidOperationException("The server did not start.");

    [ClassInitialize(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StartServer(TestContext context) =>
        _server = await InfluxServer.StartAsync(cancellationToken: context.CancellationToken);

    [ClassCleanup(InheritanceBehavior.BeforeEachDerivedClass)]
    public static async Task StopServer()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    [TestInitialize]
    public async Task EmptyDatabase()
    {
        if (!Server.IsRunning)
        {
            await Server.StartAgainAsync(TestContext.CancellationToken);
        }

        await Server.ResetAsync(TestContext.CancellationToken);
    }
}
