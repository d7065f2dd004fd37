-- wrk script for the plain Kestrel endpoint (bench/load/Baseline): GET /activities?watermark=N in
-- a loop on every connection. The endpoint writes N back as the set's watermark, which tells the
-- script which call a response answers. The Lua work per call is the same as in directline.lua's
-- polls (build the request, find the watermark near the end of the body, record the time).
local dir = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
dofile(dir .. "/lib.lua")

local prefix, suffix
local started, seq, verifying = {}, 0, false
req_lat = {}
bad, unattributed = 0, 0

function init(args)
    prefix = "GET /activities?watermark="
    suffix = " HTTP/1.1\r\n" .. host_header() .. "Accept: application/json\r\n\r\n"
    -- wrk calls the first thread's request() once before the run (script_verify_request).
    verifying = id == 0
end

function request()
    if verifying then
        verifying = false
        return prefix .. "0" .. suffix
    end

    seq = seq + 1
    started[seq] = now_us()
    return prefix .. seq .. suffix
end

function response(status, headers, body)
    local now = now_us()
    local mark = tonumber(body:match('"watermark":"(%d+)"', math.max(1, #body - 40)))
    local start = mark and started[mark]
    if not start then
        unattributed = unattributed + 1
        return
    end

    started[mark] = nil
    req_lat[#req_lat + 1] = now - start
    if status ~= 200 or #body < 1000 then
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    write_result("plain", summary, latency, gather("req_lat"), string.format(
        '"turns":0,"tps":0,"bad":%d,"unattributed":%d', sum("bad") + sum("unattributed"), sum("unattributed")))
end
