namespace Telemetry.Analytics.Tests.Support;

/// <summary>The repository's root: the nearest folder above the test binaries that holds Telemetry.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Telemetry.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Telemetry.sln");
    }
}
