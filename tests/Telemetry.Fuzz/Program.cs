return Telemetry.Fuzz.FuzzCommand.Run(args, Console.Out);
