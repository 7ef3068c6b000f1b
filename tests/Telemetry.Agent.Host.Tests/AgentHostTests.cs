namespace Telemetry.Agent.Host.Tests;

[TestClass]
public sealed class AgentHostTests
{
    [TestMethod]
    public async Task BadInputExitsWithTheUsageStatusAndTheProblem()
    {
        var output = new StringWriter();

        var exit = await AgentHost.RunAsync(["--bootstrap", "kafka-1:9092", "--interval", "10ms"], output);

        Assert.AreEqual(AgentHost.UsageError, exit);
        Assert.AreEqual("Error: --interval '10ms' must be a duration of at least 100ms, like 1s." + Environment.NewLine, output.ToString());
    }

    [TestMethod]
    public async Task HelpListsEveryOptionWithItsDefaultAndStartsNothing()
    {
        var output = new StringWriter();

        var exit = await AgentHost.RunAsync(["--bootstrap", "kafka-1:9092", "--help"], output);

        Assert.AreEqual(0, exit);
        var help = output.ToString();
        foreach (var option in AgentArguments.Options)
        {
            Assert.Contains(option.Name, help);
        }

        Assert.Contains("--spool-max-mib <N>", help);
        Assert.Contains("Default: http://127.0.0.1:9410.", help);
        Assert.Contains("EXAMPLES:", help);
    }
}
