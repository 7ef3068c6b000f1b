#!/bin/bash
# Runs once, after the influxdb image's first setup (mounted in /docker-entrypoint-initdb.d): maps the InfluxQL database
# "telemetry" (retention policy "autogen") to the bucket the aggregator writes, so that the Grafana dashboards and the
# API's InfluxQL queries (/query) find the data. The image's entrypoint gives the setup's org and bucket id, and has
# configured the influx CLI with the admin token.
set -euo pipefail
influx v1 dbrp create \
  --org "${DOCKER_INFLUXDB_INIT_ORG}" \
  --bucket-id "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --db telemetry \
  --rp autogen \
  --default
