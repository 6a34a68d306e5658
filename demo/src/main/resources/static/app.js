// The browser side of the demo, written as Masonite's documentation writes it: pusher-js, subscribe, bind.
const $ = (id) => document.getElementById(id);
let pusher;
let echo;

async function post(path, form, method = 'POST') {
  const response = await fetch(`/api/demo/${path}`, { method, body: new URLSearchParams(form) });
  if (!response.ok) alert(await response.text());
}

function item(list, text, className) {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) li.className = className;
  $(list).prepend(li);
}

async function connect() {
  if (pusher) pusher.disconnect();
  const { key } = await (await fetch('/api/demo/config')).json();
  const me = await (await fetch('/api/demo/me')).json();
  $('who').textContent = me.user ? `Logged in as ${me.user} (${me.role}).` : 'Not logged in.';
  $('logout-button').hidden = !me.user;

  pusher = new Pusher(key, {
    cluster: 'local',                      // required by pusher-js; unused with wsHost
    wsHost: location.hostname,
    wsPort: Number(location.port) || 80,
    wssPort: Number(location.port) || 443, // with forceTLS pusher-js uses wssPort, not wsPort
    forceTLS: location.protocol === 'https:',
    enabledTransports: ['ws'],
    channelAuthorization: { endpoint: '/api/broadcasting/authorize' },
  });
  pusher.connection.bind('state_change', ({ current }) => {
    $('connection').textContent = `Connection: ${current} (instance ${location.host})`;
  });

  pusher.subscribe('releases').bind('NewRelease', (data) => item('release-list', data.message));

  $('alert-list').replaceChildren();
  const admins = pusher.subscribe('private-admins');
  admins.bind('pusher:subscription_succeeded', () => { $('admin-status').textContent = 'Subscribed: you will see admin alerts.'; });
  admins.bind('pusher:subscription_error', () => { $('admin-status').textContent = 'Not authorized: only admins get these alerts.'; });
  admins.bind('AdminUserAlert', (data) => item('alert-list', `[${data.level.toUpperCase()}] ${data.message}`, data.level));

  $('online-list').replaceChildren();
  if (me.user) {
    const online = pusher.subscribe('presence-online');
    const render = () => {
      $('online-list').replaceChildren();
      online.members.each((member) => item('online-list', `${member.id} (${member.info.role})`));
      $('online-status').textContent = `${online.members.count} online`;
    };
    online.bind('pusher:subscription_succeeded', render);
    online.bind('pusher:member_added', render);
    online.bind('pusher:member_removed', render);
  } else {
    $('online-status').textContent = 'Log in to appear online.';
  }

  // Laravel Echo over the same connection: entity changes and notifications as a Laravel front end listens to them.
  echo = new Echo.default({ broadcaster: 'pusher', client: pusher });
  await showOrders();
  echo.channel('orders')
    .listen('.OrderCreated', ({ model }) => showOrder(model))
    .listen('.OrderUpdated', ({ model }) => showOrder(model))
    .listen('.OrderDeleted', ({ model }) => $(`order-${model.id}`)?.remove());
  $('notification-list').replaceChildren();
  if (me.user) {
    echo.private(`User.${me.user}`)
      .subscribed(() => { $('notification-status').textContent = `Listening on User.${me.user}.`; })
      .notification((notification) => item('notification-list', `${notification.from}: ${notification.text}`));
  } else {
    $('notification-status').textContent = 'Log in to receive notifications.';
  }
}

async function showOrders() {
  $('order-list').replaceChildren();
  (await (await fetch('/api/demo/orders')).json()).forEach(showOrder);
}

// One row per order, replaced in place when the order changes.
function showOrder(order) {
  const row = document.createElement('tr');
  row.id = `order-${order.id}`;
  for (const text of [order.id, order.item, order.quantity, order.status]) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  const actions = document.createElement('td');
  for (const status of ['paid', 'shipped']) {
    const button = document.createElement('button');
    button.textContent = `Mark ${status}`;
    button.className = `mark-${status}`;
    button.addEventListener('click', () => post(`orders/${order.id}/status`, { status }));
    actions.append(button);
  }
  const remove = document.createElement('button');
  remove.textContent = 'Delete';
  remove.className = 'delete';
  remove.addEventListener('click', () => post(`orders/${order.id}`, {}, 'DELETE'));
  actions.append(remove);
  row.append(actions);
  const existing = $(row.id);
  if (existing) existing.replaceWith(row); else $('order-list').append(row);
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  await post('login', { name: $('name').value, role: $('role').value });
  await connect();
});
$('logout-button').addEventListener('click', async () => { await post('logout', {}); await connect(); });
$('release').addEventListener('submit', (event) => { event.preventDefault(); post('release', { version: $('version').value }); });
$('order').addEventListener('submit', (event) => {
  event.preventDefault();
  post('orders', { item: $('item').value, quantity: $('quantity').value });
});
$('notify').addEventListener('submit', (event) => {
  event.preventDefault();
  post('orders/notify', { user: $('notify-user').value, text: $('notify-text').value });
});
$('alert').addEventListener('submit', (event) => {
  event.preventDefault();
  post('alert', { message: $('message').value, level: $('level').value });
});

connect();
