// The local web view: polls the API's JSON routes and renders them. Every value from the API is untrusted (job and
// team names come from the fleet): it reaches the page only as text nodes and attribute values, never as markup.
"use strict";

const REFRESH_MS = 5000;
const RANGE_MS = 3600 * 1000;
const MAX_JOBS = 25;

function el(tag, options, ...children) {
  const node = document.createElement(tag);
  if (options) {
    if (options.className) node.className = options.className;
    if (options.title) node.title = options.title;
    if (options.data) for (const [key, value] of Object.entries(options.data)) node.dataset[key] = String(value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function fixed(value, digits) {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "–";
}

function money(value, currency) {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(2) + (currency ? " " + currency : "") : "–";
}

function utcTime(iso) {
  return new Date(iso).toISOString().slice(11, 16);
}

function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store", headers: { accept: "application/json" } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(path.split("?")[0] + " answered " + response.status);
  return response.json();
}

function fill(tableId, rows, empty, columns) {
  const body = document.querySelector("#" + tableId + " tbody");
  const fresh = rows.length > 0 ? rows : [el("tr", null, el("td", { className: "empty" }, empty))];
  if (rows.length === 0) fresh[0].firstChild.colSpan = columns;
  body.replaceChildren(...fresh);
}

function numberCell(text) {
  return el("td", { className: "num" }, text);
}

function renderFleet(fleet) {
  document.getElementById("fleet-gpus").textContent = String(fleet.gpus);
  document.getElementById("fleet-power-kw").textContent = fixed(fleet.powerWatts / 1000, 1);
  document.getElementById("fleet-utilization").textContent = fixed(fleet.utilizationMean, 1);
  document.getElementById("fleet-cost-per-hour").textContent = fixed(fleet.costPerHour, 2);
  document.getElementById("fleet-energy-kwh").textContent = fixed(fleet.energyJoules / 3.6e6, 2);
  document.getElementById("window").textContent = "window " + utcTime(fleet.windowStart) + "–" + utcTime(fleet.windowEnd) + " UTC";
  const states = Object.entries(fleet.gpusByState).sort((a, b) => b[1] - a[1]);
  document.getElementById("legend").replaceChildren(...states.map(([state, count]) =>
    el("li", { className: "state-" + state, data: { state, count } }, state + " " + count)));
}

function renderHeatmap(page) {
  const byNode = new Map();
  for (const gpu of page.gpus) {
    if (!byNode.has(gpu.node)) byNode.set(gpu.node, []);
    byNode.get(gpu.node).push(gpu);
  }
  const rows = [];
  for (const [node, gpus] of byNode) {
    gpus.sort((a, b) => a.gpuIndex - b.gpuIndex);
    const cells = gpus.map(gpu => el("span", {
      className: "cell state-" + (gpu.state || "unknown"),
      title: node + " GPU " + gpu.gpuIndex + " (" + gpu.model + "): " + (gpu.state || "unknown") +
        (gpu.jobId ? ", job " + gpu.jobId : "") + ", " + fixed(gpu.utilizationMean, 0) + " % busy, " + fixed(gpu.powerWatts, 0) + " W",
      data: { node, gpu: gpu.gpuIndex, state: gpu.state || "unknown" },
    }));
    rows.push(el("div", { className: "node" }, el("span", { className: "name", title: node }, node), ...cells));
  }
  document.getElementById("heatmap").replaceChildren(...rows);
}

function renderJobs(jobs) {
  const best = { tokens: Math.max(0, ...jobs.map(j => j.tokensPerJoule || 0)), tflops: Math.max(0, ...jobs.map(j => j.tflopsPerWatt || 0)) };
  fill("jobs", jobs.map(job => {
    const share = job.tokensPerJoule ? job.tokensPerJoule / best.tokens : job.tflopsPerWatt ? job.tflopsPerWatt / best.tflops : 0;
    const bar = el("div", { className: "bar", title: job.tokensPerJoule ? "tokens per joule, against the best job" : "TFLOPS per watt, against the best job" });
    bar.style.width = (share * 8).toFixed(2) + "rem";
    return el("tr", { data: { job: job.jobId } },
      el("td", null, job.jobId), el("td", null, job.team),
      numberCell(fixed(job.gpuSeconds / 3600, 1)), numberCell(fixed(job.energyJoules / 3.6e6, 2)),
      numberCell(job.tokensPerJoule == null ? "–" : fixed(job.tokensPerJoule, 3)),
      numberCell(job.tflopsPerWatt == null ? "–" : fixed(job.tflopsPerWatt, 3)),
      numberCell(money(job.cost, job.currency)), el("td", null, bar));
  }), "No job held a GPU in this range.", 8);
}

function renderTeams(energy, hours) {
  fill("teams", energy.groups.map(group => el("tr", { data: { team: group.key } },
    el("td", null, group.key), numberCell(fixed(group.energyJoules / 3.6e6, 2)),
    numberCell(fixed(group.gpuSeconds / 3600, 1)), numberCell(money(group.cost / hours, group.currency)))),
    "No energy in this range.", 4);
}

function renderWaste(waste) {
  fill("waste", waste.entries.map(entry => el("tr", { data: { team: entry.team, class: entry.class } },
    el("td", null, entry.team), el("td", null, entry.class), el("td", null, entry.model),
    numberCell(fixed(entry.gpuSeconds / 3600, 2)), numberCell(fixed(entry.energyJoules / 3.6e6, 3)), numberCell(money(entry.cost, entry.currency)))),
    "No waste in this range.", 6);
}

function renderAlerts(list) {
  document.getElementById("alerts-count").textContent = list.enabled ? String(list.alerts.length) : "alerting is off";
  fill("alerts", list.alerts.map(alert => {
    const labels = alert.labels || {};
    const where = ["node", "gpu", "job", "team"].filter(name => labels[name]).map(name => name + " " + labels[name]).join(", ");
    return el("tr", { data: { fingerprint: alert.fingerprint } },
      el("td", { className: "severity-" + (alert.severity === "critical" ? "critical" : "warning") }, alert.severity || ""),
      el("td", null, labels.alertname || ""), el("td", null, where),
      el("td", { className: "wrap" }, (alert.annotations || {}).summary || ""), el("td", null, utcTime(alert.startsAt) + " UTC"));
  }), list.enabled ? "No alert is firing." : "Alerting is off.", 5);
}

async function jobRows(range) {
  const energy = await getJson("/api/energy?by=job&" + range);
  const top = energy.groups.slice().sort((a, b) => b.energyJoules - a.energyJoules).slice(0, MAX_JOBS);
  const jobs = await Promise.all(top.map(group => getJson("/api/jobs/" + encodeURIComponent(group.key) + "?" + range)));
  return jobs.filter(job => job !== null);
}

async function refresh() {
  const status = document.getElementById("status");
  try {
    const fleet = await getJson("/api/fleet");
    if (fleet === null) {
      status.textContent = "No window has closed yet; waiting for data.";
      status.className = "status";
      return;
    }
    const end = Date.parse(fleet.windowEnd);
    const from = end - RANGE_MS;
    const range = "from=" + encodeURIComponent(isoSeconds(from)) + "&to=" + encodeURIComponent(isoSeconds(end));
    const [gpus, jobs, teams, waste, alerts] = await Promise.all([
      getJson("/api/gpus?limit=5000"), jobRows(range), getJson("/api/energy?by=team&" + range),
      getJson("/api/waste?limit=20&" + range), getJson("/api/alerts"),
    ]);
    renderFleet(fleet);
    renderHeatmap(gpus);
    renderJobs(jobs);
    renderTeams(teams, RANGE_MS / 3600000);
    renderWaste(waste);
    renderAlerts(alerts);
    for (const label of document.querySelectorAll(".range")) label.textContent = "last hour, " + utcTime(isoSeconds(from)) + "–" + utcTime(fleet.windowEnd) + " UTC";
    document.body.dataset.from = isoSeconds(from);
    document.body.dataset.to = isoSeconds(end);
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
    status.textContent = "Updated " + new Date().toISOString().slice(11, 19) + " UTC; refreshes every " + REFRESH_MS / 1000 + " s.";
    status.className = "status";
  } catch (error) {
    status.textContent = "The API did not answer: " + error.message + ". Retrying.";
    status.className = "status error";
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
