// What the pusher-js tests share: a client of one Herald instance, signed in through the test login header, and
// waiting for one event. Not a test file itself.
import Pusher from 'pusher-js';
import PusherServer from 'pusher';

// A pusher-js client of the instance at `base` (http://127.0.0.1:<port>), as `user`; kept in `clients` to disconnect.
export function client(base, key, user, clients) {
  const pusher = new Pusher(key, {
    cluster: 'local',
    wsHost: '127.0.0.1',
    wsPort: Number(new URL(base).port),
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: { endpoint: `${base}/broadcasting/authorize`, headers: { 'X-Test-User': user } },
    userAuthentication: { endpoint: `${base}/broadcasting/user-auth`, headers: { 'X-Test-User': user } },
  });
  clients.push(pusher);
  return pusher;
}

// The data of the next `event` on `emitter`, or a rejection after `timeout` ms.
export function once(emitter, event, timeout = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeout} ms`)), timeout);
    emitter.bind(event, (data) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

// The Node `pusher` library publishing to the instance at `base`, with the app of HERALD_APP_ID, HERALD_KEY and
// HERALD_SECRET.
export function restApi(base) {
  const { hostname, port } = new URL(base);
  return new PusherServer({ appId: process.env.HERALD_APP_ID, key: process.env.HERALD_KEY,
    secret: process.env.HERALD_SECRET, host: hostname, port, useTLS: false });
}
