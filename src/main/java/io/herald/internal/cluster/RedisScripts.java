package io.herald.internal.cluster;

import com.google.gson.JsonArray;

/**
 * The Lua scripts that keep the cluster's state in Redis, each run atomically (EVAL), so that a change and the message
 * announcing it cannot be separated or interleaved with another instance's. All take the key prefix as ARGV[1].
 *
 * <p>Keys under the prefix {@code p}: {@code p:bus} (the pub/sub channel every instance subscribes to),
 * {@code p:nodes} (live instances), {@code p:node:<id>} (an instance's heartbeat, expiring after the node timeout),
 * {@code p:channels} (channel to subscriptions in the cluster), {@code p:subs:<id>} (channel to subscriptions on one
 * instance), {@code p:pres:<id>} ({@code channel\nuser} to that user's connections on one instance),
 * {@code p:pc:<channel>} (user to connections in the cluster) and {@code p:pu:<channel>} (member to info JSON).
 * Counts never go below what an instance registered, so a late or repeated leave cannot remove another's member.
 * Changes the application hears of ({@code o} occupied, {@code v} vacated, {@code j} with {@code a=1}, {@code l})
 * name the instance that caused them ({@code o}, ARGV[2]), which alone reports them.
 */
final class RedisScripts {
    private static final String COMMON = """
            local p, reporter = ARGV[1], ARGV[2]
            local bus, channels, nodes = p .. ':bus', p .. ':channels', p .. ':nodes'
            local function key(kind, name) return p .. ':' .. kind .. ':' .. name end
            local function split(field)
              local at = string.find(field, '\\n', 1, true)
              return string.sub(field, 1, at - 1), string.sub(field, at + 1)
            end
            -- changes an instance's subscription count of a channel by d; the cluster's count after it
            local function count(node, ch, d)
              local have = tonumber(redis.call('HGET', key('subs', node), ch) or '0')
              if have + d < 0 then d = -have end
              local before = tonumber(redis.call('HGET', channels, ch) or '0')
              if d == 0 then return before end
              if redis.call('HINCRBY', key('subs', node), ch, d) <= 0 then redis.call('HDEL', key('subs', node), ch) end
              local total = redis.call('HINCRBY', channels, ch, d)
              if total <= 0 then redis.call('HDEL', channels, ch) end
              if before <= 0 and total > 0 then
                redis.call('PUBLISH', bus, cjson.encode({t = 'o', c = ch, o = reporter}))
              elseif before > 0 and total <= 0 then
                redis.call('PUBLISH', bus, cjson.encode({t = 'v', c = ch, o = reporter}))
              end
              return total
            end
            -- changes an instance's connections of a member by d; 1 when the user became a member, -1 when they left (the rule
            -- of MemberCounts, which MemberCountRuleTest holds this to)
            local function presence(node, ch, user, info, d)
              local field = ch .. '\\n' .. user
              local have = tonumber(redis.call('HGET', key('pres', node), field) or '0')
              if have + d < 0 then d = -have end
              if d == 0 then return 0 end
              if redis.call('HINCRBY', key('pres', node), field, d) <= 0 then redis.call('HDEL', key('pres', node), field) end
              local total = redis.call('HINCRBY', key('pc', ch), user, d)
              if total <= 0 then
                redis.call('HDEL', key('pc', ch), user)
                redis.call('HDEL', key('pu', ch), user)
                redis.call('PUBLISH', bus, cjson.encode({t = 'l', c = ch, u = user, o = reporter}))
                return -1
              end
              if total == d then
                redis.call('HSET', key('pu', ch), user, info)
                return 1
              end
              return 0
            end
            local function reap(id)
              if redis.call('SREM', nodes, id) == 0 then return end
              local pres = redis.call('HGETALL', key('pres', id))
              for i = 1, #pres, 2 do
                local ch, user = split(pres[i])
                presence(id, ch, user, '', -tonumber(pres[i + 1]))
              end
              local subs = redis.call('HGETALL', key('subs', id))
              for i = 1, #subs, 2 do count(id, subs[i], -tonumber(subs[i + 1])) end
              redis.call('DEL', key('subs', id), key('pres', id), key('node', id))
            end
            """;

    /** ARGV: prefix, node, channel, delta. A public or private subscription more or fewer; the cluster's count. */
    static final String COUNT = COMMON + """
            return count(ARGV[2], ARGV[3], tonumber(ARGV[4]))
            """;

