-- wrk script for bench/reliability/run.sh: the Direct Line post-and-poll loop of
-- bench/load/directline.lua (loaded as it is, with its question mix, queueing and statistics),
-- wrapped so that it also
--   * counts every POST it sends and records the id of every POST that answered 200 (the
--     activity id the server acknowledged; the transcript store must hold each of them), and
--   * with $RELIABILITY_POST_SECONDS, stops posting after that many seconds: from then on every
--     free connection calls GET /health instead, so that when wrk stops (give it a couple of
--     seconds more than that) no POST is left unanswered and "inbound messages stored" can be
--     compared exactly with "POSTs answered 200".
--
-- Environment: LOAD_CONVERSATIONS and LOAD_RESULT as for directline.lua (its result JSON);
-- RELIABILITY_ACKED, the file that receives the acknowledged ids (one a line); RELIABILITY_DELIVERED,
-- the file that receives "conversationId watermark" lines: per conversation, the highest watermark
-- a poll brought back (the activities below it reached the client); RELIABILITY_COUNTS, a JSON
-- file with the counts below; RELIABILITY_POST_SECONDS (optional).
-- init's argument is how many conversations (connections) each thread has, as for directline.lua.
--
-- Why the ids go through files: wrk 4.1's thread:get of a table leaves the thread's Lua stack one
-- slot lower than it found it (script_copy_value pops the table, then script_thread_get pops
-- again), so each later thread:get writes its value below the stack, over whatever may lie there
-- on the heap. In trials, ids fetched that way after directline.lua's tables now and then came
-- back with 8 bytes of a Lua table reference in place of their terminating NUL (most likely this). So each thread appends its ids to its own file (flushed every
-- 256 ids), only strings and numbers cross with thread:get (and one table per thread, the
-- first, which is still copied whole), and done() reads them all before directline.lua's done()
-- gathers its latency tables.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
dofile(here .. "/../load/directline.lua")

local loop_init, loop_request, loop_response, loop_done = init, request, response, done

-- Per thread; done() reads these with thread:get (numbers and strings, and the one table delivered).
posts_sent = 0             -- POSTs built for a conversation whose turn was due
posts_blind = 0            -- POSTs built after a connection failed (directline.lua's "starved"
                           -- calls: after the kill, wrk reconnects and asks for requests that the
                           -- dead server never reads); not in posts_sent
posts_ok = 0               -- POSTs answered 200 with an id (each id is recorded)
drain_calls = 0            -- GET /health calls after posting stopped
malformed = 0              -- 200 answers to a POST whose body was not exactly {"id":"..."}
malformed_samples = ""     -- the first 20 of them, escaped, as JSON objects separated by commas
first_call_us = 0          -- when the thread's first real call was built
stop_posting_us = 0        -- when it stopped posting (0: it never did)
last_ack_us = 0            -- when its last POST answered 200
delivered = {}             -- conversation id -> the highest watermark a poll brought (every
                           -- activity below it reached the client); read once, by the first
                           -- thread:get of a table on this thread (that one is still copied whole)
ids_file = ""              -- this thread's file of acknowledged ids
pending_ids = ""           -- ids not yet written to it, one a line
pending_count = 0

local post_window_us
local health_request
local first_request = true
local ids_out
local malformed_kept = 0

function init(args)
    loop_init(args)
    local seconds = tonumber(os.getenv("RELIABILITY_POST_SECONDS") or "")
    post_window_us = seconds and seconds * 1000000 or nil
    health_request = "GET /health HTTP/1.1\r\n" .. host_header() .. "\r\n"
    local path = os.getenv("RELIABILITY_ACKED")
    if path then
        ids_file = path .. ".thread" .. id
        ids_out = assert(io.open(ids_file, "w"))
    end
end

function request()
    local now = now_us()
    if first_request then
        -- The first thread's first call is wrk's check of the script, never sent; the wrapped
        -- request() answers it with a GET, so nothing below counts it.
        first_request = false
        if id ~= 0 then first_call_us = now end
    elseif first_call_us == 0 then
        first_call_us = now
    end

    if post_window_us and first_call_us > 0 and now - first_call_us >= post_window_us then
        if stop_posting_us == 0 then stop_posting_us = now end
        drain_calls = drain_calls + 1
        return health_request
    end

    local starved_before = starved
    local call = loop_request()
    if call:sub(1, 5) == "POST " then
        if starved == starved_before then
            posts_sent = posts_sent + 1
        else
            posts_blind = posts_blind + 1
        end
    end
    return call
end

-- Printable ASCII as is; quotes, backslashes and other bytes escaped for a JSON string.
local function escaped(text)
    return (text:gsub(".", function(ch)
        local byte = ch:byte()
        if ch == '"' or ch == "\\" then return "\\" .. ch end
        if byte < 32 or byte > 126 then return string.format("\\u%04x", byte) end
        return ch
    end))
end

