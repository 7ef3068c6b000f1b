namespace Telemetry.Alerting.Rules;

/// <summary>
/// A node seen before that sends no GPU windows for the rule's duration; the alert starts where its data stopped.
/// A node silent for <see cref="AgentSilentRuleOptions.ForgetAfter"/> is forgotten and its alert resolves.
/// </summary>
internal sealed class AgentSilentRule(AgentSilentRuleOptions options, AlertFactory factory) : IAlertRule
{
    private const string Action =
        "Check the node's telemetry agent: is the service running, can it reach Kafka, is its disk spool filling? Then check the node "
        + "itself (power, network, kernel log).";

    private readonly Dictionary<string, long> _lastSeenEnd = new(StringComparer.Ordinal);

    public void Evaluate(WindowContext context, List<Alert> firing)
    {
        foreach (var gpu in context.Window.Gpus)
        {
            _lastSeenEnd[gpu.Node] = context.End;
        }

        var forgetMs = (long)options.ForgetAfter.TotalMilliseconds;
        foreach (var (node, lastSeen) in _lastSeenEnd.ToList())
        {
            if (context.End - lastSeen >= forgetMs)
            {
                _lastSeenEnd.Remove(node);
            }
            else if (lastSeen < context.End && context.HasLasted(lastSeen, options.For))
            {
                var silent = Durations.Between(lastSeen, context.End);
                firing.Add(factory.Create(AlertNames.AgentSilent, AlertSeverity.Warning, AlertFactory.Time(lastSeen),
                    new($"Node {node} sent no GPU data for {silent}",
                        $"The agent on {node} sent no GPU windows since {Durations.At(lastSeen)} ({silent}); its GPUs are not being watched meanwhile.",
                        Action),
                    (AlertLabels.Node, node)));
            }
        }
    }
}
