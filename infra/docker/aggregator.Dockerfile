# syntax=docker/dockerfile:1
# The aggregator: `telemetry aggregate` consumes the telemetry topics as one member of its consumer group, closes
# event-time windows, writes the Parquet ledger and, with --influx-url, InfluxDB, and runs the alert rules.
#
#   docker build -f infra/docker/aggregator.Dockerfile -t telemetry-aggregator .   (from the repository root)
#   docker run -e TELEMETRY_KAFKA_BOOTSTRAP=kafka-1:9092 -e TELEMETRY_Influx__Token=... -v ledger:/var/lib/telemetry \
#     telemetry-aggregator --influx-url http://influxdb:8086 --influx-org telemetry
#
# Arguments after the image name are the options of `telemetry aggregate` (`--help` lists them). Settings come from
# --config (a JSON file) and TELEMETRY_ environment variables (`__` nests: TELEMETRY_Influx__Token).

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY ingest/ ingest/
COPY analytics/ analytics/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish analytics/Telemetry.Cli/Telemetry.Cli.csproj -c Release -a "$TARGETARCH" --no-self-contained \
      -p:UseAppHost=false -o /app
# The state directory (ledger, webhook outbox, InfluxDB dead letters), created here because the runtime image has no
# shell.
RUN mkdir -p /state/ledger

# Chiseled "extra": as small and shell-less as the agent's, plus the time zone data that tariffs (--cost) and energy
# budgets in a site's time zone need.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra
COPY --from=build /app /app
# 1654 is APP_UID, the non-root user of the .NET images.
COPY --from=build --chown=1654:1654 /state /var/lib/telemetry
USER 1654
# Relative paths resolve here: the ledger is /var/lib/telemetry/ledger (--out); mount a volume to keep it.
WORKDIR /var/lib/telemetry
VOLUME /var/lib/telemetry
# The HTTP API (--api-port). It binds 127.0.0.1 only (it has no authentication of its own), so from outside the
# container it is reached through a proxy in the container's network namespace or `kubectl port-forward`.
EXPOSE 9400
ENTRYPOINT ["dotnet", "/app/telemetry.dll", "aggregate"]