local function record(posted)
    posts_ok = posts_ok + 1
    last_ack_us = now_us()
    pending_ids = pending_ids .. posted .. "\n"
    pending_count = pending_count + 1
    if ids_out and pending_count >= 256 then
        ids_out:write(pending_ids)
        ids_out:flush()
        pending_ids, pending_count = "", 0
    end
end

function response(status, headers, body)
    -- A POST's answer is {"id":"<conversation>|<7 digits>"}; a poll's starts with {"activities":.
    if body:sub(1, 7) == '{"id":"' then
        if status == 200 then
            local posted = body:match('^{"id":"([^"|]+|%d%d%d%d%d%d%d)"}$')
            if not posted then
                -- Kept for the report; the id is still readable when only what follows it is damaged.
                posted = body:match('^{"id":"([^"|]+|%d%d%d%d%d%d%d)')
                malformed = malformed + 1
                if malformed_kept < 20 then
                    malformed_kept = malformed_kept + 1
                    malformed_samples = malformed_samples .. (malformed_samples == "" and "" or ",") ..
                        string.format('{"length":%d,"body":"%s"}', #body, escaped(body))
                end
            end
            if posted then
                record(posted)
            end
        end
    elseif stop_posting_us > 0 and body == "Healthy" then
        return -- a drain call: nothing for the loop to count
    elseif status == 200 then
        local mark = body:match('"watermark":"(%d+)"', math.max(1, #body - 40))
        local conversation = mark and body:match('"conversation":{"id":"([^"]+)"')
        if conversation and tonumber(mark) > (delivered[conversation] or 0) then
            delivered[conversation] = tonumber(mark)
        end
    end
    loop_response(status, headers, body)
end

function done(summary, latency, requests)
    -- Scalars first (see the top of this file), then directline.lua's done().
    local sent, blind, ok, drained, bad_bodies = 0, 0, 0, 0, 0
    local first, stopped, last_ack
    local samples, files, pending, marks = {}, {}, {}, {}
    for _, thread in ipairs(threads) do
        sent = sent + thread:get("posts_sent")
        blind = blind + thread:get("posts_blind")
        ok = ok + thread:get("posts_ok")
        drained = drained + thread:get("drain_calls")
        bad_bodies = bad_bodies + thread:get("malformed")
        local kept = thread:get("malformed_samples")
        if kept ~= "" then samples[#samples + 1] = kept end
        files[#files + 1] = thread:get("ids_file")
        pending[#pending + 1] = thread:get("pending_ids")
        local f, s, a = thread:get("first_call_us"), thread:get("stop_posting_us"), thread:get("last_ack_us")
        if f > 0 and (not first or f < first) then first = f end
        if s > 0 and (not stopped or s > stopped) then stopped = s end
        if a > 0 and (not last_ack or a > last_ack) then last_ack = a end
    end
    for _, thread in ipairs(threads) do
        for conversation, mark in pairs(thread:get("delivered")) do
            marks[#marks + 1] = conversation .. " " .. string.format("%d", mark)
        end
    end
    local marks_path = os.getenv("RELIABILITY_DELIVERED")
    if marks_path then
        local out = assert(io.open(marks_path, "w"))
        out:write(table.concat(marks, "\n"), "\n")
        out:close()
    end

    -- One file of ids: each thread's file, then what it had not written yet. Every line is
    -- checked against the id's shape again.
    local written, invalid = 0, 0
    local path = os.getenv("RELIABILITY_ACKED")
    if path then
        local out = assert(io.open(path, "w"))
        local function take(line)
            if line:match("^[^\"|%c]+|%d%d%d%d%d%d%d$") then
                out:write(line, "\n")
                written = written + 1
            elseif line ~= "" then
                invalid = invalid + 1
            end
        end
        for i, file in ipairs(files) do
            for line in io.lines(file) do
                take(line)
            end
            os.remove(file)
            for line in pending[i]:gmatch("[^\n]*") do
                take(line)
            end
        end
        out:close()
    end

    loop_done(summary, latency, requests)

    -- Turns per second while posting: from the first call up to when posting stopped (drain) or
    -- else up to the last acknowledged POST (a killed server).
    local turns = sum("turns")
    local until_us = stopped or last_ack
    local posting_seconds = (first and until_us) and (until_us - first) / 1000000 or summary.duration / 1000000
    local json = string.format(
        '{"posts_sent":%d,"posts_acknowledged":%d,"posts_unacknowledged":%d,"posts_after_connection_errors":%d,' ..
        '"acked_ids":%d,"invalid_id_lines":%d,"turns":%d,"posting_seconds":%.3f,"turns_per_second":%.1f,' ..
        '"drain_calls":%d,"stopped_posting":%s,"malformed_post_answers":%d,"malformed_samples":[%s],' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}',
        sent, ok, sent - ok, blind, written, invalid, turns, posting_seconds, turns / posting_seconds,
        drained, stopped and "true" or "false", bad_bodies, table.concat(samples, ","),
        summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout)
    write_json(json, "RELIABILITY_COUNTS")
end
