using Telemetry.Cli;

return await TelemetryApp.RunAsync(args).ConfigureAwait(false);
