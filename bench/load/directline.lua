-- wrk script for the Direct Line post-and-poll loop. Every conversation does what Web Chat does
-- for each question, one call at a time: POST the message to .../activities (the bot answers
-- before the POST returns), then GET .../activities?watermark=N with the watermark of its previous
-- poll; its next question goes out when that poll has come back. A turn is one POST plus one GET.
--
-- There are as many conversations as connections. A wrk thread cannot tell its connections apart,
-- so each thread keeps a queue of its conversations' next calls: a response (recognised by the
-- conversation id in its body) queues that conversation's next call, and whichever of the thread's
-- connections is free sends the call at the head of the queue. Every connection and every
-- conversation thus always has exactly one call outstanding or queued.
--
-- $LOAD_CONVERSATIONS names a file with one "token conversationId watermark" line per
-- conversation; init's argument is how many conversations (connections) each thread has.
-- A turn counts as bad unless both calls answer 200, the POST returns the activity id and the poll
-- brings at least three new activities (the echo of the question, typing and the answer).
local dir = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
dofile(dir .. "/lib.lua")

-- A mix of what patients ask: answered questions (paraphrases, one with a typo), a question the
-- bot has no answer for, and small talk. No question is declined by the safety gate: a decline
-- sends a handoff event carrying the conversation's recent messages (up to 40), and these
-- conversations run for hundreds of turns, far longer than a patient's.
local questions = {
    "Can I drive home after my infusion?",
    "how long does an infusoin take",
    "What should I wear?",
    "Will there be a needle?",
    "Is ketamine addictive?",
    "do you take insurance",
    "hi there",
    "How soon will I notice a difference?",
    "What happens at the first consultation?",
    "thanks!",
    "Can my sister pick me up after?",
    "What are the side effects?",
    "What should I bring to my appointment?",
    "where is the clinic",
}

local list, by_id = {}, {}
local queue, head, tail = {}, 1, 0
local verifying = false
post_lat, get_lat, turn_lat = {}, {}, {}
turns, bad_post, bad_get, short, unattributed, starved = 0, 0, 0, 0, 0, 0

local function push(c)
    tail = tail + 1
    queue[tail] = c
end

function init(args)
    local per = tonumber(args[1]) or 1
    local path = assert(os.getenv("LOAD_CONVERSATIONS"), "set LOAD_CONVERSATIONS")
    local n = 0
    for line in io.lines(path) do
        if n >= id * per and n < (id + 1) * per then
            local token, conversation, mark = line:match("^(%S+)%s+(%S+)%s+(%d+)")
            assert(token, "bad line in " .. path .. ": " .. line)
            local resource = "/v3/directline/conversations/" .. conversation .. "/activities"
            local c = {
                id = conversation,
                user = "load-" .. n,
                mark = mark,
                seq = n,
                polling = false,
                post = "POST " .. resource .. " HTTP/1.1\r\n" .. host_header() .. "Authorization: Bearer " .. token ..
                    "\r\nContent-Type: application/json\r\nContent-Length: ",
                get = "GET " .. resource .. "?watermark=",
                get_rest = " HTTP/1.1\r\n" .. host_header() .. "Authorization: Bearer " .. token .. "\r\n\r\n",
            }
            list[#list + 1] = c
            by_id[conversation] = c
            push(c)
        end
        n = n + 1
    end
    assert(#list == per, "fewer conversations in " .. path .. " than connections")
    -- wrk calls the first thread's request() once before the run to see how many requests it
    -- returns (script_verify_request); that request is never sent.
    verifying = id == 0
end

function request()
    if verifying then
        verifying = false
        return list[1].get .. list[1].mark .. list[1].get_rest
    end

    local c
    if head <= tail then
        c = queue[head]
        queue[head] = nil
        head = head + 1
    else
        -- Only after a response that named no conversation (an error, counted there).
        starved = starved + 1
        c = list[head % #list + 1]
    end

    c.inflight = true
    c.started = now_us()
    if c.polling then
        return c.get .. c.mark .. c.get_rest
    end

    c.seq = c.seq + 1
    c.turn_started = c.started
    local body = '{"type":"message","text":"' .. questions[c.seq % #questions + 1] .. '","from":{"id":"' .. c.user ..
        '"},"channelData":{"clientActivityID":"' .. c.user .. "-" .. c.seq .. '"}}'
    return c.post .. #body .. "\r\n\r\n" .. body
end

function response(status, headers, body)
    local now = now_us()
    local id = body:match('^{"id":"([^"|]+)|') or body:match('"conversation":{"id":"([^"]+)"')
    local c = id and by_id[id]
    if not (c and c.inflight) then
        unattributed = unattributed + 1
        return
    end

    c.inflight = false
    if not c.polling then
        post_lat[#post_lat + 1] = now - c.started
        if status ~= 200 then
            bad_post = bad_post + 1
        end
        c.polling = true
    else
        get_lat[#get_lat + 1] = now - c.started
        turn_lat[#turn_lat + 1] = now - c.turn_started
        turns = turns + 1
        c.polling = false
        local mark = status == 200 and body:match('"watermark":"(%d+)"', math.max(1, #body - 40))
        if not mark then
            bad_get = bad_get + 1
        else
            if tonumber(mark) - tonumber(c.mark) < 3 then
                short = short + 1
            end
            c.mark = mark
        end
    end
    push(c)
end

function done(summary, latency, requests)
    local turn_count = sum("turns")
    write_result("directline", summary, latency, gather("post_lat", "get_lat"), string.format(
        '"turns":%d,"tps":%.1f,"bad":%d,"bad_post":%d,"bad_get":%d,"short_polls":%d,"unattributed":%d,"starved":%d,' ..
        '"post_ms":%s,"get_ms":%s,"turn_ms":%s',
        turn_count, turn_count / (summary.duration / 1000000),
        sum("bad_post") + sum("bad_get") + sum("short") + sum("unattributed") + sum("starved"),
        sum("bad_post"), sum("bad_get"), sum("short"), sum("unattributed"), sum("starved"),
        percentiles_json(gather("post_lat")), percentiles_json(gather("get_lat")), percentiles_json(gather("turn_lat"))))
end
