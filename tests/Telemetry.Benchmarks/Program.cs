using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Telemetry.Benchmarks.DecodeBenchmarks).Assembly).Run(args, Telemetry.Benchmarks.InProcessConfig.Create());
