using Telemetry.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>The workloads of Kubernetes manifests (or of strategic-merge patches of them), read for the checks.</summary>
internal static class KubernetesManifests
{
    private static readonly string[] Workloads = ["Deployment", "DaemonSet", "StatefulSet", "Job", "CronJob"];

    /// <summary>
    /// The containers of our images in the workloads of <paramref name="text"/>. A container is ours when its image, or
    /// for a patch without an image its workload's name, is <c>telemetry-NAME</c> with an infra/docker/NAME.Dockerfile.
    /// A variable a patch deletes (<c>$patch: delete</c>) is not set.
    /// </summary>
    public static IEnumerable<Container> Containers(string name, string text)
    {
        foreach (var document in Yaml.Documents(text))
        {
            if (!Workloads.Contains(document.Get("kind").Text()))
            {
                continue;
            }

            var workload = document.Get("metadata").Get("name").Text();
            var pod = document.Get("kind").Text() == "CronJob"
                ? document.Get("spec").Get("jobTemplate").Get("spec").Get("template").Get("spec")
                : document.Get("spec").Get("template").Get("spec");
            foreach (var container in pod.Get("initContainers").Items().Concat(pod.Get("containers").Items()))
            {
                var image = container.Get("image").Text();
                if (Container.DockerfileFor(image ?? workload) is not { } dockerfile)
                {
                    continue;
                }

                yield return new Container(
                    $"{name} {workload}/{container.Get("name").Text()}",
                    dockerfile,
                    List(container.Get("command")),
                    List(container.Get("args")),
                    [.. container.Get("env").Items().Where(e => e.Get("$patch").Text() != "delete").Select(e => e.Get("name").Text() ?? "")]);
            }
        }
    }

    private static List<string>? List(YamlNode? node) => node is YamlSequenceNode ? [.. node.Items().Select(i => i.Text() ?? "")] : null;
}