    /**
     * ARGV: prefix, node, channel, user, info, socket, max members (empty: any number), and the members to report (a
     * JSON array, or empty for all). -1 when full (a new user only: {@link MemberCounts#admits}); else counts the connection and publishes the join with the members as of now
     * (1 when the user is new).
     */
    static final String JOIN = COMMON + """
            local node, ch, user, info = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
            local pu = key('pu', ch)
            if ARGV[7] ~= '' and redis.call('HEXISTS', pu, user) == 0 and redis.call('HLEN', pu) >= tonumber(ARGV[7]) then
              return -1
            end
            count(node, ch, 1)
            local new = presence(node, ch, user, info, 1)
            if new < 0 then new = 0 end
            local members
            if ARGV[8] == nil or ARGV[8] == '' then
              members = redis.call('HGETALL', pu)
            else
              members = {}
              for _, id in ipairs(cjson.decode(ARGV[8])) do
                local found = redis.call('HGET', pu, id)
                if found then
                  table.insert(members, id)
                  table.insert(members, found)
                end
              end
            end
            redis.call('PUBLISH', bus, cjson.encode({t = 'j', c = ch, o = node, s = ARGV[6], u = user, i = info,
              a = new, m = members}))
            return new
            """;

    /** ARGV: prefix, node, channel, user. A presence connection left (member_removed goes out with its last). */
    static final String LEAVE = COMMON + """
            presence(ARGV[2], ARGV[3], ARGV[4], '', -1)
            count(ARGV[2], ARGV[3], -1)
            return 0
            """;

    /**
     * ARGV: prefix, node, heartbeat milliseconds. Renews this instance's heartbeat and removes every instance whose
     * heartbeat expired. 1 when this instance is registered, 0 when Redis lost it (restarted) or reaped it.
     */
    static final String HEARTBEAT = COMMON + """
            local node = ARGV[2]
            redis.call('SET', key('node', node), '1', 'PX', ARGV[3])
            for _, id in ipairs(redis.call('SMEMBERS', nodes)) do
              if id ~= node and redis.call('EXISTS', key('node', id)) == 0 then reap(id) end
            end
            return redis.call('SISMEMBER', nodes, node)
            """;

    /**
     * ARGV: prefix, node, subscriptions JSON ({channel: count}), presence JSON ({"channel\nuser": {n, i}}). Makes
     * this instance's share of the state what it holds, announcing members that come or go, then asks every
     * instance to compare its subscribers' view with the result.
     */
    static final String SYNC = COMMON + """
            local node = ARGV[2]
            local wantSubs, wantPres = cjson.decode(ARGV[3]), cjson.decode(ARGV[4])
            local have = redis.call('HGETALL', key('subs', node))
            local seen = {}
            for i = 1, #have, 2 do
              seen[have[i]] = true
              count(node, have[i], (wantSubs[have[i]] or 0) - tonumber(have[i + 1]))
            end
            for ch, n in pairs(wantSubs) do if not seen[ch] then count(node, ch, n) end end
            local pres = redis.call('HGETALL', key('pres', node))
            seen = {}
            for i = 1, #pres, 2 do
              seen[pres[i]] = true
              local ch, user = split(pres[i])
              local want = wantPres[pres[i]]
              presence(node, ch, user, want and want.i or '', (want and want.n or 0) - tonumber(pres[i + 1]))
            end
            for field, want in pairs(wantPres) do
              if not seen[field] then
                local ch, user = split(field)
                if presence(node, ch, user, want.i, want.n) == 1 then
                  redis.call('PUBLISH', bus, cjson.encode({t = 'j', c = ch, o = node, s = '', u = user, i = want.i,
                    a = 1, m = {}}))
                end
              end
            end
            redis.call('SADD', nodes, node)
            redis.call('PUBLISH', bus, cjson.encode({t = 'r', o = node}))
            return 0
            """;

    /** ARGV: prefix, node, channel. Publishes the channel's members for that instance, in order with its changes. */
    static final String SNAPSHOT = COMMON + """
            redis.call('PUBLISH', bus, cjson.encode({t = 's', o = ARGV[2], c = ARGV[3],
              m = redis.call('HGETALL', key('pu', ARGV[3]))}))
            return 0
            """;

    /** ARGV: prefix, node. This instance leaves: its members are removed as if it had died. */
    static final String WITHDRAW = COMMON + """
            reap(ARGV[2])
            return 0
            """;

    /** The ARGV of {@link #JOIN} for {@code join} by the instance {@code node}. */
    static String[] joinArguments(String prefix, String node, PresenceJoin join) {
        String watchlist = join.watchlist().map(ids -> {
            JsonArray only = new JsonArray();
            ids.forEach(only::add);
            return only.toString();
        }).orElse("");
        String maxMembers = join.maxMembers().isPresent() ? Integer.toString(join.maxMembers().getAsInt()) : "";
        return new String[] {prefix, node, join.channel(), join.userId(), join.infoJson(), join.socketId(), maxMembers,
            watchlist};
    }

    private RedisScripts() {
    }
}
