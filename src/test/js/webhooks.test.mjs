// The Node `pusher` library validates the webhooks Herald's local server sent and reads their events.
// Run by WebhooksOutTest, which records the webhooks in WEBHOOKS_FILE ([{key, signature, body}]).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import PusherServer from 'pusher';

const pusher = new PusherServer({ appId: process.env.HERALD_APP_ID, key: process.env.HERALD_KEY,
  secret: process.env.HERALD_SECRET });
const recorded = JSON.parse(readFileSync(process.env.WEBHOOKS_FILE, 'utf8'));

test('every webhook is valid and its events are the presence channel\'s life', () => {
  const events = [];
  for (const { key, signature, body } of recorded) {
    const webhook = pusher.webhook({
      headers: { 'x-pusher-key': key, 'x-pusher-signature': signature, 'content-type': 'application/json' },
      rawBody: body,
    });
    assert.equal(webhook.isValid(), true);
    assert.equal(typeof webhook.getTime().getTime(), 'number');
    events.push(...webhook.getEvents().map((e) => [e.name, e.channel, e.user_id].filter(Boolean).join(' ')));
  }
  assert.deepEqual(events, ['channel_occupied presence-node', 'member_added presence-node ada',
    'member_removed presence-node ada', 'channel_vacated presence-node']);
});
