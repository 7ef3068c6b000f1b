# syntax=docker/dockerfile:1
# The Azure Functions app (functions/Telemetry.Functions) in the Functions host image, for Azure Container Apps,
# Kubernetes or a local run. On an Azure Functions plan (infra/azure) the app is deployed as code, not as this image.
#
#   docker build -f infra/docker/functions.Dockerfile -t telemetry-functions .    (from the repository root)
#   docker run -p 8080:8080 -e AzureWebJobsStorage=... -e Ledger__Directory=/ledger -v ledger:/ledger:ro \
#     telemetry-functions
#
# App settings are environment variables (functions/README.md lists them: Influx__Url, Ledger__Directory, ...).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY ingest/ ingest/
COPY analytics/ analytics/
COPY functions/ functions/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish functions/Telemetry.Functions/Telemetry.Functions.csproj -c Release -o /home/site/wwwroot

# The host image is published for linux/amd64 only.
FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0
ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true \
    ASPNETCORE_URLS=http://+:8080
COPY --from=build /home/site/wwwroot /home/site/wwwroot
# Not root: the host listens on 8080 rather than 80 for that. Microsoft documents the host image as run by root, so
# this is the one image here that has not been run (no container engine where it was written); see infra/README.md.
RUN id -u app >/dev/null 2>&1 || useradd --uid 1654 --user-group --no-create-home --shell /usr/sbin/nologin app
USER 1654
EXPOSE 8080
