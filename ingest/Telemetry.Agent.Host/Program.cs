using Telemetry.Agent.Host;

return await AgentHost.RunAsync(args, Console.Out).ConfigureAwait(false);
