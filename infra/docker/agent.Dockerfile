# syntax=docker/dockerfile:1
# The node agent: `telemetry-agent`, the ahead-of-time compiled agent, reads dcgm-exporter (or NVML, or nvidia-smi) on
# a GPU node and sends every GPU's samples, the node's job allocations and the jobs' throughput to Kafka. About 35 MiB
# resident at 8 GPUs a second against about 100 MiB for the JIT `telemetry agent` (README, Performance).
#
#   docker build -f infra/docker/agent.Dockerfile -t telemetry-agent .          (from the repository root)
#   docker run telemetry-agent --bootstrap kafka-1:9092 --node "$(hostname)" --dcgm-url http://HOST:9400/metrics
#
# Arguments after the image name are the options of `telemetry agent run` (`--help` lists them). Give `--node`: the
# container's host name is random, and the node name keys the agent's messages and its sequence numbers.

# Native AOT compiles for the machine it runs on: the build stage runs on the target's architecture (an arm64 image is
# built on arm64, or under emulation), in the SDK image that carries the native toolchain (clang, zlib).
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY ingest/ ingest/
# One native binary, with librdkafka's build for the target architecture beside it.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish ingest/Telemetry.Agent.Host/Telemetry.Agent.Host.csproj -c Release -a "$TARGETARCH" -p:DebugType=none -o /app
# The state directory (the disk spool), created here because the runtime image has no shell.
RUN mkdir -p /state/spool

# Chiseled, without the .NET runtime (the binary carries what it runs): no shell, no package manager, non-root by
# default, with the C libraries librdkafka links (libc, libstdc++, OpenSSL, zlib). The agent needs no time zone data.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /app /app
# 1654 is APP_UID, the non-root user of the .NET images.
COPY --from=build --chown=1654:1654 /state /var/lib/telemetry
USER 1654
# Relative paths resolve here: the spool is /var/lib/telemetry/spool (--spool); mount a volume to keep it.
WORKDIR /var/lib/telemetry
VOLUME /var/lib/telemetry
# The local endpoint for throughput reports and Slurm prolog/epilog allocations (--listen). It binds 127.0.0.1 by
# default, which inside a container is the container's own loopback: on the host network (Kubernetes hostNetwork) jobs
# on the node reach it there; otherwise give --listen http://0.0.0.0:9410 and publish the port on the host's
# loopback only, since the endpoint has no authentication.
EXPOSE 9410
ENTRYPOINT ["/app/telemetry-agent"]
