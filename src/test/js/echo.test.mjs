// Unmodified laravel-echo 2 (with pusher-js) against Herald's local server: entity changes as Echo's model
// broadcasting listens for them (.OrderCreated / .OrderUpdated / .OrderDeleted on private-Order.<id>) and
// notifications as Echo's .notification() receives them. The application under test serves the orders API of
// OrdersResource (io.herald.data) at HERALD_URL + HERALD_API (empty, or /api); its sign-in is the X-Test-User
// header (HERALD_USER_HEADER: another). Run by EchoOnLocalServerTest and by the runtimes' EntityChangesScenario.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import Echo from 'laravel-echo';
import Pusher from 'pusher-js';

const base = process.env.HERALD_URL;
const api = base + (process.env.HERALD_API ?? '');
const key = process.env.HERALD_KEY;
const userHeader = process.env.HERALD_USER_HEADER ?? 'X-Test-User';
const echoes = [];

function echo(user) {
  const client = new Echo({
    broadcaster: 'pusher',
    Pusher,
    key,
    cluster: 'local',
    wsHost: new URL(base).hostname,
    wsPort: Number(new URL(base).port),
    forceTLS: false,
    enabledTransports: ['ws'],
    authEndpoint: `${api}/broadcasting/authorize`,
    auth: { headers: { [userHeader]: user } },
  });
  echoes.push(client);
  return client;
}

// Resolves with each event's data as it arrives; `next(n)` waits for the next n.
function recorder() {
  const seen = [];
  const waiting = [];
  return {
    push(event) {
      seen.push(event);
      waiting.filter((w) => seen.length >= w.count).forEach((w) => w.resolve(seen.slice(0, w.count)));
    },
    upTo(count, timeout = 10000) {
      if (seen.length >= count) return Promise.resolve(seen.slice(0, count));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${seen.length} of ${count} events within ${timeout} ms: `
          + JSON.stringify(seen))), timeout);
        waiting.push({ count, resolve: (events) => { clearTimeout(timer); resolve(events); } });
      });
    },
    get all() { return seen; },
  };
}

function subscribed(channel) {
  return new Promise((resolve, reject) => {
    channel.subscribed(resolve);
    channel.error((error) => reject(new Error(`subscription refused: ${JSON.stringify(error)}`)));
  });
}

async function call(method, path, expected) {
  const response = await fetch(`${api}${path}`, { method });
  assert.equal(response.status, expected, `${method} ${path}`);
  return expected === 200 ? response.json() : undefined;
}

after(() => echoes.forEach((client) => client.disconnect()));

async function customer(name) {
  return (await call('POST', `/orders/customers/${name}`, 200)).customer;
}

async function order(customerId) {
  return (await call('POST', `/orders/customers/${customerId}/orders`, 200)).order;
}

function refusal(channel) {
  return new Promise((resolve) => {
    channel.subscribed(() => resolve('subscribed'));
    channel.error((error) => resolve(error.status));
  });
}

test('the customer hears of a new order as OrderCreated on their own channel', async () => {
  const ada = await customer('ada');
  const events = recorder();
  await subscribed(echo('ada').private(`Customer.${ada}`).listen('.OrderCreated', (e) => events.push(e)));

  const id = await order(ada);

  const [created] = await events.upTo(1);
  assert.deepEqual(created.model, { id, status: 'new', total: 10, address: { street: '1 Main St', city: 'Springfield' } });
});

test('an order is updated once for ten updates, never for a rollback, and deleted with its id only', async () => {
  const id = await order(await customer('bob'));
  const events = recorder();
  const channel = echo('bob').private(`Order.${id}`)
    .listen('.OrderCreated', (e) => events.push({ name: 'created', ...e }))
    .listen('.OrderUpdated', (e) => events.push({ name: 'updated', ...e }))
    .listen('.OrderDeleted', (e) => events.push({ name: 'deleted', ...e }));
  await subscribed(channel);

  await call('POST', `/orders/${id}/status/paid?times=10`, 204);
  await call('POST', `/orders/${id}/rollback`, 409);
  await call('DELETE', `/orders/${id}`, 204);

  // One channel's events arrive in the order they were sent, so the delete is the marker: a second update, or one
  // for the rolled-back transaction, would have come before it.
  const [updated, deleted] = await events.upTo(2);
  assert.equal(updated.name, 'updated');
  assert.equal(updated.model.status, 'paid');
  assert.equal(updated.model.total, 10);
  assert.equal(updated.model.customer, undefined, 'the lazy association is not written');
  assert.deepEqual(deleted, { name: 'deleted', model: { id } });
});

test('nobody else may listen to an order or to a customer', async () => {
  const carol = await customer('carol');
  const id = await order(carol);
  assert.equal(await refusal(echo('mallory').private(`Order.${id}`)), 403);
  assert.equal(await refusal(echo('mallory').private(`Customer.${carol}`)), 403);
});

test('a notification reaches Echo\'s .notification() on the customer\'s channel', async () => {
  const dave = await customer('dave');
  const notifications = recorder();
  await subscribed(echo('dave').private(`Customer.${dave}`).notification((n) => notifications.push(n)));

  await call('POST', `/orders/customers/${dave}/notify/Shipped`, 204);

  const [notification] = await notifications.upTo(1);
  assert.equal(notification.text, 'Shipped');
  assert.match(notification.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.match(notification.type, /OrderNote$/);
});
