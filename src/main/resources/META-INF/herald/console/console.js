// Herald's console: the state and the live log, received over the Pusher protocol from the application's own local
// server (a few lines of it spoken here, so that the page needs no library), or asked for every two seconds when the
// application has no local connection. Plain JavaScript, nothing from a CDN.
'use strict';
const base = document.body.dataset.base;
const $ = (id) => document.getElementById(id);
const CHANNEL = 'private-herald-console';
const MAX_ROWS = 500;
const history = [];
const instances = new Map();   // instance -> its last state and when it came: a cluster's instances each send theirs
let paused = false;
let lastSent = null;

async function call(path, form) {
  const response = await fetch(base + path, form ? { method: 'POST', body: new URLSearchParams(form) } : {});
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

function cells(row, values, className) {
  const tr = document.createElement('tr');
  if (className) tr.className = className;
  values.forEach((value, i) => {
    const td = document.createElement('td');
    td.textContent = value;
    if (i === values.length - 1 && row === 'log') td.className = 'detail';
    tr.append(td);
  });
  return tr;
}

function render(state) {
  $('sampling').textContent = state.sampledOut > 0
    ? `Over ${state.maxEntriesPerSecond} entries a second, the log is sampled: ${state.sampledOut} left out so far.`
    : `The log keeps the last ${state.logSize} entries; above ${state.maxEntriesPerSecond} a second it is sampled.`;
  const connections = $('connections').tBodies[0];
  connections.replaceChildren(...Object.entries(state.connections).map(([name, c]) =>
    cells('connections', [name, c.driver, c.sent, c.retried, c.failed])));
  $('readiness').tBodies[0].replaceChildren(...state.readiness.map((part) => {
    const row = cells('readiness', [part.name, part.up ? 'ready' : 'not ready',
      Object.entries(part.data).map(([k, v]) => `${k}=${v}`).join(' ')]);
    row.children[1].className = part.up ? 'up' : 'down';
    return row;
  }));
  const prefix = $('channel-filter').value;
  instances.set(state.instance, { state, at: Date.now() });
  for (const [id, seen] of instances) if (seen.at < Date.now() - 5000) instances.delete(id);
  const socketsOf = (s) => s.apps.reduce((sum, app) => sum + app.connections, 0);
  const sockets = [...instances.values()].reduce((sum, seen) => sum + socketsOf(seen.state), 0);
  $('socket-count').textContent = `${sockets} WebSocket connection${sockets === 1 ? '' : 's'}`
    + (instances.size > 1 ? ` on ${instances.size} instances` : ` on instance ${state.instance}`);
  $('instances').textContent = instances.size > 1 ? [...instances].map(([id, seen]) =>
    `instance ${id}: ${socketsOf(seen.state)} connections`).join(' · ') : '';
  const signedIn = [...new Set(state.apps.flatMap((app) => app.signedIn))];
  $('signed-in').textContent = signedIn.length ? signedIn.join(', ') : 'nobody';
  $('channels').tBodies[0].replaceChildren(...state.apps.flatMap((app) => app.channels)
    .filter((channel) => channel.name.startsWith(prefix))
    .map((channel) => cells('channels', [channel.name, channel.subscribers, (channel.members ?? []).join(', ')])));
  const sent = [...instances.values()].reduce((all, seen) => all
    + Object.values(seen.state.connections).reduce((sum, c) => sum + c.sent, 0), 0);
  const now = Date.now();
  const rate = lastSent ? Math.max(0, (sent - lastSent.sent) * 1000 / Math.max(1, now - lastSent.at)) : 0;
  lastSent = { sent, at: now };
  history.push({ at: now, sockets, rate });
  while (history.length && history[0].at < now - 300000) history.shift();
  draw();
}

function draw() {
  const canvas = $('chart');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const top = Math.max(1, ...history.map((p) => Math.max(p.sockets, p.rate)));
  const styles = getComputedStyle(document.documentElement);
  for (const [key, color] of [['sockets', styles.getPropertyValue('--accent')], ['rate', styles.getPropertyValue('--good')]]) {
    g.strokeStyle = color;
    g.beginPath();
    history.forEach((point, i) => {
      const x = canvas.width - (Date.now() - point.at) * canvas.width / 300000;
      const y = canvas.height - 4 - point[key] * (canvas.height - 8) / top;
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
  }
  g.fillStyle = styles.getPropertyValue('--muted');
  g.fillText(`max ${Math.round(top)}`, 4, 12);
}

function log(entry) {
  if (paused) return;
  const channel = $('log-channel').value;
  const event = $('log-event').value;
  if (channel && !entry.channels.some((name) => name.includes(channel))) return;
  if (event && !entry.event.includes(event)) return;
  const time = new Date(entry.at).toLocaleTimeString();
  const row = cells('log', [time, entry.kind, entry.connection, entry.channels.join(', '), entry.event, entry.detail],
    entry.kind.includes('failed') ? 'failed' : undefined);
  row.dataset.kind = entry.kind;
  const rows = $('log').tBodies[0];
  rows.prepend(row);
  while (rows.rows.length > MAX_ROWS) rows.deleteRow(rows.rows.length - 1);
}

function listen(live) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}${live.webSocketPath}?protocol=7&client=herald-console&version=1.0`);
  socket.onmessage = async (message) => {
    const frame = JSON.parse(message.data);
    const data = typeof frame.data === 'string' ? JSON.parse(frame.data) : frame.data;
    if (frame.event === 'pusher:connection_established') {
      const answer = await call('auth', { socket_id: data.socket_id, channel_name: CHANNEL });
      socket.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel: CHANNEL, auth: answer.auth } }));
    } else if (frame.event === 'pusher_internal:subscription_succeeded') {
      $('status').textContent = 'Live: updates arrive over the local server as they happen.';
    } else if (frame.event === 'pusher:ping') {
      socket.send(JSON.stringify({ event: 'pusher:pong', data: {} }));
    } else if (frame.event === 'entry') {
      log(data);
    } else if (frame.event === 'state') {
      render(data);
    }
  };
  socket.onclose = () => {
    $('status').textContent = 'Disconnected; connecting again…';
    setTimeout(() => listen(live), 1000);
  };
}

async function start() {
  const state = await call('state');
  $('status').textContent = `Signed in as ${state.user}.`;
  render(state);
  state.log.forEach(log);
  if (state.live.webSocketPath) {
    listen(state.live);
  } else {
    $('status').textContent = 'No local connection: refreshed every two seconds; the connections and channels are '
      + 'in Pusher\'s own debug console. ';
    const link = document.createElement('a');
    link.href = 'https://dashboard.pusher.com/';
    link.textContent = 'Open Pusher\'s dashboard';
    $('status').append(link);
    setInterval(async () => render(await call('state')), 2000);
  }
}

$('pause').addEventListener('click', () => {
  paused = !paused;
  $('pause').textContent = paused ? 'Resume' : 'Pause';
});
$('test-event').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await call('test-event', { channel: $('test-channel').value, event: $('test-name').value, data: $('test-data').value });
    $('action-result').textContent = `Sent ${$('test-name').value} on ${$('test-channel').value}.`;
  } catch (e) {
    $('action-result').textContent = e.message;
  }
});
$('terminate').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await call('terminate', { user: $('terminate-user').value });
    $('action-result').textContent = `Terminated the connections of ${$('terminate-user').value}.`;
  } catch (e) {
    $('action-result').textContent = e.message;
  }
});
start().catch((e) => { $('status').textContent = e.message; });
