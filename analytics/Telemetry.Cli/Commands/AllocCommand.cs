using System.ComponentModel;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Telemetry.Cli.Commands;

/// <summary>
/// <c>telemetry agent alloc start|stop</c>: tells the node's agent that a job takes or releases GPUs, for Slurm
/// prolog and epilog scripts. Inside a prolog or epilog every option defaults from Slurm's environment.
/// </summary>
internal sealed class AllocCommand : AsyncCommand<AllocCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--job <ID>")]
        [Description("Job id. Default: SLURM_JOB_ID.")]
        public string? Job { get; init; }

        [CommandOption("--gpus <LIST>")]
        [Description("GPUs by index (0,1), MIG instance (0.3) or UUID, comma-separated. Default: SLURM_JOB_GPUS, else CUDA_VISIBLE_DEVICES.")]
        public string? Gpus { get; init; }

        [CommandOption("--user <NAME>")]
        [Description("User. Default: SLURM_JOB_USER.")]
        public string? User { get; init; }

        [CommandOption("--team <NAME>")]
        [Description("Team or cost centre. Default: SLURM_JOB_ACCOUNT.")]
        public string? Team { get; init; }

        [CommandOption("--agent <URL>")]
        [Description("The agent's local endpoint.")]
        [DefaultValue("http://127.0.0.1:9410")]
        public string Agent { get; init; } = "http://127.0.0.1:9410";

        public string? JobValue => Job ?? Environment.GetEnvironmentVariable("SLURM_JOB_ID");

        public string? GpusValue => Gpus ?? Environment.GetEnvironmentVariable("SLURM_JOB_GPUS") ?? Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES");

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(JobValue) ? ValidationResult.Error("--job is required (or run inside a Slurm prolog/epilog, where SLURM_JOB_ID is set).")
            : string.IsNullOrWhiteSpace(GpusValue) ? ValidationResult.Error("--gpus is required (or set SLURM_JOB_GPUS / CUDA_VISIBLE_DEVICES), e.g. --gpus 0,1.")
            : !Uri.TryCreate(Agent, UriKind.Absolute, out _) ? ValidationResult.Error($"--agent '{Agent}' is not a URL like http://127.0.0.1:9410.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var type = context.Name;
        var body = new JsonObject
        {
            ["type"] = type,
            ["job_id"] = settings.JobValue,
            ["gpus"] = new JsonArray([.. settings.GpusValue!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => JsonValue.Create(g))]),
            ["user"] = settings.User ?? Environment.GetEnvironmentVariable("SLURM_JOB_USER") ?? "",
            ["team"] = settings.Team ?? Environment.GetEnvironmentVariable("SLURM_JOB_ACCOUNT") ?? "",
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var endpoint = new Uri(new Uri(settings.Agent), "/v1/allocations");
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint, body, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                AnsiConsole.Console.MarkupLineInterpolated($"{type} of job {settings.JobValue} on GPUs {settings.GpusValue} sent to the agent.");
                return 0;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            AnsiConsole.Console.MarkupLineInterpolated($"[red]The agent refused the {type}:[/] {Detail(text)}");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]No agent answered at {settings.Agent}[/] ({e.Message}). Start 'telemetry agent' on this node, or give its address with --agent.");
            return 2;
        }
    }

    private static string Detail(string problem)
    {
        try
        {
            return JsonNode.Parse(problem)?["detail"]?.GetValue<string>() ?? problem;
        }
        catch (JsonException)
        {
            return problem;
        }
    }
}
