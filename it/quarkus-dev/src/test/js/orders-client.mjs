// A pusher-js client of the minimal application, as a browser page would be: it subscribes to 'orders' and prints
// one JSON line for each connection state and each OrderShipped event, for the Java test to read.
// Usage: node orders-client.mjs <pusher-js module> <port>
const [, , pusherModule, port] = process.argv;
const { default: Pusher } = await import(pusherModule);

const pusher = new Pusher("shop-key", {
  cluster: "local",
  wsHost: "127.0.0.1",
  wsPort: Number(port),
  forceTLS: false,
  enabledTransports: ["ws"],
});
const say = (line) => console.log(JSON.stringify(line));
pusher.connection.bind("state_change", (change) => say({ state: change.current }));
const orders = pusher.subscribe("orders");
orders.bind("pusher:subscription_succeeded", () => say({ subscribed: "orders" }));
orders.bind("OrderShipped", (order) => say({ shipped: order.id }));
// Ends when the test closes its input, so that no client outlives the test.
process.stdin.resume();
process.stdin.on("end", () => {
  pusher.disconnect();
  process.exit(0);
});
